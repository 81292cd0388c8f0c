"""Teams: create one (hub identity + team key), join a laptop, invite, export the key, remove a device."""

from __future__ import annotations

import json
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core.errors import RejectedInput, reject
from desktop.core.records import Actor
from desktop.store import audit, oplog, sync_meta
from desktop.store.db import Database
from desktop.sync import keys
from desktop.sync.hubs.base import Hub, HubWriteError, open_hub
from desktop.sync.hubs.pg_url import is_postgres_url

HUB_FORMAT = "onestop-hub/1"


@dataclass(frozen=True, slots=True)
class HubIdentity:
    team_id: str
    name: str
    hub_id: str
    check: str


@dataclass(frozen=True, slots=True)
class Membership:
    """The result of creating or joining: who this laptop is now, and the join code if one was made."""

    team_id: str
    team_name: str
    device_id: str
    device_name: str
    join_code: str = ""


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def default_device_name() -> str:
    return socket.gethostname() or "laptop"


def read_identity(hub: Hub) -> HubIdentity | None:
    """The hub's identity, or None if the folder is not a hub yet."""
    try:
        data = hub.read_identity()
    except HubWriteError as exc:
        raise reject(
            "hub", f"허브를 읽을 수 없습니다: {exc}", f"Cannot read the hub: {exc}", source=hub.location
        ) from None
    if data is None:
        return None
    try:
        doc = json.loads(data)
        if doc.get("format") != HUB_FORMAT:
            raise ValueError("format")
        return HubIdentity(str(doc["team"]), str(doc.get("name", "")), str(doc["hub"]), str(doc["check"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise reject(
            "hub",
            "허브 정보 파일(onestop-hub.json)이 손상되었습니다.",
            "The hub identity file (onestop-hub.json) is damaged.",
            source=hub.location,
        ) from None


def _identity_bytes(team_id: str, name: str, team_key: bytes) -> bytes:
    hub_id = secrets.token_hex(8)
    check = keys.tag(team_key, "hub", f"{team_id}/{hub_id}".encode())
    return json.dumps(
        {
            "format": HUB_FORMAT,
            "team": team_id,
            "name": name,
            "hub": hub_id,
            "created": _now(),
            "check": check,
        },
        ensure_ascii=False,
        indent=1,
    ).encode()


def identity_key_ok(identity: HubIdentity, team_key: bytes) -> bool:
    return keys.tag_ok(team_key, "hub", f"{identity.team_id}/{identity.hub_id}".encode(), identity.check)


class NotAHub(RejectedInput):
    """The location holds no team hub (wrong drive letter, unmounted share, a typo), so nothing was
    written there; the GUI asks whether to make it a new hub, the CLI needs ``--new-hub``."""


def not_a_hub(location: str) -> NotAHub:
    if is_postgres_url(location):
        missing_ko = "이 데이터베이스에는 팀 허브가 없습니다"
        check_ko = "서버 주소와 데이터베이스 이름을 확인하세요"
        missing_en = "This database holds no team hub"
        check_en = "Check the server address and the database name"
    else:
        missing_ko = "이 폴더에는 팀 허브가 없습니다 (onestop-hub.json 없음)"
        check_ko = "USB 메모리의 드라이브 문자와 공유 폴더 연결, 경로를 확인하세요"
        missing_en = "This folder holds no team hub (no onestop-hub.json)"
        check_en = "Check the USB stick's drive letter, that the shared folder is connected, and the path"
    refused = reject(
        "hub",
        f"{missing_ko}. 아무것도 쓰지 않았습니다. {check_ko}. 이곳을 일부러 새 허브로 만들려면: "
        "프로그램에서는 동기화 때 묻는 질문에 '예', 명령줄에서는 --new-hub.",
        f"{missing_en}; nothing was written. {check_en}. To make it a new hub on purpose: answer Yes "
        "when the program asks, or add --new-hub on the command line.",
        source=location,
    )
    return NotAHub(refused.problems)


def ensure_hub(hub: Hub, team_id: str, name: str, team_key: bytes | None) -> HubIdentity:
    """The hub's identity; with ``team_key`` a location that is not a hub yet becomes one for this team.

    Raises:
        NotAHub: the location is not a hub and no ``team_key`` was given (a new hub is made on purpose only).
        RejectedInput: the location is the hub of another team.
    """
    identity = read_identity(hub)
    if identity is None:
        if team_key is None:
            raise not_a_hub(hub.location)
        try:
            hub.create_identity(_identity_bytes(team_id, name, team_key))
        except HubWriteError as exc:
            raise reject(
                "hub", f"허브에 쓸 수 없습니다: {exc}", f"Cannot write to the hub: {exc}", source=hub.location
            ) from None
        identity = read_identity(hub)
        assert identity is not None
    if identity.team_id != team_id:
        raise reject(
            "hub",
            f"이 폴더는 다른 팀('{identity.name}')의 허브입니다.",
            f"This folder is the hub of another team ('{identity.name}').",
            source=hub.location,
        )
    return identity


def device_info(team_id: str, device: str, name: str, public_key: str, team_key: bytes) -> bytes:
    doc: dict[str, Any] = {
        "format": "onestop-device/1",
        "team": team_id,
        "device": device,
        "name": name,
        "public_key": public_key,
        "added": _now(),
    }
    body = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()
    doc["tag"] = keys.tag(team_key, "device", body)
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


def read_device_name(hub: Hub, device: str, team_key: bytes) -> str | None:
    """A device's name from its device file on the hub, if the file is genuine (tagged with the team key)."""
    data = hub.read_device_info(device)
    if data is None:
        return None
    try:
        doc = json.loads(data)
        tagged = doc.pop("tag")
        body = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return str(doc.get("name")) if keys.tag_ok(team_key, "device", body, str(tagged)) else None


def _register(db: Database, hub: Hub, team_id: str, device: str, name: str, team_keys: keys.TeamKeys) -> None:
    sync_meta.add_team_device(db, device, name, team_keys.public_key)
    try:
        hub.write_device_info(
            device, device_info(team_id, device, name, team_keys.public_key, team_keys.team_key)
        )
    except HubWriteError as exc:
        raise reject(
            "hub", f"허브에 쓸 수 없습니다: {exc}", f"Cannot write to the hub: {exc}", source=hub.location
        ) from None


def _start_membership(
    db: Database, team_id: str, team_name: str, device_name: str, team_key: bytes, passphrase: str | None
) -> keys.TeamKeys:
    device = keys.new_device_id()
    store = keys.choose_keystore(db, f"{team_id}/{device}", passphrase)
    signing = keys.new_signing_key()
    keys.save_keys(store, team_key, signing)
    oplog.set_device_id(db, device)
    team_keys = keys.TeamKeys(team_key, signing, keys.public_key_of(signing))
    sync_meta.save_team(
        db,
        sync_meta.TeamRow(
            team_id, team_name, device_name, store.kind, keys.key_id(team_key), team_keys.public_key
        ),
    )
    return team_keys


def _refuse_second_team(db: Database) -> None:
    team = sync_meta.get_team(db)
    if team is not None:
        raise reject(
            "team",
            f"이 노트북은 이미 팀 '{team.name}'에 속해 있습니다.",
            f"This laptop already belongs to team '{team.name}'.",
        )


def create_team(
    db: Database,
    hub_location: Hub | str | Path,
    *,
    name: str,
    device_name: str = "",
    passphrase: str | None = None,
    key_file: Path | None = None,
) -> Membership:
    """Make a new team whose hub is ``hub_location``; this laptop is its first device.

    Returns the membership with a join code for the next laptops (an invite on the hub).
    """
    _refuse_second_team(db)
    hub = open_hub(hub_location)
    if read_identity(hub) is not None:
        raise reject(
            "hub",
            "이 폴더에는 이미 팀 허브가 있습니다. 'onestop team join'을 사용하세요.",
            "This folder already holds a team hub. Use 'onestop team join'.",
            source=hub.location,
        )
    name = name.strip() or "OneStop team"
    device_name = device_name.strip() or default_device_name()
    team_id = keys.new_device_id() + keys.new_device_id()
    team_key = keys.new_team_key()
    team_keys = _start_membership(db, team_id, name, device_name, team_key, passphrase)
    ensure_hub(hub, team_id, name, team_key)
    _register(db, hub, team_id, oplog.device_id(db), device_name, team_keys)
    code = new_invite(db, hub, team_keys=team_keys)
    if key_file is not None:
        keys.write_key_file(key_file, team_id, name, team_key)
    return Membership(team_id, name, oplog.device_id(db), device_name, code)


def join_team(
    db: Database,
    hub_location: Hub | str | Path,
    *,
    device_name: str = "",
    key_file: Path | None = None,
    code: str | None = None,
    passphrase: str | None = None,
) -> Membership:
    """Join the team whose hub is ``hub_location``, with its key file or a join code."""
    hub = open_hub(hub_location)
    identity = read_identity(hub)
    if identity is None:
        raise reject(
            "hub",
            "이 폴더에는 팀 허브가 없습니다 (onestop-hub.json 없음).",
            "This folder holds no team hub (no onestop-hub.json).",
            source=hub.location,
        )
    current = sync_meta.get_team(db)
    if current is not None:
        if current.team_id != identity.team_id:
            _refuse_second_team(db)
        team_keys = load_team_keys(db, passphrase)
        _register(db, hub, current.team_id, oplog.device_id(db), current.device_name, team_keys)
        return Membership(current.team_id, current.name, oplog.device_id(db), current.device_name)
    team_key = _team_key_for(hub, identity, key_file, code)
    device_name = device_name.strip() or default_device_name()
    taken = {d.name for d in sync_meta.team_devices(db) if not d.removed}
    taken |= {name for device in hub.list_devices() if (name := read_device_name(hub, device, team_key))}
    if device_name in taken:
        raise reject(
            "device",
            f"같은 이름의 기기가 이미 있습니다: {device_name}",
            f"A device with this name exists already: {device_name}",
        )
    team_keys = _start_membership(db, identity.team_id, identity.name, device_name, team_key, passphrase)
    _register(db, hub, identity.team_id, oplog.device_id(db), device_name, team_keys)
    return Membership(identity.team_id, identity.name, oplog.device_id(db), device_name)


def _team_key_for(hub: Hub, identity: HubIdentity, key_file: Path | None, code: str | None) -> bytes:
    if key_file is not None:
        team_id, _, team_key = keys.read_key_file(key_file)
        if team_id != identity.team_id:
            raise reject(
                "key_file",
                "키 파일이 이 허브의 팀 것이 아닙니다.",
                "The key file belongs to another team than this hub.",
                source=str(key_file),
            )
    elif code:
        found = None
        for invite in hub.list_invites():
            found = keys.open_invite(invite, identity.team_id, code)
            if found is not None:
                break
        if found is None:
            raise reject("code", "참여 코드가 맞지 않습니다.", "The join code does not match.")
        team_key = found
    else:
        raise reject(
            "code", "참여 코드나 팀 키 파일이 필요합니다.", "A join code or a team key file is needed."
        )
    if not identity_key_ok(identity, team_key):
        raise reject("key", "팀 키가 이 허브와 맞지 않습니다.", "The team key does not match this hub.")
    return team_key


def load_team_keys(db: Database, passphrase: str | None = None) -> keys.TeamKeys:
    team = require_team(db)
    store = keys.open_keystore(db, team.key_store, f"{team.team_id}/{oplog.device_id(db)}", passphrase)
    loaded = keys.load_keys(store)
    if keys.key_id(loaded.team_key) != team.key_id:
        raise reject(
            "keys", "저장된 팀 키가 이 팀의 것이 아닙니다.", "The stored team key is not this team's."
        )
    return loaded


def require_team(db: Database) -> sync_meta.TeamRow:
    team = sync_meta.get_team(db)
    if team is None:
        raise reject(
            "team",
            "이 노트북은 아직 팀에 속하지 않습니다. 'onestop team create' 또는 'team join' 하세요.",
            "This laptop is not in a team yet. Run 'onestop team create' or 'onestop team join'.",
        )
    return team


def new_invite(
    db: Database,
    hub_location: Hub | str | Path,
    *,
    passphrase: str | None = None,
    team_keys: keys.TeamKeys | None = None,
    new_hub: bool = False,
) -> str:
    """Put a new invite on the hub and return its join code (share it by voice or paper).

    Raises:
        NotAHub: the location holds no hub and ``new_hub`` was not asked for (as for a sync: an
            invite on a wrong drive letter would send the next laptop to a hub nobody syncs with).
    """
    team = require_team(db)
    hub = open_hub(hub_location)
    team_keys = team_keys or load_team_keys(db, passphrase)
    ensure_hub(hub, team.team_id, team.name, team_keys.team_key if new_hub else None)
    code = keys.new_join_code()
    try:
        hub.write_invite(secrets.token_hex(6), keys.make_invite(team.team_id, team_keys.team_key, code))
    except HubWriteError as exc:
        raise reject(
            "hub", f"허브에 쓸 수 없습니다: {exc}", f"Cannot write to the hub: {exc}", source=hub.location
        ) from None
    return code


def export_key_file(db: Database, path: Path, passphrase: str | None = None) -> None:
    team = require_team(db)
    keys.write_key_file(path, team.team_id, team.name, load_team_keys(db, passphrase).team_key)


def remove_device(db: Database, name_or_id: str, actor: Actor) -> sync_meta.TeamDevice:
    """Remove a device from the team: every laptop refuses its bundles after the last one seen here.

    The removal is an ordinary synced edit of the roster. A lost laptop still holds the team
    key: also start a new team key (docs/SYNC.md) if it may fall into the wrong hands.
    """
    require_team(db)
    found = [d for d in sync_meta.team_devices(db) if name_or_id in (d.id, d.name)]
    if not found:
        raise reject("device", f"그런 기기가 없습니다: {name_or_id}", f"No such device: {name_or_id}")
    if len(found) > 1:
        raise reject(
            "device",
            f"같은 이름의 기기가 여럿입니다. 기기 ID를 쓰세요: {', '.join(d.id for d in found)}",
            f"Several devices have that name. Use the device id: {', '.join(d.id for d in found)}",
        )
    device = found[0]
    if device.id == oplog.device_id(db):
        raise reject("device", "이 노트북 자신은 제거할 수 없습니다.", "A laptop cannot remove itself.")
    after = sync_meta.stored_seq(db, device.id)
    sync_meta.remove_team_device(db, device.id, after)
    with db.transaction():
        audit.record(db, actor, "team.remove_device", device.id, detail=f"{device.name} after {after}")
    return next(d for d in sync_meta.team_devices(db) if d.id == device.id)
