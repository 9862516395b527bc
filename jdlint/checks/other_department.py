"""A line pasted from another department's posting: a posting that declares its department
("Department: Pediatrics") and then says the job represents, joins or works for a named unit
of another specialty ("represents the hospital and the Cancer Care Center").

Only a declared department counts (a "Department:", "Dept:" or "Specialty:" line), since a
title or a team name is too loose to judge against; and only a unit the job belongs to
(represent, join, member of, on behalf of, work in or for), since referring patients to
another service or working with it is every posting's daily business. A unit whose name
holds a word of the declared specialty ("the Pediatric Oncology Center" in Pediatrics) is
the department's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import hygiene
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "other-department"
OPTIONS = {
    "specialties": Option(
        dict[str, list[str]],
        doc="each specialty and the lowercase words that name it (stems match their endings)",
    ),
}
MESSAGE_FIELDS = ("department", "line", "unit")
NEEDS: frozenset[str] = frozenset()

_DECLARED = re.compile(
    r"^[ \t]*(?:Department|Dept\.?|Specialty|Speciality)[ \t]*:[ \t]*"
    r"(?P<name>[A-Za-z][A-Za-z&'’ /-]{1,60}?)[ \t]*$",
    re.M,
)
# The job belongs to the unit: the verb, at most six words (the employer's name, "and"), then
# a capitalised unit name ending in the kind of unit.
_BELONGS = re.compile(
    r"\b(?i:represent(?:s|ing)?|join(?:s|ing)?|on\s+behalf\s+of|members?\s+of|"
    r"work(?:s|ing)?\s+(?:in|for|within))\s+(?:[\w&'’.-]+\s+){0,6}?(?:the|our)\s+"
    r"(?P<unit>(?:[A-Z][\w'’&-]*\s+){1,5}(?:Center|Centre|Department|Clinic|Unit|Institute|"
    r"Service|Services|Program|Programme|Team))\b"
)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    specialties: dict[str, list[str]] = rule.options["specialties"]
    declared = None
    for block in posting.blocks:
        if ":" not in block.text:
            continue
        m = _DECLARED.search(hygiene.source_text(posting, block))
        if m is not None:
            declared = (block, m)
            break
    if declared is None:
        return
    block, m = declared
    department = m["name"].strip()
    own = _specialties(department, specialties)
    if not own:
        return  # a department jdlint cannot place ("Finance") is not judged
    own_words = {w for s in own for w in specialties[s]}
    line = posting.lines.line_col(block.source_span(m.start("name"), m.end("name"))[0])[0]
    for other in posting.blocks:
        if other is block:
            continue
        text = hygiene.source_text(posting, other)
        for b in _BELONGS.finditer(text):
            unit = b["unit"]
            theirs = _specialties(unit, specialties)
            if not theirs or theirs & own or _names_any(unit, own_words):
                continue
            a, z = other.source_span(b.start("unit"), b.end("unit"))
            finding = rule.finding(a, z, department=department, line=line, unit=unit)
            finding.fact = ("other-department",)
            yield finding
            return  # one line pasted from elsewhere is enough to send the author looking


def _specialties(name: str, specialties: dict[str, list[str]]) -> set[str]:
    return {s for s, words in specialties.items() if _names_any(name, words)}


def _names_any(name: str, words: list[str] | set[str]) -> bool:
    tokens = re.findall(r"[a-z]+", name.lower())
    return any(t.startswith(w) for t in tokens for w in words)
