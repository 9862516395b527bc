"""Role profiles and the concepts (duties, qualifications) a posting for each must show.

Both are data in role packs (``rules/roles/*.yaml``). A concept is a set of ways of saying
one thing; each way is a list of slots, and a slot is a set of alternative words or
phrases. A way matches when every slot is found, in any order, within one sentence or
bullet and within a few words of each other, comparing lemmas, so "plan each patient's
discharge", "coordinate safe discharges" and "discharge planning" are one concept.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import location as loc_mod
from .errors import ConfigError
from .terms import positions_by_form

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .checks.context import Context
    from .nlp import Analysis
    from .posting import Posting

GENERAL = "general"
DEFAULT_WINDOW = 10


@dataclass(frozen=True)
class Slot:
    """Alternatives for one slot: each a tuple of lower-case words (a phrase)."""

    alternatives: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Concept:
    key: str
    label: str
    section: str
    example: str
    ways: tuple[tuple[Slot, ...], ...]
    window: int = DEFAULT_WINDOW
    # Where the duty is part of the role: "utilization review" is a US payer's process, not
    # asked of a UK community role. Empty: everywhere.
    countries: tuple[str, ...] = ()


@dataclass
class Profile:
    id: str
    label: str
    family: str
    titles: list[str]
    keywords: list[str]
    required: list[str]
    recommended: list[str]
    extends: str | None = None
    pack: str = ""
    # Inclusive-language suggestions in this family's words, by term id: (mode, words),
    # mode "replace" or "add" (see checks/term.py: suggestions_for).
    suggest: dict[str, tuple[str, list[str]]] = field(default_factory=dict)


@dataclass
class RoleData:
    profiles: dict[str, Profile] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)

    def title_phrases(self) -> tuple[Slot, ...]:
        """Every profile's titles, as one-alternative slots for matching."""
        if not hasattr(self, "_titles"):
            words = {_words(t) for p in self.profiles.values() for t in p.titles}
            self._titles = tuple(Slot((w,)) for w in sorted(words) if w)
        return self._titles

    def resolved(self, profile_id: str) -> tuple[list[str], list[str]]:
        """Required and recommended concept keys, inherited along ``extends``."""
        required: list[str] = []
        recommended: list[str] = []
        seen: set[str] = set()
        pid: str | None = profile_id
        chain = []
        while pid and pid not in seen and pid in self.profiles:
            seen.add(pid)
            chain.append(self.profiles[pid])
            pid = self.profiles[pid].extends
        for profile in reversed(chain):
            required += [c for c in profile.required if c not in required]
            recommended += [
                c for c in profile.recommended if c not in recommended and c not in required
            ]
        recommended = [c for c in recommended if c not in required]
        return required, recommended


_PROFILE_KEYS = {
    "id",
    "label",
    "family",
    "titles",
    "keywords",
    "required",
    "recommended",
    "extends",
    "suggest",
}
_CONCEPT_KEYS = {"label", "section", "example", "match", "window", "countries"}


def parse(data: dict[str, Any], path: str, into: RoleData) -> None:
    """Read ``profiles`` and ``concepts`` from one pack into ``into``; errors name file and line."""
    for key, raw in (data.get("concepts") or {}).items():
        line = data["concepts"].key_line(key)
        if key in into.concepts:
            raise ConfigError(f"duplicate concept '{key}'", line, path)
        into.concepts[key] = _concept(key, raw, line, path)
    for raw in data.get("profiles") or []:
        line = getattr(raw, "line", None)
        if not isinstance(raw, dict):
            raise ConfigError("each profile must be a mapping", line, path)
        unknown = set(raw) - _PROFILE_KEYS
        if unknown:
            raise ConfigError(f"unknown profile key(s) {sorted(unknown)}", line, path)
        if not isinstance(raw.get("id"), str) or not re.fullmatch(r"[a-z][a-z0-9-]*", raw["id"]):
            raise ConfigError("a profile needs a kebab-case 'id'", line, path)
        lists = {}
        for name in ("titles", "keywords", "required", "recommended"):
            value = raw.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(
                    f"profile '{raw['id']}': '{name}' must be a list of strings", line, path
                )
            lists[name] = list(value)
        if raw["id"] in into.profiles:
            raise ConfigError(f"duplicate profile '{raw['id']}'", line, path)
        into.profiles[raw["id"]] = Profile(
            id=raw["id"],
            label=str(raw.get("label", raw["id"])),
            family=str(raw.get("family", "")),
            extends=raw.get("extends"),
            pack=path,
            suggest=_suggest(raw["id"], raw.get("suggest"), line, path),
            **lists,
        )


