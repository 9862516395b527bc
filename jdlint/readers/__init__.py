"""Readers turn Markdown, plain text and HTML into one Posting model.

Each format's reader is imported when a posting in that format is read: a Markdown run
never imports the HTML parser, nor an HTML run markdown-it. Importing this package (for
``FORMATS`` and ``EXTENSIONS``, as the command line does) imports no reader at all.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..headings import SectionVocabulary
    from ..posting import Posting

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
    from .html import looks_like_html

    if looks_like_html(body):
        return "html"
    if _MD_SIGNS.search(body[:20000]):
        return "markdown"
    return "text"


def read(source: str, path: str, vocab: SectionVocabulary, fmt: str | None = None) -> Posting:
    """Parse a posting. Raises InputError for front matter that hides the posting."""
    from .. import frontmatter
    from ..source import mask_literals
    from . import layout
    from .assemble import assemble

    fm, body_start = frontmatter.split(source)
    body = source[body_start:]
    fmt = fmt or detect_format(body, path)
    if fmt == "markdown":
        from .markdown import read_blocks
    elif fmt == "html":
        from .html import read_blocks
    else:
        from .text import read_blocks
    blocks = read_blocks(source, body_start)
    for block in blocks:
        # URLs and addresses are blanked before the layout is read, so no rule of layout
        # ever cuts inside one.
        block.mapped.text = mask_literals(block.mapped.text)
    blocks = layout.recover(blocks, vocab, fmt)
    return assemble(source, path, fmt, blocks, vocab, fm)


__all__ = ["EXTENSIONS", "FORMATS", "detect_format", "read"]
