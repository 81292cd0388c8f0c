"""Rejected-input errors that name the file, row and field, in Korean and English."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
_FIELD_CODE = re.compile(r"[a-z][a-z0-9_]*")
"""How the program names its own fields; a column name from a file looks otherwise."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason an input was refused.

    Attributes:
        field: the field (column, option, CSV header) the problem is in.
        ko: the reason in Korean.
        en: the same reason in English.
        source: the file (and sheet) the value came from, when it came from a file.
        row: the 1-based row number in that source, when there is one.
    """

    field: str
    ko: str
    en: str
    source: str | None = None
    row: int | None = None

    def text(self, lang: str = "ko") -> str:
        """``file / row / field: reason`` — what the command line prints (its field codes are
        its option names)."""
        return self._placed(lang, with_code=True)

    def message(self, lang: str = "ko") -> str:
        """What a person at a form reads: the reason, after the file, row and column name when
        the value came from a file. A field code (``name``, ``hub``) is left out: it is English
        jargon there, and the form shows where the problem is by where it puts the message."""
        return self._placed(lang, with_code=False)

    def _placed(self, lang: str, *, with_code: bool) -> str:
        reason = self.en if lang == "en" else self.ko
        where = []
        if self.source:
            where.append(self.source)
        if self.row is not None:
            where.append(f"{'row' if lang == 'en' else '행'} {self.row}")
        if with_code or not _FIELD_CODE.fullmatch(self.field):
            where.append(self.field)
        return f"{' / '.join(where)}: {reason}" if where else reason


class RejectedInput(Exception):
    """Input refused as a whole; nothing was changed.

    Raised by core and store functions; the CLI turns it into exit code 1 and the GUI into
    a message box. It always carries at least one :class:`Problem`.
    """

    def __init__(self, problems: Problem | Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        if not self.problems:
            raise ValueError("RejectedInput needs at least one problem")
        super().__init__(self.text("ko"))

    def text(self, lang: str = "ko") -> str:
        return "\n".join(p.text(lang) for p in self.problems)

    def message(self, lang: str = "ko") -> str:
        """:meth:`Problem.message` of every problem, one per line (for the GUI)."""
        return "\n".join(p.message(lang) for p in self.problems)


def collect(problems: list[Problem], check: Callable[[], T]) -> T | None:
    """Run one check; on RejectedInput add its problems and return None.

    Lets a validator report every bad field at once instead of stopping at the first.
    """
    try:
        return check()
    except RejectedInput as exc:
        problems.extend(exc.problems)
        return None


def reject(
    field: str, ko: str, en: str, *, source: str | None = None, row: int | None = None
) -> RejectedInput:
    """Build a one-problem :class:`RejectedInput` (``raise reject(...)``)."""
    return RejectedInput(Problem(field, ko, en, source, row))
