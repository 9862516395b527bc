"""A posting that is only a summary of the job, pointing to the full description elsewhere.

Job boards and careers pages often publish a short summary with a link to the full job
description ("Click here for the job description", a PDF, a `link` in the board's front
matter). The summary is not the posting: checking it for sections, duties and length
reports what the linked description may well hold. ``find`` tells such a summary by its
pointer, and only for short texts, so a full posting that also links a PDF stays a posting.
"""

from __future__ import annotations

import re

from .posting import Posting

# Summaries run to a paragraph or two; a full posting is longer.
MAX_WORDS = 250
# Link text that names the full description (not an "apply here" link).
_POINTER = re.compile(
    r"\b(?:job|role|position)\s+(?:description|profile|spec(?:ification)?)\b"
    r"|\b(?:full|complete|detailed)\s+(?:job\s+|role\s+)?(?:description|posting|advert|details)\b"
    r"|\bread\s+more\b|\bview\s+(?:the\s+)?(?:full\s+)?(?:job|posting|position|role|vacancy)\b",
    re.I,
)
# Front matter a board uses for the address of the full posting.
FRONT_MATTER_KEYS = (
    "link",
    "url",
    "job_url",
    "posting_url",
    "source_url",
    "jobdesc_file",
    "job_description",
    "job_description_url",
)


def find(posting: Posting) -> tuple[int, int, str] | None:
    """(start, end, what points elsewhere) when the posting is a summary, else None."""
    if posting.words > MAX_WORDS:
        return None
    for block in posting.body_blocks():
        for a, z in block.links:
            words = block.text[a:z].strip()
            if _POINTER.search(words):
                start, end = block.source_span(a, z)
                return start, end, f"'{words}'"
    fm = posting.front_matter
    if fm is None:
        return None
    for key in FRONT_MATTER_KEYS:
        value = fm.data.get(key)
        if isinstance(value, str) and re.match(r"\s*(?:https?://|/)\S", value):
            line = fm.key_lines.get(key)
            if line:
                return (
                    posting.lines.offset(line),
                    posting.lines.line_end(line),
                    f"front matter '{key}'",
                )
            return fm.start, fm.start, f"front matter '{key}'"
    return None
