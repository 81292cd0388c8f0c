"""A hub in a folder: a USB stick or a shared network folder. No lock files, no database on it.

Layout::

    onestop-hub.json                         hub identity (team id and name, key check)
    invites/<id>.json                        team key wrapped with a join code
    devices/<device>/device.json             device name and public key (tagged with the team key)
    devices/<device>/bundles/<seq>-<sha256>.bundle

Every file is written to a temp file in the same folder, flushed and fsynced, renamed into
place, and read back to verify. A writer killed half-way leaves only a ``.tmp`` file,
which readers ignore.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
from pathlib import Path

from desktop.sync.hubs.base import BundleRef, HubNote, HubWriteError, Listing

IDENTITY = "onestop-hub.json"
_BUNDLE = re.compile(r"^(\d{8,})-([0-9a-f]{64})\.bundle$")
_QUARANTINED = re.compile(r"^\.(\d{8,})-([0-9a-f]{64})\.bundle\.damaged$")
_DEVICE = re.compile(r"^[0-9a-z]{6,64}$")
STALE_TEMP_SECONDS = 3600


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows and some file systems cannot open directories: rename is all we have.
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class FolderHub:
    """A hub rooted at a folder (created on first write)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def location(self) -> str:
        return str(self.root)

    # -- low level -------------------------------------------------------------------------------------
    def _write_verified(self, path: Path, data: bytes, *, replace: bool = True) -> bool:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
            with open(tmp, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if not replace and path.exists():
                tmp.unlink(missing_ok=True)
                return False
            os.replace(tmp, path)
            _fsync_dir(path.parent)
            if hashlib.sha256(path.read_bytes()).digest() != hashlib.sha256(data).digest():
                raise HubWriteError(f"{path}: the file did not read back identically")
        except OSError as exc:
            raise HubWriteError(f"{path}: {exc.strerror or exc}") from exc
        return True

    def _device_dir(self, device: str) -> Path:
        if not _DEVICE.match(device):
            raise HubWriteError(f"invalid device id {device!r}")
        return self.root / "devices" / device

    # -- identity and devices ----------------------------------------------------------------------------
    def read_identity(self) -> bytes | None:
        try:
            return (self.root / IDENTITY).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise HubWriteError(f"{self.root / IDENTITY}: {exc.strerror or exc}") from exc

    def create_identity(self, data: bytes) -> bool:
        return self._write_verified(self.root / IDENTITY, data, replace=False)

    def list_devices(self) -> list[str]:
        try:
            return sorted(
                e.name for e in os.scandir(self.root / "devices") if e.is_dir() and _DEVICE.match(e.name)
            )
        except FileNotFoundError:
            return []

    def read_device_info(self, device: str) -> bytes | None:
        try:
            return (self._device_dir(device) / "device.json").read_bytes()
        except (FileNotFoundError, HubWriteError):
            return None

    def write_device_info(self, device: str, data: bytes) -> None:
        self._write_verified(self._device_dir(device) / "device.json", data)

    def list_invites(self) -> list[bytes]:
        out: list[bytes] = []
        try:
            entries = sorted(os.scandir(self.root / "invites"), key=lambda e: e.name)
        except FileNotFoundError:
            return out
        for entry in entries:
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                try:
                    out.append(Path(entry.path).read_bytes())
                except OSError:
                    continue
        return out

    def write_invite(self, invite_id: str, data: bytes) -> None:
        self._write_verified(self.root / "invites" / f"{invite_id}.json", data)

    # -- bundles ------------------------------------------------------------------------------------------
    def list_bundles(self, device: str, after: int = 0) -> Listing:
        folder = self._device_dir(device) / "bundles"
        refs: list[BundleRef] = []
        notes: list[HubNote] = []
        quarantined: list[BundleRef] = []
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            return Listing(refs, notes)
        except OSError as exc:
            notes.append(
                HubNote(
                    str(folder),
                    f"폴더를 읽을 수 없습니다: {exc.strerror}",
                    f"Cannot read the folder: {exc.strerror}",
                    "unreadable",
                )
            )
            return Listing(refs, notes)
        for entry in entries:
            name = entry.name
            match = _BUNDLE.match(name)
            if match:
                seq = int(match.group(1))
                if seq > after:
                    refs.append(BundleRef(device, seq, match.group(2), entry.path))
            elif (damaged := _QUARANTINED.match(name)) is not None:
                quarantined.append(BundleRef(device, int(damaged.group(1)), damaged.group(2), entry.path))
            elif name.endswith(".tmp"):
                self._stale_temp(entry, notes)
            elif not name.startswith("."):
                notes.append(
                    HubNote(
                        entry.path,
                        "묶음 파일 이름이 아닙니다 (무시함).",
                        "Not a bundle file name (ignored).",
                        "unexpected",
                    )
                )
        refs.sort(key=lambda r: (r.seq, r.sha256))
        return Listing(refs, notes, quarantined)

    @staticmethod
    def _stale_temp(entry: os.DirEntry[str], notes: list[HubNote]) -> None:
        try:
            age = time.time() - entry.stat().st_mtime
        except OSError:
            return
        if age > STALE_TEMP_SECONDS:
            notes.append(
                HubNote(
                    entry.path,
                    "끝나지 않은 임시 파일입니다 (무시함).",
                    "An unfinished temporary file (ignored).",
                    "unfinished",
                )
            )

    def read_bundle(self, ref: BundleRef) -> bytes:
        return Path(ref.location).read_bytes()

    def quarantine(self, ref: BundleRef) -> None:
        path = Path(ref.location)
        try:
            os.replace(path, path.with_name(f".{path.name}.damaged"))
        except OSError:
            pass  # already moved by another laptop, or read-only: the next reader reports it again

    def write_bundle(self, device: str, seq: int, sha256: str, data: bytes) -> BundleRef:
        path = self._device_dir(device) / "bundles" / f"{seq:08d}-{sha256}.bundle"
        try:
            if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
                return BundleRef(device, seq, sha256, str(path))
        except OSError:
            pass
        self._write_verified(path, data)
        path.with_name(f".{path.name}.damaged").unlink(missing_ok=True)
        return BundleRef(device, seq, sha256, str(path))
