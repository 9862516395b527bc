"""Layout recovery: the headings, lists and paragraphs a person sees, in every format.

Each reader turns its format into blocks and says what its markup knows: a real heading, a
real list item, bold and link spans, and the line breaks inside a paragraph (``\\n`` in the
clean text; ``Block.soft`` marks the ones that only wrap). Real postings lose much of their
markup on the way (pasted from an applicant tracking system, scraped without line breaks,
fragments from a job board), so this one stage recovers the rest, the same way for
Markdown, HTML and plain text:

- lines: each line of a paragraph is read on its own; a line that starts in lower case
  after one that did not end a sentence wraps it and joins it;
- headings: a line in heading shape ("Responsibilities:", ALL CAPS, a bold line, a short
  line naming a known section), and headings glued into running text
  ("...for patients.ESSENTIAL DUTIES:", "Education and LanguageA bachelor's ...");
- lists: bullet glyphs and numbers at the start of a line and inside one ("... duties
  * Assess ... * Plan ...", "1. ... 2. ..."), and runs of lines without bullets under a
  duties, requirements or benefits heading (or of lines too short to be prose);
- boundaries: separator rules ("-----") and glued sentences ("years.Doctorate",
  "healthyGood health") end a piece of text.

Every step is one pass over the text; nothing here is quadratic in a block's length.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..headings import SectionVocabulary, is_all_caps, is_title_case, looks_like_heading
from ..posting import Block, count_words

LIST_SECTIONS = frozenset({"responsibilities", "qualifications", "benefits"})

# A bullet at the start of a line: a glyph, "-", "*", "1." / "1)" / "a)" / "o" with a space,
# or a glyph glued to a capital ("-Experience", "•Assess").
_LEAD_BULLET = re.compile(
    r"(?:[-*–—]|\d{1,2}[.)]|[a-z][.)]|o(?=[ \t]))[ \t]+(?=\S)"
    r"|[•·▪▫◦●○■□‣➢➤►▶✓✔❖]{1,3}[ \t]*(?=\S)"
    r"|-(?=[A-Z(])"
)
# Glyphs that mark an item wherever they stand ("...planning.○ Understand ...").
_GLYPH = re.compile(r"[•▪◦●○■‣➢➤►▶✓✔❖]\s*(?=\S)")
# "*" and dashes are items in the middle of a line only in a run ("team* Ensure ...").
# These patterns (and the ones below) start with a character and test what stands before
# it in a look-behind after it: Python's re skips ahead only to a pattern's first
# character, and tries a pattern led by a look-behind (or by alternatives that start with
# different classes) at every position of the line.
_STAR = re.compile(r"\*(?<=[\s.;:!?)\]a-z]\*)\s*(?=[A-Z(])")
_DASH = re.compile(r"[-–](?<=[\s.;:!?)\]a-z+][-–])(?=\s+[A-Z(])")
_NUMBER = re.compile(r"(\d(?<=[\s.;:]\d)\d?)[.)]\s+(?=[A-Z(])")
_SEPARATOR = re.compile(r"[-=_~*─━═](?:(?<=[-=_~*])[-=_~*]{3,}|(?<=[─━═])[─━═]{2,})")
# Two sentences or items glued by a lost line break: "years.Doctorate", "dayWhen".
# A wide gap after a full stop is a line break that became spaces ("disruptions.    Candidates").
# Each match is the one character a piece starts at: a capital, or the gap's first space.
_GLUED_SENTENCE = re.compile(
    r"[A-Z \t](?:(?<=[A-Za-z0-9)]{2}[.!?][A-Z])(?=[a-z])|(?<=[a-z]{3}[A-Z])(?=[a-z])"
    r"|(?<=[.!?][ \t])(?=[ \t]{2,}[A-Z]))"
)
# Led by the capital, the look-behind after it: searched only from capitals.
_CAPS_RUN = re.compile(r"[A-Z](?<![\w&/-][A-Z])[A-Z&/-]+(?:\s+(?:&\s+)?[A-Z][A-Z&/-]+)*\s*$")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
# Anything a cut could start at; a line without any of it is one piece (the common case):
# a glyph, "*" or ":"; a dash before a space; "1. "; a separator's first four characters;
# "years.Doctorate"; "dayWhen"; a wide gap after a full stop. Each is found at one
# character of its own (the glyph, the dash, the ".", the capital), so the search skips
# ahead to the few characters any of them needs.
_ANY_CUT = re.compile(
    r"[•▪◦●○■‣➢➤►▶✓✔❖*:\-–.)=_~─━═!?A-Z]"
    r"(?:(?<=[•▪◦●○■‣➢➤►▶✓✔❖*:])|(?<=[-–])\s|(?<=\d[.)])\s|(?<=[-=_~])[-=_~]{3}"
    r"|(?<=[─━═])[─━═]{2}|(?<=[A-Za-z0-9)][.!?])[A-Z]|(?<=[a-z][A-Z])|(?<=[.!?])[ \t]{3})"
)
_ENDS_SENTENCE = re.compile(r"[.!?:;]['’\")\]]*\s*$")
_HEADING_WORD = re.compile(r"[A-Z][\w’'/&-]*|and|of|the|for|to|in|with|&|/")
_LABEL = re.compile(r"[A-Z][\w&/'’ -]{1,50}:\s+\S")
_SENTENCE_END = re.compile(r"[.!?]['’\")\]]*\s+(?=[A-Z])")


@dataclass
class _Unit:
    kind: str  # "heading", "bullet" or "line"
    lo: int
    hi: int
    brk: str  # what sets it off from the unit before: "start", "hard", "soft", "cut"
    whole: bool = False  # the unit is a whole line


def recover(blocks: list[Block], vocab: SectionVocabulary, fmt: str) -> list[Block]:
    """The blocks a person reads, recovered from what the reader's markup gave."""
    out: list[Block] = []
    context: str | None = None
    for origin, block in enumerate(blocks):
        block.origin = origin
        if block.kind == "heading":
            out.append(block)
            context = vocab.key_for(block.text)
            continue
        units = _units(block, vocab, fmt, context)
        if block.kind == "list_item":
            units = _fold_into_item(units)
            if len(units) == 1 and units[0].kind == "bullet" and units[0].lo == 0:
                out.append(block)  # the markup's own list item, nothing to recover
                continue
        else:
            units = _join_wrapped(block.text, units)
        for piece, after in _emit(block, units, vocab, fmt, context):
            piece.origin = origin
            out.append(piece)
            context = after
    for block in out:
        # What is left of the line breaks inside a block reads as white space.
        if "\n" in block.mapped.text:
            block.mapped.text = block.mapped.text.replace("\n", " ")
    _label_paragraphs(out)
    _paragraph_items(out, vocab)
    return out


