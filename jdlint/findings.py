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

    @property
    def fixable(self) -> bool:
        return bool(self.fix)
