"""What the hygiene checks (``rules/hygiene.yaml``) share: a block's text as the source
shows it, the work arrangement a posting states, and its employment types and hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .posting import Block, Posting

_BLANKS = re.compile(r" {2,}")


def source_text(posting: Posting, block: Block) -> str:
    """A block's clean text with what the reader blanked (URLs, e-mail addresses, code
    spans) put back from the source where it has the same length and stays on one line,
    so offsets into it are offsets into the clean text."""
    text = block.text
    if "  " not in text:
        return text

    def restore(m: re.Match[str]) -> str:
        a, z = block.source_span(m.start(), m.end())
        original = posting.text[a:z]
        if len(original) == len(m.group()) and "\n" not in original and "\r" not in original:
            return original
        return m.group()

    return _BLANKS.sub(restore, text)


# -- work arrangement --------------------------------------------------------------------

ARRANGEMENT = re.compile(
    r"(?<![\w#-])(?P<word>(?:fully\s+|100\s?%\s+|completely\s+|entirely\s+)?remote(?:ly)?"
    r"|hybrid|on-?site|on\s+site|in[- ]office|in[- ]person|office[- ]based|home[- ]based|"
    r"work(?:ing)?[\s-]+from[\s-]+home|wfh|telecommut\w*|teleworking)(?![\w-])",
    re.I,
)
# "Remote" and "hybrid" that are not how the job is worked: remote monitoring, a hybrid
# cloud, remote areas, a hybrid car.
_NOT_ARRANGEMENT_AFTER = re.compile(
    r"\s*(?:patient\s+)?(?:monitoring|sensing|access|areas?|communit\w+|villages?|sites?|"
    r"locations?|cloud|vehicles?|cars?|model\s+of\s+care|learning|support\s+tools?|"
    r"consultations?|desktop|control)\b",
    re.I,
)
_HASHTAG = re.compile(r"#LI-(?P<word>Remote|Hybrid|Onsite)\b", re.I)


@dataclass(frozen=True)
class Mention:
    """A work arrangement or place stated somewhere: the words, where (a block, or None for
    front matter and hashtags that carry no block) and how it was found."""

    word: str
    kind: str  # remote, hybrid, on-site
    block: Block | None
    start: int
    end: int


def arrangement_kind(word: str) -> str:
    w = word.lower()
    if "hybrid" in w:
        return "hybrid"
    if any(k in w for k in ("site", "office", "person")):
        return "on-site"
    return "remote"


def arrangements(posting: Posting, *, hashtags: bool = True) -> list[Mention]:
    """Every statement of how the job is worked (remote, hybrid, on-site), in order:
    front matter ``location`` and ``remote`` first, then the title, then the text.
    LinkedIn's "#LI-Remote" tags count when ``hashtags`` is true."""
    out: list[Mention] = []
    meta = posting.meta
    loc = meta.get("location")
    for value in loc if isinstance(loc, list) else [loc]:
        text = value if isinstance(value, str) else ""
        if isinstance(value, dict) and value.get("remote"):
            text = "remote"
        m = ARRANGEMENT.search(text)
        if m:
            out.append(Mention(m["word"], arrangement_kind(m["word"]), None, -1, -1))
    if meta.get("remote") is True:
        out.append(Mention("remote", "remote", None, -1, -1))
    for block in posting.blocks:
        text = block.text
        for m in ARRANGEMENT.finditer(text):
            if _NOT_ARRANGEMENT_AFTER.match(text, m.end()):
                continue
            out.append(Mention(m["word"], arrangement_kind(m["word"]), block, m.start(), m.end()))
        if hashtags and "#" in text:
            for m in _HASHTAG.finditer(text):
                word = m["word"]
                out.append(Mention(m.group(0), arrangement_kind(word), block, m.start(), m.end()))
    return out


# -- employment type and hours ------------------------------------------------------------

# Employment types as written (lower case, hyphens and underscores as spaces), and the
# type each names. "Bank" (the NHS's staff bank) and "casual" are one type.
EMPLOYMENT_TYPES = {
    "full time": "full-time",
    "fulltime": "full-time",
    "ft": "full-time",
    "part time": "part-time",
    "parttime": "part-time",
    "pt": "part-time",
    "per diem": "per diem",
    "prn": "per diem",
    "temporary": "temporary",
    "temp": "temporary",
    "fixed term": "temporary",
    "contract": "contract",
    "contractor": "contract",
    "freelance": "contract",
    "seasonal": "seasonal",
    "permanent": "permanent",
    "casual": "casual",
    "bank": "casual",
}


def employment_type(word: str) -> str | None:
    """The employment type a phrase names ("Full-Time", "FULL_TIME", "FT"), or None."""
    return EMPLOYMENT_TYPES.get(re.sub(r"[\s_-]+", " ", word.strip().lower()))


def meta_text(value: Any) -> str:
    """A front matter value as text: a string, or the strings of a list."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(v for v in value if isinstance(v, str))
    return ""
