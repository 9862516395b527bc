"""Findings people see and act on (issue 14): the text report, fixes in sight, usage errors
up front, and one finding per fact, through the command line as a user runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from postings import CLEAN, FLAWED

from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.reporters.frame import frame, width
from jdlint.source import LineIndex

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
FINDING = re.compile(r"^(\S+):(\d+):(\d+): (error|warning|info) ([A-Z]\d{3})( \[\*\])? (.*)$")

# One fixable finding (I101 chairman -> chair) and the three structure warnings of FLAWED.
FIXABLE = FLAWED.replace("- Track referrals.", "- Track referrals for the chairman.")
SELECT = "S101,S103,S201,I101"


def on_terminal(monkeypatch: pytest.MonkeyPatch, columns: int = 80) -> dict[str, str]:
    """Make standard output a terminal ``columns`` wide; returns the env for CliRunner."""
    from jdlint.commands import common

    monkeypatch.setattr(common, "is_terminal", lambda stream: True)
    return {"COLUMNS": str(columns), "NO_COLOR": "1"}


def off_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard output back to what it is under the test runner: not a terminal."""
    from jdlint.commands import common

    monkeypatch.setattr(common, "is_terminal", lambda stream: False)


# -- 1. severity on every line, colour or not, wrapping, the source excerpt, the summary --------


def test_every_finding_line_says_its_severity_with_and_without_colour(jdlint_cli):
    jdlint_cli.write("fixable.md", FIXABLE)
    jdlint_cli.write(".jdlint.yaml", "severity: {S103: error, S201: info}\n")
    plain = jdlint_cli.run("--select", SELECT, "fixable.md")
    coloured = jdlint_cli.run("--select", SELECT, "--color", "fixable.md")
    assert "\x1b[" not in plain.stdout and "\x1b[" in coloured.stdout
    # The colours only decorate: the text is the same, word for word.
    assert ANSI.sub("", coloured.stdout) == plain.stdout
    found = [FINDING.match(line) for line in plain.stdout.splitlines()]
    rows = [(m.group(5), m.group(4), bool(m.group(6))) for m in found if m]
    assert rows == [
        ("S101", "warning", False),
        ("S103", "error", False),
        ("I101", "warning", True),
        ("S201", "info", False),
    ]
    # In colour the severity word itself is coloured (red error, yellow warning, cyan info).
    assert re.search(r"\x1b\[31m\x1b\[1merror\x1b\[0m", coloured.stdout) or re.search(
        r"\x1b\[[0-9;]*31[0-9;]*merror", coloured.stdout
    )


def test_messages_wrap_at_word_boundaries_on_a_terminal(jdlint_cli, monkeypatch):
    jdlint_cli.write("flawed.md", FLAWED)
    env = on_terminal(monkeypatch, 60)
    result = jdlint_cli.run("--select", SELECT, "--no-show-source", "flawed.md", env=env)
    lines = result.stdout.splitlines()
    assert lines[0] == "flawed.md:1:3: warning S101 No overview: open with a short"
    assert lines[1] == "    summary of the role, the team and who the work serves."
    assert all(len(line) <= 60 for line in lines if not line.startswith("flawed.md: score"))
    # Joined back, the wrapped lines are the message a pipe gets on one line.
    off_terminal(monkeypatch)
    piped = jdlint_cli.run("--select", SELECT, "flawed.md").stdout.splitlines()
    assert f"{lines[0]} {lines[1].strip()}" == piped[0]


def test_source_excerpt_on_a_terminal_and_switchable(jdlint_cli, monkeypatch):
    jdlint_cli.write("fixable.md", FIXABLE)
    env = on_terminal(monkeypatch, 80)
    shown = jdlint_cli.run("--select", SELECT, "fixable.md", env=env).stdout
    assert (
        "fixable.md:6:27: warning I101 [*] 'chairman' is gendered: use a title that fits\n"
        "    anyone.\n"
        "  |\n"
        "6 | - Track referrals for the chairman.\n"
        "  |                           ^^^^^^^^\n"
        "  = suggestion: chair / chairperson\n"
    ) in shown
    off = jdlint_cli.run("--select", SELECT, "--no-show-source", "fixable.md", env=env).stdout
    assert " | " not in off and "^^^" not in off
    # Config decides when the option is not given; the option wins over config.
    jdlint_cli.write(".jdlint.yaml", "show-source: false\n")
    assert " | " not in jdlint_cli.run("--select", SELECT, "fixable.md", env=env).stdout
    off_terminal(monkeypatch)
    forced = jdlint_cli.run("--select", SELECT, "--show-source", "fixable.md").stdout
    assert "6 | - Track referrals for the chairman." in forced  # in a pipe too, when asked
    jdlint_cli.write(".jdlint.yaml", "show-source: true\n")
    assert "6 | - Track referrals" in jdlint_cli.run("--select", SELECT, "fixable.md").stdout
    # Off a terminal, by default, one line per finding: tools and logs read it.
    jdlint_cli.write(".jdlint.yaml", "")
    assert " | " not in jdlint_cli.run("--select", SELECT, "fixable.md").stdout


