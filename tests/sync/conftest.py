"""Sync test fixtures: laptops already joined to one team (copied from a template), cheap keys.

Keys use the passphrase fallback (never the OS keyring) with a low scrypt cost; a template
team of six laptops is built once per run and copied per test, so tests start in
milliseconds.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from laptops import LAPTOPS, NAMES, PASSPHRASE, Laptop, copy_team

from desktop.store.opening import open_store
from desktop.sync import keys, team


@pytest.fixture(autouse=True)
def _sync_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONESTOP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keys, "STORE_SCRYPT_N", 2**8)
    monkeypatch.setattr(keys, "INVITE_SCRYPT_N", 2**8)


@pytest.fixture(scope="session")
def team_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hub folder and six laptop stores already in one team (no bundles written yet)."""
    root = tmp_path_factory.mktemp("team_template")
    saved = {k: os.environ.get(k) for k in ("ONESTOP_PASSPHRASE", "PYTHON_KEYRING_BACKEND")}
    saved_n = keys.STORE_SCRYPT_N, keys.INVITE_SCRYPT_N
    os.environ["ONESTOP_PASSPHRASE"] = PASSPHRASE
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    keys.STORE_SCRYPT_N = keys.INVITE_SCRYPT_N = 2**8
    try:
        hub = root / "hub"
        code = ""
        for i in range(LAPTOPS):
            path = root / f"laptop{i}.db"
            shutil.copyfile(template_db, path)
            db = open_store(path)
            try:
                if i == 0:
                    code = team.create_team(db, hub, name="순천 현장지원단", device_name=NAMES[0]).join_code
                else:
                    team.join_team(db, hub, device_name=NAMES[i], code=code)
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                db.close()
    finally:
        keys.STORE_SCRYPT_N, keys.INVITE_SCRYPT_N = saved_n
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return root


@pytest.fixture
def make_team(team_template: Path, tmp_path: Path) -> Iterator[Callable[[int], tuple[list[Laptop], Path]]]:
    opened: list[Laptop] = []
    counter = iter(range(10**6))

    def make(count: int = 2) -> tuple[list[Laptop], Path]:
        laptops, hub = copy_team(team_template, tmp_path / f"team{next(counter)}", count)
        opened.extend(laptops)
        return laptops, hub

    yield make
    for laptop in opened:
        laptop.db.close()
