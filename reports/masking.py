"""Masking of personal data in printouts and exports: masked unless unmasked with an audited reason."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core import ids, roles
from desktop.core.errors import reject
from desktop.core.records import Actor
from desktop.store import audit
from desktop.store.db import Database


@dataclass(frozen=True, slots=True)
class Masker:
    """Shows personal data masked (the default) or in full.

    Firm names stay readable: they identify the case for staff and agencies (the case list
    shows them too); the numbers and the people behind the firm are masked.
    """

    unmasked: bool = False

    @property
    def masked(self) -> bool:
        return not self.unmasked

    def brn(self, brn: str) -> str:
        return ids.format_brn(brn) if self.unmasked else ids.mask_brn(brn)

    def person(self, name: str) -> str:
        return name if self.unmasked else ids.mask_person_name(name)

    def phone(self, phone: str) -> str:
        return phone if self.unmasked else ids.mask_phone(phone)

    def email(self, email: str) -> str:
        return email if self.unmasked else ids.mask_email(email)

    def address(self, address: str) -> str:
        return address if self.unmasked else ids.mask_address(address)

    def corp_no(self, corp_no: str) -> str:
        return ids.format_corp_no(corp_no) if self.unmasked else ids.mask_corp_no(corp_no)


def unmasking(
    db: Database, actor: Actor, *, unmask: bool, reason: str, action: str, target: str, detail: str = ""
) -> Masker:
    """The masker for an output; unmasking needs a reason and is written to the audit log.

    Args:
        unmask: show personal data in full.
        reason: why (required when ``unmask``).
        action: the audit action, e.g. ``export.unmask`` or ``report.unmask``.
        target: what is produced (file path, report id).

    Raises:
        RejectedInput: field ``reason`` when unmasking without a reason.
    """
    if not unmask:
        return Masker(False)
    roles.require(actor, "unmask")
    if not reason.strip():
        raise reject(
            "reason",
            "개인정보 마스킹을 해제하려면 사유를 입력하세요.",
            "Unmasking personal data needs a reason.",
        )
    with db.transaction():
        audit.record(db, actor, action, target, reason=reason.strip(), detail=detail)
    return Masker(True)


def report_masker(db: Database, actor: Actor, out: Path, target: str, *, unmask: bool, reason: str) -> Masker:
    """The masker of a printed report written to ``out`` (audited as ``report.unmask`` of ``target``)."""
    return unmasking(
        db, actor, unmask=unmask, reason=reason, action="report.unmask", target=target, detail=str(out)
    )