# -- lines and pieces ------------------------------------------------------------------


def _lines(block: Block) -> Iterator[tuple[int, int, str]]:
    """(start, end, break before) of each non-blank line of the block's clean text."""
    text = block.text
    pos, brk = 0, "start"
    while True:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        lo, hi = pos, end
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            yield lo, hi, brk
            brk = "hard"
        if nl < 0:
            return
        if nl in block.soft and brk != "start":
            brk = "soft"
        pos = nl + 1


def _units(block: Block, vocab: SectionVocabulary, fmt: str, context: str | None) -> list[_Unit]:
    units: list[_Unit] = []
    lines = list(_lines(block))
    for i, (lo, hi, brk) in enumerate(lines):
        pieces = _split_line(block.text, lo, hi, vocab)
        first = pieces[0]
        first.brk = brk
        if len(pieces) == 1 and first.kind == "line" and block.kind == "paragraph":
            first.whole = True
            alone = len(lines) == 1 or (i == 0 and _heading_shape(block.text[lo:hi]))
            if _line_is_heading(block, lo, hi, vocab, fmt, alone, context):
                first.kind = "heading"
        for piece in pieces:
            if piece.kind == "heading":
                context = vocab.key_for(block.text[piece.lo : piece.hi])
        units.extend(pieces)
    return units


