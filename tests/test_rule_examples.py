"""Every rule's own pass and fail examples, run in isolation: proof that it fires and stays quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from jdlint import packs
from jdlint.checks import KINDS
from jdlint.config import from_dict
from jdlint.engine import Linter

TODAY = dt.date(2026, 11, 26)
_EXT = {"markdown": ".md", "text": ".txt", "html": ".html"}


def _cases() -> list:
    out = []
    for rule in packs.load().rules.values():
        for ex in rule.examples_pass:
            out.append(pytest.param(rule, ex, False, id=ex.where))
        for ex in rule.examples_fail:
            out.append(pytest.param(rule, ex, True, id=ex.where))
    return out


@pytest.mark.parametrize(("rule", "example", "should_fire"), _cases())
def test_rule_example(rule: packs.Rule, example: packs.Example, should_fire: bool) -> None:
    config = from_dict({"select": [rule.code], **example.config})
    report = Linter(config, today=TODAY).lint_text(
        example.text, path="example" + _EXT[example.format], fmt=example.format
    )
    assert report.error is None, report.error
    hits = [f for f in report.findings if f.code == rule.code]
    if not should_fire:
        assert hits == [], [f.message for f in hits]
        return
    assert hits, f"{rule.code} did not fire on {example.where}"
    if example.count is not None:
        assert len(hits) == example.count, [f.message for f in hits]
    if example.line is not None:
        assert report.line_col(hits[0].start)[0] == example.line
    if example.message is not None:
        assert hits[0].message == example.message
    for f in hits:
        assert 0 <= f.start <= f.end <= len(example.text)
        # A field left unfilled; the text a rule quotes may hold braces ("{{title}}", H101).
        fields = KINDS[rule.kind].MESSAGE_FIELDS
        assert not any("{" + name + "}" in f.message for name in fields), (
            f"unfilled message template: {f.message}"
        )


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule in packs.load().rules.values():
        assert rule.examples_pass and rule.examples_fail, rule.code
        assert rule.description and rule.message