def _suggest(pid: str, raw: Any, line: int | None, path: str) -> dict[str, tuple[str, list[str]]]:
    """A profile's ``suggest``: term id -> a list (replaces the pack's suggestions) or
    ``{add: [...]}`` / ``{replace: [...]}``."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(f"profile '{pid}': 'suggest' maps term ids to suggestions", line, path)
    out: dict[str, tuple[str, list[str]]] = {}
    for key, value in raw.items():
        mode = "replace"
        if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("add", "replace"):
            mode, value = next(iter(value.items()))
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise ConfigError(
                f"profile '{pid}': suggest '{key}' must be a list of strings, "
                "or {add: [...]} or {replace: [...]}",
                line,
                path,
            )
        out[str(key)] = (mode, list(value))
    return out


def check_references(roles: RoleData, path_hint: str = "") -> None:
    for p in roles.profiles.values():
        if p.extends and p.extends not in roles.profiles:
            raise ConfigError(
                f"profile '{p.id}' extends unknown profile '{p.extends}'", path=p.pack
            )
        for key in p.required + p.recommended:
            if key not in roles.concepts:
                raise ConfigError(f"profile '{p.id}' names unknown concept '{key}'", path=p.pack)


def _concept(key: str, raw: Any, line: int, path: str) -> Concept:
    if not isinstance(raw, dict):
        raise ConfigError(f"concept '{key}' must be a mapping", line, path)
    unknown = set(raw) - _CONCEPT_KEYS
    if unknown:
        raise ConfigError(f"concept '{key}': unknown key(s) {sorted(unknown)}", line, path)
    for name in ("label", "section", "example"):
        if not isinstance(raw.get(name), str):
            raise ConfigError(f"concept '{key}' needs '{name}' (a string)", line, path)
    ways = raw.get("match")
    if not isinstance(ways, list) or not ways:
        raise ConfigError(f"concept '{key}' needs 'match': a list of ways to say it", line, path)
    parsed = []
    for way in ways:
        if isinstance(way, str):
            way = [way]
        if not isinstance(way, list) or not all(isinstance(s, str) and s.strip() for s in way):
            raise ConfigError(
                f"concept '{key}': each way is a list of slots like 'assess|evaluate'", line, path
            )
        parsed.append(
            tuple(
                Slot(tuple(_words(alt) for alt in slot.split("|") if _words(alt))) for slot in way
            )
        )
    window = raw.get("window", DEFAULT_WINDOW)
    if not isinstance(window, int) or window < 1:
        raise ConfigError(f"concept '{key}': 'window' must be a positive integer", line, path)
    countries = raw.get("countries", [])
    if not isinstance(countries, list) or not all(
        isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in countries
    ):
        raise ConfigError(
            f"concept '{key}': 'countries' lists ISO country codes such as US", line, path
        )
    return Concept(
        key, raw["label"], raw["section"], raw["example"], tuple(parsed), window, tuple(countries)
    )


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-/]+", phrase.lower().replace("’", "'")) if w)


# -- matching ------------------------------------------------------------------------


@dataclass
class Evidence:
    block_index: int
    start: int  # clean offsets within the block
    end: int


def _forms(sent: Span, analysis: Analysis) -> tuple[list[tuple[str, str]], list[int]]:
    """Word forms (text, lemma) of a sentence without punctuation, and their token indices.

    Punctuation is skipped so "follow-up" (three tokens) matches the phrase "follow up".
    """
    forms, index = [], []
    tokens = analysis.tokens_of(sent.doc)
    lows, lems, skip, at = tokens.lows, tokens.lemmas, tokens.skip, sent.start
    for i in range(sent.start, sent.end):
        if not skip[i]:
            forms.append((lows[i], lems[i]))
            index.append(i - at)
    return forms, index


class _Words:
    """A sentence's word forms with their positions by form, built once per posting."""

    __slots__ = ("forms", "in_title", "index", "titles", "where")

    def __init__(self, sent: Span, analysis: Analysis) -> None:
        self.titles: tuple[Slot, ...] | None = None
        self.in_title: set[int] | None = None
        self.forms, self.index = _forms(sent, analysis)
        self.where = positions_by_form(self.forms)


def _words_of(sent: Span, analysis: Analysis) -> _Words:
    memo = getattr(analysis, "memo", None)
    if memo is None:
        return _Words(sent, analysis)
    return memo(("roles.words", id(sent.doc), sent.start, sent.end), lambda: _Words(sent, analysis))


