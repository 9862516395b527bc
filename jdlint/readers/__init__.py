"""Readers turn Markdown, plain text and HTML into one Posting model."""

from __future__ import annotations

import re
from pathlib import PurePath

from .. import frontmatter
from ..headings import SectionVocabulary
from ..posting import Posting
from ..source import mask_literals
from . import html, layout, markdown, text
from .assemble import assemble

FORMATS = ("markdown", "text", "html")
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
}

_MD_SIGNS = re.compile(
    r"^(?:#{1,6}[ \t]+\S|[ \t]{0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S.*\n(?:[ \t]{0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S))",
    re.M,
)


def detect_format(body: str, path: str | None) -> str:
    """The reader for a file: by extension, and for .txt or unknown ones by content.

    A ".txt" export may hold HTML (job-board feeds) or Markdown; plain text is the
    fallback because reading prose as Markdown would merge its lines into paragraphs.
    """
    ext = PurePath(path).suffix.lower() if path else ""
    by_ext = EXTENSIONS.get(ext)
    if by_ext in ("markdown", "html"):
        return by_ext
    if html.looks_like_html(body):
        return "html"
    if _MD_SIGNS.search(body[:20000]):
        return "markdown"
    return "text"


def read(source: str, path: str, vocab: SectionVocabulary, fmt: str | None = None) -> Posting:
    """Parse a posting. Raises InputError for front matter that hides the posting."""
    fm, body_start = frontmatter.split(source)
    body = source[body_start:]
    fmt = fmt or detect_format(body, path)
    if fmt == "markdown":
        blocks = markdown.read_blocks(source, body_start)
    elif fmt == "html":
        blocks = html.read_blocks(source, body_start)
    else:
        blocks = text.read_blocks(source, body_start)
    for block in blocks:
        # URLs and addresses are blanked before the layout is read, so no rule of layout
        # ever cuts inside one.
        block.mapped.text = mask_literals(block.mapped.text)
    blocks = layout.recover(blocks, vocab, fmt)
    return assemble(source, path, fmt, blocks, vocab, fm)


__all__ = ["EXTENSIONS", "FORMATS", "detect_format", "read"]