def _split_line(text: str, lo: int, hi: int, vocab: SectionVocabulary) -> list[_Unit]:
    """A line cut where items, separators, glued headings or glued sentences start."""
    line = text[lo:hi]
    lead = _LEAD_BULLET.match(line)
    # The common cases, one regex scan each: a line with nothing to cut at, and a bullet
    # with nothing to cut after its marker.
    # After a bullet, only the text after its marker counts (sliced: the look-behinds of
    # _ANY_CUT must not see the marker).
    if not _ANY_CUT.search(line[lead.end() :] if lead else line):
        if lead is None:
            return [_Unit("line", lo, hi, "cut")]
        return [_Unit("bullet", lo + lead.end(), hi, "cut")]
    cuts: dict[int, str] = {}  # offset in line -> kind of the piece that starts there
    drop: list[tuple[int, int]] = []  # separators: not part of any piece

    if lead:
        cuts[0] = "bullet"
    for m in _SEPARATOR.finditer(line):
        drop.append((m.start(), m.end()))
        cuts.setdefault(m.end(), "line")
    glyphs = [m.start() for m in _GLYPH.finditer(line) if m.start() > 0]
    if glyphs and _items_read_as_items(line, glyphs, lead is not None):
        for at in glyphs:
            cuts[at] = "bullet"
    for pattern, need in ((_STAR, 2), (_DASH, 3)):
        marks = [m.start() for m in pattern.finditer(line) if m.start() > 0]
        if marks and len(marks) + (lead is not None) >= need:
            for at in marks:
                if not _in_spans(at, drop):
                    cuts[at] = "bullet"
    for at in _numbered(line):
        cuts[at] = "bullet"
    for start, end in _glued_headings(line, vocab, lead.end() if lead else 0):
        cuts[start] = "heading"
        cuts.setdefault(end, "line")
    for m in _GLUED_SENTENCE.finditer(line):
        if m.start() > 0 and not _in_spans(m.start(), drop) and _glue_point(line, m.start()):
            cuts.setdefault(m.start(), "line")

    if not cuts or (list(cuts) == [0] and cuts[0] == "line"):
        return [_Unit("line", lo, hi, "cut")]
    cuts.setdefault(0, "line")
    order = sorted(cuts)
    pieces: list[_Unit] = []
    for n, at in enumerate(order):
        end = order[n + 1] if n + 1 < len(order) else len(line)
        start = at
        kind = cuts[at]
        if kind == "bullet":
            m = _LEAD_BULLET.match(line, at, end) or _GLYPH.match(line, at, end)
            start = m.end() if m else _skip_marker(line, at, end)
        for d0, d1 in drop:
            if start <= d0 < end:
                end = d0
            if d0 <= start < d1:
                start = d1
        while start < end and line[start] in " \t:;,":
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if start < end and _WORD_CHAR.search(line, start, end):
            pieces.append(_Unit(kind, lo + start, lo + end, "cut"))
    return pieces or [_Unit("line", lo, hi, "cut")]


def _glue_point(line: str, at: int) -> bool:
    """A cut inside a word only where its left part is a lower-case word ("dayWhen"), never
    inside a name written in camel case ("PowerPoint", "iPhone")."""
    if not line[at - 1].isalpha():
        return True
    if line[at].isupper() and line[at + 1 : at + 2].isupper():
        return True  # "ManagerREPORTS": a word in capitals starts a new piece
    left = _WORD_BEFORE.search(line, max(0, at - 40), at)
    return left is not None and len(left.group()) >= 3 and left.group().islower()


def _skip_marker(line: str, at: int, end: int) -> int:
    m = re.compile(r"(?:\*|[-–]|\d{1,2}[.)])\s*").match(line, at, end)
    return m.end() if m else at


def _in_spans(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


def _items_read_as_items(line: str, marks: list[int], lead: bool) -> bool:
    """Glyphs inside a line mark items when they split it into pieces of a few words, not
    when they separate single words ("Boston • Remote • Full time")."""
    if not lead and len(marks) < 2 and not _ENDS_CLAUSE.search(line, 0, marks[0]):
        return False
    edges = [*marks, len(line)]
    words = [count_words(line[a:b]) for a, b in itertools.pairwise(edges)]
    return sum(words) / len(words) >= 2.5


def _numbered(line: str) -> list[int]:
    """Starts of "1. ... 2. ... 3." items in a line: numbers counting up from 1 or from a
    number at the line's start, two at least."""
    marks = [(m.start(), int(m.group(1))) for m in _NUMBER.finditer(line)]
    lead = _LEAD_NUMBER.match(line)
    expected = int(lead.group(1)) + 1 if lead else 1
    chain: list[int] = []
    for at, n in marks:
        if at == 0:
            continue
        if n == expected:
            chain.append(at)
            expected += 1
    if lead:
        return chain
    return chain if len(chain) >= 2 else []


_WORD_CHAR = re.compile(r"\w")
_ENDS_CLAUSE = re.compile(r"[.:;!?]\s*$")
_LEAD_NUMBER = re.compile(r"\s*(\d{1,2})[.)]\s+")

# A capital starting a word right after a lower-case letter: "ExperienceThree". (Led by
# the capital, the look-behind after it, so the search skips ahead to capitals only.)
_CAMEL_JOIN = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z]|\s|$)")
_COLON = re.compile(r":(?!//)")


