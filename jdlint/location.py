"""Where a job is: from front matter ``location``, else recognised in the posting's text.

Recognised forms: "Denver, CO", "Denver, Colorado", "Baltimore, MD 21201", "Vancouver, BC",
"Remote (US)", "Remote - United States", "fully remote ... anywhere in the United States",
and a "Location: ..." line. State codes that are also English words (IN, OR, ME, OK, HI)
count only with a ZIP code after them or in front matter, so "nurse, OR experience" is
not Oregon. The first place found in reading order (title, "Location:" line, then the
body) is the job's place; other places a posting mentions (head office, partner sites)
are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
}
CA_PROVINCES = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
}
_AMBIGUOUS = {"IN", "OR", "ME", "OK", "HI", "ON"}
_NAMES = {name.lower(): (code, "US") for code, name in US_STATES.items()}
_NAMES.update({name.lower(): (code, "CA") for code, name in CA_PROVINCES.items()})
_NAMES["washington dc"] = ("DC", "US")
_NAMES["washington, d.c."] = ("DC", "US")

# At most six words: unbounded, a run of capitalised words with no comma after it made
# the search quadratic (each word started a match that ran to the end of the run).
_CITY = r"(?P<city>[A-Z][a-z]+(?:[ .'-](?:[A-Z][a-z]+|of|de|la)){0,5}\.?)"
_CODE_RE = re.compile(
    _CITY
    + r",\s*(?P<code>"
    + "|".join(sorted(set(US_STATES) | set(CA_PROVINCES)))
    + r")\b(?!['’-]\w)(?P<zip>\s+\d{5}(?:-\d{4})?|\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d)?"
)
_NAME_RE = re.compile(
    _CITY
    + r",\s*(?P<state>"
    + "|".join(
        re.escape(n)
        for n in sorted(set(US_STATES.values()) | set(CA_PROVINCES.values()), key=len, reverse=True)
    )
    + r")\b"
)
_REMOTE = re.compile(
    r"\bremote\b\s*(?:[(\-–—:,]\s*|\bin\s+the\s+|\bwithin\s+the\s+|\bin\s+)?"
    r"(?P<where>US|USA|U\.S\.A?\.?|United\s+States|Canada|UK|United\s+Kingdom)\b",
    re.I,
)
_REMOTE_ANYWHERE = re.compile(
    r"\b(?:fully|100%|entirely|completely)\s+remote\b[^.\n]{0,80}?\b(?:anywhere|any\s+state)\s+in\s+the\s+"
    r"(?P<where>United\s+States|US|U\.S\.|USA|Canada)\b",
    re.I,
)
# Indentation before the label stays on its line: "^\s*" reached across every blank line
# after each line start, which made the search quadratic in the number of lines.
_LABEL = re.compile(r"^[ \t]*(?:job\s+)?location\s*:\s*(?P<value>.+)$", re.I | re.M)
_COUNTRIES = {
    "us": "US",
    "usa": "US",
    "u.s.": "US",
    "u.s": "US",
    "u.s.a.": "US",
    "united states": "US",
    "canada": "CA",
    "uk": "GB",
    "united kingdom": "GB",
}


@dataclass(frozen=True)
class Location:
    """A place of work. ``region`` is a state or province code ("CO", "BC"); ``country``
    an ISO code ("US", "CA", "GB"); ``remote`` a fully remote job open in ``country``."""

    city: str | None = None
    region: str | None = None
    country: str | None = None
    remote: bool = False
    phrase: str = ""
    start: int = -1  # offset in the text it was found in; -1 for front matter
    end: int = -1

    def describe(self) -> str:
        if self.remote:
            return f"remote ({self.country or 'anywhere'})"
        parts = [p for p in (self.city, self.region) if p]
        return ", ".join(parts) or (self.country or "unknown")


def _country_of(word: str) -> str | None:
    return _COUNTRIES.get(re.sub(r"\s+", " ", word.strip().lower()))


def parse(text: str, *, strict: bool = True) -> list[Location]:
    """Every place recognised in ``text``, in order. ``strict`` ignores ambiguous state
    codes ("Portland, OR") that have no ZIP code after them."""
    found: list[tuple[int, Location]] = []
    for m in _REMOTE.finditer(text):
        country = _country_of(m["where"])
        found.append(
            (m.start(), Location(None, None, country, True, m.group(0), m.start(), m.end()))
        )
    for m in _REMOTE_ANYWHERE.finditer(text):
        country = _country_of(m["where"])
        found.append(
            (m.start(), Location(None, None, country, True, m.group(0), m.start(), m.end()))
        )
    for m in _CODE_RE.finditer(text):
        code = m["code"]
        if strict and code in _AMBIGUOUS and not m["zip"]:
            continue
        country = "CA" if code in CA_PROVINCES else "US"
        city = _trim_city(m["city"])
        found.append(
            (
                m.start("city"),
                Location(city, code, country, False, m.group(0).strip(), m.start(), m.end()),
            )
        )
    for m in _NAME_RE.finditer(text):
        code, country = _NAMES[m["state"].lower()]
        city = _trim_city(m["city"])
        found.append(
            (m.start("city"), Location(city, code, country, False, m.group(0), m.start(), m.end()))
        )
    found.sort(key=lambda t: t[0])
    out: list[Location] = []
    # A place inside one already taken is left out. The places taken start at or before
    # this one (sorted), so it lies inside one of them when it starts before the furthest
    # end: one comparison, not one per place taken.
    reach = -1
    for _, loc in found:
        if loc.start >= reach:
            out.append(loc)
            reach = max(reach, loc.end)
    return out


_LEAD = re.compile(r"^(?:(?:In|At|Near|Based|Located|Our|The|Downtown|Greater)\s+)+")


def _trim_city(city: str) -> str:
    return _LEAD.sub("", city).strip(" .") or city


def from_front_matter(value: Any) -> list[Location]:
    """Front matter ``location``: "Aurora, CO", "Remote (US)", a list of those, or a mapping
    {city, state/region, country, remote}."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [loc for v in value for loc in from_front_matter(v)]
    if isinstance(value, dict):
        region = value.get("state") or value.get("region") or value.get("province")
        country = value.get("country")
        region_code = None
        if isinstance(region, str):
            up = region.strip().upper()
            region_code = up if up in US_STATES or up in CA_PROVINCES else None
            if region_code is None and region.strip().lower() in _NAMES:
                region_code, guessed = _NAMES[region.strip().lower()]
                country = country or guessed
        if isinstance(country, str):
            country = _country_of(country) or country.strip().upper()
        if region_code and not country:
            country = "CA" if region_code in CA_PROVINCES and region_code not in US_STATES else "US"
        remote = bool(value.get("remote"))
        city = value.get("city") if isinstance(value.get("city"), str) else None
        return [Location(city, region_code, country, remote, str(value))]
    if not isinstance(value, str):
        return []
    text = value.strip()
    found = parse(text, strict=False)
    if found:
        return found
    low = text.lower()
    if re.fullmatch(r"(?:fully\s+)?remote", low):
        return [Location(None, None, None, True, text)]
    if low in _NAMES:
        code, country = _NAMES[low]
        return [Location(None, code, country, False, text)]
    country = _country_of(text)
    if country:
        return [Location(None, None, country, False, text)]
    return [Location(text, None, None, False, text)]


