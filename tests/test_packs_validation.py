"""Extra rule packs from config: every mistake stops the run with the pack's path and line."""

from __future__ import annotations

import pytest

FLAWED = """\
# Care Coordinator

## Responsibilities

- Meet clients at intake.

## Benefits

## How to apply

Send a resume.
"""

# An eight-word paragraph: over the 5 words of the S901 rule below, far under S203's 150.
SHORT_PARAGRAPH = """\
# Care Coordinator

We coordinate home care for older adults daily.

## Responsibilities

- Meet clients at intake.
"""

# A valid rule. Each bad pack below changes one line of it; line numbers are of this text.
RULE = """\
pack: extra
description: Rules of our own.
rules:
  - code: S901
    name: short-paragraphs
    kind: long-block
    severity: warning
    message: "Paragraph of {words} words (over {max_words}): keep it short."
    description: Our house style keeps paragraphs to five words.
    options:
      max_words: 5
    examples:
      pass:
        - "# Title\\n\\nOne two three.\\n"
      fail:
        - text: "# Title\\n\\nOne two three four five six seven.\\n"
          line: 3
"""


def write_pack(jdlint_cli, text: str, name: str = "extra.yaml") -> str:
    """The pack and a config that loads it; returns the pack path jdlint reports."""
    pack = jdlint_cli.write(f"packs/{name}", text)
    jdlint_cli.write(".jdlint.yaml", "packs: [packs/]\n")
    jdlint_cli.write("posting.md", FLAWED)
    return str(pack.resolve())


def assert_pack_error(jdlint_cli, pack: str, line: int, message: str) -> None:
    result = jdlint_cli.lint("posting.md")
    assert result.exit_code == 2
    assert result.stdout == ""  # config and packs are checked before any posting is read
    assert result.stderr.startswith(f"jdlint: error: {pack}:{line}: {message}"), result.stderr
    assert len(result.stderr.splitlines()) == 1


