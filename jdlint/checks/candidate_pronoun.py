"""He, his, him, she or her for the candidate, where the posting should say "you" or "they".

A pronoun counts only when it refers to the person being hired. Its antecedent is the
nearest singular person noun before it in the paragraph or bullet (plural nouns cannot
be "he" or "her"): a role noun ("the case manager", "the successful candidate") makes
it the candidate's, a client noun ("the patient and her family") does not. A sentence
that opens with "He"/"She" continues the subject of the sentence before it; the nearest
person noun carries from one bullet to the next within a section.

With no person named before it at all, a sentence or bullet that opens with "He" or
"She" is about the person hired when it states what they will do or must be ("He should
be ready to learn", "She will manage a caseload") or sits under the duties or
requirements heading; a capitalised word earlier in the section (a name, "Meet Sarah.")
may be its antecedent, so then it is left alone. Pairs such as "he or she" are the
gendered-words rule's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "candidate-pronoun"
OPTIONS = {
    "pronouns": Option(list[str], ["he", "him", "his", "himself", "she", "her", "hers", "herself"]),
    "role_nouns": Option(list[str], doc="nouns that name the person being hired"),
    "other_nouns": Option(list[str], doc="nouns for other people the pronoun may refer to"),
    "hire_sections": Option(
        list[str],
        ["responsibilities", "qualifications"],
        doc="sections where a sentence opening with he/she is about the person hired",
    ),
    "hire_verbs": Option(
        list[str],
        [
            "should",
            "must",
            "will",
            "shall",
            "would",
            "needs",
            "need",
            "has",
            "have",
            "is",
            "can",
            "may",
            "ought",
        ],
        doc="words after an opening he/she that state what the person hired does or must be",
    ),
}
MESSAGE_FIELDS = ("pronoun",)
NEEDS = frozenset({"nlp"})

_PAIRED = {"or", "/", "and", "-"}
_SUBJECT = {"he", "she"}


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    pronouns = {p.lower() for p in rule.options["pronouns"]}
    roles = {n.lower() for n in rule.options["role_nouns"]}
    others = {n.lower() for n in rule.options["other_nouns"]}
    hire_sections = set(rule.options["hire_sections"])
    hire_verbs = {v.lower() for v in rule.options["hire_verbs"]}
    watched = pronouns | roles | others
    posting = ctx.posting
    referent = None  # "role" or "other": the nearest singular person noun so far
    named = False  # a capitalised word that may be a person's name came before
    section = None
    for block in posting.body_blocks():
        if block.section != section:
            section, referent, named = block.section, None, False
        key = posting.sections[section].key if posting.sections else None
        toks = ctx.analysis.tokens(block.index)
        texts, lows, lems = toks.texts, toks.lows, toks.lemmas
        if watched.isdisjoint(lows) and roles.isdisjoint(lems) and others.isdisjoint(lems):
            # No pronoun and no person noun (most blocks): all the walk below could learn
            # is that a name came before.
            named = named or any(
                _maybe_name(texts[i])
                for sent in ctx.analysis.sents(block.index)
                for i in range(_first_word(texts, sent) + 1, sent.end)
            )
            continue
        subject = None  # what the current sentence is about
        for sent in ctx.analysis.sents(block.index):
            previous_subject, subject = subject, None
            opening_at = _first_word(texts, sent)
            for i in range(sent.start, sent.end):
                low = lows[i]
                lemma = lems[i]
                kind = (
                    "role"
                    if (lemma in roles or low in roles)
                    else ("other" if (lemma in others or low in others) else None)
                )
                if kind is not None:
                    if lemma == low:
                        referent = kind  # singular, so a possible antecedent of he or her
                    subject = subject or kind
                    continue
                if low not in pronouns or _paired(lows, i):
                    if i > opening_at and _maybe_name(texts[i]):
                        named = True
                    continue
                opening = i == opening_at and low in _SUBJECT
                if opening and previous_subject:
                    referent = previous_subject
                elif opening and referent is None and not named:
                    after = lows[i + 1] if i + 1 < sent.end else ""
                    later = set(lems[i + 1 : sent.end])
                    if (key in hire_sections or after in hire_verbs) and later.isdisjoint(others):
                        # Nobody else it could be ("He will be missed: our founder ..." names
                        # someone after it): the person hired.
                        referent = "role"
                subject = subject or referent
                if referent == "role":
                    at = toks.idxs[i]
                    start, end = block.source_span(at, at + len(texts[i]))
                    yield rule.finding(start, end, suggestions=["you", "they"], pronoun=texts[i])


def _first_word(texts: list[str], sent: Any) -> int:
    """Index of the sentence's first word (after bullet characters or quotes)."""
    i = sent.start
    while i < sent.end - 1 and not any(c.isalnum() for c in texts[i]):
        i += 1
    return i


def _maybe_name(text: str) -> bool:
    """A capitalised word inside a sentence: perhaps a person's name ("Meet Sarah")."""
    return text[:1].isupper() and text[1:].islower() and text.isalpha() and text != "I"


def _paired(lows: list[str], i: int) -> bool:
    """Part of "he or she", "his/her": left to the gendered-words rule."""
    near = lows[max(0, i - 2) : i + 3]
    return (
        any(w in _PAIRED for w in near)
        and sum(w in ("he", "she", "his", "her", "him", "s") for w in near) >= 2
    )