def test_show_source_must_be_true_or_false_in_config(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "show-source: sometimes\n")
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("flawed.md")
    assert result.exit_code == 2
    assert "'show-source' must be" in result.stderr


def test_the_summary_shows_the_score_and_the_readability_figures_of_the_json(jdlint_cli):
    jdlint_cli.write("clean.md", CLEAN)
    jdlint_cli.write("flawed.md", FLAWED)
    text = jdlint_cli.run("--select", SELECT, "clean.md", "flawed.md").stdout
    _, doc = jdlint_cli.json("--select", SELECT, "clean.md", "flawed.md")
    for entry in doc["files"]:
        m = entry["metrics"]
        line = (
            f"{entry['path']}: score {entry['score']}/100 ({m['words']} words, reading ease "
            f"{m['flesch_reading_ease']}, grade level {m['flesch_kincaid_grade']})"
        )
        # A clean file among several is not listed: nothing to act on.
        assert (line in text.splitlines()) == bool(entry["findings"]), line
    alone = jdlint_cli.run("--select", SELECT, "clean.md").stdout.splitlines()
    assert alone[0].startswith("clean.md: score 100/100 (38 words, reading ease ")
    assert "score" not in jdlint_cli.run("-q", "--select", SELECT, "flawed.md").stdout


# -- the source excerpt itself -------------------------------------------------------------


def marks(lines: list[str]) -> tuple[str, str]:
    """(excerpt, marked part of it) of a frame's lines."""
    text, under = lines[1].split(" | ", 1)[1], lines[2].split(" | ", 1)[1]
    start = len(under) - len(under.lstrip(" "))
    return text, text[start : start + under.count("^")]


def test_frame_marks_the_span_in_a_window_of_a_long_line():
    line = "Intro words " * 30 + "the rockstar we want " + "and more words " * 30
    text = f"# T\n\n{line}\n"
    start = text.index("rockstar")
    lines = frame(LineIndex(text), start, start + len("rockstar"), 80)
    assert lines[0] == "  |"
    assert all(width(x) <= 80 for x in lines)
    excerpt, marked = marks(lines)
    assert marked == "rockstar"
    assert excerpt.startswith("…") and excerpt.endswith("…")


def test_frame_escapes_control_characters_and_keeps_the_marks_under_the_span():
    text = "a\x1b[31m\tb 漢字 chairman here\n"
    start = text.index("chairman")
    lines = frame(LineIndex(text), start, start + 8, 80)
    assert "\x1b" not in "".join(lines) and "\\x1b[31m" in lines[1]
    # Wide characters take two cells: the marks count cells, not characters.
    prefix = lines[1].split(" | ", 1)[1].split("chairman")[0]
    assert lines[2].split(" | ", 1)[1] == " " * width(prefix) + "^" * 8


def test_frame_of_an_empty_span_and_of_a_span_over_several_lines():
    text = "# Title\n\n## Benefits\n\nline one\nline two\n"
    at = text.index("## Benefits") + 3
    assert frame(LineIndex(text), at, at, 80)[2] == "  |    ^"
    start, end = text.index("line one"), text.index("two") + 3
    lines = frame(LineIndex(text), start, end, 80)
    assert lines[1] == "5 | line one" and lines[2] == "  | ^^^^^^^^"


# -- 2. warnings fail by default ------------------------------------------------------------


def test_the_flawed_examples_fail_and_the_good_ones_pass(jdlint_cli):
    for path in sorted(EXAMPLES.glob("*/flawed.md")):
        assert jdlint_cli.run("-q", str(path)).exit_code == 1, path
    for path in sorted(EXAMPLES.glob("*/good.md")):
        result = jdlint_cli.run("--fail-on", "info", str(path))
        assert result.exit_code == 0, result.stdout
        assert "Found 0 problems" in result.stdout


