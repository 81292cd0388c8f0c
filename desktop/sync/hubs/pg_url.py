"""PostgreSQL hub addresses: recognised, normalised, and shown without their password."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

_COLLAPSED = re.compile(r"^(postgres(?:ql)?):/(?!/)")


def is_postgres_url(location: str) -> bool:
    """True for ``postgresql://`` and ``postgres://`` URLs (also with one slash, as ``Path`` leaves them)."""
    return location.strip().startswith(("postgresql:/", "postgres:/"))


def normalise_url(url: str) -> str:
    """The URL with ``//`` restored after the scheme (``Path("postgresql://h/db")`` drops one)."""
    return _COLLAPSED.sub(r"\1://", url.strip())


def display_url(url: str) -> str:
    """The URL without its password (for messages and as the hub's stable name)."""
    parts = urlsplit(normalise_url(url))
    userinfo, at, hosts = parts.netloc.rpartition("@")
    user = userinfo.partition(":")[0]
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"], safe="/:")
    return f"{parts.scheme}://{user}{at}{hosts}{parts.path}{'?' + query if query else ''}"
