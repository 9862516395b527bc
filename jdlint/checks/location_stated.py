"""No place of work: the posting never says where the job is.

A place is any of: front matter ``location``; a place ``jdlint/location.py`` recognises
("Denver, CO", "Remote (US)", a "Location:" line); a label line ("Location: Leeds",
"Base: ...", "Site: ..."); "based at/in ...", "located in ...", "work from our Leeds
office"; a named hospital, clinic, health centre or campus; a UK postcode; a country, state
or province standing in a short line of its own ("🌎 United States", a job board's header)
or after "in", "across" or "throughout". Headings are read as the source has them, so a
header in a code span counts.

The message says what is missing: where a remote worker may live (a remote job with no
country or state), where the office is (an on-site or hybrid job with no place), or both
the place and the work arrangement. A summary that points to the full description is not
judged (``FULL_POSTING``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import hygiene, lazy_regex
from .. import location as loc_mod
from .. import words as words_mod
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context
from .glued_words import FUNCTION_WORDS

KIND = "location-stated"
OPTIONS = {
    "countries": Option(list[str], [], doc="country names that state a place on their own"),
    "place_phrases": Option(
        list[str], [], doc="phrases that name a place on their own ('the five boroughs')"
    ),
    "not_places": Option(
        list[str],
        [],
        doc="capitalised words after 'in' that are no place (fields of study, software, months)",
    ),
}
MESSAGE_FIELDS = ("problem", "advice", "found")
NEEDS: frozenset[str] = frozenset()
FULL_POSTING = True

_LABEL = lazy_regex.compile(
    r"(?:^|\n|\b(?=(?:Job\s+|Work\s+|Office\s+)?(?:Location|Site|Base|Address|Workplace)\s*:))"
    r"\s*(?:job\s+|work\s+|office\s+|primary\s+)?(?:location|site|base|based|address|"
    r"work\s*place|office|city|town)\s*:\s*[\w(]",
    re.I,
)
_BASED = lazy_regex.compile(
    r"\b(?:based|located|situated|sited|headquartered)\s+(?:at|in|within|from|out\s+of|on)\s+"
    r"(?:the\s+|our\s+)?(?:[A-Z][\w'’.-]+|[A-Z]{2,})"
    r"|\b(?:work(?:ing)?|job|role|post|position)\s+(?:is\s+)?(?:at|in|from)\s+(?:our\s+|the\s+)?"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,5}\s+(?:office|hospital|site|clinic|campus|headquarters|branch|centre|center)\b"
)
# A named site the job is at ("at Northgate General Hospital"); a hospital group or trust
# named as the employer ("Cedars-Sinai Medical Center has been named ...", "United
# Lincolnshire Hospitals") does not say which of its sites.
_FACILITY = lazy_regex.compile(
    r"\b(?:at|within|in)\s+(?:the\s+)?[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|of|and|&)){0,6}\s+"
    r"(?:General\s+)?(?:Hospital|Infirmary|Medical\s+Cent(?:er|re)|Health\s+Cent(?:er|re)|Clinic|"
    r"Campus|Hospice)\b(?!\s+(?:NHS|Trust|Group|System|Network))"
)
# More ways a posting names its place: "from our New York City offices", "at HMP Parc",
# "the people of East Lancashire", "South Manchester", and a team named for its town
# ("the Thame Adult Community Team": the first word is no common English word).
_OUR_SITE = lazy_regex.compile(
    r"\b(?:from|at|in|to)\s+our\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}\s+"
    r"(?:offices?|hospitals?|sites?|clinics?|campus|headquarters|HQ|hub|branch)\b"
    r"|\b(?:at|in)\s+HMP(?:\s*&\s*YOI)?\s+[A-Z]"
)
_OF_PLACE = lazy_regex.compile(
    r"\b(?:people|residents|communities|population|boroughs?|county|city|town|districts?|"
    r"region|area|villages?)\s+of\s+(?:the\s+)?[A-Z][a-z]"
    r"|\b(?:North|South|East|West|Central|Greater|Mid|Inner|Outer)(?:\s+|-)[A-Z][a-z]{3,}\b"
    r"(?![ \t]+(?:(?:registered[ \t]+)?(?:nurse|RN|LPN|social[ \t]+work\w*)[ \t]+)?(?:licen[cs]\w*|registration|law|laws))"
)
_TEAM = lazy_regex.compile(
    r"\b(?!(?:The|Our|Your|This|That|Their|Its|An?)\b)(?P<first>[A-Z][a-z]{2,})(?:\s+[A-Z][a-z][\w-]*){1,6}\s+"
    r"(?:Team|Service|Services|Hub|Unit|Locality|Practice)\b"
)
_LOCATION_FORMS = re.compile(r",\s*[A-Z]|(?i:remote|location\s*:)")
_UPPER_INSIDE = re.compile(r"(?<=.)[A-Z]|^[A-Z]{2}", re.S)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
_REGION_AFTER = r"\b(?:in|across|throughout|within|around)\s+(?:the\s+)?(?:county|city|borough|state|province)\s+of\s+[A-Z]"


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    if _has_place(rule, ctx):
        return
    said = hygiene.arrangements(posting, hashtags=True)
    kinds = list(dict.fromkeys(m.kind for m in said))
    # Each way of saying it once, whatever its case ("Remote" and "remote").
    ways: dict[str, str] = {}
    for m in said:
        ways.setdefault(m.word.lower(), m.word)
    words = list(ways.values())[:3]
    found = ", ".join(f"'{w}'" for w in words)
    board = " (or set `location` in front matter if the job board shows it)"
    if kinds == ["remote"]:
        problem = f"The posting says the job is remote ({found}) but not from where"
        advice = (
            "name the countries or states a remote worker may live in, since licences, tax and time zones depend on it"
            + board
        )
    elif kinds:
        kind = "hybrid" if "hybrid" in kinds or "remote" in kinds else "on-site"
        problem = f"The posting says the job is {kind} ({found}) but not where"
        advice = "give the city and the site or office" + board
    else:
        problem = (
            "The posting does not say where the job is, or whether it is on-site, hybrid or remote"
        )
        advice = "give the city and state or region, or the site, and the work arrangement" + board
    anchor = posting.anchor()
    block = next((b for b in posting.blocks if b.start == anchor), None)
    end = block.end if block is not None and block.kind == "heading" else anchor
    finding = rule.finding(anchor, end, problem=problem, advice=advice, found=found)
    finding.fact = ("location-missing",)
    yield finding


@lru_cache(maxsize=64)
def _patterns(
    countries_option: tuple[str, ...],
    not_places_option: tuple[str, ...],
    place_phrases: tuple[str, ...],
) -> tuple[re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """The rule's patterns and word sets for its options, built once (they hold every
    state, province and country name)."""
    names = sorted(
        {
            *(c for c in countries_option if c),
            *loc_mod.US_STATES.values(),
            *loc_mod.CA_PROVINCES.values(),
        },
        key=len,
        reverse=True,
    )
    # A state named for a licence ("Valid California RN license") is no place of work.
    name = (
        r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"
        r"(?![ \t]+(?:(?:registered[ \t]+)?(?:nurse|RN|LPN|social[ \t]+work\w*)[ \t]+)?"
        r"(?:licen[cs]\w*|registration|law|laws|residents?\b))"
    )
    short = re.compile(name)
    # A place name after "in", "across", "within" ("teams across Kent", "based within
    # Walsall"): any capitalised name jdlint has no reason to doubt, since a posting that
    # names a place this way is not the one this rule is for. Countries are left out
    # (eligibility and ranking sentences name them: "eligible to work in the UK").
    # A country is left out only as the whole name: "in New England" and "in New Mexico"
    # hold a country's name and still say where the job is.
    not_places = frozenset(w.lower() for w in not_places_option)
    countries = frozenset(c.lower() for c in countries_option)
    phrases = re.compile("|".join(re.escape(p) for p in place_phrases) or r"(?!)", re.I)
    after = re.compile(
        r"\b(?i:in|across|throughout|within|around|near)\s+(?:the\s+)?"
        r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,3})"
        r"(?![ \t]+(?:licen[cs]\w*|registration|law|laws))|" + _REGION_AFTER
    )
    return short, not_places, countries, phrases, after


def _has_place(rule: Rule, ctx: Context) -> bool:
    posting = ctx.posting
    if posting.meta.get("location") not in (None, "", [], {}):
        return True
    # jdlint/location.py's forms all hold a comma before a capital ("Denver, CO"), "remote"
    # or "location:"; a posting with none of them (a list of 100,000 bullets) skips it.
    if (posting.title and _LOCATION_FORMS.search(posting.title)) or any(
        _LOCATION_FORMS.search(b.text) for b in posting.blocks
    ):
        places, _ = ctx.memo("location.of_posting", lambda: loc_mod.of_posting(posting))
        if any(not p.remote or p.country for p in places):
            return True
    short, not_places, countries, phrases, after = _patterns(
        tuple(rule.options["countries"]),
        tuple(rule.options["not_places"]),
        tuple(rule.options["place_phrases"]),
    )
    for block in posting.blocks:
        text = hygiene.source_text(posting, block)
        if ":" in text and _LABEL.search(text):
            return True
        if phrases.search(text):
            return True
        if not _UPPER_INSIDE.search(text):
            continue  # every other form names a place with a capital letter
        if _BASED.search(text) or _FACILITY.search(text):
            return True
        if _OUR_SITE.search(text) or _OF_PLACE.search(text):
            return True
        for m in _TEAM.finditer(text):
            if m["first"].lower() not in not_places and words_mod.zipf(m["first"].lower()) < 3.0:
                return True
        if _POSTCODE.search(text):
            return True
        if block.words <= 8 and short.search(text):
            return True
        for m in after.finditer(text):
            place = m["name"]
            if place is None:
                return True
            names = place.lower().split()
            if (
                names[0] not in FUNCTION_WORDS
                and place.lower() not in not_places
                and place.lower() not in countries
                and not any(w in not_places for w in names)
            ):
                return True
    return False
