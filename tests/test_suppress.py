"""Inline suppression: <!-- jdlint-disable -->, <!-- jdlint-enable -->, -next-line."""

from __future__ import annotations

import pytest

from jdlint import Linter
from jdlint.config import from_dict
from jdlint.source import LineIndex
from jdlint.suppress import parse, suppressed

# S203 reports paragraphs over 5 words here, so short lines are enough to trigger it.
CONFIG = from_dict(
    {
        "select": ["S201", "S203"],
        "rules": {"S203": {"max_words": 5}},
    }
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(CONFIG)


def found(linter: Linter, text: str) -> list[tuple[str, int]]:
    report = linter.lint_text(text, "posting.md")
    assert report.error is None, report.error
    return [(f.code, report.line_col(f.start)[0]) for f in report.findings]


INTRO = "We coordinate care for older adults."  # 7 words: one S203 finding

# An intro paragraph (S203 at line 3), then three empty sections and a closing one.
BASE = f"""\
# Care Coordinator

{INTRO}

## Benefits

## Schedule

## Perks

## How to apply

Apply online.
"""


def test_baseline_without_comments(linter):
    assert found(linter, BASE) == [("S203", 3), ("S201", 5), ("S201", 7), ("S201", 9)]


def test_disable_enable_region(linter):
    text = f"""\
# Care Coordinator

{INTRO}

<!-- jdlint-disable S201 -->
## Benefits

## Schedule
<!-- jdlint-enable -->

## Perks

## How to apply

Apply online.
"""
    # Benefits (6) and Schedule (8) are inside the region; Perks (11) is after it.
    assert found(linter, text) == [("S203", 3), ("S201", 11)]


def test_disable_covers_only_the_codes_it_names(linter):
    text = f"""\
# Care Coordinator

<!-- jdlint-disable S201 -->
{INTRO}

## Benefits

## How to apply

Apply online.
"""
    assert found(linter, text) == [("S203", 4)]


def test_disable_next_line(linter):
    text = f"""\
# Care Coordinator

<!-- jdlint-disable-next-line S203 -->
{INTRO}

Our team visits clients at home every week.

## How to apply

Apply online.
"""
    # The first paragraph is suppressed, the second (line 6) still reported.
    assert found(linter, text) == [("S203", 6)]


def test_disable_next_line_skips_blank_lines(linter):
    text = f"# Care Coordinator\n\n<!-- jdlint-disable-next-line S203 -->\n\n\n{INTRO}\n"
    assert found(linter, text) == []


def test_disable_next_line_with_another_code_does_not_suppress(linter):
    text = f"# Care Coordinator\n\n<!-- jdlint-disable-next-line S201 -->\n{INTRO}\n"
    assert found(linter, text) == [("S203", 4)]


def test_bare_disable_suppresses_everything_after_it(linter):
    text = f"""\
# Care Coordinator

{INTRO}

## Benefits

<!-- jdlint-disable -->
## Schedule

Our team visits clients at home every week.

## Perks

## How to apply

Apply online.
"""
    # Before the comment: S203 (3) and S201 Benefits (5). After it: nothing.
    assert found(linter, text) == [("S203", 3), ("S201", 5)]


def test_disable_by_rule_name_and_case_insensitive_codes(linter):
    by_name = BASE.replace("## Benefits", "<!-- jdlint-disable empty-section -->\n## Benefits")
    assert found(linter, by_name) == [("S203", 3)]
    lower = BASE.replace("## Benefits", "<!-- JDLINT-DISABLE s201 -->\n## Benefits")
    assert found(linter, lower) == [("S203", 3)]
    word_all = BASE.replace(f"{INTRO}", f"<!-- jdlint-disable all -->\n{INTRO}")
    assert found(linter, word_all) == []


def test_several_codes_in_one_comment(linter):
    text = BASE.replace(
        "# Care Coordinator\n", "# Care Coordinator\n<!-- jdlint-disable S201, S203 -->\n"
    )
    assert found(linter, text) == []
    spaces = BASE.replace(
        "# Care Coordinator\n", "# Care Coordinator\n<!-- jdlint-disable S201 S203 -->\n"
    )
    assert found(linter, spaces) == []


def test_prefix_selector(linter):
    text = BASE.replace("## Benefits", "<!-- jdlint-disable S2 -->\n## Benefits")
    assert found(linter, text) == [("S203", 3)]


def test_enable_one_code_after_a_bare_disable(linter):
    text = f"""\
# Care Coordinator

<!-- jdlint-disable -->
{INTRO}

## Benefits

<!-- jdlint-enable S201 -->
## Schedule

Our team visits clients at home every week.

## Perks

## How to apply

Apply online.
"""
    # S201 is back on from line 8 (Perks at 13); S203 stays off (line 11 not reported).
    assert found(linter, text) == [("S201", 13)]


def test_enable_only_closes_what_it_names(linter):
    text = f"""\
# Care Coordinator

<!-- jdlint-disable S201 S203 -->
{INTRO}

## Benefits

<!-- jdlint-enable S201 -->
## Schedule

Our team visits clients at home every week.

## Perks

## How to apply

Apply online.
"""
    # Benefits (6) is inside the S201 region, Perks (13) after it; S203 stays off (11).
    assert found(linter, text) == [("S201", 13)]


def test_findings_on_the_title_are_not_hidden_by_a_later_region(linter):
    # S101 (no overview) points at the title, line 1, before the region opens.
    text = "# Care Coordinator\n\n## Benefits\n\n<!-- jdlint-disable -->\n## Schedule\n\nText.\n"
    report = Linter(from_dict({"select": ["S101"]})).lint_text(text, "posting.md")
    assert [(f.code, report.line_col(f.start)[0]) for f in report.findings] == [("S101", 1)]
    top = "<!-- jdlint-disable S101 -->\n" + text
    report = Linter(from_dict({"select": ["S101"]})).lint_text(top, "posting.md")
    assert report.findings == []


def test_comments_through_the_command_line(jdlint_cli):
    jdlint_cli.write(
        "posting.md",
        "# Care Coordinator\n\nIntro text.\n\n<!-- jdlint-disable-next-line S201 -->\n"
        "## Benefits\n\n## Schedule\n\n## How to apply\n\nApply.\n",
    )
    result = jdlint_cli.lint("-q", "--fail-on", "warning", "posting.md")
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if " S201 " in line] == [
        "posting.md:8:4: warning S201 Section 'Schedule' is empty: add its content or remove the heading."
    ]