BAD_PACKS = {
    "unknown-rule-key": (
        RULE.replace("    severity: warning\n", "    severty: warning\n"),
        7,
        "unknown key 'severty' in rule (allowed: ",
    ),
    "wrong-type": (
        RULE.replace("    severity: warning\n", "    severity: [warning]\n"),
        7,
        "rule key 'severity' has the wrong type",
    ),
    "enabled-not-bool": (
        RULE.replace("    severity: warning\n", "    severity: warning\n    enabled: yes please\n"),
        8,
        "rule key 'enabled' has the wrong type",
    ),
    "duplicate-builtin-code": (
        RULE.replace("code: S901", "code: S101"),
        4,
        "duplicate rule code S101 (first defined at ",
    ),
    "bad-code-format": (
        RULE.replace("code: S901", "code: S9001"),
        4,
        "rule code 'S9001' must be one of S, D, K, R, I, C, H and three digits",
    ),
    "bad-code-letter": (
        RULE.replace("code: S901", "code: X901"),
        4,
        "rule code 'X901' must be one of S, D, K, R, I, C, H and three digits",
    ),
    "unknown-kind": (
        RULE.replace("kind: long-block", "kind: longest-block"),
        6,
        "unknown rule kind 'longest-block' (kinds: ",
    ),
    "missing-examples": (
        RULE.split("    examples:\n")[0],
        4,
        "rule is missing 'examples'",
    ),
    "no-fail-example": (
        RULE.split("      fail:\n")[0],
        12,
        "rule S901 needs at least one pass and one fail example",
    ),
    "unknown-option": (
        RULE.replace("      max_words: 5\n", "      max_words: 5\n      min_words: 2\n"),
        10,
        "rule S901: unknown option 'min_words' (options: ",
    ),
    "unknown-message-field": (
        RULE.replace("{max_words}", "{limit}"),
        8,
        "message uses unknown field(s) ['limit'] for kind 'long-block'",
    ),
    "bad-severity": (
        RULE.replace("severity: warning", "severity: loud"),
        7,
        "unknown severity 'loud' (use error, warning or info)",
    ),
    "not-kebab-name": (
        RULE.replace("name: short-paragraphs", "name: Short_Paragraphs"),
        5,
        "rule name 'Short_Paragraphs' must be kebab-case",
    ),
    "duplicate-builtin-name": (
        RULE.replace("name: short-paragraphs", "name: wall-of-text"),
        4,
        "duplicate rule name 'wall-of-text' (also S203)",
    ),
    "wrong-category": (
        RULE.replace("    kind: long-block\n", "    kind: long-block\n    category: seo\n"),
        7,
        "category of S901 is 'structure', from its letter",
    ),
    "unknown-pack-key": (
        RULE.replace("description: Rules of our own.", "descripton: Rules of our own."),
        2,
        "unknown key 'descripton' (allowed: ",
    ),
    "yaml-syntax-error": (
        RULE.replace("    kind: long-block\n", "    kind: long-block: paragraph\n"),
        6,
        "mapping values are not allowed here",
    ),
    "duplicate-yaml-key": (
        RULE.replace("    severity: warning\n", "    severity: warning\n    severity: info\n"),
        8,
        "duplicate key 'severity'",
    ),
    "yaml-alias": (
        RULE.replace("    description: Our", "    description: &d Our").replace(
            "    options:\n", "    source: *d\n    options:\n"
        ),
        10,
        "YAML aliases are not allowed",
    ),
    "rules-not-a-list": (
        "pack: extra\nrules:\n  code: S901\n",
        2,
        "'rules' must be a list",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_bad_pack(jdlint_cli, case):
    text, line, message = BAD_PACKS[case]
    pack = write_pack(jdlint_cli, text)
    assert_pack_error(jdlint_cli, pack, line, message)


def test_bad_pack_also_stops_rules_and_explain(jdlint_cli):
    text, line, message = BAD_PACKS["unknown-kind"]
    pack = write_pack(jdlint_cli, text)
    for args in (("rules",), ("explain", "S101")):
        result = jdlint_cli.run(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"jdlint: error: {pack}:{line}: {message}")


def test_pack_file_that_is_not_a_mapping(jdlint_cli):
    pack = write_pack(jdlint_cli, "- code: S901\n")
    assert_pack_error(jdlint_cli, pack, 1, "a rule pack must be a mapping")


def test_missing_pack_path(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "packs: [no-such-pack.yaml]\n")
    jdlint_cli.write("posting.md", FLAWED)
    result = jdlint_cli.lint("posting.md")
    assert result.exit_code == 2
    missing = (jdlint_cli.root / "no-such-pack.yaml").resolve()
    assert result.stderr == f"jdlint: error: {missing}: rule pack not found\n"


# -- a valid extra pack ------------------------------------------------------------------------


def test_valid_extra_pack_rule_fires(jdlint_cli):
    write_pack(jdlint_cli, RULE)
    jdlint_cli.write("posting.md", SHORT_PARAGRAPH)
    result, doc = jdlint_cli.json("--select", "S901,S203", "posting.md")
    assert result.exit_code == 1  # its warning fails the run, as the built-in rules' do
    (finding,) = doc["files"][0]["findings"]
    assert finding == {
        "code": "S901",
        "name": "short-paragraphs",
        "category": "structure",
        "severity": "warning",
        "message": "Paragraph of 8 words (over 5): keep it short.",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 48,  # "We coordinate ... daily." is 47 characters
        "suggestions": [],
        "fixable": False,
    }


def test_extra_pack_rule_runs_by_default_and_takes_config(jdlint_cli):
    write_pack(jdlint_cli, RULE)
    jdlint_cli.write(
        ".jdlint.yaml",
        "packs: [packs/extra.yaml]\nseverity: {S901: error}\nrules: {S901: {max_words: 7}}\n",
    )
    jdlint_cli.write("posting.md", SHORT_PARAGRAPH)
    result = jdlint_cli.run("-q", "posting.md")
    assert result.exit_code == 1
    assert (
        "posting.md:3:1: error S901 Paragraph of 8 words (over 7): keep it short."
        in result.stdout.splitlines()
    )
    # Selected out like any other rule.
    quiet = jdlint_cli.run("-q", "--ignore", "short-paragraphs", "posting.md")
    assert "S901" not in quiet.stdout


def test_extra_pack_is_listed_and_explained(jdlint_cli, monkeypatch):
    jdlint_cli.write("proj/packs/extra.yaml", RULE)
    jdlint_cli.write("proj/.jdlint.yaml", "packs: [packs/extra.yaml]\n")
    # From the folder of the config (or below it) the pack's rules are known.
    monkeypatch.chdir(jdlint_cli.root / "proj" / "packs")
    rules = jdlint_cli.run("rules")
    assert ["S901", "short-paragraphs", "structure", "warning"] in [
        line.split() for line in rules.stdout.splitlines()
    ]
    explained = jdlint_cli.run("explain", "S901")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("S901 short-paragraphs (structure, warning)\n")
    assert "  max_words = 5\n      blocks longer than this are reported\n" in explained.stdout
    assert "Our house style keeps paragraphs to five words." in explained.stdout
    # Outside it the rule is unknown.
    monkeypatch.chdir(jdlint_cli.root)
    assert "S901" not in jdlint_cli.run("rules").stdout
    assert jdlint_cli.run("explain", "S901").exit_code == 2


def test_explicit_config_brings_its_packs_to_rules(jdlint_cli):
    pack = jdlint_cli.write("team/packs/extra.yaml", RULE)
    jdlint_cli.write("team/jdlint.yaml", "packs: [packs/extra.yaml]\n")
    assert pack.is_file()
    assert "S901" not in jdlint_cli.run("rules").stdout
    assert "S901" in jdlint_cli.run("rules", "--config", "team/jdlint.yaml").stdout
