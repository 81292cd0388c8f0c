"""Display names of reference data and workflow codes in the interface language (ko/en)."""

from __future__ import annotations

from datetime import date

from desktop.core import deadlines, workflow
from desktop.core.records import Agency, Field, Region
from desktop.core.reference_csv import ReferenceData


class Labels:
    """Names of fields, agencies, regions, statuses, kinds, actions and result codes.

    State: the reference data it was built from, the language and the day agencies and
    regions must be valid on.
    """

    def __init__(self, ref: ReferenceData, lang: str, today: date | None = None) -> None:
        self.ref = ref
        self.lang = lang
        self.today = today or date.today()
        self._fields: dict[str, Field] = {f.code: f for f in ref.fields}
        self._agencies: dict[str, Agency] = {}
        for agency in ref.agencies:
            if agency.id not in self._agencies or agency.valid_on(self.today):
                self._agencies[agency.id] = agency
        self._regions: dict[str, Region] = {}
        for region in ref.regions:
            if region.code not in self._regions or region.valid_on(self.today):
                self._regions[region.code] = region

    def _pick(self, ko: str, en: str) -> str:
        return en if self.lang == "en" else ko

    def fields(self) -> tuple[Field, ...]:
        return self.ref.fields

    def field(self, code: str) -> str:
        f = self._fields.get(code)
        return self._pick(f.name_ko, f.name_en) if f else code

    def field_with_code(self, code: str) -> str:
        return f"{code} {self.field(code)}" if code in self._fields else code

    def agencies(self) -> list[Agency]:
        """Agencies valid today, in reference order."""
        return [a for a in self._agencies.values() if a.valid_on(self.today)]

    def agency(self, agency_id: str) -> str:
        """Short display name (list columns)."""
        a = self._agencies.get(agency_id)
        if a is None:
            return agency_id
        return a.name_en if self.lang == "en" else (a.short_name or a.name_ko)

    def agency_full(self, agency_id: str) -> str:
        a = self._agencies.get(agency_id)
        return self._pick(a.name_ko, a.name_en) if a else agency_id

    def regions(self) -> list[Region]:
        return [r for r in self._regions.values() if r.valid_on(self.today)]

    def region(self, code: str) -> str:
        r = self._regions.get(code)
        if r is None:
            return code
        return r.name_en if self.lang == "en" else (r.short_name or r.name_ko)

    def size(self, size: str) -> str:
        """Firm size (stored in Korean: 중견, 중소, 소기업, 소상공인, 소공인)."""
        if self.lang != "en":
            return size
        names = {
            "중견": "mid-sized",
            "중소": "SME",
            "소기업": "small",
            "소상공인": "micro-business",
            "소공인": "micro-manufacturer",
        }
        return names.get(size, size)

    def status(self, code: str) -> str:
        try:
            s = workflow.status(code)
        except Exception:  # an unknown code from a newer laptop: show it as it is
            return code
        return self._pick(s.name_ko, s.name_en)

    def statuses(self) -> tuple[workflow.Status, ...]:
        return workflow.STATUSES

    def action(self, code: str) -> str:
        a = workflow.action(code)
        return self._pick(a.name_ko, a.name_en)

    def result(self, code: str) -> str:
        if not code:
            return ""
        try:
            r = workflow.result_code(code)
        except Exception:
            return code
        return self._pick(r.name_ko, r.name_en)

    def kind(self, code: str) -> str:
        try:
            k = deadlines.case_kind(code)
        except Exception:
            return code
        return self._pick(k.name_ko, k.name_en)

    def kind_with_period(self, code: str) -> str:
        k = deadlines.case_kind(code)
        return f"{self._pick(k.name_ko, k.name_en)} ({k.period.text(self.lang)})"
