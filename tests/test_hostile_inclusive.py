"""Hostile-input catalogue, section C (size and shape), for the inclusive-language kinds
(CI1-CI3, numbered apart from tests/test_hostile_inputs.py).

Kept beside tests/test_hostile_inputs.py so the two can grow apart. The bound is a count
of the work done, not a wall-clock time that flickers under load: a quadratic path shows
up as work that grows with the square of the input.
"""

from __future__ import annotations

from typing import Any

import pytest

from jdlint import nlp, terms
from jdlint.checks import term
from jdlint.config import from_dict
from jdlint.engine import Linter


class _CountingPattern:
    """Stands in for EEO_SENTENCE and counts the characters it is asked to scan."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.scanned = 0
        self.calls = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        self.scanned += end - pos
        self.calls += 1
        return self.real.search(text, pos, end)


class _CountingList(list):
    """A sentence list that counts how many sentences are walked through."""

    walked = 0

    def __iter__(self) -> Any:
        for item in super().__iter__():
            _CountingList.walked += 1
            yield item


def _measure(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[int, int, int, int]:
    counter = _CountingPattern(term.EEO_SENTENCE)
    monkeypatch.setattr(term, "EEO_SENTENCE", counter)
    real_sents = nlp.Analysis.sents

    def sents(self: Any, block_index: int) -> list:
        return _CountingList(real_sents(self, block_index))

    monkeypatch.setattr(nlp.Analysis, "sents", sents)
    _CountingList.walked = 0
    report = Linter(from_dict({"select": ["I"]})).lint_text(text, "p.md")
    assert report.error is None
    return counter.scanned, counter.calls, _CountingList.walked, len(report.findings)


@pytest.mark.parametrize("n", [400, 800])
def test_CI1_one_long_sentence_full_of_terms_is_scanned_once(monkeypatch, n: int) -> None:
    """'he or she will ' * n with no full stop (red-team 3.3 row 1): every match used to
    rebuild the sentence and run the equal-opportunity pattern over all of it."""
    body = "he or she will " * n
    scanned, calls, _, found = _measure(monkeypatch, "# Care Coordinator\n\n" + body + "\n")
    assert found >= n  # every pair is still reported
    # Once per sentence and rule that asks, never once per match.
    rules = 12
    assert calls <= rules * 2
    assert scanned <= rules * (len(body) + 100)


@pytest.mark.parametrize("n", [300, 600])
def test_CI2_many_sentences_with_terms_are_found_by_bisection(monkeypatch, n: int) -> None:
    """'The chairman is a rockstar ninja. ' * n (red-team 3.3 row 2): every match used to
    walk the block's sentences from the start to find its own."""
    body = "The chairman is a rockstar ninja. " * n
    scanned, _, walked, found = _measure(monkeypatch, "# Care Coordinator\n\n" + body + "\n")
    assert found >= 3 * n
    # Each block's sentences are listed once and shared by every rule.
    assert walked <= 2 * n + 10
    assert scanned <= 12 * (len(body) + 100)


def test_CI3_folding_and_glued_words_stay_linear() -> None:
    """Invisible characters and glued punctuation in every token: one pass over the tokens,
    whatever their number."""
    from jdlint.nlp import get_nlp

    small = "chair\u200bman&rock\u00adstar;ninja " * 500
    doc = get_nlp()(small * 2)
    analysis = nlp.Analysis([doc], trained=False)
    s = terms.stream(doc, analysis)
    assert len(s.forms) == 2 * 500 * 4  # chairman, &, rockstar, ninja per repetition
    assert len(s.hidden) == 2 * 500 * 2
    assert s.folded(0, len(small)) and not s.folded(len(doc.text), len(doc.text) + 1)


@pytest.mark.parametrize("n", [2000, 4000])
def test_CI4_a_sentence_opening_with_punctuation_is_read_once(monkeypatch, n: int) -> None:
    """'[' * 20000 before a word (the 'links-markdown' shape of C3): the candidate-pronoun
    kind looked for each sentence's first word once per token."""
    from jdlint.checks import candidate_pronoun

    calls = 0
    real = candidate_pronoun._first_word

    def counted(tokens: Any, sent: Any) -> int:
        nonlocal calls
        calls += 1
        return real(tokens, sent)

    monkeypatch.setattr(candidate_pronoun, "_first_word", counted)
    text = "# Case Manager\n\n" + "[" * n + "x" + "](u)" * (n // 10) + "\n\nHe will plan care.\n"
    report = Linter(from_dict({"select": ["I102"]})).lint_text(text, "p.md")
    assert report.error is None
    assert [f.code for f in report.findings] == ["I102"]
    assert calls <= 10  # once per sentence: a handful here, not once per "[" token


@pytest.mark.parametrize("n", [300, 600])
def test_CI5_a_long_physical_demands_section_is_read_once(monkeypatch, n: int) -> None:
    """n bullets of physical requirements in one section: whether the section frames
    essential functions is worked out once, not once per bullet."""
    scanned = 0
    real = terms.phrase_spans

    def counted(text: str, phrases: list[str]) -> list:
        nonlocal scanned
        scanned += len(text)
        return real(text, phrases)

    monkeypatch.setattr(terms, "phrase_spans", counted)
    body = "".join(f"- Must be able to lift {i % 50 + 10} lbs.\n" for i in range(n))
    text = "# Warehouse Associate\n\n## Physical demands\n\n" + body
    report = Linter(from_dict({"select": ["I301", "I306"]})).lint_text(text, "p.md")
    assert len(report.findings) == n
    assert scanned <= 10 * len(text)
