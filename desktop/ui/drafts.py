"""Drafts of unsaved typing (intake form, case edits), kept in a small JSON file beside the database.

Every write goes to a temp file that is renamed over the old one, so a killed program leaves
either the previous or the new file, never half of one. The next window finds the draft and
offers it back.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any


def drafts_path_for(db_path: Path) -> Path:
    """``onestop.db`` -> ``onestop.drafts.json`` in the same (user data) folder."""
    return db_path.with_name(db_path.stem + ".drafts.json")


class DraftStore:
    """Drafts by key (``intake``, ``case:<id>``), each a JSON object with a ``saved_at`` stamp.

    State: the file path and the drafts read from it (re-read on every :meth:`get`, so that a
    new window sees what an old, killed one wrote).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}

    def get(self, key: str) -> dict[str, Any] | None:
        return self._read().get(key)

    def keys(self) -> list[str]:
        return sorted(self._read())

    def put(self, key: str, values: dict[str, Any]) -> None:
        drafts = self._read()
        drafts[key] = values | {"saved_at": datetime.now().isoformat(timespec="seconds")}
        self._write(drafts)

    def drop(self, key: str) -> None:
        drafts = self._read()
        if key in drafts:
            del drafts[key]
            self._write(drafts)

    def _write(self, drafts: dict[str, dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".drafts-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(drafts, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
