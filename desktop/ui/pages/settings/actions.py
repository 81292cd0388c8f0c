"""Store-key actions of the settings page: write the recovery-key file, and whether to remind the user."""

from __future__ import annotations

from pathlib import Path

from desktop.store import audit, recovery_key
from desktop.ui.context import AppContext
from reports.scratch import atomic_target


def needs_key_reminder(ctx: AppContext) -> bool:
    """True while the open store is encrypted and its key was never written to a recovery file."""
    key = ctx.db.key
    return key is not None and ctx.settings.recovery_key_saved_for != recovery_key.fingerprint(key)


def save_recovery_file(ctx: AppContext, target: Path) -> Path:
    """Write the open store's recovery-key file to ``target`` (whole or not at all), audit it
    (without the key) and remember in the settings that this key is saved.

    Anyone who may open the store may do this: the key is already theirs, in their own keyring
    (and ``onestop db-key`` shows it), and the one who most needs a copy is a consultant alone
    with a laptop.
    """
    key = ctx.db.key
    if key is None:
        raise ValueError("the open store is not encrypted")
    text = recovery_key.recovery_text(key, ctx.db_path, ctx.now())
    with atomic_target(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    with ctx.db.transaction():
        audit.record(ctx.db, ctx.actor(), recovery_key.AUDIT_SAVED, str(target))
    ctx.update_settings(ctx.settings.with_changes(recovery_key_saved_for=recovery_key.fingerprint(key)))
    return target
