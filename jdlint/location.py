"""Where a job is: from front matter ``location``, else recognised in the posting's text.

Recognised forms: "Denver, CO", "Denver, Colorado", "Baltimore, MD 21201", "Vancouver, BC",
"Remote (US)", "Remote - United States", "fully remote ... anywhere in the United States",
European places ("Milan, Italy", "Wien, Österreich", "Remote (Poland)"; in front matter or a
"Location:" line also a major city alone, "Milano", unless a North American town shares its
name), and a "Location: ..." line. State codes that are also English words (IN, OR, ME, OK,
HI) count only with a ZIP code after them or in front matter, so "nurse, OR experience" is
not Oregon. The first place found in reading order (title, "Location:" line, then the
body) is the job's place; other places a posting mentions (head office, partner sites)
are not. A remote job keeps the states it is not open in ("remote, excluding HI, AK", "open
to candidates in all states except Colorado", "we cannot hire in Alaska or Hawaii"), and
the states such a phrase lists are never the job's place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from . import lazy_regex
from .prefilter import lacks

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
# What a match of _CODE_RE or _NAME_RE holds after its city, found fast (a literal ","
# starts it): those patterns are tried at every capitalised word, and most blocks have no
# state after a comma.
_STATE_AFTER_COMMA = re.compile(
    r",\s*(?:"
    + "|".join(sorted(set(US_STATES) | set(CA_PROVINCES)))
    + "|"
    + "|".join(re.escape(n) for n in set(US_STATES.values()) | set(CA_PROVINCES.values()))
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
    # States or provinces a remote job is not open in ("remote, excluding HI, AK").
    excluded: frozenset[str] = frozenset()

    def describe(self) -> str:
        if self.remote:
            where = self.region or self.country or "anywhere"
            if self.excluded:
                where += ", except " + ", ".join(sorted(self.excluded))
            return f"remote ({where})"
        parts = [p for p in (self.city, self.region) if p]
        if self.city and not self.region and self.country:
            parts.append(self.country)
        return ", ".join(parts) or (self.country or "unknown")


def _country_of(word: str) -> str | None:
    return _COUNTRIES.get(re.sub(r"\s+", " ", word.strip().lower()))


def parse(text: str, *, strict: bool = True) -> list[Location]:
    """Every place recognised in ``text``, in order. ``strict`` ignores ambiguous state
    codes ("Portland, OR") that have no ZIP code after them."""
    found: list[tuple[int, Location]] = []
    # Cheap tests first: each pattern below needs "remote", or a state after a comma.
    remote = "remote" in text.lower()
    state = _STATE_AFTER_COMMA.search(text) is not None
    for m in _REMOTE.finditer(text) if remote else ():
        country = _country_of(m["where"])
        found.append(
            (m.start(), Location(None, None, country, True, m.group(0), m.start(), m.end()))
        )
    for m in _REMOTE_ANYWHERE.finditer(text) if remote else ():
        country = _country_of(m["where"])
        found.append(
            (m.start(), Location(None, None, country, True, m.group(0), m.start(), m.end()))
        )
    for m in _CODE_RE.finditer(text) if state else ():
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
    for m in _NAME_RE.finditer(text) if state else ():
        code, country = _NAMES[m["state"].lower()]
        city = _trim_city(m["city"])
        found.append(
            (m.start("city"), Location(city, code, country, False, m.group(0), m.start(), m.end()))
        )
    found = _europe_and_exclusions(text, found)
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
        if isinstance(city, str) and not country and city.strip().lower() in EU_CITIES:
            country = EU_CITIES[city.strip().lower()]
        # {remote: true, exclude: [HI, AK]}: the states a remote job is not open in.
        exclude = value.get("exclude")
        words = [exclude] if isinstance(exclude, str) else exclude
        excluded = frozenset(
            _REGION_NAMES.get(w.strip().lower(), w.strip().upper())
            for w in (words if isinstance(words, list) else [])
            if isinstance(w, str) and w.strip()
        )
        return [Location(city, region_code, country, remote, str(value), excluded=excluded)]
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
    if re.match(r"(?:fully\s+|100%\s+)?remote\b", low):
        # "Remote, excluding HI and AK": a remote job, with no country named.
        return [Location(None, None, None, True, text, excluded=exclusions(text)[0])]
    city = low.strip(" .")
    if city in EU_CITIES and city not in _NAMESAKES:
        return [Location(text, None, EU_CITIES[city], False, text)]
    return [Location(text, None, None, False, text)]


def label_value(text: str) -> re.Match[str] | None:
    """A "Location: ..." line in the text."""
    return _LABEL.search(text)


def of_posting(posting: Any) -> tuple[list[Location], str]:
    """The job's place(s) and where they came from: ``front-matter``, ``title``, ``label``
    (a "Location:" line), ``text`` (the first place the body names) or ``none``.

    A fully remote job named anywhere in the body ("fully remote, open to applicants
    anywhere in the United States") is added to the place found in the text. The states a
    remote job is not open in may be said anywhere in the posting ("We cannot hire in
    Alaska or Hawaii" near the end): a remote place gets them all. Read once per posting:
    several rules ask.
    """
    memo = getattr(posting, "memo", None)
    if memo is None:
        return _of_posting(posting)
    places, source = memo("location.of_posting", lambda: _of_posting(posting))
    return list(places), source


def _of_posting(posting: Any) -> tuple[list[Location], str]:
    places, source = _places(posting)
    if any(p.remote for p in places):
        excluded = _posting_exclusions(posting)
        if excluded:
            places = [replace(p, excluded=p.excluded | excluded) if p.remote else p for p in places]
    return places, source


def _posting_exclusions(posting: Any) -> frozenset[str]:
    fm = posting.meta.get("location")
    values = fm if isinstance(fm, list) else [fm]
    texts = [v for v in values if isinstance(v, str)]
    texts += [posting.title or ""] + [b.text for b in posting.blocks]
    out: frozenset[str] = frozenset()
    for text in texts:
        out |= exclusions(text)[0]
    return out


def _places(posting: Any) -> tuple[list[Location], str]:
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
    european: Location | None = None
    for block in posting.blocks:
        for loc in parse(block.text):
            if loc.remote:
                if loc not in remote:
                    remote.append(loc)
            elif loc.region is None and loc.country in EU_COUNTRIES:
                european = european or loc
            elif first is None:
                first = loc
    # A European city in running text ("founded in Milan, Italy") is the job's place only
    # when the text names no North American one: an office abroad is not the job.
    first = first or european
    out = ([first] if first else []) + remote
    return out, "text" if out else "none"


# What marks a UK posting when no place is named: pounds, the NHS, Agenda for Change bands.
_UK_SIGNS = re.compile(
    r"£\s?\d|\bNHS\b|\bBand\s+[2-9][abc]?\b|\bper\s+annum\b.{0,40}£|\bpro\s+rata\b"
)


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


# -- Europe ---------------------------------------------------------------------------
# EU member states (ISO code: English name, then names in the country's own languages),
# so "Milan, Italy", "Wien, Österreich" and "Remote (Poland)" name a country whose law may
# apply (rules/compliance.yaml: Italy, Austria, Slovakia, Lithuania, Poland, Malta).
EU_COUNTRIES: dict[str, tuple[str, ...]] = {
    "AT": ("Austria", "Österreich", "Osterreich"),
    "BE": ("Belgium", "België", "Belgique"),
    "BG": ("Bulgaria",),
    "HR": ("Croatia", "Hrvatska"),
    "CY": ("Cyprus",),
    "CZ": ("Czechia", "Czech Republic", "Česko", "Česká republika"),
    "DK": ("Denmark", "Danmark"),
    "EE": ("Estonia", "Eesti"),
    "FI": ("Finland", "Suomi"),
    "FR": ("France",),
    "DE": ("Germany", "Deutschland"),
    "GR": ("Greece",),
    "HU": ("Hungary", "Magyarország"),
    "IE": ("Ireland",),
    "IT": ("Italy", "Italia"),
    "LV": ("Latvia", "Latvija"),
    "LT": ("Lithuania", "Lietuva"),
    "LU": ("Luxembourg",),
    "MT": ("Malta",),
    "NL": ("Netherlands", "the Netherlands", "Nederland"),
    "PL": ("Poland", "Polska"),
    "PT": ("Portugal",),
    "RO": ("Romania", "România"),
    "SK": ("Slovakia", "Slovensko", "Slovak Republic"),
    "SI": ("Slovenia", "Slovenija"),
    "ES": ("Spain", "España"),
    "SE": ("Sweden", "Sverige"),
}
_COUNTRIES.update({n.lower(): code for code, names in EU_COUNTRIES.items() for n in names})

# Major cities, in English and in the country's own spelling. A city alone names its
# country only in front matter or a "Location:" line; in running text it needs the country.
EU_CITIES: dict[str, str] = {
    city.lower(): code
    for code, cities in {
        "IT": "Rome Roma Milan Milano Naples Napoli Turin Torino Palermo Genoa Genova Bologna "
        "Florence Firenze Bari Catania Venice Venezia Verona Padua Padova Trieste Brescia "
        "Parma Modena Bergamo Pisa Cagliari",
        "AT": "Vienna Wien Graz Linz Salzburg Innsbruck Klagenfurt Villach Wels",
        "SK": "Bratislava Košice Kosice Prešov Presov Žilina Zilina Nitra Trnava Trenčín Trencin",
        "LT": "Vilnius Kaunas Klaipėda Klaipeda Šiauliai Siauliai Panevėžys Panevezys",
        "PL": "Warsaw Warszawa Kraków Krakow Cracow Łódź Lodz Wrocław Wroclaw Poznań Poznan "
        "Gdańsk Gdansk Szczecin Katowice Lublin Gdynia Bydgoszcz",
        "MT": "Valletta Birkirkara Sliema Msida Qormi Mosta",
        "DE": "Berlin Munich München Hamburg Frankfurt Cologne Köln Stuttgart Düsseldorf Leipzig",
        "FR": "Paris Lyon Marseille Toulouse Bordeaux Lille Nantes",
        "ES": "Madrid Barcelona Valencia Seville Sevilla Bilbao Málaga Malaga",
        "NL": "Amsterdam Rotterdam Utrecht Eindhoven",
        "IE": "Dublin Cork Galway Limerick",
        "BE": "Brussels Bruxelles Brussel Antwerp Antwerpen Ghent Gent",
        "PT": "Lisbon Lisboa Porto",
        "SE": "Stockholm Gothenburg Göteborg Malmö",
        "DK": "Copenhagen København Aarhus",
        "FI": "Helsinki Espoo Tampere",
        "CZ": "Prague Praha Brno Ostrava",
        "HU": "Budapest Debrecen",
        "RO": "Bucharest București Cluj-Napoca Timișoara Iași",
        "BG": "Sofia Plovdiv Varna",
        "HR": "Zagreb Split Rijeka",
        "SI": "Ljubljana Maribor",
        "EE": "Tallinn Tartu",
        "LV": "Riga Rīga",
        "LU": "Luxembourg",
        "GR": "Athens Thessaloniki",
        "CY": "Nicosia Limassol Larnaca",
    }.items()
    for city in cities.split()
}
# European city names that North American towns share ("Naples, FL", "Dublin, OH",
# "Vienna, VA"): alone, they name no country.
_NAMESAKES = frozenset(
    {
        "rome",
        "naples",
        "florence",
        "venice",
        "verona",
        "milan",
        "parma",
        "palermo",
        "genoa",
        "turin",
        "padua",
        "modena",
        "vienna",
        "linz",
        "warsaw",
        "krakow",
        "berlin",
        "hamburg",
        "munich",
        "frankfurt",
        "cologne",
        "stuttgart",
        "paris",
        "lyon",
        "valencia",
        "madrid",
        "amsterdam",
        "dublin",
        "cork",
        "athens",
        "sofia",
        "lisbon",
        "seville",
        "brussels",
        "copenhagen",
        "riga",
        "prague",
        "luxembourg",
        "split",
        "malaga",
        "porto",
    }
)

_UPPER = "A-ZÀ-ÖØ-ÞĀĆČĎĘĚŁŃŇŐŘŚŠŤŮŰŹŻŽ"
# At most four words, as in _CITY: a run of capitalised words must not make the search
# quadratic.
_EU_CITY = (
    rf"(?P<city>[{_UPPER}][^\W\d_]+(?:[ '’.-](?:[{_UPPER}][^\W\d_]+|di|de|del|della|am|an|im|"
    r"nad|pod|pri|la|le|sul)){0,3}\.?)"
)
_EU_NAMES = "|".join(
    re.escape(n)
    for n in sorted((n for names in EU_COUNTRIES.values() for n in names), key=len, reverse=True)
)
_EU_PLACE_RE = re.compile(_EU_CITY + r",\s*(?P<country>" + _EU_NAMES + r")(?![^\W\d_])")
# What every match of _EU_PLACE_RE holds, found fast (a literal "," starts it): most text
# names no European country after a comma, and the full pattern is tried at every word.
_EU_COUNTRY_AFTER_COMMA = re.compile(r",\s*(?:" + _EU_NAMES + r")")
_EU_REMOTE_RE = re.compile(
    r"\bremote\b\s*(?:[(\-–—:,]\s*|\bin\s+|\bwithin\s+|\bfrom\s+)?"
    r"(?P<where>" + _EU_NAMES + r")\b",
    re.I,
)

# -- States a remote job is not open in ---------------------------------------------------
_REGION_NAMES = {**{n.lower(): c for c, n in US_STATES.items()}, "washington dc": "DC"}
_REGION_NAMES.update({n.lower(): c for c, n in CA_PROVINCES.items()})
_STATE_TOKEN = (
    r"(?:(?i:"
    + "|".join(re.escape(n) for n in sorted(_REGION_NAMES, key=len, reverse=True))
    + r")|(?:"
    + "|".join(sorted(set(US_STATES) | set(CA_PROVINCES)))
    + r"))\b"
)
_STATE_TOKEN_RE = lazy_regex.compile(_STATE_TOKEN)
_SEP = r"\s*(?:,\s*(?:and\s+|or\s+|&\s*)?|/|&|;|\band\b|\bor\b|\bnor\b)\s*"
_STATE_LIST = r"(?P<list>" + _STATE_TOKEN + r"(?:" + _SEP + _STATE_TOKEN + r"){0,70})"
_WHO = r"(?:candidates|applicants|residents|people|individuals|those|anyone|employees|workers)"
_IN = (
    r"(?:(?:who\s+(?:live|reside|are\s+located|are\s+based)|living|residing|located|based)\s+)?"
    r"(?:in|from|of)\s+"
)
_THE = (
    r"(?:the\s+following\s+(?:states|provinces|locations)\s*:?\s*"
    r"|(?:the\s+)?(?:states?|provinces?)\s+of\s+)?"
)
# What introduces the states a remote job is not open in.
_EXCLUDING = (
    r"(?i:\b(?:"
    # "remote, excluding HI, AK", "all states except Colorado", "except for residents of NY"
    r"(?:except(?:\s+for)?|excluding|excludes|excl\.|other\s+than|with\s+the\s+exception\s+of)"
    + r"\s*:?\s*(?:"
    + _WHO
    + r"\s+"
    + _IN
    + r"|in\s+)?"
    # "not open to residents of Alaska", "not available in HI"
    + r"|not\s+(?:open|available|eligible)\s+(?:to\s+"
    + _WHO
    + r"\s+)?"
    + _IN
    # "we cannot hire in AK or HI", "we are unable to consider applicants residing in ..."
    + r"|(?:cannot|can\s?not|can['’]t|(?:are|is)\s+(?:not\s+able|unable)\s+to|do\s+not|don['’]t"
    r"|will\s+not|won['’]t)\s+(?:currently\s+|yet\s+)?(?:hire|employ|consider|accept)\s+"
    r"(?:" + _WHO + r"\s+)?" + _IN + r")" + _THE + r")"
)
_EXCLUDE_RE = re.compile(_EXCLUDING + _STATE_LIST)
# A place right after such words is excluded too: "remote, except Honolulu, HI". The
# pattern is tried only after one of its words (a place list must stay cheap to read).
_EXCLUDED_PLACE = lazy_regex.compile(_EXCLUDING + r"$")
_EXCLUDING_WORD = re.compile(
    r"(?i)\b(?:except|excl|other\s+than|exception|not|cannot|can['’]t|unable|don['’]t|won['’]t)"
)
# Real cities named after a state, written with their own state's name ("Ontario,
# California", "Wyoming, Michigan"); "Washington" names a town in many states.
_STATE_NAMED_CITIES = {
    ("ontario", "CA"),
    ("ontario", "OR"),
    ("delaware", "OH"),
    ("virginia", "MN"),
    ("wyoming", "MI"),
    ("oregon", "OH"),
    ("oregon", "WI"),
    ("indiana", "PA"),
    ("nevada", "MO"),
    ("nevada", "IA"),
    ("florida", "NY"),
    ("georgia", "VT"),
    ("maine", "NY"),
    ("kansas", "IL"),
}
_REMOTE_WORDS = re.compile(r"\b(?:remote(?:ly)?|telecommut\w*|work\s+from\s+home|wfh)\b", re.I)
# A word every match of _REMOTE_WORDS holds (``prefilter.lacks``).
_REMOTE_NEEDS = ("remote", "telecommut", "home", "wfh")
_ALL_STATES = lazy_regex.compile(
    r"\bopen\s+to\s+" + _WHO + r"\s+(?:in|from|of|across)\s+(?:all|any|every)\s+"
    r"(?:(?:50|fifty)\s+)?(?:U\.?S\.?\s+)?states?\b",
    re.I,
)


def exclusions(text: str) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """The states and provinces ``text`` says a remote job is not open in, and where it
    says so: "remote, excluding HI, AK", "we cannot hire in Alaska or Hawaii"."""
    codes: set[str] = set()
    spans: list[tuple[int, int]] = []
    # Every wording _EXCLUDE_RE knows starts with one of these words.
    if _EXCLUDING_WORD.search(text) is None:
        return frozenset(), spans
    for m in _EXCLUDE_RE.finditer(text):
        for t in _STATE_TOKEN_RE.finditer(m["list"]):
            word = t.group(0)
            codes.add(_REGION_NAMES.get(word.lower(), word))
        spans.append((m.start("list"), m.end("list")))
    return frozenset(codes), spans


def _europe_and_exclusions(
    text: str, found: list[tuple[int, Location]]
) -> list[tuple[int, Location]]:
    """Add the European places and the remote jobs open in every state; drop what is a
    list of states rather than a place ("except Alaska, Hawaii", "Colorado, Connecticut or
    Nevada residents"); give remote jobs the states the text excludes."""
    # Most blocks name no place: the excluding words are looked for only when one is found.
    excluded: frozenset[str] = frozenset()
    out: list[tuple[int, Location]] = []
    if found:
        excluded, spans = exclusions(text)
        starts = [s for s, _ in spans]
        words = [m.start() for m in _EXCLUDING_WORD.finditer(text)]

        def listed(at: int) -> bool:
            i = bisect_right(starts, at) - 1
            if i >= 0 and spans[i][0] <= at < spans[i][1]:
                return True
            j = bisect_right(words, at) - 1
            return (
                j >= 0
                and words[j] >= at - 80
                and _EXCLUDED_PLACE.search(text, max(0, at - 80), at) is not None
            )

        for at, loc in found:
            if listed(loc.start):
                continue
            if not loc.remote and loc.city and loc.region and _names_a_state(loc):
                continue
            out.append((at, loc))
    eu_places = _EU_PLACE_RE.finditer(text) if _EU_COUNTRY_AFTER_COMMA.search(text) else ()
    for m in eu_places:
        city = _trim_city(m["city"])
        country = _COUNTRIES[m["country"].lower()]
        out.append(
            (m.start("city"), Location(city, None, country, False, m.group(0), m.start(), m.end()))
        )
    for m in _EU_REMOTE_RE.finditer(text) if "remote" in text.lower() else ():
        country = _COUNTRIES[m["where"].lower()]
        out.append((m.start(), Location(None, None, country, True, m.group(0), m.start(), m.end())))
    if not lacks(text, _REMOTE_NEEDS) and _REMOTE_WORDS.search(text):
        for m in _ALL_STATES.finditer(text):
            loc = Location(None, None, "US", True, m.group(0), m.start(), m.end())
            out.append((m.start(), loc))
    if out and not found:
        excluded = exclusions(text)[0]
    if excluded:
        out = [
            (at, replace(loc, excluded=loc.excluded | excluded) if loc.remote else loc)
            for at, loc in out
        ]
    return out


def _names_a_state(loc: Location) -> bool:
    """A pair of states ("Alaska, Hawaii" in "Alaska, Hawaii or Montana") is not a city in a state.
    A city written with a state's code ("Washington, DC", "Ontario, CA") is a place."""
    tail = loc.phrase.rsplit(",", 1)[-1].strip()
    if re.match(r"[A-Z]{2}\b", tail):
        return False
    city = (loc.city or "").lower()
    code = _REGION_NAMES.get(city)
    if code is None or code == loc.region or city == "washington":
        return False
    return (city, loc.region) not in _STATE_NAMED_CITIES
