"""User settings: every option declared once with its type and default, kept as JSON in the config dir.

Pure Python (no Qt). The settings page in ``desktop.ui.pages.settings`` loads these values
into its widgets and saves them back; the window layout (geometry, column widths) is Qt's
business and lives in a separate file next to this one.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from desktop.core.records import ROLES

APP_DIR_NAME = "onestop"
SETTINGS_FILE_NAME = "settings.json"
LANGUAGES: tuple[str, ...] = ("ko", "en")


def _option(default: Any, doc: str, choices: tuple[str, ...] = ()) -> Any:
    return field(default=default, metadata={"doc": doc, "choices": choices})


@dataclass(frozen=True, slots=True)
class Settings:
    """All user settings. Change one with :meth:`with_changes`; save with :func:`save_settings`."""

    user_name: str = _option("", "Who I am: recorded on every case event and in the audit log.")
    agency_id: str = _option(
        "", "My agency (agency id from the reference table); the agency queue opens on it."
    )
    role: str = _option("consultant", "My role: consultant, coordinator or manager.", ROLES)
    device_name: str = _option("", "This laptop's name, used by sync and shown on events.")
    language: str = _option("ko", "Interface language: ko (Korean, default) or en.", LANGUAGES)
    number_prefix: str = _option(
        "", "Case number prefix of this device (2026-<prefix>-0042); empty = store default."
    )
    mask_names_in_list: bool = _option(False, "Show firm names masked ((주)광양**) in case lists.")
    data_dir: str = _option(
        "", "Folder of the database; empty = the per-user data folder. Used at next start."
    )
    current_session_id: str = _option("", "The clinic session open on this laptop; new cases belong to it.")
    sync_hub: str = _option(
        "", "The sync hub last used: a folder (USB stick, shared folder) or a postgresql:// URL."
    )
    recovery_key_saved_for: str = _option(
        "",
        "Fingerprint (not the key) of the store key last written to a recovery-key file; "
        "until it matches, the window reminds the user to save one.",
    )

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some options changed, each checked against its declared type and choices."""
        for name, value in changes.items():
            _check(name, value)
        return replace(self, **changes)


def _declared() -> dict[str, Any]:
    return {f.name: f for f in fields(Settings)}


def _check(name: str, value: Any) -> None:
    declared = _declared()
    if name not in declared:
        raise KeyError(f"unknown setting {name!r}")
    default = declared[name].default
    if default is MISSING or type(value) is not type(default):
        raise TypeError(f"setting {name!r} must be {type(default).__name__}, got {type(value).__name__}")
    choices: tuple[str, ...] = declared[name].metadata.get("choices", ())
    if choices and value not in choices:
        raise ValueError(f"setting {name!r} must be one of {', '.join(choices)}")


def default_config_dir() -> Path:
    """``ONESTOP_CONFIG_DIR`` if set, else the per-user config folder (platformdirs)."""
    env = os.environ.get("ONESTOP_CONFIG_DIR")
    if env:
        return Path(env)
    return Path(user_config_dir(APP_DIR_NAME, appauthor=False))


def settings_path(config_dir: Path | None = None) -> Path:
    return (config_dir or default_config_dir()) / SETTINGS_FILE_NAME


def load_settings(path: Path) -> Settings:
    """Read the settings file; a missing, unreadable or partly wrong file falls back to defaults.

    A value of the wrong type or outside its choices is ignored (its default is used) so
    that a hand-edited file never stops the program from starting.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    good: dict[str, Any] = {}
    for name, value in data.items():
        try:
            _check(str(name), value)
        except (KeyError, TypeError, ValueError):
            continue
        good[str(name)] = value
    return Settings(**good)


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings as JSON: to a temp file in the same folder, then rename over the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {f.name: getattr(settings, f.name) for f in fields(Settings)}
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def option_doc(name: str) -> str:
    """The one-line description of an option (shown as a tooltip on the settings page)."""
    doc: str = _declared()[name].metadata["doc"]
    return doc