def _glued_headings(line: str, vocab: SectionVocabulary, lead: int) -> Iterator[tuple[int, int]]:
    """Headings run into the text around them: "...patients.ESSENTIAL DUTIES:* Assess",
    "About the Role:As the ...", "Professional ExperienceThree years ...".

    ``lead`` is where the text after a leading bullet starts: a label there ("• Education:
    a degree ...") belongs to its item, unless nothing follows it ("• Nice to have:").
    """
    for m in _COLON.finditer(line):
        colon = m.start()
        if colon and line[colon - 1].isdigit() and line[colon + 1 : colon + 2].isdigit():
            continue  # a time, 9:00
        start = _phrase_start(line, colon)
        if start is None:
            continue
        phrase = line[start:colon].strip()
        rest = line[colon + 1 :].strip()
        glued_after = colon + 1 < len(line) and not line[colon + 1].isspace()
        if lead and start <= lead + 2:
            if rest:
                continue  # the label of a bulleted item
        elif not line[:start].strip() and not glued_after and not is_all_caps(phrase):
            continue  # "Schedule: Full time" is a labelled line, read as content
        at_line_start = not line[:start].strip(" \t*-•·▪◦●○■‣➢➤►✓✔–")
        if _names_section(phrase, vocab, strict=not at_line_start):
            yield start, colon + 1
    for m in _CAMEL_JOIN.finditer(line):
        at = m.start()  # between the lower-case letter and the capital
        start = _title_run_start(line, at)
        if start is None:
            continue
        phrase = line[start:at]
        if 1 <= len(phrase.split()) <= 6 and _names_section(phrase, vocab, strict=False):
            yield start, at


def _phrase_start(line: str, colon: int) -> int | None:
    """Where a heading before ``colon`` starts: after a sentence's end, a glue point or the
    line's start, within 60 characters; None when there is no such start."""
    lo = max(0, colon - 60)
    start = None
    for i in range(colon - 1, lo - 1, -1):
        ch = line[i]
        if ch in ".!?)]*•●○;:":
            start = i + 1
            break
        if i > 0 and ch.isupper() and line[i - 1].islower() and _glue_point(line, i):
            # a glue point: "patientsESSENTIAL", never inside a name ("PointClickCare")
            start = i
            break
    else:
        if lo == 0:
            start = 0
    caps = _CAPS_RUN.search(line, max(0, colon - 60), colon)
    if caps and (start is None or caps.start() > start):
        # "... duties as assigned PHYSICAL ASPECTS:": a run of capitals before the colon
        # is a heading whose line break was lost.
        start = caps.start()
    if start is None:
        return None
    while start < colon and line[start].isspace():
        start += 1
    return start if start < colon and line[start].isupper() else None


def _title_run_start(line: str, end: int) -> int | None:
    """Start of the Title Case words ending at ``end`` ("Knowledge, Skills and Abilities")."""
    words = list(re.finditer(r"[^\s,]+", line[:end]))
    start = None
    for w in reversed(words[-8:]):
        token = w.group()
        if token[0].isupper() or token.lower() in {"and", "of", "the", "for", "&", "/", "to"}:
            start = w.start()
            continue
        break
    if start is None or not line[start].isupper():
        return None
    # The run must stand at the start of a line or a sentence, or after a lost period.
    before = line[:start].rstrip()
    if before and before[-1] not in ".!?:;)" and not before[-1].islower():
        return None
    return start


def _names_section(phrase: str, vocab: SectionVocabulary, *, strict: bool) -> bool:
    phrase = phrase.strip(" -–:")
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    if vocab.exact_key(phrase) is not None:
        return True
    if not (is_all_caps(phrase) or is_title_case(phrase)) or vocab.key_for(phrase) is None:
        return False
    return is_all_caps(phrase) or len(words) <= (5 if strict else 6)


def _heading_shape(line: str) -> bool:
    core = line.rstrip(":").strip()
    return len(core.split()) <= 8 and (is_all_caps(core) or is_title_case(core))


