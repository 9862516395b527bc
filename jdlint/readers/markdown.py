"""Markdown through markdown-it-py, with inline markup aligned back to the source."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..headings import SectionVocabulary, looks_like_heading
from ..posting import Block
from ..source import LineIndex, MappedText
from . import html as html_reader

_md = MarkdownIt("commonmark").enable("table")
# Keep entities and escapes as their own tokens so each maps exactly to its source.
_md.disable("text_join")

_EMPHASIS = {"strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"}


def read_blocks(text: str, start: int, vocab: SectionVocabulary) -> list[Block]:
    """Blocks of the Markdown in text[start:], with offsets into ``text``."""
    lines = LineIndex(text)
    first_line = lines.line_col(start)[0]
    tokens = _md.parse(text[start:])
    blocks: list[Block] = []
    kind_stack: list[str] = []
    list_depth = 0
    heading_level = 0
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "heading_open":
            heading_level = int(tok.tag[1])
            kind_stack.append("heading")
        elif t == "heading_close" or t == "paragraph_close" or t in ("th_close", "td_close"):
            if kind_stack:
                kind_stack.pop()
        elif t == "paragraph_open":
            kind_stack.append("list_item" if list_depth else "paragraph")
        elif t in ("th_open", "td_open"):
            kind_stack.append("paragraph")
        elif t == "inline" and tok.map:
            kind = kind_stack[-1] if kind_stack else "paragraph"
            lo = lines.offset(first_line + tok.map[0])
            hi = lines.line_end(first_line + tok.map[1] - 1)
            mapped = _align(tok.children or [], text, lo, hi)
            level = heading_level if kind == "heading" else list_depth
            if kind == "paragraph" and _promote(tok, mapped.text, tokens, i, vocab):
                kind, level = "heading", 6
            blocks.append(Block(kind, mapped, level=level))
        elif t == "html_block" and tok.map:
            lo = lines.offset(first_line + tok.map[0])
            hi = lines.line_end(first_line + tok.map[1] - 1)
            blocks.extend(html_reader.read_blocks(text, lo, vocab, end=hi))
    return blocks


def _promote(tok: Token, text: str, tokens: list[Token], i: int, vocab: SectionVocabulary) -> bool:
    """A paragraph that is all bold, or a short "Responsibilities:" line, acts as a heading."""
    children = [c for c in tok.children or [] if not (c.type == "text" and not c.content.strip())]
    bold = (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
    )
    if bold:
        return looks_like_heading(text, vocab, set_apart=True)
    # A plain line ending in a colon introduces what follows; it is a heading only when
    # it names a known section, as "Requirements:" above a list does.
    stripped = text.strip()
    if stripped.endswith(":") and vocab.key_for(stripped) is not None:
        return looks_like_heading(stripped, vocab)
    return False


def _align(children: list[Token], src: str, lo: int, hi: int) -> MappedText:
    """Clean text of an inline token, each character mapped to its place in src[lo:hi]."""
    out = MappedText()
    p = lo
    for c in children:
        t = c.type
        if t == "text":
            p = _place(out, src, c.content, p, hi)
        elif t == "text_special":
            at = src.find(c.markup, p, hi)
            if at < 0:
                at = p
            out.add_synthetic(c.content, at)
            p = at + len(c.markup) if at >= p else p
        elif t == "code_inline":
            at = src.find(c.content, p, hi)
            if at >= 0:
                out.add_source(src, at, at + len(c.content), mask=True)
                p = at + len(c.content)
        elif t in ("softbreak", "hardbreak"):
            at = _find_break(src, p, hi)
            out.add_synthetic(" ", at)
            p = at + 1
        elif t == "html_inline":
            at = src.find(c.content, p, hi)
            if at >= 0:
                if c.content.lower().startswith("<br"):
                    out.add_synthetic(" ", at)
                p = at + len(c.content)
        elif t == "image" or t in _EMPHASIS or t.startswith("link_"):
            continue
    return out


def _place(out: MappedText, src: str, content: str, p: int, hi: int) -> int:
    if not content:
        return p
    at = src.find(content, p, hi)
    if at >= 0:
        out.add_source(src, at, at + len(content))
        return at + len(content)
    # Tabs expanded or other rewriting: align character by character.
    for ch in content:
        at = src.find(ch, p, hi)
        if at < 0:
            out.add_synthetic(ch, min(p, max(hi - 1, 0)))
        else:
            out.add_source(src, at, at + 1)
            p = at + 1
    return p


def _find_break(src: str, p: int, hi: int) -> int:
    candidates = [i for i in (src.find("\n", p, hi + 2), src.find("\r", p, hi + 2)) if i >= 0]
    return min(candidates) if candidates else p
