"""Turn a reader's blocks into a Posting: sections, canonical keys, title."""

from __future__ import annotations

import itertools
import re

from .. import language, statements
from ..headings import SectionVocabulary
from ..posting import Block, FrontMatter, Posting, Section

# An untitled opening with at least this many words serves as the overview.
IMPLICIT_OVERVIEW_WORDS = 20
# A masthead line (title, employer, place, band) is at most this long.
MASTHEAD_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def assemble(
    text: str,
    path: str,
    fmt: str,
    blocks: list[Block],
    vocab: SectionVocabulary,
    front_matter: FrontMatter | None = None,
) -> Posting:
    for block in blocks:
        block.mapped = block.mapped.strip()
    blocks = [b for b in blocks if b.text.strip()]
    for i, block in enumerate(blocks):
        block.index = i

    title, title_span, title_block = _title(front_matter, blocks, vocab)
    if title_block is not None and title_block.kind != "heading":
        # A job-title line at the top of the posting is its title, not text to read.
        title_block.kind, title_block.level = "heading", 1
    sections: list[Section] = []
    current: Section | None = None
    for block in blocks:
        if block.kind == "heading":
            key = None if block is title_block else vocab.key_for(block.text)
            current = Section(block, key, block.level)
            sections.append(current)
        else:
            if current is None:
                current = Section(None, None, 0)
                sections.append(current)
            current.blocks.append(block)
        block.section = len(sections) - 1

    _inherit_keys(sections)
    _mark_implicit_overview(sections, title_block)
    _mark_text(sections)
    _mark_duties(sections)
    return Posting(
        text=text,
        path=path,
        format=fmt,
        blocks=blocks,
        sections=sections,
        front_matter=front_matter,
        title=title,
        title_span=title_span,
    )


def _title(
    fm: FrontMatter | None, blocks: list[Block], vocab: SectionVocabulary
) -> tuple[str | None, tuple[int, int] | None, Block | None]:
    """The posting's title: front matter ``title``, else the first top-level heading, else
    the first line of the masthead that names a job.

    An H1 that names no job ("EARLY INTERVENTION SERVICE") gives way to a masthead line
    below it that does ("Case Manager - Band 6"); plain text and HTML fragments have no H1,
    and their title is such a line, when there is one.
    """
    first_heading = next((b for b in blocks if b.kind == "heading"), None)
    h1 = first_heading if first_heading and first_heading.level == 1 else None
    if fm and isinstance(fm.data.get("title"), str) and fm.data["title"].strip():
        # The H1 that repeats the front-matter title is still the title, not a section.
        if h1 and _same(h1.text, fm.data["title"]):
            return fm.data["title"].strip(), h1.source_span(), h1
        return fm.data["title"].strip(), None, None
    job = next((b for b in _masthead(blocks, vocab) if vocab.names_job(b.text)), None)
    if h1 and (job is None or vocab.names_job(h1.text)):
        return h1.text, h1.source_span(), h1
    if job is not None:
        return job.text, job.source_span(), job
    return None, None, None


def _masthead(blocks: list[Block], vocab: SectionVocabulary) -> list[Block]:
    """The short lines that open a posting, before its first sentence, list or section."""
    out: list[Block] = []
    for block in blocks[:8]:
        if block.kind == "list_item" or not _line_like(block.text):
            break
        if block.kind == "heading" and block.level > 1 and vocab.key_for(block.text):
            break
        out.append(block)
    return out


def _line_like(text: str) -> bool:
    """A line that names something rather than says something: short, no sentence end."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= MASTHEAD_WORDS
        and not _SENTENCE_END.search(stripped)
        and ":" not in stripped
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


# A sentence that states a duty: "To assess ...", "You will coordinate ...", "you are
# responsible for ...". Each alternative starts with its letter, and what must stand
# before it (the text's start or a sentence's end; a word boundary) is a look-behind
# after that letter: so the search skips ahead to "T", "Y", "R" and "y" instead of trying
# every position.
_DUTY = re.compile(
    r"T(?:(?<=^T)|(?<=[.!?;]\sT))o\s+(?!be\b)[a-z]{3,}"
    r"|Y(?:(?<=^Y)|(?<=[.!?;]\sY))ou(?:\s+will|'ll|’ll)\s+(?:also\s+)?"
    r"(?!have\b|be\b|need\b|hold\b|receive\b|get\b|enjoy\b|join\b|benefit\b|gain\b|earn\b)"
    r"[a-z]{3,}"
    r"|R(?:(?<=^R)|(?<=[.!?;]\sR))esponsible\s+for\b"
    r"|y(?<!\wy)ou\s+(?:are|will\s+be)\s+responsible\s+(?:and\s+accountable\s+)?for\b"
)
DUTY_SENTENCES = 3


def _mark_duties(sections: list[Section]) -> None:
    """A section that states duty after duty in prose holds the responsibilities too."""
    for section in sections:
        if section.key in ("responsibilities", "qualifications", "benefits", "eeo"):
            continue
        if section.heading is None and not section.implicit:
            continue
        section.duties = sum(len(_DUTY.findall(b.text)) for b in section.blocks)
        if section.duties >= DUTY_SENTENCES:
            section.also.add("responsibilities")


def _mark_text(sections: list[Section]) -> None:
    """What readability advice cannot change: legal notices, text in another language."""
    for section in sections:
        for block in section.blocks:
            block.boilerplate = statements.is_boilerplate(block, section.key)
            if block.words >= 8:
                block.lang = language.detect(block.text)


def _inherit_keys(sections: list[Section]) -> None:
    """A heading that names no section, right under a section heading with nothing of its
    own ("Licenses & Certifications" then "Reg Nurse"), is a sub-heading of that section."""
    for prev, section in itertools.pairwise(sections):
        if (
            section.key is None
            and section.heading is not None
            and prev.key is not None
            and prev.heading is not None
            and not prev.blocks
            and section.level >= prev.level
        ):
            section.key = prev.key


def _mark_implicit_overview(sections: list[Section], title_block: Block | None) -> None:
    """The opening prose, before any named section, is the overview a reader sees first."""
    if any(s.key == "overview" for s in sections):
        return
    for section in sections:
        if section.key is not None:
            return
        if section.words >= IMPLICIT_OVERVIEW_WORDS:
            section.key = "overview"
            section.implicit = True
            return
