"""Import of the spreadsheets clinics keep: find the header, map columns, validate every row, all or none.

Flow: :func:`preview_import` reads and validates the whole file without writing anything and
returns an :class:`ImportPreview` (column mapping, parsed rows, problems, warnings) that a
GUI can show; :func:`import_workbook` refuses the file if any row is invalid — listing every
bad row with sheet, row number, column and reason — and otherwise stores all new rows in one
transaction, skipping rows an earlier import already stored (same BRN, date and text).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from desktop.core import deadlines, ids
from desktop.core.errors import Problem, RejectedInput
from desktop.core.field_suggest import FALLBACK_FIELD, suggest_fields
from desktop.core.records import Actor
from desktop.core.reference_csv import ReferenceData
from desktop.store import cases, firms, imports, reference, sessions
from desktop.store.db import Database
from reports.excel import cell_values as cv
from reports.excel.header_synonyms import LABELS, REQUIRED, ColumnMatch, find_header_row, map_headers
from reports.excel.workbook_reader import SheetRows, check_xlsx, read_sheets

RECEIVED_AT = time(9, 0)
"""Sheets give a day only; the case is taken as received at the start of that working day."""
IMPORTED_ANSWER = "현장해결 (엑셀 가져오기)"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SheetPreview:
    """How one sheet was read: header row, column mapping, skipped rows."""

    name: str
    header_row: int
    mapping: tuple[ColumnMatch, ...]
    unmapped: tuple[str, ...]
    data_rows: int
    blank_rows: int
    total_rows: int
    repeated_headers: int = 0


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One valid row, parsed (codes resolved) and fingerprinted."""

    sheet: str
    row: int
    brn: str
    firm_name: str
    received: date
    field_code: str
    field_guessed: bool
    text: str
    kind: str
    agency_id: str
    consent: bool
    onsite_answer: str
    representative: str
    phone: str
    fingerprint: str
    duplicate: bool = False


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """Everything read from a file, before anything is written."""

    source: Path
    sha256: str
    session_id: str | None
    sheets: tuple[SheetPreview, ...]
    rows: tuple[ImportRow, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    skipped_sheets: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def new_rows(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if not r.duplicate)

    @property
    def duplicates(self) -> int:
        return sum(r.duplicate for r in self.rows)

    def bad_rows(self) -> list[tuple[str, int]]:
        """(source, row) of every invalid row, once each, in file order."""
        return list(dict.fromkeys((p.source or "", p.row) for p in self.problems if p.row is not None))


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    skipped_duplicates: int
    firms_created: int
    case_ids: tuple[str, ...]
    preview: ImportPreview
    dry_run: bool = False
    batch_id: str = ""


def fingerprint(brn: str, day: date, text: str) -> str:
    """Identity of an imported row: sha256 of BRN, date and the text without case or spacing differences."""
    normal = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()
    return hashlib.sha256(f"{brn}|{day.isoformat()}|{normal}".encode()).hexdigest()


def field_from_name(written: str, ref: ReferenceData) -> tuple[str, bool] | None:
    """The field a freely written field name means ("법인세 문의" -> F01), or None when it says nothing.

    Returns:
        (code, guessed): guessed is False when the cell named a field exactly.
    """
    if not written:
        return None
    try:
        return reference.find_field(written, ref).code, False
    except RejectedInput:
        pass
    best = suggest_fields(written, ref.fields, limit=1)
    if best and best[0].field.code != FALLBACK_FIELD:
        return best[0].field.code, True
    return None


def guess_field(written: str, text: str, ref: ReferenceData) -> tuple[str, bool]:
    """The field of a row: from its field cell (:func:`field_from_name`), else suggested from its text."""
    named = field_from_name(written, ref)
    if named is not None:
        return named
    best = suggest_fields(f"{written} {text}", ref.fields, limit=1)
    return (best[0].field.code if best else FALLBACK_FIELD), True


@dataclass(slots=True)
class _Reader:
    """State while reading one file (see :func:`preview_import`)."""

    db: Database
    source: Path
    ref: ReferenceData
    today: date
    session_day: date | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)
    known_brns: dict[str, bool] = field(default_factory=dict)
    field_names: dict[str, tuple[str, bool] | None] = field(default_factory=dict)

    def where(self, sheet: str) -> str:
        return f"{self.source.name}:{sheet}"

    def sheet(self, sheet: SheetRows) -> SheetPreview | None:
        head: list[tuple[int, list[Any]]] = []
        for item in sheet.rows:
            head.append(item)
            if len(head) >= 15:
                break
        index = find_header_row([cells for _, cells in head])
        if index is None:
            return None
        header_number, header_cells = head[index]
        mapping, unmapped = map_headers(header_cells)
        missing = [t for t in REQUIRED if t not in mapping]
        if "date" not in mapping and self.session_day is None:
            missing.append("date")
        for target in missing:
            ko, en = LABELS[target]
            self.problems.append(
                Problem(
                    ko,
                    f"필수 열 '{ko}'이(가) 없습니다 (머리글 {header_number}행).",
                    f"Required column '{en}' is missing (header on row {header_number}).",
                    self.where(sheet.name),
                    header_number,
                )
            )
        if missing:
            return SheetPreview(sheet.name, header_number, tuple(mapping.values()), tuple(unmapped), 0, 0, 0)
        blank = totals = data_rows = repeats = 0

        def rest() -> Any:
            yield from head[index + 1 :]
            yield from sheet.rows

        for number, cells in rest():
            values = {
                t: (cells[m.column - 1] if m.column - 1 < len(cells) else None) for t, m in mapping.items()
            }
            if all(cv.is_blank(v) for t, v in values.items() if t not in ("no", "note")):
                blank += 1
                continue
            if any(cv.is_total_label(c) for c in cells):
                totals += 1
                continue
            if sum(cv.text_of(values.get(t)) == m.header for t, m in mapping.items()) >= 2:
                repeats += 1  # the header printed again on every page of a printed log
                continue
            data_rows += 1
            self.row(sheet.name, number, values, mapping)
        return SheetPreview(
            sheet.name,
            header_number,
            tuple(mapping.values()),
            tuple(unmapped),
            data_rows,
            blank,
            totals,
            repeats,
        )

    def row(self, sheet: str, number: int, values: dict[str, Any], mapping: dict[str, ColumnMatch]) -> None:
        source = self.where(sheet)
        problems: list[Problem] = []

        def check(target: str, parse: Callable[[Any, str], Any]) -> Any:
            header = mapping[target].header
            try:
                return parse(values.get(target), header)
            except RejectedInput as exc:
                problems.extend(Problem(header, p.ko, p.en, source, number) for p in exc.problems)
                return None

        brn = check("brn", cv.parse_brn)
        if "date" in mapping and not cv.is_blank(values.get("date")):
            received = check("date", lambda v, f: cv.parse_date(v, f, today=self.today))
        elif self.session_day is not None:
            received = self.session_day
        else:
            received = check("date", lambda v, f: cv.parse_date(v, f, today=self.today))
        text = cv.text_of(values.get("text"))
        text_header = mapping["text"].header
        if not text:
            problems.append(
                Problem(
                    text_header,
                    "애로사항 내용이 비어 있습니다.",
                    "The difficulty text is empty.",
                    source,
                    number,
                )
            )
        elif len(text) > cases.MAX_TEXT:
            problems.append(
                Problem(
                    text_header,
                    f"내용이 너무 깁니다 ({len(text):,}자, 최대 {cases.MAX_TEXT:,}자).",
                    f"Text too long ({len(text):,} characters, at most {cases.MAX_TEXT:,}).",
                    source,
                    number,
                )
            )
        for target in ("text", "answer", "firm_name", "representative"):
            if target in mapping and ids.find_rrns(cv.text_of(values.get(target))):
                problems.append(
                    Problem(
                        mapping[target].header,
                        "주민등록번호로 보이는 번호가 있습니다. 지운 뒤 다시 가져오세요.",
                        "Something like a resident registration number is in the cell. "
                        "Remove it and import again.",
                        source,
                        number,
                    )
                )
        field_code, guessed = self._field(cv.text_of(values.get("field")), text)
        kind = "procedure"
        if "kind" in mapping and not cv.is_blank(values.get("kind")):
            kind = check("kind", lambda v, f: deadlines.case_kind(cv.text_of(v)).code) or kind
        agency_id = ""
        agency_text = cv.text_of(values.get("agency"))
        if agency_text:
            on = received if isinstance(received, date) else self.today
            agency_id = (
                check("agency", lambda v, f: reference.find_agency(agency_text, on, self.ref).id) or ""
            )
        consent = bool(check("consent", cv.parse_yes_no)) if "consent" in mapping else False
        onsite = cv.is_onsite_result(values.get("result"))
        answer = cv.text_of(values.get("answer"))
        firm_name = cv.text_of(values.get("firm_name"))
        representative = cv.text_of(values.get("representative"))
        phone = cv.text_of(values.get("phone"))
        if brn is not None and not self._firm_known(brn):
            if not firm_name:
                header = mapping["firm_name"].header if "firm_name" in mapping else LABELS["firm_name"][0]
                problems.append(
                    Problem(
                        header,
                        "처음 등록되는 기업은 기업명이 필요합니다.",
                        "A firm seen for the first time needs its name.",
                        source,
                        number,
                    )
                )
            else:
                try:
                    firms.validate_firm(
                        firms.NewFirm(brn=brn, name=firm_name, representative=representative, phone=phone)
                    )
                except RejectedInput as exc:
                    for p in exc.problems:
                        target = {"name": "firm_name"}.get(p.field, p.field)
                        header = mapping[target].header if target in mapping else p.field
                        problems.append(Problem(header, p.ko, p.en, source, number))
        if problems:
            self.problems.extend(problems)
            return
        assert brn is not None and isinstance(received, date)
        self.known_brns[brn] = True  # named once: later rows of the same firm may leave the name out
        if onsite:
            by = f" ({agency_text})" if agency_text else ""
            answer = (answer or IMPORTED_ANSWER) + by
            agency_id = ""
        elif agency_id and not consent:
            self.warnings.append(
                Problem(
                    mapping["agency"].header,
                    "제3자 제공 동의 표시가 없어 기관 배정 없이 접수 상태로 가져옵니다.",
                    "No consent mark: imported as received, without routing to the agency.",
                    source,
                    number,
                )
            )
            agency_id = ""
        if guessed and "field" in mapping and cv.text_of(values.get("field")):
            written = cv.text_of(values.get("field"))
            field = next((f for f in self.ref.fields if f.code == field_code), None)
            name_ko = field.name_ko if field else field_code
            name_en = f"{field_code} {field.name_en}" if field else field_code
            self.warnings.append(
                Problem(
                    mapping["field"].header,
                    f"분야 '{written}'을(를) '{name_ko}'(으)로 읽었습니다.",
                    f"Field '{written}' read as {name_en}.",
                    source,
                    number,
                )
            )
        self.rows.append(
            ImportRow(
                sheet=sheet,
                row=number,
                brn=brn,
                firm_name=firm_name,
                received=received,
                field_code=field_code,
                field_guessed=guessed,
                text=text,
                kind=kind,
                agency_id=agency_id,
                consent=consent,
                onsite_answer=answer if onsite else "",
                representative=representative,
                phone=phone,
                fingerprint=fingerprint(brn, received, text),
            )
        )

    def _field(self, written: str, text: str) -> tuple[str, bool]:
        # Field cells repeat a handful of words: suggest once per distinct word.
        if written not in self.field_names:
            self.field_names[written] = field_from_name(written, self.ref)
        named = self.field_names[written]
        return named if named is not None else guess_field(written, text, self.ref)

    def _firm_known(self, brn: str) -> bool:
        if brn not in self.known_brns:
            self.known_brns[brn] = bool(firms.firms_by_brn(self.db, brn))
        return self.known_brns[brn]


