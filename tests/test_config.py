"""Configuration: discovery, validation with file:line, and every setting's effect."""

from __future__ import annotations

import json

from jdlint.config import discover, from_dict, parse

FLAWED = """\
# Care Coordinator

## Responsibilities

- Meet clients at intake.
- Track referrals.

## Benefits

## How to apply

Send a resume.
"""

# An overview paragraph of exactly 29 words: quiet at S203's default 150, loud at 20.
OVERVIEW_29 = (
    "Lakeside Clinic is hiring a care coordinator to help older adults arrange home visits, "
    "transport and follow-up appointments after a hospital stay, working with nurses and "
    "families every day."
)
POSTING_29_WORD_OVERVIEW = f"""\
# Care Coordinator

{OVERVIEW_29}

## Responsibilities

- Meet clients at intake.

## Qualifications

- Two years of care coordination.

## Pay and benefits

- $48,000 to $55,000 a year.
"""


def codes(doc: dict, index: int = 0) -> list[str]:
    return [f["code"] for f in doc["files"][index]["findings"]]


# -- discovery ---------------------------------------------------------------------------


def test_config_is_found_upward_from_the_posting(jdlint_cli):
    jdlint_cli.write("proj/.jdlint.yaml", "ignore: [S201]\n")
    jdlint_cli.write("proj/jobs/nursing/posting.md", FLAWED)
    _, doc = jdlint_cli.lint_json("proj/jobs/nursing/posting.md")
    assert codes(doc) == ["S101", "S103"]


def test_nearest_config_wins_and_is_not_merged_with_outer_ones(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "ignore: [S101]\n")
    jdlint_cli.write("inner/.jdlint.yml", "ignore: [S201]\n")
    jdlint_cli.write("inner/posting.md", FLAWED)
    jdlint_cli.write("outer.md", FLAWED)
    _, doc = jdlint_cli.lint_json("inner/posting.md", "outer.md")
    assert codes(doc, 0) == ["S101", "S103"]
    assert codes(doc, 1) == ["S103", "S201"]


def test_pyproject_tool_jdlint(jdlint_cli):
    jdlint_cli.write(
        "pyproject.toml",
        '[project]\nname = "jobs"\n\n[tool.jdlint]\nignore = ["S201"]\nfail-on = "warning"\n',
    )
    jdlint_cli.write("jobs/posting.md", FLAWED)
    result, doc = jdlint_cli.lint_json("jobs/posting.md")
    assert codes(doc) == ["S101", "S103"]
    assert result.exit_code == 1


