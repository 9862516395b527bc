"""Calendar dates written in a posting, in US and UK forms, and the posting's own date.

Recognised: "September 12th, 2014", "Sept. 12 2014", "12 September 2014", "23rd November
2020", "12th of Sept 2014", "2014-09-12", "09/12/2014" and "12.09.2014", and a month with a
year ("January 2015"). A numeric date is read month first in the US and day first in the
UK; when the country is unknown both readings are kept, and a rule asks that both agree
("03/04/2014" is in the past either way). A date that names no real day ("February 30",
"31/11/2024" in both readings) is ``impossible``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)(?![\d])"
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    # US: September 12th, 2014
    + _MONTH.format("m1")
    + r"\s+"
    + _DAY.format("d1")
    + r",?\s+"
    + _YEAR.format("y1")
    # UK: 12th (of) September 2014
    + r"|"
    + _DAY.format("d2")
    + r"\s+(?:of\s+)?"
    + _MONTH.format("m2")
    + r",?\s+"
    + _YEAR.format("y2")
    # ISO: 2014-09-12
    + r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?![\d-])"
    # numeric: 09/12/2014, 9/12/14, 12.09.2014
    + r"|(?P<a4>[0-3]?\d)/(?P<b4>[0-3]?\d)/(?P<y4>(?:19|20)?\d\d)(?![\d/])"
    + r"|(?P<a5>[0-3]?\d)\.(?P<b5>[01]?\d)\.(?P<y5>(?:19|20)\d\d)(?![\d.]\d)"
    # month and year: January 2015
    + r"|"
    + _MONTH.format("m6")
    + r",?\s+"
    + _YEAR.format("y6")
    + r")",
    re.I,
)


@dataclass
class Date:
    """A date as written. ``readings`` are the real days it can mean (two for an ambiguous
    numeric date of unknown country, none for an impossible one); ``month_only`` marks
    "January 2015", read as its last day."""

    phrase: str
    start: int
    end: int
    readings: tuple[dt.date, ...]
    month_only: bool = False
    # A numeric date's two readings, month first and day first (None: no such day).
    us: dt.date | None = None
    uk: dt.date | None = None

    def read_in(self, country: str | None) -> tuple[dt.date, ...]:
        """The readings of a numeric date of unknown country, once the country is known."""
        if len(self.readings) < 2:
            return self.readings
        if country == "GB":
            return (self.uk,) if self.uk else ()
        if country in ("US", "CA"):
            return (self.us,) if self.us else ()
        return self.readings

    @property
    def impossible(self) -> bool:
        return not self.readings


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(word: str) -> int:
    return MONTHS[word.lower()[:3]]


# Every date has a year of four digits or a "d/d" (quick to test before the full pattern).
DATEISH = re.compile(r"(?:19|20)\d\d|\d/\d")


def find(text: str, country: str | None = None) -> list[Date]:
    """Every date in ``text``, in order. ``country`` ("US", "GB") decides how a numeric
    date is read; None keeps both readings."""
    out: list[Date] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        month_only = False
        readings: list[dt.date | None]
        us = uk = None
        if g["m1"] or g["m2"]:
            month = _month(g["m1"] or g["m2"])
            readings = [_day(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))]
        elif g["y3"]:
            readings = [_day(int(g["y3"]), int(g["m3"]), int(g["d3"]))]
        elif g["y4"] or g["y5"]:
            a, b = int(g["a4"] or g["a5"]), int(g["b4"] or g["b5"])
            year = int(g["y4"] or g["y5"])
            if year < 100:
                year += 2000
            us, uk = _day(year, a, b), _day(year, b, a)
            if country == "GB" or g["y5"]:
                readings = [uk]  # 12.09.2014 is day first wherever it is written
            elif country in ("US", "CA"):
                readings = [us]
            else:
                readings = [us, uk] if a != b else [us]
                if us is None or uk is None:
                    # One reading is no date at all: the other is meant ("25/12/2014").
                    readings = [us or uk]
        else:
            month = _month(g["m6"])
            year = int(g["y6"])
            readings = [_day(year, month, calendar.monthrange(year, month)[1])]
            month_only = True
        days = tuple(d for d in readings if d is not None)
        out.append(Date(m.group(0), m.start(), m.end(), days, month_only, us, uk))
    return out


def parse_value(value: Any) -> dt.date | None:
    """A front matter date: a YAML or TOML date, "2024-05-31", "2024-05-31T12:00:00Z" or a
    written date ("May 31, 2024")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    found = find(text)
    if found and len(found[0].readings) == 1 and not found[0].month_only:
        return found[0].readings[0]
    return None


# Front matter keys that give the posting's own date, most specific first: jdlint's own,
# schema.org's, then what static-site generators and job boards write.
POSTED_KEYS = ("date_posted", "datePosted", "posted", "created_at", "published_at", "date")


def posted(meta: dict[str, Any]) -> tuple[dt.date, str] | None:
    """The posting's own date from front matter, and the key it came from."""
    for key in POSTED_KEYS:
        day = parse_value(meta.get(key))
        if day is not None:
            return day, key
    return None