def _line_is_heading(
    block: Block,
    lo: int,
    hi: int,
    vocab: SectionVocabulary,
    fmt: str,
    alone: bool,
    context: str | None,
) -> bool:
    line = block.text[lo:hi]
    if len(line.split()) > 10:
        # Every test below needs ten words at most (looks_like_heading, _named_line,
        # _names_by_phrase): a line of prose is settled without reading it letter by letter.
        return False
    if _covered(block.links, block.text, lo, hi):
        return False  # a link ("Read the full job description") is not a heading
    if _covered(block.bold, block.text, lo, hi):
        return looks_like_heading(line, vocab, set_apart=True)
    if _LEAD_BULLET.match(line):
        return False
    if line.rstrip().endswith(":"):
        return looks_like_heading(line, vocab)
    if line.rstrip().endswith("?"):
        # "What will you be doing?" asks what the section below answers.
        return looks_like_heading(line, vocab, set_apart=True)
    if _named_line(line, vocab) or (alone and _names_by_phrase(line, vocab)):
        return True
    if context in LIST_SECTIONS and vocab.key_for(line) is None:
        # Under a list's heading, a short line of its own ("JavaScript", "REACT") is an
        # item of the list, not a heading of its own.
        return False
    if fmt == "text":
        # Plain text has no other way to mark a heading than a line of its own.
        return looks_like_heading(line, vocab, set_apart=alone)
    return is_all_caps(line) and looks_like_heading(line, vocab)


def _names_by_phrase(line: str, vocab: SectionVocabulary) -> bool:
    """A short line of its own that holds a section's phrase of two or more words, in any
    case ("How Lakeside will support you", "What you will do")."""
    words = line.split()
    if not words or len(words) > 8 or not line[:1].isupper() or re.search(r"[.!,;]$|:", line):
        return False
    phrase = vocab.matched_phrase(line)
    return phrase is not None and (len(phrase) >= 2 or len(words) <= 3)


def _covered(spans: tuple[tuple[int, int], ...], text: str, lo: int, hi: int) -> bool:
    """Every word character of text[lo:hi] is inside one of the spans (bold, link)."""
    if not spans:
        return False
    covered = 0
    for a, b in spans:
        a, b = max(a, lo), min(b, hi)
        if a < b:
            covered += sum(1 for ch in text[a:b] if ch.isalnum())
    return covered > 0 and covered == sum(1 for ch in text[lo:hi] if ch.isalnum())


def _named_line(line: str, vocab: SectionVocabulary) -> bool:
    """A short Title Case line that names a known section ("Who We Are")."""
    return (
        len(line.split()) <= 6
        and not re.search(r"[.!?,;:\d]$|:", line)
        and (is_title_case(line) or is_all_caps(line))
        and vocab.key_for(line) is not None
    )


# -- joining wrapped lines -------------------------------------------------------------


def _join_wrapped(text: str, units: list[_Unit]) -> list[_Unit]:
    """A line that starts in lower case after one that did not end a sentence wraps it."""
    out: list[_Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and u.kind == "line"
            and prev.kind in ("line", "bullet")
            and u.brk in ("hard", "soft")
            and text[u.lo : u.lo + 1].islower()
            # Only the end of the line before matters: never re-read a growing unit.
            and not _ENDS_SENTENCE.search(text[max(prev.lo, prev.hi - 8) : prev.hi])
        ):
            prev.hi = u.hi
            prev.whole = False
            continue
        out.append(u)
    return out


def _fold_into_item(units: list[_Unit]) -> list[_Unit]:
    """A list item's own lines stay in the item; only bullets and headings inside it split."""
    out: list[_Unit] = []
    for u in units:
        if out and u.kind == "line":
            out[-1].hi = u.hi
            continue
        if not out and u.kind == "line":
            u.kind = "bullet"
        out.append(u)
    return out


# -- blocks out ------------------------------------------------------------------------


def _emit(
    block: Block, units: list[_Unit], vocab: SectionVocabulary, fmt: str, context: str | None
) -> Iterator[tuple[Block, str | None]]:
    """Blocks for the units, with the section context after each."""
    listed = _listed_lines(block.text, units, vocab, context)
    heading_level = 2 if fmt == "text" else 6
    run: list[_Unit] = []  # soft-wrapped lines of one paragraph

    def paragraph() -> Iterator[tuple[Block, str | None]]:
        if run:
            piece = _piece(block, "paragraph", run[0].lo, run[-1].hi)
            piece.joined = run[0].brk == "cut"
            yield piece, context
            run.clear()

    for u in units:
        if u.kind == "line" and id(u) not in listed:
            if run and u.brk != "soft":
                yield from paragraph()
            run.append(u)
            continue
        yield from paragraph()
        if u.kind == "heading":
            piece = _piece(block, "heading", u.lo, u.hi, level=heading_level)
            context = vocab.key_for(piece.text)
        else:
            piece = _piece(block, "list_item", u.lo, u.hi, level=max(block.level, 1))
            piece.marked = u.kind == "bullet"
        piece.joined = u.brk == "cut"
        yield piece, context
    yield from paragraph()


