"""Markdown through markdown-it-py, with inline markup aligned back to the source."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..posting import Block
from ..source import LineIndex, MappedText

_md = MarkdownIt("commonmark").enable("table")
# Keep entities and escapes as their own tokens so each maps exactly to its source.
_md.disable("text_join")


def read_blocks(text: str, start: int) -> list[Block]:
    """Blocks of the Markdown in text[start:], with offsets into ``text``."""
    lines = LineIndex(text)
    first_line = lines.line_col(start)[0]
    tokens = _md.parse(text[start:])
    blocks: list[Block] = []
    kind_stack: list[str] = []
    list_depth = 0
    heading_level = 0
    for tok in tokens:
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
            # Code in a heading is a styled label ("`USD $98,000~$210,000`"), not code.
            inline = _align(tok.children or [], text, lo, hi, mask_code=kind != "heading")
            level = heading_level if kind == "heading" else list_depth
            blocks.append(
                Block(
                    kind,  # type: ignore[arg-type]
                    inline.mapped,
                    level=level,
                    bold=tuple(inline.bold),
                    links=tuple(inline.links),
                    soft=frozenset(inline.soft),
                )
            )
        elif t == "html_block" and tok.map:
            lo = lines.offset(first_line + tok.map[0])
            hi = lines.line_end(first_line + tok.map[1] - 1)
            # HTML inside Markdown is rare: its reader is imported when a posting has some.
            from . import html as html_reader

            blocks.extend(html_reader.read_blocks(text, lo, end=hi))
    return blocks


@dataclass
class _Inline:
    """An inline token's clean text and what its markup said: bold and link spans, and
    where a soft break only wrapped the line."""

    mapped: MappedText = field(default_factory=MappedText)
    bold: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    soft: list[int] = field(default_factory=list)


def _align(children: list[Token], src: str, lo: int, hi: int, *, mask_code: bool = True) -> _Inline:
    """Clean text of an inline token, each character mapped to its place in src[lo:hi]."""
    inline = _Inline()
    out = inline.mapped
    p = lo
    bold_at: list[int] = []
    link_at: list[int] = []
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
                out.add_source(src, at, at + len(c.content), mask=mask_code)
                p = at + len(c.content)
        elif t in ("softbreak", "hardbreak"):
            at = _find_break(src, p, hi)
            if t == "softbreak":
                inline.soft.append(len(out.text))
            out.add_synthetic("\n", at)
            p = at + 1
        elif t == "html_inline":
            at = src.find(c.content, p, hi)
            if at >= 0:
                if c.content.lower().startswith("<br"):
                    out.add_synthetic("\n", at)
                p = at + len(c.content)
        elif t == "strong_open":
            bold_at.append(len(out.text))
        elif t == "strong_close" and bold_at:
            inline.bold.append((bold_at.pop(), len(out.text)))
        elif t == "link_open":
            link_at.append(len(out.text))
        elif t == "link_close" and link_at:
            inline.links.append((link_at.pop(), len(out.text)))
    return inline


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