def test_init_starter_says_warnings_fail(jdlint_cli):
    assert jdlint_cli.run("init").exit_code == 0
    starter = (jdlint_cli.root / ".jdlint.yaml").read_text(encoding="utf-8")
    assert "# fail-on: warning" in starter and "infos never fail" in starter


# -- 3. fixes in sight ----------------------------------------------------------------------


def test_fixable_findings_are_marked_and_counted(jdlint_cli):
    jdlint_cli.write("fixable.md", FIXABLE)
    lines = jdlint_cli.run("--select", SELECT, "fixable.md").stdout.splitlines()
    assert (
        "fixable.md:6:27: warning I101 [*] 'chairman' is gendered: use a title that fits anyone."
        in lines
    )
    assert lines[-1] == "[*] 1 fixable with --fix."
    jdlint_cli.write("flawed.md", FLAWED)
    assert "fixable with --fix" not in jdlint_cli.run("--select", SELECT, "flawed.md").stdout


def test_fix_on_standard_input_writes_the_fixed_text_to_standard_output(jdlint_cli):
    result = jdlint_cli.run("--select", SELECT, "-", "--fix", input=FIXABLE)
    assert result.stdout == FIXABLE.replace("chairman", "chair")
    # What was fixed and what is left go to standard error; the warnings left fail.
    assert "-:6:27: fixed I101 'chairman' -> 'chair'" in result.stderr
    assert "-:8:4: warning S201 Section 'Benefits' is empty" in result.stderr
    assert result.exit_code == 1
    assert (
        jdlint_cli.run("--select", SELECT, "-", "--fix", "--exit-zero", input=FIXABLE).exit_code
        == 0
    )
    quiet = jdlint_cli.run("--select", "I101", "-q", "-", "--fix", input=FIXABLE)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    # The name given for standard input finds its config and names the report.
    jdlint_cli.write("jobs/.jdlint.yaml", "ignore: [S]\n")
    named = jdlint_cli.run(
        "--select", SELECT, "--stdin-filename", "jobs/p.md", "-", "--fix", input=FIXABLE
    )
    assert named.exit_code == 0 and "jobs/p.md:6:27: fixed I101" in named.stderr


def test_fix_on_standard_input_gives_the_text_back_when_it_cannot_be_linted(jdlint_cli):
    data = b"\x00\x01 not a posting"
    result = jdlint_cli.run("-", "--fix", input=data)
    assert result.exit_code == 2
    assert result.stdout_bytes == data  # an editor's buffer is never lost
    assert result.stderr == "-: error: binary file (contains NUL bytes), not a posting\n"


def test_diff_on_standard_input_and_fix_with_other_paths(jdlint_cli):
    result = jdlint_cli.run("--select", "I101", "-", "--diff", input=FIXABLE)
    assert result.exit_code == 1
    assert (
        "-- Track referrals for the chairman.\n+- Track referrals for the chair.\n" in result.stdout
    )
    jdlint_cli.write("flawed.md", FLAWED)
    mixed = jdlint_cli.run("-", "flawed.md", "--fix", input=FIXABLE)
    assert mixed.exit_code == 2
    assert "standard input only when '-' is the one path" in mixed.stderr


def test_fix_prints_what_it_fixed_and_fix_only_prints_nothing_else(jdlint_cli):
    jdlint_cli.write("a.md", FIXABLE)
    fixed = jdlint_cli.run("--select", SELECT, "--fix", "a.md")
    assert fixed.stderr.splitlines() == [
        "a.md:6:27: fixed I101 'chairman' -> 'chair'",
        "Fixed 1 problem in 1 file.",
    ]
    assert codes(fixed.stdout) == ["S101", "S103", "S201"]  # what is left
    jdlint_cli.write("b.md", FIXABLE)
    only = jdlint_cli.run("--select", SELECT, "--fix-only", "b.md")
    assert only.exit_code == 0
    assert only.stdout.splitlines() == [
        "b.md:6:27: fixed I101 'chairman' -> 'chair'",
        "Fixed 1 problem in 1 file.",
    ]
    assert only.stderr == ""
    assert (jdlint_cli.root / "b.md").read_text(encoding="utf-8") == FIXABLE.replace(
        "chairman", "chair"
    )
    again = jdlint_cli.run("--select", SELECT, "--fix-only", "b.md")
    assert again.exit_code == 0 and again.output == ""
    jdlint_cli.write("empty.md", "")
    assert jdlint_cli.run("--fix-only", "empty.md").exit_code == 2