def _listed_lines(
    text: str, units: list[_Unit], vocab: SectionVocabulary, context: str | None
) -> set[int]:
    """Lines without bullets that a reader takes for list items.

    Under a duties, requirements or benefits heading, a run of two or more lines is a list
    that lost its bullets; elsewhere a run is a list when most of its lines are too short
    or too unfinished to be sentences. A line of over 40 words is prose either way, and a
    line ending in a colon introduces what follows.
    """
    listed: set[int] = set()
    listy = context in LIST_SECTIONS
    run: list[_Unit] = []
    after_bullet = {
        id(u): prev.kind == "bullet" for prev, u in itertools.pairwise(units) if u.kind == "line"
    }
    for u in [*units, None]:
        if u is not None and u.kind == "line":
            run.append(u)
            continue
        lines = [x for x in run if not text[x.lo : x.hi].rstrip().endswith(":")]
        # Outside a list's section, only whole lines make a list: pieces cut apart at a
        # separator or a glued sentence are sentences that lost their break. (Lines are
        # weighed only for a run that could be a list: most runs are one paragraph.)
        if len(lines) >= 2 and (
            listy
            or (
                all(x.brk != "cut" for x in lines)
                and sum(1 for x in lines if _itemish(text[x.lo : x.hi])) * 2 > len(lines)
            )
        ):
            listed.update(id(x) for x in lines if count_words(text[x.lo : x.hi]) <= 40)
        elif listy and len(lines) == 1 and after_bullet.get(id(lines[0])):
            # "- Assess needs\n- Plan care\nKeep records": the bare line ends the list.
            listed.add(id(lines[0]))
        run = []
        if u is not None and u.kind == "heading":
            listy = vocab.key_for(text[u.lo : u.hi]) in LIST_SECTIONS
    return listed


def _itemish(line: str) -> bool:
    """Reads as a list item rather than a sentence of prose: short, or not a full sentence."""
    return count_words(line) <= 12 or not re.search(r"[.!?]['’\")]*\s*$", line)


def _piece(block: Block, kind: str, lo: int, hi: int, level: int | None = None) -> Block:
    spans = tuple((max(a, lo) - lo, min(b, hi) - lo) for a, b in block.bold if a < hi and b > lo)
    links = tuple((max(a, lo) - lo, min(b, hi) - lo) for a, b in block.links if a < hi and b > lo)
    return Block(
        kind,  # type: ignore[arg-type]
        block.mapped.slice(lo, hi),
        level=block.level if level is None else level,
        marked=block.marked,
        bold=spans,
        links=links,
    )


# -- paragraphs that open with a label -------------------------------------------------


def _label_paragraphs(blocks: list[Block]) -> None:
    """A paragraph that opens with a short label ("Care planning: build plans ...") is
    labelled. In a run of three or more, a labelled paragraph of one sentence reads as an
    item of a list that lost its bullets; one of several sentences stays a paragraph."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind == "paragraph" and _LABEL.match(block.text):
            block.labelled = True
            run.append(block)
            continue
        if len(run) >= 3:
            for item in run:
                if len(_SENTENCE_END.findall(item.text)) == 0 and item.words <= 40:
                    item.kind, item.level, item.marked = "list_item", 1, False
        run = []


def _paragraph_items(blocks: list[Block], vocab: SectionVocabulary) -> None:
    """Right under a duties, requirements or benefits heading, three or more short
    paragraphs of one sentence each are a list without bullets (one duty a line). Text after
    a real list, or a line that introduces what follows ("Contact:"), is not an item."""
    context: str | None = None
    listed = False
    run: list[Block] = []
    for block in [*blocks, None]:
        if (
            block is not None
            and block.kind == "paragraph"
            and context in LIST_SECTIONS
            and not listed
            and not block.labelled
            and block.words <= 40
            and not block.text.rstrip().endswith(":")
            and not _SENTENCE_END.search(block.text)
        ):
            run.append(block)
            continue
        if len(run) >= 3:
            for item in run:
                item.kind, item.level, item.marked = "list_item", 1, False
        run = []
        if block is None:
            break
        if block.kind == "heading":
            context, listed = vocab.key_for(block.text), False
        elif block.kind == "list_item":
            listed = True