def preview_import(
    db: Database, path: Path, *, session_id: str | None = None, today: date | None = None
) -> ImportPreview:
    """Read and validate a clinic spreadsheet without writing anything.

    Raises:
        RejectedInput: the file itself is refused (not .xlsx, zip bomb, unreadable) or the
            session does not exist. Row problems are returned in the preview, not raised.
    """
    path = Path(path)
    digest = check_xlsx(path)
    session_day = sessions.get_session(db, session_id).date if session_id else None
    reader = _Reader(db, path, reference.reference_data(db), today or date.today(), session_day)
    previews: list[SheetPreview] = []
    skipped: list[str] = []
    for sheet in read_sheets(path):
        preview = reader.sheet(sheet)
        if preview is None:
            skipped.append(sheet.name)
        else:
            previews.append(preview)
    if not previews:
        reader.problems.append(
            Problem(
                "header",
                "머리글 행을 찾지 못했습니다. 처음 15행 안에 '사업자등록번호'와 '애로사항' 같은 "
                "열 이름이 있어야 합니다.",
                "No header row found: the first 15 rows must name columns such as "
                "'사업자등록번호' and '애로사항'.",
                path.name,
            )
        )
    stored = imports.known_fingerprints(db, (r.fingerprint for r in reader.rows))
    seen: set[str] = set()
    rows: list[ImportRow] = []
    for row in reader.rows:
        duplicate = row.fingerprint in stored or row.fingerprint in seen
        seen.add(row.fingerprint)
        rows.append(replace(row, duplicate=True) if duplicate else row)
    return ImportPreview(
        path,
        digest,
        session_id,
        tuple(previews),
        tuple(rows),
        tuple(reader.problems),
        tuple(reader.warnings),
        tuple(skipped),
    )


