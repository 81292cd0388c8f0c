#!/bin/sh
# Installs (as root) or names (as a normal user) the Debian packages in $DEBS.
# Not on Debian/Ubuntu (no dpkg): says so and carries on; pip brings Qt itself.
set -u
command -v dpkg-query >/dev/null 2>&1 || { echo "sysdeps: no dpkg here; install Qt's system libraries yourself."; exit 0; }
missing=""
for pkg in $DEBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
    echo "sysdeps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null || {
        echo "sysdeps: apt-get could not install:$missing"; exit 1; }
else
    echo "sysdeps: these Debian packages are missing:$missing"
    echo "sysdeps: install them with:  sudo apt-get install$missing"
    echo "sysdeps: (continuing; tests that need them are skipped with the reason)"
fi