def label_value(text: str) -> re.Match[str] | None:
    """A "Location: ..." line in the text."""
    return _LABEL.search(text)


def of_posting(posting: Any) -> tuple[list[Location], str]:
    """The job's place(s) and where they came from: ``front-matter``, ``title``, ``label``
    (a "Location:" line), ``text`` (the first place the body names) or ``none``.

    A fully remote job named anywhere in the body ("fully remote, open to applicants
    anywhere in the United States") is added to the place found in the text.
    """
    fm = from_front_matter(posting.meta.get("location"))
    if fm:
        return fm, "front-matter"
    if posting.title:
        found = parse(posting.title)
        if found:
            return found, "title"
    blocks = posting.body_blocks()
    for block in blocks:
        m = label_value(block.text)
        if m:
            found = from_front_matter(m["value"].strip())
            if found and (found[0].region or found[0].country or found[0].remote):
                return found, "label"
    remote: list[Location] = []
    first: Location | None = None
    for block in posting.blocks:
        for loc in parse(block.text):
            if loc.remote:
                if loc not in remote:
                    remote.append(loc)
            elif first is None:
                first = loc
    out = ([first] if first else []) + remote
    return out, "text" if out else "none"


# What marks a UK posting when no place is named: pounds, the NHS, Agenda for Change bands.
_UK_SIGNS = re.compile(r"£\s?\d|\bNHS\b|\bBand\s+[2-9][abc]?\b|\bper\s+annum\b.{0,40}£|\bpro\s+rata\b")


def country_of_posting(posting: Any) -> str | None:
    """The country the job is in (ISO code), from its places, else from what only UK
    postings say (pay in pounds, the NHS, a band); None when unknown."""
    places, _ = of_posting(posting)
    countries = [p.country for p in places if p.country]
    if countries:
        return max(set(countries), key=countries.count)
    text = " ".join(b.text for b in posting.blocks[:60])
    if _UK_SIGNS.search(text):
        return "GB"
    return None