def _to_store(row: ImportRow, session_id: str | None) -> imports.ImportedRow:
    return imports.ImportedRow(
        fingerprint=row.fingerprint,
        sheet=row.sheet,
        row_number=row.row,
        firm=firms.NewFirm(
            brn=row.brn, name=row.firm_name or row.brn, representative=row.representative, phone=row.phone
        ),
        case=cases.NewCase(
            firm_id="",
            field=row.field_code,
            text=row.text,
            kind=row.kind,
            session_id=session_id,
            agency=row.agency_id,
            route_reason="엑셀 가져오기" if row.agency_id else "",
            onsite_answer=row.onsite_answer,
            consent_agencies=(row.agency_id,) if row.agency_id else (),
            received_at=datetime.combine(row.received, RECEIVED_AT),
        ),
    )


def import_workbook(
    db: Database,
    path: Path,
    actor: Actor,
    *,
    session_id: str | None = None,
    dry_run: bool = False,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import a clinic spreadsheet: every row or none.

    Rows already imported (same BRN, date and text) are skipped and counted. With
    ``dry_run`` everything is checked and nothing is written.

    Raises:
        RejectedInput: the file is refused, or at least one row is invalid — then every
            problem of every bad row is listed (sheet, row, column, reason) and nothing is stored.
    """
    preview = preview_import(db, path, session_id=session_id, today=today)
    if preview.problems:
        raise RejectedInput(preview.problems)
    if dry_run:
        return ImportResult(len(preview.new_rows), preview.duplicates, 0, (), preview, dry_run=True)
    return commit_preview(db, preview, actor, progress=progress)


def commit_preview(
    db: Database,
    preview: ImportPreview,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Store the rows of a preview someone has looked at (the GUI's confirm step): all or none.

    The file must still be the one previewed (same sha256). Rows stored since the preview
    (same fingerprint) are skipped and counted. An exception raised by ``progress`` (a
    cancel) rolls the whole import back.

    Raises:
        RejectedInput: the preview has problems, or the file changed since it was read.
    """
    if preview.problems:
        raise RejectedInput(preview.problems)
    if check_xlsx(preview.source) != preview.sha256:
        raise RejectedInput(
            [
                Problem(
                    "file",
                    "미리 본 뒤 파일이 바뀌었습니다. 다시 미리 보세요.",
                    "The file changed after the preview. Preview it again.",
                    preview.source.name,
                )
            ]
        )
    session_id = preview.session_id
    outcome = imports.apply_import(
        db,
        [_to_store(r, session_id) for r in preview.new_rows],
        actor,
        file_name=preview.source.name,
        file_sha256=preview.sha256,
        session_id=session_id,
        source=preview.source.name,
        skipped=preview.duplicates,
        progress=progress,
    )
    return ImportResult(
        len(outcome.case_ids),
        preview.duplicates + outcome.skipped_existing,
        outcome.firms_created,
        outcome.case_ids,
        preview,
        batch_id=outcome.batch_id,
    )


def describe(preview: ImportPreview, lang: str = "ko") -> list[str]:
    """Lines a CLI or GUI can show: sheets and their mapping, counts, warnings."""
    lines: list[str] = []
    for s in preview.sheets:
        cols = ", ".join(f"{m.header}→{m.target}" for m in s.mapping)
        if lang == "en":
            lines.append(
                f"[{s.name}] header row {s.header_row}: {cols}; {s.data_rows} rows; skipped "
                f"{s.blank_rows} blank, {s.total_rows} total and {s.repeated_headers} repeated header rows"
            )
        else:
            lines.append(
                f"[{s.name}] 머리글 {s.header_row}행: {cols}; 자료 {s.data_rows}행; 빈 행 {s.blank_rows}, "
                f"합계 행 {s.total_rows}, 반복 머리글 {s.repeated_headers} 건너뜀"
            )
    if preview.skipped_sheets:
        names = ", ".join(preview.skipped_sheets)
        lines.append(
            f"Sheets without a header, skipped: {names}"
            if lang == "en"
            else f"머리글이 없어 건너뛴 시트: {names}"
        )
    lines += [w.text(lang) for w in preview.warnings]
    return lines
