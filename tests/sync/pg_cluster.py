"""A throwaway PostgreSQL cluster for the hub tests and benchmarks: initdb into a temp dir, start it
on a free port of 127.0.0.1 (socket in the temp dir), hand out databases, stop and delete it.

As root the server programs run as the ``postgres`` user (PostgreSQL refuses to run as root).
No pytest here: ``benchmarks/bench_pg.py`` uses it too.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

HUB_USER = "onestop_hub"
HUB_PASSWORD = "hub-test-password"
_HBA = """\
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""


class ClusterUnavailable(RuntimeError):
    """The server programs are missing or cannot run here (the reason is the message)."""


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` with initdb and pg_ctl (Debian), else initdb on PATH."""

    def version(path: str) -> tuple[int, ...]:
        found = re.search(r"postgresql/([\d.]+)/", path)
        return tuple(int(p) for p in found.group(1).split(".")) if found else (0,)

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalCluster:
    """One PostgreSQL server in a temp dir; ``url()`` for a database owned by the hub user."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="onestop-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self._as_postgres = os.geteuid() == 0 if hasattr(os, "geteuid") else False
        self._admin: Any = None
        self._databases = 0
        self._schemas = 0
        self._shared = ""

    # -- running the server programs ---------------------------------------------------------------
    def _cmd(self, *args: str) -> list[str]:
        if not self._as_postgres:
            return list(args)
        if shutil.which("runuser"):
            return ["runuser", "-u", "postgres", "--", *args]
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]

    def _run(self, *args: str) -> None:
        done = subprocess.run(self._cmd(*args), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise ClusterUnavailable(
                f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout.strip()}"
            )

    def start(self) -> None:
        if self._as_postgres:
            try:
                import pwd

                entry = pwd.getpwnam("postgres")
            except KeyError:
                raise ClusterUnavailable(
                    "running as root and there is no 'postgres' user to run the server"
                ) from None
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.root.chmod(0o700)
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        hba = self.data / "pg_hba.conf"
        stat = hba.stat()
        hba.write_text(_HBA)
        os.chown(hba, stat.st_uid, stat.st_gid)
        for attempt in range(3):
            self.port = free_port()
            options = (
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c full_page_writes=off -c max_connections=200"
            )
            try:
                self._run(
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.root / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    options,
                    "start",
                )
                break
            except ClusterUnavailable:
                if attempt == 2:
                    raise
        import psycopg

        self._admin = psycopg.connect(self.admin_url("postgres"), autocommit=True)
        self._admin.execute(f"CREATE ROLE {HUB_USER} LOGIN PASSWORD '{HUB_PASSWORD}'")

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        if self.port:
            try:
                self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except (ClusterUnavailable, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases and connections -----------------------------------------------------------------
    def admin_url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def url(self, database: str, *, password: str = HUB_PASSWORD, user: str = HUB_USER) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "hub") -> str:
        """A new empty database owned by the hub user; returns its name."""
        self._databases += 1
        name = f"{prefix}_{self._databases}"
        self._admin.execute(f"CREATE DATABASE {name} OWNER {HUB_USER}")
        return name

    def new_hub_url(self, prefix: str = "hub") -> str:
        """The URL of a new database (what a coordinator makes with one ``createdb``)."""
        return self.url(self.create_database(prefix))

    def new_schema_url(self) -> str:
        """The URL of a new hub in a schema of one shared database (cheaper than a database per hub)."""
        if not self._schemas:
            self._shared = self.create_database("shared")
        self._schemas += 1
        name = f"hub_schema_{self._schemas}"
        self.execute(f"CREATE SCHEMA {name} AUTHORIZATION {HUB_USER}", database=self._shared)
        return f"{self.url(self._shared)}?options=-csearch_path%3D{name}"

    def execute(
        self, sql: str, params: tuple[Any, ...] = (), database: str | None = None
    ) -> list[tuple[Any, ...]]:
        """Run SQL as the superuser (in ``database``, else in ``postgres``); rows if it returns any."""
        import psycopg

        if database is None:
            cur = self._admin.execute(sql, params)
            return list(cur) if cur.description else []
        with psycopg.connect(self.admin_url(database), autocommit=True) as conn:
            cur = conn.execute(sql, params)
            return list(cur) if cur.description else []

    def terminate(self, pid: int) -> None:
        """End one server process, as a dropped line or an administrator would (waits until it is gone)."""
        self._admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))
