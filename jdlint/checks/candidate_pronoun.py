"""He, his, him, she or her for the candidate, where the posting should say "you" or "they".

A pronoun counts only when it refers to the person being hired. Its antecedent is the
nearest singular person noun before it in the paragraph or bullet (plural nouns cannot
be "he" or "her"): a role noun ("the case manager", "the successful candidate") makes
it the candidate's, a client noun ("the patient and her family") does not. A sentence
that opens with "He"/"She" continues the subject of the sentence before it. Pairs such
as "he or she" are the gendered-words rule's.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "candidate-pronoun"
OPTIONS = {
    "pronouns": Option(list[str], ["he", "him", "his", "himself", "she", "her", "hers", "herself"]),
    "role_nouns": Option(list[str], doc="nouns that name the person being hired"),
    "other_nouns": Option(list[str], doc="nouns for other people the pronoun may refer to"),
}
MESSAGE_FIELDS = ("pronoun",)
NEEDS = frozenset({"nlp"})

_PAIRED = {"or", "/", "and"}
_SUBJECT = {"he", "she"}


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    pronouns = {p.lower() for p in rule.options["pronouns"]}
    roles = {n.lower() for n in rule.options["role_nouns"]}
    others = {n.lower() for n in rule.options["other_nouns"]}
    for block in ctx.posting.body_blocks():
        doc = ctx.analysis.doc(block.index)
        tokens = list(doc)
        referent = None  # "role" or "other": the nearest singular person noun so far
        subject = None  # what the current sentence is about
        for sent in doc.sents:
            previous_subject, subject = subject, None
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
                    continue
                if i == sent.start and tok.lower_ in _SUBJECT and previous_subject:
                    referent = previous_subject
                subject = subject or referent
                if referent == "role":
                    start, end = block.source_span(tok.idx, tok.idx + len(tok.text))
                    yield rule.finding(start, end, suggestions=["you", "they"], pronoun=tok.text)


def _paired(tokens: list, i: int) -> bool:
    """Part of "he or she", "his/her": left to the gendered-words rule."""
    near = [t.lower_ for t in tokens[max(0, i - 2) : i + 3]]
    return (
        any(w in _PAIRED for w in near)
        and sum(w in ("he", "she", "his", "her", "him", "s") for w in near) >= 2
    )
