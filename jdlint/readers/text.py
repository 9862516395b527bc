"""Plain text: headings and lists recovered from layout.

Plain-text postings are usually pasted or scraped from a page: bullets may survive as
"* " or "- ", or be lost so that each item is a bare line; headings are "Responsibilities:",
ALL-CAPS lines or short Title Case lines; scraped text may even glue a heading to the
sentence before it ("...for.What you'll do:Assess..."). Each rule here keeps to the
shapes it can tell apart from prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..headings import SectionVocabulary, is_all_caps, is_title_case, looks_like_heading
from ..posting import Block
from ..source import MappedText

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BULLET = re.compile(
    r"^[ \t]*(?:(?:[-*•·▪◦●‣–]|\d{1,2}[.)]|[a-z][.)]|o(?=[ \t]))[ \t]+(?=\S)|[-•·](?=[A-Z]))"
)
# A heading glued to the sentence before it, or at the start of a line and glued to the text
# after it ("How you will make an impact:Provides..."); "Schedule: Full time" is a field.
_GLUED_HEADING = re.compile(
    r"(?:(?<=[.!?)a-z])([A-Z][A-Za-z’'/& \-]{2,45}):|^([A-Z][A-Za-z’'/& \-]{2,45}):(?=\S))"
)
_LIST_SECTIONS = {"responsibilities", "qualifications", "benefits"}
_ENDS_SENTENCE = re.compile(r"[.!?:;]['’\")\]]*\s*$")


@dataclass
class _Unit:
    kind: str  # "heading", "bullet", "line"
    start: int
    end: int


def read_blocks(text: str, start: int, vocab: SectionVocabulary) -> list[Block]:
    """Blocks of the plain text in text[start:], with offsets into ``text``."""
    groups: list[list[tuple[int, int]]] = [[]]
    for m in _LINE.finditer(text, start):
        if m.start() == m.end():
            break
        line = m.group().rstrip("\r\n")
        if line.strip():
            groups[-1].append((m.start(), m.start() + len(line)))
        elif groups[-1]:
            groups.append([])

    blocks: list[Block] = []
    for group in groups:
        if group:
            heading = next((b for b in reversed(blocks) if b.kind == "heading"), None)
            listy = heading is not None and vocab.key_for(heading.text) in _LIST_SECTIONS
            blocks.extend(_group_blocks(text, group, vocab, listy))
    return blocks


def _group_blocks(
    text: str, group: list[tuple[int, int]], vocab: SectionVocabulary, listy: bool
) -> list[Block]:
    units: list[_Unit] = []
    for i, (lo, hi) in enumerate(group):
        line = text[lo:hi]
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        bullet = _BULLET.match(line)
        standalone = len(group) == 1 or (i == 0 and _is_heading_shape(stripped))
        if bullet:
            units.append(_Unit("bullet", lo + bullet.end(), hi))
        elif looks_like_heading(stripped, vocab, set_apart=standalone and i == 0) or _named_line(
            stripped, vocab
        ):
            units.append(_Unit("heading", lo + lead, lo + len(line.rstrip())))
        elif units and _continues(text, units[-1], stripped):
            units[-1].end = hi
        else:
            units.append(_Unit("line", lo + lead, hi))

    # Bare lines under a duties, requirements or benefits heading are list items that lost
    # their bullets; elsewhere only runs of short lines are, and long lines are prose. A
    # heading inside this group sets the context for the lines after it, not before it.
    listed: set[int] = set()
    context = listy
    run: list[_Unit] = []
    for u in [*units, None]:
        if u is None or u.kind == "heading":
            lines = [
                x
                for x in run
                if x.kind == "line" and not text[x.start : x.end].rstrip().endswith(":")
            ]
            itemish = sum(1 for x in lines if _itemish(text[x.start : x.end]))
            if len(lines) >= 2 and (context or itemish * 2 > len(lines)):
                # Without a bullet, a line of over 40 words is a paragraph that follows the
                # list in scraped text, not an item of it.
                listed.update(id(x) for x in lines if len(text[x.start : x.end].split()) <= 40)
            if u is not None:
                context = vocab.key_for(text[u.start : u.end]) in _LIST_SECTIONS
            run = []
        else:
            run.append(u)
    blocks: list[Block] = []
    for u in units:
        mapped = MappedText()
        mapped.add_source(text, u.start, u.end)
        if u.kind == "heading":
            blocks.append(Block("heading", mapped, level=2))
        elif u.kind == "bullet":
            blocks.append(Block("list_item", mapped, level=1))
        elif id(u) in listed:
            blocks.append(Block("list_item", mapped, level=1, marked=False))
        else:
            blocks.extend(_split_glued(mapped, vocab))
    return blocks


def _named_line(line: str, vocab: SectionVocabulary) -> bool:
    """A short Title Case line inside a block that names a known section ("Who We Are")."""
    return (
        len(line.split()) <= 6
        and not re.search(r"[.!?,;:\d]$|:", line)
        and (is_title_case(line) or is_all_caps(line))
        and vocab.key_for(line) is not None
    )


def _itemish(line: str) -> bool:
    """Reads as a list item rather than a sentence of prose: short, or not a full sentence."""
    return len(line.split()) <= 12 or not re.search(r"[.!?]['’\")]*\s*$", line)


def _is_heading_shape(line: str) -> bool:
    core = line.rstrip(":").strip()
    return len(core.split()) <= 8 and (is_all_caps(core) or is_title_case(core))


def _continues(text: str, prev: _Unit, line: str) -> bool:
    """A hard-wrapped line: the previous one did not end a sentence and this one goes on."""
    if prev.kind == "heading":
        return False
    before = text[prev.start : prev.end]
    return not _ENDS_SENTENCE.search(before) and line[:1].islower()


def _split_glued(mapped: MappedText, vocab: SectionVocabulary) -> list[Block]:
    """Split scraped text where a known heading was glued between two sentences."""
    out: list[Block] = []
    pos = 0
    for m in _GLUED_HEADING.finditer(mapped.text):
        group = 1 if m.group(1) else 2
        phrase = m.group(group).strip()
        known = vocab.exact_key(phrase) is not None or (
            vocab.key_for(phrase) is not None and len(phrase.split()) <= 5 and is_title_case(phrase)
        )
        if not known:
            continue
        if mapped.text[pos : m.start()].strip():
            out.append(Block("paragraph", mapped.slice(pos, m.start())))
        out.append(Block("heading", mapped.slice(m.start(group), m.end()), level=2))
        pos = m.end()
    if pos == 0:
        return [Block("paragraph", mapped)]
    if mapped.text[pos:].strip():
        out.append(Block("paragraph", mapped.slice(pos, len(mapped.text))))
    return out
