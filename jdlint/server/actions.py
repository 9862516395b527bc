"""Code actions: safe fixes, replacements, and suppression comments, as text edits.

Each action is computed from a report of the very text the editor holds, as plain
``Edit``s on offsets; the server turns them into LSP ranges.

- **fix**: a finding's safe fix (the edits ``jdlint --fix`` would make for it);
- **fix all**: every safe fix in the document, chosen exactly as ``--fix`` chooses them
  (``fixes.applicable_edits``);
- **replace**: a suggestion that stands in for the flagged term one to one (see
  ``replacements``), for the writer to choose; never applied by "fix all";
- **disable**: ``<!-- jdlint-disable-next-line CODE -->`` for the finding's line, in
  Markdown and HTML. The comment goes on a line of its own before the line, or, where a
  new line would change how the posting reads (inside a Markdown paragraph a comment line
  starts a new block), at the end of the line before. A place is offered only when the
  posting, read again with the comment, has the same blocks, and the comment covers the
  finding's line: the suppression is checked, not hoped for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import suppress
from ..findings import Edit, Finding
from ..fixes import applicable_edits
from ..packs import Rule
from ..posting import Posting
from ..source import LineIndex
from ..terms import keep_case

# Suggestions that advise rather than replace: "describe the work instead", "name the
# tools the job uses", "the plain job title", "at least N years of experience".
_ADVICE = re.compile(
    r"^(?:describe|name|say|lead|use|write|list|state|explain|add|remove|keep|tell|show|"
    r"ask|give|mention|avoid|replace|drop|offer|the plain)\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\b[NX]\b")
# Kinds whose suggestions are words for the flagged term itself. (Pronoun findings suggest
# "you" and "they" for "his" as well; physical and age findings rewrite a whole demand.)
REPLACEABLE_KINDS = frozenset({"term"})


@dataclass
class Action:
    title: str
    kind: str  # "quickfix" or "source.fixAll"
    edits: list[Edit]
    finding: Finding | None = None
    preferred: bool = False


def fix(finding: Finding, text: str) -> list[Edit]:
    return applicable_edits(text, list(finding.fix or []))


def fix_all(findings: list[Finding], text: str) -> list[Edit]:
    return applicable_edits(text, [e for f in findings if f.fix for e in f.fix])


def replacements(finding: Finding, rule: Rule | None, text: str) -> list[Edit]:
    """One edit per suggestion that replaces the flagged term one to one: the finding is a
    term's, its span in the source is the term itself on one line (no markup inside), and
    the suggestion is words for it, not advice. The term's case is kept."""
    term = finding.data.get("term")
    if rule is None or rule.kind not in REPLACEABLE_KINDS or not isinstance(term, str):
        return []
    span = text[finding.start : finding.end]
    if span != term or not term.strip() or "\n" in span or "\r" in span:
        return []
    out = []
    for s in finding.suggestions:
        if _ADVICE.match(s) or _PLACEHOLDER.search(s) or not s.strip():
            continue
        new = keep_case(term, s)
        if new != term:
            out.append(Edit(finding.start, finding.end, new))
    return out


def comment(code: str) -> str:
    return f"<!-- jdlint-disable-next-line {code} -->"


Reader = Callable[[str], Posting]


def disable(finding: Finding, posting: Posting, read: Reader) -> Edit | None:
    """The insertion that turns the finding's rule off for its line, or None where no
    place keeps the posting as it reads (plain text, front matter, a finding on a blank
    line)."""
    if posting.format not in ("markdown", "html"):
        return None
    text = posting.text
    body = posting.front_matter.end if posting.front_matter else 0
    if finding.start < body:
        return None
    lines = posting.lines
    line = lines.line_col(finding.start)[0]
    start = lines.offset(line)
    if not text[start : lines.line_end(line)].strip():
        return None
    candidates = []
    indent = re.match(r"[ \t]*", text[start:]).group()  # type: ignore[union-attr]
    candidates.append(Edit(start, start, indent + comment(finding.code) + _eol(text, lines)))
    if line > 1:
        prev_end = lines.line_end(line - 1)
        prev_start = lines.offset(line - 1)
        if prev_end >= body and text[prev_start:prev_end].strip():
            # Before a hard break ("  " or "\\" at the end), which must stay last.
            at = prev_start + len(re.sub(r"(?:[ \t]*\\|[ \t]{2,})$", "", text[prev_start:prev_end]))
            candidates.append(Edit(at, at, " " + comment(finding.code)))
    shape = _shape(posting)
    for edit in candidates:
        if edit.start < body:
            continue
        new = text[: edit.start] + edit.text + text[edit.end :]
        moved = finding.start + len(edit.text) if edit.start <= finding.start else finding.start
        try:
            again = read(new)
        except Exception:  # any reading that fails is not a place to offer
            continue
        if _shape(again) != shape:
            continue
        index = LineIndex(new)
        regions, _ = suppress.parse(new, index)
        if suppress.Suppressions(regions).covers(
            index.line_col(moved)[0], finding.code, finding.name
        ):
            return edit
    return None


def _eol(text: str, lines: LineIndex) -> str:
    """The posting's own line break (the first one), "\\n" when it has none."""
    if len(lines.starts) > 1:
        first = lines.starts[1]
        return "\r\n" if text[first - 2 : first] == "\r\n" else text[first - 1]
    return "\n"


def _shape(posting: Posting) -> list[tuple[str, int, str]]:
    """What the posting says, block by block, white space aside."""
    return [(b.kind, b.level, " ".join(b.text.split())) for b in posting.blocks]
