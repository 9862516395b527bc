"""Turn a reader's blocks into a Posting: sections, canonical keys, title."""

from __future__ import annotations

import re

from ..headings import SectionVocabulary
from ..posting import Block, FrontMatter, Posting, Section
from ..source import mask_literals

_GLYPH = re.compile(r"^[•·▪◦●‣■□➢➤✓✔]\s*")
_LABEL = re.compile(r"^[A-Z][\w&/'’ -]{1,50}:\s+\S")

# An untitled opening with at least this many words serves as the overview.
IMPLICIT_OVERVIEW_WORDS = 20


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
        block.mapped.text = mask_literals(block.mapped.text)
    blocks = [b for b in blocks if b.text.strip()]
    _recover_lists(blocks)
    for i, block in enumerate(blocks):
        block.index = i

    title, title_span, title_block = _title(front_matter, blocks)
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

    _mark_implicit_overview(sections, title_block)
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
    fm: FrontMatter | None, blocks: list[Block]
) -> tuple[str | None, tuple[int, int] | None, Block | None]:
    """The posting's title: front matter ``title``, else the first top-level heading."""
    first_heading = next((b for b in blocks if b.kind == "heading"), None)
    h1 = first_heading if first_heading and first_heading.level == 1 else None
    if fm and isinstance(fm.data.get("title"), str) and fm.data["title"].strip():
        # The H1 that repeats the front-matter title is still the title, not a section.
        if h1 and _same(h1.text, fm.data["title"]):
            return fm.data["title"].strip(), h1.source_span(), h1
        return fm.data["title"].strip(), None, None
    if h1:
        return h1.text, h1.source_span(), h1
    return None, None, None


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


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


def _recover_lists(blocks: list[Block]) -> None:
    """Paragraphs that a reader sees as list items, though the markup does not say so.

    A paragraph starting with a bullet character ("• Assess needs") is a bulleted item
    whose list markup was lost; a run of three or more paragraphs that each open with a
    short label and a colon ("Care planning: build plans with ...") reads as a list.
    """
    for block in blocks:
        if block.kind == "paragraph":
            m = _GLYPH.match(block.text)
            if m and block.text[m.end() :].strip():
                block.kind = "list_item"
                block.level = max(block.level, 1)
                block.mapped = block.mapped.slice(m.end(), len(block.text))
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind == "paragraph" and _LABEL.match(block.text):
            run.append(block)
            continue
        if len(run) >= 3:
            for item in run:
                item.kind, item.level, item.marked = "list_item", 1, False
        run = []
