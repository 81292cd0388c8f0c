"""The firm page and card: search, masked contacts with an audited unmask, cases, duplicate merge."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from ui_helpers import commit_text

from PySide6.QtCore import Qt

from desktop.store import audit, cases, firms
from desktop.store.db import Database
from desktop.ui.context import AppContext
from desktop.ui.pages.firms.page import FirmsPage

BRN = "1248100998"


def _firm(ctx: AppContext, name: str, **extra: str) -> str:
    firm_id, _ = firms.add_firm(ctx.db, firms.NewFirm(brn=BRN, name=name, **extra), ctx.actor())
    return firm_id


def test_contacts_are_masked_until_a_reason_is_given_and_the_unmask_is_audited(
    ctx: AppContext, qtbot: QtBot
) -> None:
    firm_id = _firm(
        ctx, "(주)광양철강", representative="홍길동", phone="010-1234-5678", address="전남 광양시 산단로 12"
    )
    page = FirmsPage(ctx)
    qtbot.addWidget(page)
    page.show_firm(firm_id)
    card = page.card
    assert card.representative.text() == "홍*동"
    assert card.phone.text() == "010-****-5678"
    assert "12" not in card.address.text()
    assert not card.unmask_button.isEnabled()
    commit_text(card.reason, "회신 결과 안내 전화")
    assert card.unmask_button.isEnabled()
    qtbot.mouseClick(card.unmask_button, Qt.MouseButton.LeftButton)
    assert card.representative.text() == "홍길동"
    assert card.phone.text() == "010-1234-5678"
    entry = audit.entries(ctx.db, action_prefix="firm.unmask")[0]
    assert (entry.actor, entry.target, entry.reason) == ("김상담", firm_id, "회신 결과 안내 전화")
    qtbot.mouseClick(card.mask_button, Qt.MouseButton.LeftButton)
    assert card.representative.text() == "홍*동"


def test_unmask_without_a_reason_is_refused(ctx: AppContext, qtbot: QtBot) -> None:
    page = FirmsPage(ctx)
    qtbot.addWidget(page)
    page.show_firm(_firm(ctx, "광양철강", phone="010-1234-5678"))
    assert not page.card.unmask("  ")
    assert page.card.phone.text() == "010-****-5678"
    assert audit.entries(ctx.db, action_prefix="firm.unmask") == []


def test_search_by_brn_name_and_chosung(ctx: AppContext, qtbot: QtBot) -> None:
    firm_id = _firm(ctx, "(주)광양철강")
    page = FirmsPage(ctx)
    qtbot.addWidget(page)
    for query in ("124-81-00998", "광양", "ㄱㅇㅊㄱ"):
        page.search.setText(query)
        page.run_search()
        assert page.model.row_of(firm_id) >= 0, query


def test_card_lists_cases_across_sessions_and_merges_a_duplicate(
    ctx: AppContext, qtbot: QtBot, db: Database
) -> None:
    keep = _firm(ctx, "(주)광양철강", region_code="46")
    other = _firm(ctx, "광양철강", phone="061-123-4567")
    for firm_id in (keep, other):
        cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text="법인세 문의"), ctx.actor())
    page = FirmsPage(ctx)
    qtbot.addWidget(page)
    page.show_firm(keep)
    card = page.card
    assert card.cases_model.rowCount() == 1
    assert card.duplicates.count() == 1
    assert card.duplicates.item(0).data(Qt.ItemDataRole.UserRole) == other
    with qtbot.waitSignal(ctx.events.firms_merged):
        assert card.merge(other)
    assert card.cases_model.rowCount() == 2
    assert card.duplicates.count() == 0 and not card.duplicates_box.isVisibleTo(card)
    assert [f.id for f in firms.firms_by_brn(db, BRN)] == [keep]
    assert firms.get_firm(db, keep).phone == "061-123-4567"