def codes(text: str) -> list[str]:
    return [m.group(5) for m in map(FINDING.match, text.splitlines()) if m]


# -- 5. usage errors up front ---------------------------------------------------------------


def test_unknown_profile_on_the_command_line_stops_before_any_file_is_read(jdlint_cli):
    result = jdlint_cli.run("--profile", "psychiatric-case-manger", "missing.md")
    assert result.exit_code == 2
    assert result.stdout == ""  # missing.md was never read: no "no such file"
    assert result.stderr == (
        "jdlint: error: unknown profile 'psychiatric-case-manger' in --profile "
        "(did you mean 'psychiatric-case-manager'? see 'jdlint profiles')\n"
    )
    first_word = jdlint_cli.run("--profile", "psychiatric", "missing.md")
    assert "(did you mean 'psychiatric-case-manager'? see 'jdlint profiles')" in (first_word.stderr)
    far = jdlint_cli.run("--profile", "astronaut", "missing.md")
    assert (
        far.stderr
        == "jdlint: error: unknown profile 'astronaut' in --profile (see 'jdlint profiles')\n"
    )


def test_unknown_profile_in_config_stops_the_run_and_names_its_line(jdlint_cli):
    cfg = jdlint_cli.write(".jdlint.yaml", "fail-on: error\nprofile: rn-case-manger\n")
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("flawed.md")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"jdlint: error: {cfg}:2: unknown profile 'rn-case-manger' "
        "(did you mean 'rn-case-manager'? see 'jdlint profiles')\n"
    )