# -- the parser itself ------------------------------------------------------------------------


def test_parse_regions_and_mentioned_codes():
    text = (
        "a\n<!-- jdlint-disable S201 -->\nb\n<!-- jdlint-enable S201 -->\n"
        "c\n<!-- jdlint-disable-next-line S2O3 -->\n\nd\n"
    )
    regions, mentioned = parse(text, LineIndex(text))
    spans = sorted((r.start_line, r.end_line, r.selectors, r.comment_line) for r in regions)
    # A selector that is not code-shaped ("S2O3" with a letter O) is taken as a rule name.
    assert spans == [(2, 4, ("S201",), 2), (8, 8, ("s2o3",), 6)]
    # Codes named in comments are returned so they can be checked against the packs.
    assert mentioned == [(2, "S201"), (4, "S201"), (6, "S2O3")]
    assert suppressed(regions, 3, "S201", "empty-section")
    assert not suppressed(regions, 5, "S201", "empty-section")
    assert not suppressed(regions, 3, "S203", "wall-of-text")


def test_unclosed_disable_runs_to_the_end():
    text = "a\n<!-- jdlint-disable -->\nb\nc\n"
    regions, mentioned = parse(text, LineIndex(text))
    assert mentioned == []
    assert [(r.start_line, r.end_line) for r in regions] == [(2, 5)]
    assert suppressed(regions, 4, "I101", "anything")
    assert not suppressed(regions, 1, "I101", "anything")


# -- comments people type (issue 14) -------------------------------------------------------------