def _slot_hits(forms: list[tuple[str, str]], slot: Slot) -> list[tuple[int, int]]:
    """(first, last) token positions where any alternative of the slot occurs."""
    hits = []
    n = len(forms)
    for alt in slot.alternatives:
        k = len(alt)
        for i in range(n - k + 1):
            if all(alt[j] in forms[i + j] for j in range(k)):
                hits.append((i, i + k - 1))
    return hits


def _slot_hits_in(words: _Words, slot: Slot) -> list[tuple[int, int]]:
    """``_slot_hits`` through the positions index: only where an alternative's first word
    occurs (same hits, same order)."""
    hits = []
    forms = words.forms
    n = len(forms)
    where = words.where
    for alt in slot.alternatives:
        k = len(alt)
        if not k:
            hits.extend((i, i - 1) for i in range(n + 1))
            continue
        for i in where.get(alt[0], ()):
            if i + k <= n and all(alt[j] in forms[i + j] for j in range(1, k)):
                hits.append((i, i + k - 1))
    return hits


def match_sentence(
    sent: Span, concept: Concept, analysis: Analysis, titles: tuple[Slot, ...] = ()
) -> tuple[int, int] | None:
    """Token range (start, end inclusive) of the first way that matches, else None.

    Words inside a job title ("Geriatric Case Manager", "Recovery Case Manager") name
    the role; they are not evidence that the posting describes a duty.
    """
    words = _words_of(sent, analysis)
    index = words.index
    in_title: set[int] | None = None
    for way in concept.ways:
        per_slot = [_slot_hits_in(words, slot) for slot in way]
        if not all(per_slot):
            continue
        if in_title is None:
            in_title = _in_title(words, titles)
        best = None
        for combo in itertools.islice(itertools.product(*per_slot), 2000):
            if _overlap(combo):
                continue  # "registered nurse" cannot also be the "registered" of a license
            if in_title and all(set(range(a, b + 1)) <= in_title for a, b in combo):
                continue
            lo = min(a for a, _ in combo)
            hi = max(b for _, b in combo)
            # The slots' words, plus at most ``window`` other words between them.
            if hi - lo + 1 <= concept.window + sum(b - a + 1 for a, b in combo) and (
                best is None or hi - lo < best[1] - best[0]
            ):
                best = (lo, hi)
        if best:
            return index[best[0]], index[best[1]]
    return None


def _in_title(words: _Words, titles: tuple[Slot, ...]) -> set[int]:
    """Positions of the sentence's words that belong to a job title (kept for the last
    ``titles`` asked, since every concept asks with the same ones)."""
    if words.titles is titles and words.in_title is not None:
        return words.in_title
    in_title: set[int] = set()
    for title in titles:
        for a, b in _slot_hits_in(words, title):
            in_title.update(range(a, b + 1))
    words.titles, words.in_title = titles, in_title
    return in_title


def _overlap(spans: tuple[tuple[int, int], ...]) -> bool:
    ordered = sorted(spans)
    return any(b[0] <= a[1] for a, b in itertools.pairwise(ordered))


def _sents(analysis: Analysis, block_index: int) -> Any:
    sents = getattr(analysis, "sents", None)
    return sents(block_index) if sents is not None else analysis.doc(block_index).sents


def _sentence_index(ctx: Context) -> tuple[list[tuple[int, Span]], dict[str, set[int]]]:
    """The body's sentences in order, as (block index, sentence), and by word form (text
    and lemma of every word) the ordinals of the sentences holding it; built once per
    posting from the blocks' token lists."""

    def build() -> tuple[list[tuple[int, Span]], dict[str, set[int]]]:
        sents: list[tuple[int, Span]] = []
        where: dict[str, set[int]] = {}
        analysis = ctx.analysis
        for block in ctx.posting.body_blocks():
            tokens = analysis.tokens_of(analysis.doc(block.index))
            for sent in _sents(analysis, block.index):
                n = len(sents)
                sents.append((block.index, sent))
                a, b = sent.start, sent.end
                kept = [not skip for skip in tokens.skip[a:b]]
                forms = set(itertools.compress(tokens.lows[a:b], kept))
                forms.update(itertools.compress(tokens.lemmas[a:b], kept))
                for form in forms:
                    at = where.get(form)
                    if at is None:
                        where[form] = {n}
                    else:
                        at.add(n)
        return sents, where

    memo = getattr(ctx.analysis, "memo", None)
    return memo(("roles.sentences",), build) if memo is not None else build()