def test_unknown_codes_suggest_the_close_match(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    select = jdlint_cli.run("--select", "S2O1", "flawed.md")
    assert select.exit_code == 2
    assert select.stderr == (
        "jdlint: error: unknown rule code or name 'S2O1' in --select (did you mean 'S201'?)\n"
    )
    by_name = jdlint_cli.run("--ignore", "empty-sections", "flawed.md")
    assert "(did you mean 'empty-section'?)" in by_name.stderr
    cfg = jdlint_cli.write(".jdlint.yaml", "ignore: [wall-of-txt]\n")
    config = jdlint_cli.run("flawed.md")
    assert config.stderr == (
        f"jdlint: error: {cfg}:1: unknown rule code or name 'wall-of-txt' in ignore "
        "(did you mean 'wall-of-text'?)\n"
    )
    cfg.write_text("rules:\n  S2O3: {max_words: 10}\n", encoding="utf-8")
    assert (
        "unknown rule code 'S2O3' in rules (did you mean 'S203'?)"
        in jdlint_cli.run("flawed.md").stderr
    )
    explain = jdlint_cli.run("explain", "S2O3")
    assert explain.exit_code == 2
    assert explain.stderr == (
        "jdlint: error: unknown rule 'S2O3': did you mean 'S203'? (see 'jdlint rules')\n"
    )


def test_profiles_lists_every_role_profile(jdlint_cli):
    text = jdlint_cli.run("profiles")
    assert text.exit_code == 0
    ids = [line.split()[0] for line in text.stdout.splitlines()[1:] if line and line[0] != " "]
    assert {"case-manager", "psychiatric-case-manager", "rn-case-manager", "general"} <= set(ids)
    rows = json.loads(jdlint_cli.run("profiles", "--format", "json").stdout)
    psych = next(r for r in rows if r["id"] == "psychiatric-case-manager")
    assert psych["extends"] == "case-manager" and "psychiatric case manager" in psych["titles"]


def test_show_settings_prints_the_config_file_and_the_settings(jdlint_cli):
    cfg = jdlint_cli.write("jobs/.jdlint.yaml", "fail-on: error\nignore: [S105]\n")
    jdlint_cli.write("jobs/p.md", FLAWED)
    result = jdlint_cli.run("--show-settings", "--select", "S1,S201", "jobs/p.md")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Settings for jobs/p.md", f"config file: {cfg.resolve()}"]
    settings = dict(re.split(r":\s+", line, maxsplit=1) for line in lines[3:] if ": " in line)
    assert settings["fail-on"] == '"error"'
    assert settings["select"] == '["S1", "S201"]  (command line)'
    assert settings["ignore"] == '["S105"]'
    assert settings["show-source"] == "- (on a terminal)"
    active = lines[lines.index(next(x for x in lines if x.startswith("active rules"))) + 1]
    assert active.split() == ["S101", "S102", "S103", "S104", "S106", "S201"]
    none = jdlint_cli.run("--show-settings", "elsewhere.md")
    assert "config file: none found (defaults)" in none.stdout
    assert re.search(r"^fail-on: +- \(warning \(infos never fail\)\)$", none.stdout, re.M)


def test_version_and_help(jdlint_cli):
    from jdlint import __version__

    for args in (["-V"], ["--version"], ["check", "--version"], ["check", "-V"]):
        result = jdlint_cli.run(*args)
        assert (result.exit_code, result.stdout) == (0, f"jdlint, version {__version__}\n"), args
    top = jdlint_cli.run("--help").stdout
    assert "``" not in top and "**" not in top
    assert "jdlint PATH..." in top and "warning by default" in top
    assert "profiles" in top


def test_explain_prints_options_readably(jdlint_cli):
    for code in ("I601", "C101", "R101", "D101", "K204"):
        out = jdlint_cli.run("explain", code).stdout
        head = out.split("Fails on:")[0]
        # Only a word that cannot be broken (an address) may pass the width.
        long = [line for line in head.splitlines() if len(line) > 120]
        assert all(" " not in line.strip() for line in long), (code, long)
    i601 = jdlint_cli.run("explain", "I601").stdout
    assert re.search(r"  terms = a list of \d+:\n      - \{pattern: addict\|addicts, ", i601)
    assert re.search(r"      \.\.\. and \d+ more \(\S*rules/inclusive\.yaml:\d+\)", i601)


# -- 6. one finding per fact ----------------------------------------------------------------


def test_rockstar_in_the_title_is_one_finding():
    report = Linter(from_dict({})).lint_file(EXAMPLES / "software-engineer" / "flawed.md")
    on_rockstar = [f.code for f in report.findings if report.line_col(f.start) == (24, 3)]
    assert "K204" not in on_rockstar and on_rockstar.count("I502") == 1
    # Each rule alone still reports it: only the second finding about the same words goes.
    alone = Linter(from_dict({"select": ["K204"]})).lint_file(
        EXAMPLES / "software-engineer" / "flawed.md"
    )
    assert [f.code for f in alone.findings] == ["K204"]


def test_new_york_state_and_city_are_one_finding_naming_both_laws():
    report = Linter(from_dict({"select": ["C"]})).lint_file(
        EXAMPLES / "geriatric-case-manager" / "flawed.md"
    )
    (c101,) = [f for f in report.findings if f.code == "C101"]
    assert c101.message.startswith(
        "New York State (Labor Law 194-b) and New York City (NYC Local Law 32 of 2022) "
        "require a pay range"
    )


def test_fix_only_never_loads_spacy_for_a_posting_with_nothing_to_fix(jdlint_cli, monkeypatch):
    """The jdlint-fix hook before the jdlint hook: where no fix can apply (no word a fix
    needs), the fix hook lints nothing, so spaCy loads once, in the jdlint hook."""
    import jdlint.engine

    def no_spacy(model=None):
        raise AssertionError("spaCy was loaded")

    monkeypatch.setattr(jdlint.engine, "get_nlp", no_spacy)
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("--fix-only", "flawed.md")
    assert (result.exit_code, result.output) == (0, "")
    jdlint_cli.write("broken.md", "---\ntitle: [unclosed\n---\n# Care Coordinator\n")
    broken = jdlint_cli.run("--fix-only", "broken.md")
    assert broken.exit_code == 2 and broken.stderr.startswith("broken.md: error: not fixed: ")
    # A word some fix needs, in any case: then the posting is linted (and spaCy loaded).
    jdlint_cli.write("fixable.md", FIXABLE.replace("chairman", "CHAIRMAN"))
    with pytest.raises(AssertionError, match="spaCy was loaded"):
        Linter(from_dict({})).lint_file(jdlint_cli.root / "fixable.md")
    assert Linter(from_dict({})).may_fix(FIXABLE.upper(), "fixable.md")
    assert not Linter(from_dict({})).may_fix(FLAWED, "flawed.md")
    assert not Linter(from_dict({"select": ["S"]})).may_fix(FIXABLE, "fixable.md")