def test_pyproject_without_tool_jdlint_is_passed_over(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "ignore: [S101]\n")
    jdlint_cli.write("jobs/pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    jdlint_cli.write("jobs/posting.md", FLAWED)
    _, doc = jdlint_cli.lint_json("jobs/posting.md")
    assert codes(doc) == ["S103", "S201"]


def test_pyproject_severity_table(jdlint_cli):
    jdlint_cli.write("pyproject.toml", '[tool.jdlint.severity]\nS201 = "error"\n')
    jdlint_cli.write("posting.md", FLAWED)
    result, doc = jdlint_cli.lint_json("posting.md")
    assert result.exit_code == 1
    assert [f["severity"] for f in doc["files"][0]["findings"]] == ["warning", "warning", "error"]


def test_config_option_overrides_discovery(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "ignore: [S201]\n")
    jdlint_cli.write("settings/strict.yaml", "ignore: [S101]\nfail-on: warning\n")
    jdlint_cli.write("posting.md", FLAWED)
    result, doc = jdlint_cli.lint_json("--config", "settings/strict.yaml", "posting.md")
    assert codes(doc) == ["S103", "S201"]
    assert result.exit_code == 1


def test_missing_config_file(jdlint_cli):
    jdlint_cli.write("posting.md", FLAWED)
    result = jdlint_cli.lint("--config", "nope.yaml", "posting.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("jdlint: error: nope.yaml: cannot read config: ")
    assert result.stdout == ""


def test_discovery_does_not_depend_on_the_current_folder(jdlint_cli, monkeypatch):
    # The same relative folder name in two places must not share a cached config.
    jdlint_cli.write("a/jobs/.jdlint.yaml", "ignore: [S201]\n")
    jdlint_cli.write("b/jobs/.keep", "")
    monkeypatch.chdir(jdlint_cli.root / "a")
    assert discover("jobs").get("ignore") == ["S201"]
    monkeypatch.chdir(jdlint_cli.root / "b")
    assert discover("jobs").get("ignore") is None


# -- validation: unknown settings and wrong types, with file:line --------------------------


def test_unknown_setting_names_file_and_line(jdlint_cli):
    cfg = jdlint_cli.write(".jdlint.yaml", "select: [S1]\nbogus: 1\n")
    jdlint_cli.write("posting.md", FLAWED)
    result = jdlint_cli.lint("posting.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"jdlint: error: {cfg}:2: unknown setting 'bogus' (settings: ")


def test_unknown_setting_in_pyproject_names_its_line(jdlint_cli):
    cfg = jdlint_cli.write(
        "pyproject.toml", '[project]\nname = "jobs"\n\n[tool.jdlint]\nselect = ["S"]\nfailon = 1\n'
    )
    jdlint_cli.write("posting.md", FLAWED)
    result = jdlint_cli.lint("posting.md")
    assert result.exit_code == 2
    assert f"{cfg}:6: unknown setting 'failon'" in result.stderr


def test_wrong_types(jdlint_cli):
    jdlint_cli.write("posting.md", FLAWED)
    cases = {
        "# settings\nfail-on: 3\n": ":2: 'fail-on' must be a string",
        "select: {S1: true}\n": ":1: 'select' must be a list of strings",
        "max-file-size: big\n": ":1: 'max-file-size' must be an integer",
        "severity: [S201]\n": ":1: 'severity' must be a mapping of names to string",
        "fail_on: 3\n": ":1: 'fail-on' must be a string",
    }
    for text, message in cases.items():
        cfg = jdlint_cli.write(".jdlint.yaml", text)
        result = jdlint_cli.lint("--config", str(cfg), "posting.md")
        assert result.exit_code == 2, text
        assert f"jdlint: error: {cfg}{message}" in result.stderr, text


def test_bad_values(jdlint_cli):
    jdlint_cli.write("posting.md", FLAWED)
    cases = {
        "fail-on: fatal\n": ":1: unknown severity 'fatal' (use error, warning or info)",
        "severity:\n  S101: info\n  S201: loud\n": ":3: severity of S201: unknown severity",
        "max-file-size: 0\n": ":1: 'max-file-size' must be a positive number of bytes",
        "select: [Q1]\n": ":1: unknown rule code or name 'Q1' in select",
        "per-file-ignores:\n  'a/*': [S1]\n  'b/*': [S99x]\n": ":3: unknown rule code or name 'S99x'",
        "nlp: {model: x, gpu: y}\n": ":1: unknown nlp setting(s) ['gpu']",
        "select: [S1]\nselect: [S2]\n": ":2: duplicate key 'select'",
        "- select\n": ":1: config must be a mapping of settings",
        "ignore: [S1\nselect: []\n": ":2: expected ',' or ']'",
        "base: &b [S1]\nignore: *b\n": ":2: YAML aliases are not allowed",
    }
    for text, message in cases.items():
        cfg = jdlint_cli.write(".jdlint.yaml", text)
        result = jdlint_cli.run("--config", str(cfg), "posting.md")
        assert result.exit_code == 2, text
        assert f"jdlint: error: {cfg}{message}" in result.stderr, (text, result.stderr)
        assert result.stdout == ""


def test_unknown_code_from_the_command_line_does_not_blame_the_config(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "ignore: [S201]\n")
    jdlint_cli.write("posting.md", FLAWED)
    result = jdlint_cli.lint("--extend-select", "S9", "posting.md")
    assert result.exit_code == 2
    assert result.stderr == "jdlint: error: unknown rule code or name 'S9' in --extend-select\n"


# -- effects -------------------------------------------------------------------------------


def test_severity_override_changes_severity_and_exit_status(jdlint_cli):
    jdlint_cli.write("posting.md", FLAWED)
    jdlint_cli.write(".jdlint.yaml", "fail-on: error\n")
    assert jdlint_cli.lint("posting.md").exit_code == 0
    jdlint_cli.write(".jdlint.yaml", "fail-on: error\nseverity: {S201: error}\n")
    result, doc = jdlint_cli.lint_json("posting.md")
    assert result.exit_code == 1
    findings = doc["files"][0]["findings"]
    assert [(f["code"], f["severity"]) for f in findings] == [
        ("S101", "warning"),
        ("S103", "warning"),
        ("S201", "error"),
    ]
    assert doc["summary"]["by_severity"] == {"error": 1, "warning": 2, "info": 0}


def test_most_specific_severity_selector_wins(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "severity:\n  S1: info\n  S103: error\n")
    jdlint_cli.write("posting.md", FLAWED)
    _, doc = jdlint_cli.lint_json("posting.md")
    assert [(f["code"], f["severity"]) for f in doc["files"][0]["findings"]] == [
        ("S101", "info"),
        ("S103", "error"),
        ("S201", "warning"),
    ]


def test_rule_option_changes_the_threshold(jdlint_cli):
    jdlint_cli.write("posting.md", POSTING_29_WORD_OVERVIEW)
    _, doc = jdlint_cli.lint_json("posting.md")
    assert codes(doc) == []
    jdlint_cli.write(".jdlint.yaml", "rules:\n  S203:\n    max_words: 20\n")
    _, doc = jdlint_cli.lint_json("posting.md")
    (finding,) = doc["files"][0]["findings"]
    assert finding["code"] == "S203"
    assert finding["line"] == 3
    assert finding["message"].startswith("Paragraph of 29 words (over 20)")
    jdlint_cli.write(".jdlint.yaml", "rules:\n  S203:\n    max_words: 29\n")
    _, doc = jdlint_cli.lint_json("posting.md")
    assert codes(doc) == []


def test_unknown_option_in_rules_names_its_line(jdlint_cli):
    cfg = jdlint_cli.write(".jdlint.yaml", "# thresholds\nrules:\n  S203:\n    max_wrds: 20\n")
    jdlint_cli.write("posting.md", POSTING_29_WORD_OVERVIEW)
    result = jdlint_cli.lint("posting.md")
    assert result.exit_code == 2
    assert result.stderr == (
        f"jdlint: error: {cfg}:4: rules.S203: unknown option 'max_wrds' "
        "(options: blocks, except_sections, max_words, scored_only)\n"
    )


def test_wrong_option_type_in_rules(jdlint_cli):
    cfg = jdlint_cli.write(
        ".jdlint.yaml", "rules:\n  S203:\n    blocks: [paragraph]\n    max_words: many\n"
    )
    jdlint_cli.write("posting.md", POSTING_29_WORD_OVERVIEW)
    result = jdlint_cli.lint("posting.md")
    assert result.exit_code == 2
    assert f"{cfg}:4: rules.S203: option 'max_words' must be an integer" in result.stderr


def test_unknown_rule_code_in_rules(jdlint_cli):
    cfg = jdlint_cli.write(".jdlint.yaml", "rules:\n  S203: {max_words: 20}\n  Z999: {x: 1}\n")
    jdlint_cli.write("posting.md", POSTING_29_WORD_OVERVIEW)
    result = jdlint_cli.lint("posting.md")
    assert result.exit_code == 2
    assert result.stderr == f"jdlint: error: {cfg}:3: unknown rule code 'Z999' in rules\n"


def test_per_file_ignores(jdlint_cli):
    jdlint_cli.write(
        "proj/.jdlint.yaml", 'per-file-ignores:\n  "drafts/*.md": [S201, missing-overview]\n'
    )
    jdlint_cli.write("proj/drafts/a.md", FLAWED)
    jdlint_cli.write("proj/live/b.md", FLAWED)
    _, doc = jdlint_cli.lint_json("proj/drafts/a.md", "proj/live/b.md")
    assert codes(doc, 0) == ["S103"]
    assert codes(doc, 1) == ["S101", "S103", "S201"]
    # Globs are relative to the config's folder, not to where jdlint runs.
    (jdlint_cli.root / "proj" / "drafts" / "c.md").write_text(FLAWED, encoding="utf-8")
    _, doc = jdlint_cli.lint_json("proj/drafts")
    assert [codes(doc, i) for i in range(2)] == [["S103"], ["S103"]]


def test_fail_on_in_config_and_the_command_line_over_it(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "fail-on: warning\n")
    jdlint_cli.write("posting.md", FLAWED)
    assert jdlint_cli.lint("posting.md").exit_code == 1
    assert jdlint_cli.lint("--fail-on", "error", "posting.md").exit_code == 0


def test_select_as_a_comma_string(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", 'select: "S101, S201"\n')
    jdlint_cli.write("posting.md", FLAWED)
    _, doc = jdlint_cli.json("posting.md")
    assert codes(doc) == ["S101", "S201"]


def test_command_line_select_replaces_and_ignore_extends_the_config(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "select: [S101]\nignore: [S103]\n")
    jdlint_cli.write("posting.md", FLAWED)
    _, doc = jdlint_cli.json("--select", "S1,S2", "posting.md")
    assert codes(doc) == ["S101", "S201"]
    _, doc = jdlint_cli.json("--select", "S1,S2", "--ignore", "S201", "posting.md")
    assert codes(doc) == ["S101"]


def test_profile_from_config(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "profile: geriatric-case-manager\n")
    jdlint_cli.write("posting.md", FLAWED)
    _, doc = jdlint_cli.lint_json("posting.md")
    assert doc["files"][0]["profile"] == {"id": "geriatric-case-manager", "source": "config"}
    _, doc = jdlint_cli.lint_json("--profile", "general", "posting.md")
    assert doc["files"][0]["profile"] == {"id": "general", "source": "command-line"}


def test_config_error_in_a_subfolder_stops_the_run(jdlint_cli):
    cfg = jdlint_cli.write("jobs/b/.jdlint.yaml", "ignroe: [S1]\n")
    jdlint_cli.write("jobs/a/posting.md", FLAWED)
    jdlint_cli.write("jobs/b/posting.md", FLAWED)
    result = jdlint_cli.lint("jobs")
    assert result.exit_code == 2
    assert f"{cfg}:1: unknown setting 'ignroe'" in result.stderr


# -- the module's own API --------------------------------------------------------------------


def test_parse_records_lines_and_splits_comma_lists():
    config = parse("# top\nselect: S1, S2\nfail_on: warning\n", "/x/.jdlint.yaml")
    assert config.values == {"select": ["S1", "S2"], "fail-on": "warning"}
    assert config.line("select") == 2
    assert config.line("fail-on") == 3


def test_from_dict_rejects_the_same_setting_spelled_twice():
    try:
        from_dict({"fail-on": "error", "fail_on": "warning"})
    except ValueError as e:
        assert "'fail-on' is set twice (as 'fail_on')" in str(e)
    else:
        raise AssertionError("expected a ConfigError")


def test_api_lint_text_with_a_settings_dict():
    from jdlint import lint_text

    settings = {"select": ["S"], "ignore": ["S1"], "severity": {"S2": "info"}, "profile": "general"}
    report = lint_text(FLAWED, "posting.md", config=settings)
    assert [(f.code, str(f.severity)) for f in report.findings] == [("S201", "info")]
    assert json.dumps(report.profile) == '{"id": "general", "source": "config"}'
