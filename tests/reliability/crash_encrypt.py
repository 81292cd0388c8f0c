"""Kill scenario for ``onestop encrypt``: the store is whole, plain or encrypted, and no plaintext copy stays.

Registered in :data:`crash_scenarios.SCENARIOS`. The key is given in ``ONESTOP_DB_KEY`` (for the
rest of the harness process: run this scenario in a harness of its own, as test_crash_kill does),
so the harness's ``onestop check`` — the CLI's own opening, which also clears what a killed
conversion left — finds it like a user's keyring would.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

from crash_scenarios import ACTOR, Scenario, assert_store_invariants, fresh_store

from desktop.store import backups, cases, dbkey, driver, firms
from desktop.store.opening import open_store


class Encrypt(Scenario):
    """``onestop encrypt`` of a plain store with a daily backup, killed anywhere."""

    name = "encrypt"

    def prepare(self) -> None:
        import desktop.store.encryption  # noqa: F401 - imported once here, not in every child

        super().prepare()
        self.key = dbkey.new_key()
        os.environ[dbkey.KEY_ENV] = self.key.hex()
        self.plain = self.root / "plain" / "onestop.db"
        fresh_store(self.plain, self.template)
        db = open_store(self.plain)
        firm_id, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="암호화기업"), ACTOR)
        for k in range(40):
            cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F06", text=f"수출 문의 {k}"), ACTOR)
        self.ids = frozenset(r[0] for r in db.all("SELECT id FROM cases"))
        os.environ["ONESTOP_AUTO_BACKUP"] = "1"
        made = backups.daily_backup(db, today=date(2026, 3, 2))
        os.environ["ONESTOP_AUTO_BACKUP"] = "0"
        assert made is not None
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        self.live = self.root / "live" / "onestop.db"
        self.encrypted = 0

    def before_point(self, i: int) -> None:
        shutil.rmtree(self.live.parent, ignore_errors=True)
        shutil.copytree(self.plain.parent, self.live.parent)

    def child(self, i: int) -> None:
        from desktop.store import encryption

        encryption.encrypt_store(self.live, self.key)
        self.ledger.add(op="encrypt", point=i)

    def stores(self) -> list[Path]:
        return [self.live]

    def verify(self, i: int) -> None:
        plain = driver.is_plain_sqlite(self.live)
        done = any(e["point"] == i for e in self.ledger.entries())
        assert not (done and plain), "a finished conversion left the store plain"
        self.encrypted += not plain
        db = open_store(self.live, key=None if plain else self.key)
        try:
            assert_store_invariants(db)
            assert frozenset(r[0] for r in db.all("SELECT id FROM cases")) == self.ids, "cases lost"
        finally:
            db.close()
        # The CLI check opened the store: nothing a killed conversion wrote may remain beside it.
        for folder in (self.live.parent, backups.backup_dir(self.live)):
            left = [n for n in os.listdir(folder) if ".convert-" in n or "before-encrypt" in n]
            assert left == [], f"left by a killed conversion: {left}"
        for path in backups.list_backups(backups.backup_dir(self.live)):
            backups.check_backup(path, self.key)
            if not plain and done:
                assert driver.is_plain_sqlite(path) is False, "a finished conversion left a plain backup"

    def counts(self) -> dict[str, int]:
        return {"stores_found_encrypted": self.encrypted}
