"""The command line: commands, options, exit status, formats, folders and standard input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from postings import CLEAN, FLAWED

import jdlint
from jdlint.checks import long_block

S101_LINE = (
    "flawed.md:1:3: warning S101 No overview: open with a short summary of the role, "
    "the team and who the work serves."
)
S103_LINE = (
    "flawed.md:3:4: warning S103 No qualifications section: say which degree, license and "
    "experience the role needs (it belongs after 'Responsibilities')."
)
S201_LINE = "flawed.md:8:4: warning S201 Section 'Benefits' is empty: add its content or remove the heading."

# The file's line after its findings: score and readability figures (the JSON's metrics).
SCORE_LINE = "flawed.md: score 88/100 (9 words, reading ease 80.1, grade level 3.2)"
FOUND_3 = "Found 3 problems (0 errors, 3 warnings, 0 infos) in 1 file."


def codes_in(text: str) -> list[str]:
    """(code) of each ``path:line:col: severity CODE`` line of a text report."""
    return re.findall(r"^\S+:\d+:\d+: (?:error|warning|info) ([A-Z]\d{3})", text, re.M)


# -- the default command and exit status ------------------------------------------------


def test_bare_path_is_the_same_as_check(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    bare = jdlint_cli.run("--select", jdlint_cli.core_rules, "flawed.md")
    explicit = jdlint_cli.run("check", "--select", jdlint_cli.core_rules, "flawed.md")
    assert bare.exit_code == explicit.exit_code == 1
    assert bare.stdout == explicit.stdout
    assert bare.stdout.splitlines() == [S101_LINE, S103_LINE, S201_LINE, SCORE_LINE, FOUND_3]


def test_warnings_fail_by_default_and_infos_never_do(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    assert jdlint_cli.lint("flawed.md").exit_code == 1
    assert jdlint_cli.lint("--fail-on", "warning", "flawed.md").exit_code == 1
    assert jdlint_cli.lint("--fail-on", "info", "flawed.md").exit_code == 1
    assert jdlint_cli.lint("--fail-on", "error", "flawed.md").exit_code == 0
    # The same findings as infos pass, unless --fail-on info asks for them.
    jdlint_cli.write(".jdlint.yaml", "severity: {S: info}\n")
    infos = jdlint_cli.lint("flawed.md")
    assert infos.exit_code == 0
    assert codes_in(infos.stdout) == ["S101", "S103", "S201"]
    assert " info S201 " in infos.stdout
    assert jdlint_cli.lint("--fail-on", "info", "flawed.md").exit_code == 1


def test_exit_zero_reports_and_exits_0(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--exit-zero", "flawed.md")
    assert result.exit_code == 0
    assert codes_in(result.stdout) == ["S101", "S103", "S201"]
    assert jdlint_cli.lint("--exit-zero", "--fail-on", "info", "flawed.md").exit_code == 0
    # An input error is not a finding: it still exits 2.
    jdlint_cli.write("empty.md", "")
    assert jdlint_cli.lint("--exit-zero", "empty.md", "flawed.md").exit_code == 2


def test_clean_posting_exits_0_even_with_fail_on_info(jdlint_cli):
    jdlint_cli.write("clean.md", CLEAN)
    result = jdlint_cli.lint("--fail-on", "info", "clean.md")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "clean.md: score 100/100 (38 words, reading ease 61.4, grade level 6.9)",
        "Found 0 problems (0 errors, 0 warnings, 0 infos) in 1 file.",
    ]


def test_bad_fail_on_value_is_a_usage_error(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--fail-on", "fatal", "flawed.md")
    assert result.exit_code == 2
    assert "fatal" in result.stderr


def test_unknown_option_is_a_usage_error(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--no-such-option", "flawed.md")
    assert result.exit_code == 2
    assert "--no-such-option" in result.stderr


# -- JSON ------------------------------------------------------------------------------


def test_json_report_contract(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result, doc = jdlint_cli.lint_json("--profile", "general", "flawed.md")
    assert result.exit_code == 1
    assert doc["schema_version"] == 2
    assert doc["tool"] == {"name": "jdlint", "version": jdlint.__version__}
    assert doc["summary"]["files"] == 1
    assert doc["summary"]["findings"] == 3
    assert doc["summary"]["by_severity"] == {"error": 0, "warning": 3, "info": 0}
    # Files that could not be linted: "unreadable" (schema 2); "errors", its old name, stays.
    assert doc["summary"]["unreadable"] == doc["summary"]["errors"] == 0
    (entry,) = doc["files"]
    assert entry["path"] == "flawed.md"
    assert "error" not in entry
    assert entry["profile"] == {"id": "general", "source": "command-line"}
    assert entry["score"] == 100 - 3 * 4
    places = [
        (f["code"], f["line"], f["column"], f["end_line"], f["end_column"])
        for f in entry["findings"]
    ]
    # Columns are 1-based; end_column is one past the last character ("Care Coordinator"
    # is 16 characters from column 3; "Responsibilities" 16 from 4; "Benefits" 8 from 4).
    assert places == [
        ("S101", 1, 3, 1, 19),
        ("S103", 3, 4, 3, 20),
        ("S201", 8, 4, 8, 12),
    ]
    s201 = entry["findings"][2]
    assert s201["name"] == "empty-section"
    assert s201["category"] == "structure"
    assert s201["severity"] == "warning"
    assert s201["message"] == "Section 'Benefits' is empty: add its content or remove the heading."
    assert s201["suggestions"] == []
    assert s201["fixable"] is False


def test_json_summary_counts_several_files(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    jdlint_cli.write("clean.md", CLEAN)
    result, doc = jdlint_cli.lint_json("--fail-on", "warning", "clean.md", "flawed.md")
    assert result.exit_code == 1
    assert doc["summary"]["files"] == 2
    assert doc["summary"]["findings"] == 3
    assert [f["path"] for f in doc["files"]] == ["clean.md", "flawed.md"]
    assert doc["files"][0]["findings"] == []
    assert doc["files"][0]["score"] == 100


# -- selection -------------------------------------------------------------------------


def test_select_by_prefix(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("--select", "S1", "flawed.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [S101_LINE, S103_LINE]
    assert codes_in(result.stdout) == ["S101", "S103"]


def test_select_comma_separated_codes(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("--select", "S101,S201", "flawed.md")
    assert codes_in(result.stdout) == ["S101", "S201"]


def test_ignore_code(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--ignore", "S201", "flawed.md")
    assert codes_in(result.stdout) == ["S101", "S103"]


def test_ignore_s203_and_wall_of_text_by_name(jdlint_cli):
    long_paragraph = " ".join(["Lakeside Clinic serves older adults at home."] * 25)
    jdlint_cli.write("long.md", f"# Care Coordinator\n\n{long_paragraph}\n")
    plain = jdlint_cli.lint("long.md")
    assert "long.md:3:1: warning S203 Paragraph of 175 words (over 150)" in plain.stdout
    by_code = jdlint_cli.lint("--ignore", "S203", "long.md")
    by_name = jdlint_cli.lint("--ignore", "wall-of-text", "long.md")
    assert "S203" not in by_code.stdout
    assert "S203" not in by_name.stdout
    assert by_code.stdout == by_name.stdout


def test_select_by_rule_name(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("--select", "empty-section", "flawed.md")
    assert result.stdout.splitlines()[0] == S201_LINE
    assert codes_in(result.stdout) == ["S201"]


def test_extend_select_adds_to_the_selection(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("--select", "S101", "--extend-select", "S201", "flawed.md")
    assert codes_in(result.stdout) == ["S101", "S201"]


def test_unknown_code_in_select_exits_2_and_names_it(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("--select", "Z9", "flawed.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "jdlint: error: unknown rule code or name 'Z9' in --select\n"


def test_unknown_code_in_ignore_exits_2(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.run("--ignore", "not-a-rule", "flawed.md")
    assert result.exit_code == 2
    assert "'not-a-rule'" in result.stderr


# -- rules, explain, init, version --------------------------------------------------------


def test_rules_lists_the_structure_rules(jdlint_cli):
    result = jdlint_cli.run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "CATEGORY", "SEVERITY"]
    s101 = next(line for line in lines if line.startswith("S101"))
    assert s101.split() == ["S101", "missing-overview", "structure", "warning"]
    assert any(line.split()[:2] == ["S203", "wall-of-text"] for line in lines)


def test_rules_json(jdlint_cli):
    result = jdlint_cli.run("rules", "--format", "json")
    rows = {r["code"]: r for r in json.loads(result.stdout)}
    assert rows["S201"] == {
        "code": "S201",
        "name": "empty-section",
        "category": "structure",
        "severity": "warning",
        "kind": "empty-section",
        "enabled": True,
    }


def test_explain_shows_description_options_and_examples(jdlint_cli):
    result = jdlint_cli.run("explain", "S203")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("S203 wall-of-text (structure, warning)\n")
    assert "Long paragraphs are skipped, especially on phones" in out
    # Each option on its line, its meaning under it; no line longer than the width.
    assert "  max_words = 150\n      blocks longer than this are reported\n" in out
    fails, passes = out.split("Fails on:")[1].split("Passes on:")
    assert "Riverbend Community Health supports adults" in fails
    assert "    You will assess needs and coordinate care for adults leaving hospital." in passes
    # Example lines are indented, and blank lines carry no trailing spaces.
    assert not any(line.endswith(" ") for line in out.splitlines())


def test_explain_by_name_matches_explain_by_code(jdlint_cli):
    assert (
        jdlint_cli.run("explain", "wall-of-text").stdout == jdlint_cli.run("explain", "s203").stdout
    )


def test_explain_unknown_code_exits_2(jdlint_cli):
    result = jdlint_cli.run("explain", "Z999")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "jdlint: error: unknown rule 'Z999' (see 'jdlint rules')\n"


def test_init_writes_a_valid_config_and_refuses_to_overwrite(jdlint_cli):
    target = jdlint_cli.root / ".jdlint.yaml"
    first = jdlint_cli.run("init")
    assert first.exit_code == 0
    assert first.stdout == "wrote .jdlint.yaml\n"
    starter = target.read_text(encoding="utf-8")
    assert "# fail-on: warning" in starter
    assert "# show-source: true" in starter
    assert yaml.safe_load(starter) is None  # every setting is commented out
    # The starter is a config jdlint accepts, and every setting it names is one.
    jdlint_cli.write("flawed.md", FLAWED)
    assert jdlint_cli.lint("flawed.md").exit_code == 1
    uncommented = re.sub(r"^# (?=[a-z-]+:)", "", starter, flags=re.M)
    uncommented = "\n".join(line for line in uncommented.splitlines() if not line.startswith("#"))
    from jdlint.config import KEYS

    assert set(yaml.safe_load(uncommented)) <= set(KEYS)

    target.write_text("ignore: [S201]\n", encoding="utf-8")
    again = jdlint_cli.run("init")
    assert again.exit_code == 2
    assert "already exists (use --force to overwrite)" in again.stderr
    assert target.read_text(encoding="utf-8") == "ignore: [S201]\n"

    forced = jdlint_cli.run("init", "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8") == starter


def test_version(jdlint_cli):
    result = jdlint_cli.run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"jdlint, version {jdlint.__version__}\n"


# -- output, quiet, colour -------------------------------------------------------------------


def test_output_writes_the_report_to_a_file(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--output", "report.txt", "flawed.md")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "jdlint: 3 finding(s) in 1 file(s)\n"
    written = (jdlint_cli.root / "report.txt").read_text(encoding="utf-8")
    assert written.splitlines() == [S101_LINE, S103_LINE, S201_LINE, SCORE_LINE, FOUND_3]
    # A report file is overwritten by the next run; a posting never is (see test_hostile).
    assert jdlint_cli.lint("--output", "report.txt", "flawed.md").exit_code == 1
    # A report that opens with its score line (a clean posting) is a report too.
    jdlint_cli.write("clean.md", CLEAN)
    assert jdlint_cli.lint("--output", "clean-report.md", "clean.md").exit_code == 0
    assert jdlint_cli.lint("--output", "clean-report.md", "clean.md").exit_code == 0


def test_output_json_file_and_fail_on(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    # A missing folder for the report is an error, not a traceback.
    result = jdlint_cli.lint("--format", "json", "-o", "out/report.json", "flawed.md")
    assert result.exit_code == 2
    assert "cannot write report to out/report.json" in result.stderr
    (jdlint_cli.root / "out").mkdir()
    result = jdlint_cli.lint(
        "--format", "json", "-o", "out/report.json", "--fail-on", "warning", "flawed.md"
    )
    assert result.exit_code == 1
    doc = json.loads((jdlint_cli.root / "out" / "report.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in doc["files"][0]["findings"]] == ["S101", "S103", "S201"]


def test_quiet_drops_the_summary_line(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--quiet", "flawed.md")
    assert result.stdout.splitlines() == [S101_LINE, S103_LINE, S201_LINE]
    to_file = jdlint_cli.lint("-q", "-o", "r.txt", "flawed.md")
    assert to_file.stderr == ""
    assert "Found" not in (jdlint_cli.root / "r.txt").read_text(encoding="utf-8")


def test_no_colour_off_a_terminal_or_with_no_color(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    piped = jdlint_cli.lint("flawed.md")
    assert "\x1b[" not in piped.output
    no_color = jdlint_cli.lint("flawed.md", env={"NO_COLOR": "1"})
    assert "\x1b[" not in no_color.output
    assert no_color.stdout == piped.stdout


def test_color_flag_forces_colour(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--color", "flawed.md")
    assert "\x1b[" in result.stdout
    # The styles wrap the place and the code; the text is the same.
    assert "S201" in result.stdout
    assert "\x1b[" not in jdlint_cli.lint("--no-color", "flawed.md").stdout


# -- folders ---------------------------------------------------------------------------------


def test_walking_a_folder_takes_posting_extensions_and_skips_the_rest(jdlint_cli):
    html = (
        "<h1>Care Coordinator</h1>\n<h2>Responsibilities</h2>\n<ul><li>Meet clients.</li></ul>\n"
        "<h2>Benefits</h2>\n<h2>How to apply</h2>\n<p>Send a resume.</p>\n"
    )
    for name in ("a.md", "b.markdown", "c.txt", "d.html", "e.htm", "sub/f.MD"):
        jdlint_cli.write(f"jobs/{name}", html if ".htm" in name else FLAWED)
    for name in (
        "README.md",
        "CHANGELOG.md",
        "notes.rst",
        "data.json",
        ".draft.md",
        ".hidden/g.md",
        "node_modules/h.md",
    ):
        jdlint_cli.write(f"jobs/{name}", FLAWED)
    result, doc = jdlint_cli.lint_json("jobs")
    assert result.exit_code == 1
    assert [f["path"] for f in doc["files"]] == [
        os.path.join("jobs", p)
        for p in ("a.md", "b.markdown", "c.txt", "d.html", "e.htm", os.path.join("sub", "f.MD"))
    ]
    # Every one was read in its own format: the empty Benefits section is found in each.
    assert [[f["line"] for f in e["findings"] if f["code"] == "S201"] for e in doc["files"]] == [
        [8],
        [8],
        [8],
        [4],
        [4],
        [8],
    ]


def test_readme_named_explicitly_is_linted(jdlint_cli):
    jdlint_cli.write("jobs/README.md", FLAWED)
    result = jdlint_cli.lint("-q", "jobs/README.md")
    assert result.stdout.splitlines()[2] == S201_LINE.replace("flawed.md", "jobs/README.md")


def test_no_paths_lints_the_current_folder(jdlint_cli):
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--quiet", "--fail-on", "warning")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [S101_LINE, S103_LINE, S201_LINE]


def test_exclude_globs_from_config(jdlint_cli):
    jdlint_cli.write("proj/.jdlint.yaml", 'exclude: ["drafts/*", "archive", "*.old.md"]\n')
    jdlint_cli.write("proj/live.md", FLAWED)
    jdlint_cli.write("proj/drafts/d.md", FLAWED)
    jdlint_cli.write("proj/archive/2019/a.md", FLAWED)
    jdlint_cli.write("proj/team/b.old.md", FLAWED)
    # Globs are relative to the config's folder, whatever folder jdlint runs from.
    _, doc = jdlint_cli.lint_json("proj")
    assert [f["path"] for f in doc["files"]] == [os.path.join("proj", "live.md")]
    os.chdir(jdlint_cli.root / "proj")
    _, doc = jdlint_cli.lint_json(".")
    assert [f["path"] for f in doc["files"]] == ["live.md"]
    # A file named on the command line is linted even when a glob matches it.
    _, doc = jdlint_cli.lint_json("drafts/d.md")
    assert [f["path"] for f in doc["files"]] == ["drafts/d.md"]


def test_empty_folder_warns_and_exits_0(jdlint_cli):
    (jdlint_cli.root / "empty").mkdir()
    result = jdlint_cli.lint("empty")
    assert result.exit_code == 0
    assert "jdlint: warning: no postings found in empty" in result.stderr


def test_fail_on_from_the_config_of_a_walked_folder(jdlint_cli):
    jdlint_cli.write("proj/.jdlint.yaml", "fail-on: error\n")
    jdlint_cli.write("proj/sub/flawed.md", FLAWED)
    jdlint_cli.write("other/flawed.md", FLAWED)
    assert jdlint_cli.lint("proj").exit_code == 0
    assert jdlint_cli.lint("proj/sub/flawed.md").exit_code == 0
    # Each file is judged by its own config: "other" has none, so warnings fail there.
    assert jdlint_cli.lint("other").exit_code == 1
    assert jdlint_cli.lint("proj", "other").exit_code == 1


# -- standard input --------------------------------------------------------------------------


def test_dash_reads_standard_input(jdlint_cli):
    result = jdlint_cli.lint("-", input=FLAWED.encode("utf-8"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:3] == [
        S101_LINE.replace("flawed.md", "-"),
        S103_LINE.replace("flawed.md", "-"),
        S201_LINE.replace("flawed.md", "-"),
    ]


def test_stdin_filename_sets_the_path_and_finds_its_config(jdlint_cli):
    jdlint_cli.write("jobs/.jdlint.yaml", "ignore: [S1]\n")
    result, doc = jdlint_cli.lint_json("--stdin-filename", "jobs/coordinator.md", "-", input=FLAWED)
    assert result.exit_code == 1
    assert doc["files"][0]["path"] == "jobs/coordinator.md"
    assert [f["code"] for f in doc["files"][0]["findings"]] == ["S201"]
    text = jdlint_cli.lint("-q", "--stdin-filename", "elsewhere.md", "-", input=FLAWED)
    assert text.stdout.splitlines()[2] == S201_LINE.replace("flawed.md", "elsewhere.md")


def test_stdin_together_with_files(jdlint_cli):
    jdlint_cli.write("clean.md", CLEAN)
    _, doc = jdlint_cli.lint_json("clean.md", "-", input=FLAWED)
    assert [(f["path"], len(f["findings"])) for f in doc["files"]] == [("clean.md", 0), ("-", 3)]


# -- a crash in a check is one file's error, not a traceback --------------------------------


def test_crash_in_a_check_is_reported_per_file(jdlint_cli, monkeypatch):
    def boom(rule, ctx):
        raise RuntimeError("check exploded")

    monkeypatch.setattr(long_block, "check", boom)
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("flawed.md")
    assert result.exit_code == 2
    assert (
        "flawed.md: error: internal error: RuntimeError: check exploded (please report this)"
        in result.stdout
    )


# -- the installed console script and python -m ------------------------------------------------


def _script() -> str:
    return str(Path(sys.executable).with_name("jdlint"))


def test_python_m_jdlint_json(tmp_path):
    (tmp_path / "flawed.md").write_text(FLAWED, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "jdlint", "--format", "json", "--fail-on", "warning", "flawed.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    doc = json.loads(proc.stdout)
    assert doc["schema_version"] == 2
    assert [(f["code"], f["line"]) for f in doc["files"][0]["findings"] if f["code"][0] == "S"] == [
        ("S101", 1),
        ("S103", 3),
        ("S201", 8),
    ]


def test_console_script_reads_stdin(tmp_path):
    proc = subprocess.run(
        [_script(), "--stdin-filename", "posting.md", "-"],
        cwd=tmp_path,
        input=FLAWED,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert S201_LINE.replace("flawed.md", "posting.md") in proc.stdout.splitlines()
    assert "\x1b[" not in proc.stdout
