"""What a check reports: a finding at a source span, with its rule and suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


CATEGORIES = {
    "S": "structure",
    "D": "role",
    "K": "seo",
    "R": "readability",
    "I": "inclusive",
    "C": "compliance",
    "H": "hygiene",
}


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] with ``text``."""

    start: int
    end: int
    text: str


@dataclass
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    fix: list[Edit] | None = None
    data: dict[str, Any] = field(default_factory=dict)
    # What the finding is about, when another rule may report the same thing ("no pay
    # stated" is S104, C101 and C102): of the findings about one fact, only the most severe
    # is reported (``one_per_fact``).
    fact: tuple[Any, ...] | None = None

    @property
    def fixable(self) -> bool:
        return bool(self.fix)


def one_per_fact(findings: list[Finding]) -> list[Finding]:
    """Of the findings about the same fact, keep the most severe rule's (then the lowest
    code's): one fix, one finding. Findings of that one rule all stay (New York State's and
    New York City's laws each want the range)."""
    best: dict[tuple[Any, ...], Finding] = {}
    for f in findings:
        if f.fact is None:
            continue
        cur = best.get(f.fact)
        # f wins on severity, or on an equal severity with the lower code.
        if cur is None or (f.severity, cur.code) > (cur.severity, f.code):
            best[f.fact] = f
    if not best:
        return findings
    return [f for f in findings if f.fact is None or best[f.fact].code == f.code]