def test_disable_line_covers_the_comments_own_line(linter):
    text = (
        "# Care Coordinator\n\nIntro text.\n\n## Benefits <!-- jdlint-disable-line S201 -->\n\n"
        "## Schedule\n\n## How to apply\n\nApply online.\n"
    )
    # Benefits (5) carries the comment; Schedule (7) does not.
    assert [x for x in found(linter, text) if x[0] == "S201"] == [("S201", 7)]
    both = text.replace("-->", "--> <!-- -->").replace("S201 -->", "-->")  # no codes: all
    assert [x for x in found(linter, both) if x[0] == "S201"] == [("S201", 7)]


S002 = Linter(from_dict({"select": ["S002", "S201"]}))


def s002(text: str) -> list[tuple[int, str]]:
    report = S002.lint_text(text, "posting.md")
    return [(report.line_col(f.start)[0], f.message) for f in report.findings if f.code == "S002"]


@pytest.mark.parametrize(
    "comment, meant",
    [
        ("<!-- jdlint: disable S201 -->", "jdlint-disable"),
        ("<!-- jdlint disable S201 -->", "jdlint-disable"),
        ("<!--jdlint_disable S201-->", "jdlint-disable"),
        ("<!-- jdlint-disabled S201 -->", "jdlint-disable"),
        ("<!-- jdlint-ignore S201 -->", "jdlint-disable"),
        ("<!-- jdlint-disable-next S201 -->", "jdlint-disable-next-line"),
        ("<!-- jdlint-ignore-next-line S201 -->", "jdlint-disable-next-line"),
        ("<!-- JDLINT: ENABLE -->", "jdlint-enable"),
    ],
)
def test_near_misses_are_s002_not_silence(comment, meant):
    text = f"# Care Coordinator\n\nIntro text.\n\n{comment}\n## Benefits\n"
    ((line, message),) = s002(text)
    assert line == 5
    assert message.endswith(
        f"is not a suppression comment and suppresses nothing: did you mean '{meant}'?"
    )
    # It hid nothing: the finding it was meant to silence is still reported.
    report = S002.lint_text(text, "posting.md")
    assert "S201" in [f.code for f in report.findings]


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- jdlint runs on every posting -->",
        "<!-- jdlint-disable S201 -->",
        "<!-- jdlint-disable-line S201 -->",
        "<!-- jdlint-disable-next-line S201 -->",
        "<!-- eslint-disable -->",
        "<!-- the jdlint: disable trick is documented in the README -->",
    ],
)
def test_comments_that_are_no_near_miss_stay_quiet(comment):
    assert s002(f"# Care Coordinator\n\nIntro text.\n\n{comment}\n## Benefits\n") == []


def test_s002_never_says_nothing_is_suppressed_while_something_is():
    mixed = "# Care Coordinator\n\nIntro.\n\n<!-- jdlint-disable-next-line S201, S2O3 -->\n## Benefits\n"
    ((_, message),) = s002(mixed)
    assert "nothing is suppressed" not in message
    assert message == (
        "jdlint-disable-next-line names 'S2O3', which is no rule code, prefix or name "
        "(did you mean 'S203'?): it suppresses nothing (the comment still suppresses S201)."
    )
    # And S201 is suppressed indeed.
    report = S002.lint_text(mixed, "posting.md")
    assert "S201" not in [f.code for f in report.findings]
    alone = mixed.replace("S201, S2O3", "Q123")
    ((_, message),) = s002(alone)
    assert message.endswith(": the comment suppresses nothing.")
    enable = (
        "# Care Coordinator\n\n<!-- jdlint-disable S201 -->\nIntro.\n<!-- jdlint-enable S2O1 -->\n"
    )
    ((_, message),) = s002(enable)
    assert message.endswith("(did you mean 'S201'?): the comment turns back on nothing.")


def test_near_misses_are_found_in_one_pass():
    from jdlint.suppress import scan

    text = "<!-- jdlint: disable -->\n" * 2000 + "<!-- jdlint" * 2000
    found_ = scan(text, LineIndex(text))
    assert len(found_.near_misses) == 2000
