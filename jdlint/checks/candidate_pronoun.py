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
    posting = ctx.posting
    referent = None  # "role" or "other": the nearest singular person noun so far
    named = False  # a capitalised word that may be a person's name came before
    section = None
    for block in posting.body_blocks():
        if block.section != section:
            section, referent, named = block.section, None, False
        key = posting.sections[section].key if posting.sections else None
        doc = ctx.analysis.doc(block.index)
        tokens = list(doc)
        subject = None  # what the current sentence is about
        for sent in doc.sents:
            previous_subject, subject = subject, None
            opening_at = _first_word(tokens, sent)
            for i in range(sent.start, sent.end):
                tok = tokens[i]
                lemma = ctx.analysis.lemma(tok)
                kind = (
                    "role"
                    if (lemma in roles or tok.lower_ in roles)
                    else ("other" if (lemma in others or tok.lower_ in others) else None)
                )
                if kind is not None:
                    if lemma == tok.lower_:
                        referent = kind  # singular, so a possible antecedent of he or her
                    subject = subject or kind
                    continue
                if tok.lower_ not in pronouns or _paired(tokens, i):
                    if i > opening_at and _maybe_name(tok):
                        named = True
                    continue
                opening = i == opening_at and tok.lower_ in _SUBJECT
                if opening and previous_subject:
                    referent = previous_subject
                elif opening and referent is None and not named:
                    after = tokens[i + 1].lower_ if i + 1 < sent.end else ""
                    later = {ctx.analysis.lemma(t) for t in tokens[i + 1 : sent.end]}
                    if (key in hire_sections or after in hire_verbs) and later.isdisjoint(others):
                        # Nobody else it could be ("He will be missed: our founder ..." names
                        # someone after it): the person hired.
                        referent = "role"
                subject = subject or referent
                if referent == "role":
                    start, end = block.source_span(tok.idx, tok.idx + len(tok.text))
                    yield rule.finding(start, end, suggestions=["you", "they"], pronoun=tok.text)


def _first_word(tokens: list, sent: Any) -> int:
    """Index of the sentence's first word (after bullet characters or quotes)."""
    i = sent.start
    while i < sent.end - 1 and not any(c.isalnum() for c in tokens[i].text):
        i += 1
    return i


def _maybe_name(tok: Any) -> bool:
    """A capitalised word inside a sentence: perhaps a person's name ("Meet Sarah")."""
    text = tok.text
    return text[:1].isupper() and text[1:].islower() and text.isalpha() and text != "I"


def _paired(tokens: list, i: int) -> bool:
    """Part of "he or she", "his/her": left to the gendered-words rule."""
    near = [t.lower_ for t in tokens[max(0, i - 2) : i + 3]]
    return (
        any(w in _PAIRED for w in near)
        and sum(w in ("he", "she", "his", "her", "him", "s") for w in near) >= 2
    )