def _candidates(concept: Concept, where: dict[str, set[int]], count: int) -> list[int]:
    """Ordinals of the sentences where some way of the concept could match, ascending: a
    slot is met only where the first word of one of its alternatives stands."""
    found: set[int] = set()
    for way in concept.ways:
        if not way:
            return list(range(count))  # a way of no words: every sentence is tried
        held: set[int] | None = None
        for slot in way:
            here: set[int] = set()
            for alt in slot.alternatives:
                if alt:
                    here |= where.get(alt[0], set())
            held = here if held is None else held & here
            if not held:
                break
        if held:
            found |= held
    return sorted(found)


def find(ctx: Context, concept: Concept, titles: tuple[Slot, ...] = ()) -> Evidence | None:
    """Where the posting says the concept, scanning every block's sentences in order."""
    # Headings name the role or a section ("Registered Nurse Case Manager"); only what
    # the posting says under them is evidence.
    analysis = ctx.analysis
    sents, where = _sentence_index(ctx)
    # Only the sentences holding a first word of every slot of a way can match it.
    for n in _candidates(concept, where, len(sents)):
        block_index, sent = sents[n]
        hit = match_sentence(sent, concept, analysis, titles)
        if hit:
            tokens = sent[hit[0] : hit[1] + 1]
            return Evidence(block_index, tokens.start_char, tokens.end_char)
    return None


# -- profile resolution ---------------------------------------------------------------


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _norm(text: str) -> str:
    return " ".join(_NOT_ALNUM.sub(" ", text.lower()).split())


@lru_cache(maxsize=4096)
def _norm_title(title: str) -> str:
    """``_norm`` of a profile's title: the same few hundred for every posting."""
    return _norm(title)


def _has_title(text: str, title: str) -> bool:
    """The title phrase, or its plural ("Case Managers/Care Coordinators"), as whole words."""
    return _title_regex(title).search(text) is not None


@lru_cache(maxsize=1024)
def _title_regex(title: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(title)}s?(?![a-z0-9])")


def detect(posting: Posting, roles: RoleData) -> tuple[str, str]:
    """(profile id, source) from the title and first heading, then the body as a tie-breaker."""
    heads = [posting.title or ""]
    first_heading = next((b.text for b in posting.blocks if b.kind == "heading"), "")
    heads.append(first_heading)
    if not posting.title:
        # Without a title, the short lines that open the posting are its masthead
        # ("Case Manager - Band 7" in bold above the text).
        heads += [b.text for b in posting.blocks[:3] if b.words <= 12]
    head_text = " ".join(_norm(h) for h in heads if h)
    scored = []
    for p in roles.profiles.values():
        best = max(
            (len(n) for n in map(_norm_title, p.titles) if n and _has_title(head_text, n)),
            default=0,
        )
        if best:
            scored.append((best, p.id))
    if scored:
        top = max(s for s, _ in scored)
        tied = [pid for s, pid in scored if s == top]
        if len(tied) == 1:
            return tied[0], "title"
        body = " " + _norm(" ".join(b.text for b in posting.blocks)) + " "
        counts = {
            pid: sum(body.count(f" {_norm_title(t)} ") for t in roles.profiles[pid].titles)
            for pid in tied
        }
        return max(tied, key=lambda pid: (counts[pid], -tied.index(pid))), "body"
    return GENERAL, "default"


# -- coverage of a posting ------------------------------------------------------------


@dataclass
class CoverageItem:
    concept: Concept
    level: str  # "required" or "recommended"
    evidence: Evidence | None


@dataclass
class Coverage:
    profile: Profile
    items: list[CoverageItem]


def measure(ctx: Context) -> Coverage | None:
    """Find every concept of the posting's profile; None when no role profile applies."""
    profile_id = ctx.settings.get("profile", GENERAL)
    roles: RoleData | None = ctx.settings.get("roles")
    if roles is None or profile_id not in roles.profiles:
        return None
    required, recommended = roles.resolved(profile_id)
    titles = roles.title_phrases()
    country = loc_mod.country_of_posting(ctx.posting)
    items = [
        CoverageItem(roles.concepts[key], level, find(ctx, roles.concepts[key], titles))
        for level, keys in (("required", required), ("recommended", recommended))
        for key in keys
        if not (country and roles.concepts[key].countries)
        or country in roles.concepts[key].countries
    ]
    return Coverage(roles.profiles[profile_id], items)
