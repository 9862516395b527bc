"""CI integrations: SARIF (validated against the OASIS schema), GitHub annotations, GitLab Code
Quality, --format auto, --output, --statistics, --quiet, the progress bar, and the snippets
in README.md and docs/integrations.md."""

from __future__ import annotations

import json
import os
import re
import select
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from jdlint.cli import main
from jdlint.reporters import choose
from jdlint.reporters.github import command
from jdlint.reporters.paths import repo_root

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads(
    (ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
REPORT_SCHEMA = json.loads(
    (ROOT / "jdlint" / "schemas" / "report.schema.json").read_text(encoding="utf-8")
)
MANIFEST_IDS = {
    h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
}

# Three structure warnings: S101 at 1:3, S103 at 3:4, S201 at 8:4 (see tests/test_cli.py).
FLAWED = """\
# Care Coordinator

## Responsibilities

- Meet clients at intake.
- Track referrals.

## Benefits

## How to apply

Send a resume.
"""


def validate_sarif(doc: dict) -> None:
    validator = jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def run_root(*args: str, env: dict | None = None):
    """jdlint in-process with the repository checkout as the current folder."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return CliRunner().invoke(main, list(args), env=env)
    finally:
        os.chdir(cwd)


# -- SARIF ---------------------------------------------------------------------------------


def test_sarif_schema_is_the_oasis_2_1_0_schema() -> None:
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    assert SARIF_SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert SARIF_SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_sarif_for_the_examples_validates_and_matches_the_json_report(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe\x00\x00binary")
    sarif = run_root("--format", "sarif", "examples", str(broken))
    report = run_root("--format", "json", "examples", str(broken))
    assert sarif.exit_code == report.exit_code == 2, sarif.output
    doc = json.loads(sarif.stdout)
    validate_sarif(doc)
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo_root(ROOT).as_uri() + "/"

    # Every active rule is described, once, with the fields code scanning shows.
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    listed = json.loads(run_root("rules", "--format", "json").stdout)
    assert set(ids) == {r["code"] for r in listed if r["enabled"]}
    severity = {r["code"]: r["severity"] for r in listed}
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["help"]["markdown"]
        level = {"error": "error", "warning": "warning", "info": "note"}[severity[rule["id"]]]
        assert rule["defaultConfiguration"]["level"] == level

    # One result per finding of the JSON report, at the same place.
    json_doc = json.loads(report.stdout)
    expected = [
        (f["path"], x) for f in json_doc["files"] if "error" not in f for x in f["findings"]
    ]
    results = run["results"]
    assert len(results) == len(expected) > 20
    for res, (path, finding) in zip(results, expected, strict=True):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == finding["code"]
        assert (
            res["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        )
        assert res["message"]["text"].startswith(finding["message"])
        (loc,) = res["locations"]
        artifact = loc["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": path, "uriBaseId": "%SRCROOT%"}
        assert not artifact["uri"].startswith(("/", ".."))
        assert loc["physicalLocation"]["region"] == {
            "startLine": finding["line"],
            "startColumn": finding["column"],
            "endLine": finding["end_line"],
            "endColumn": finding["end_column"],
        }

    # The unreadable file is a notification, and the run says it did not succeed.
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "broken.md" in note["message"]["text"]
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == broken.resolve().as_uri()


def test_sarif_lists_only_the_selected_rules_and_succeeds_when_clean(jdlint_cli) -> None:
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--format", "sarif", "flawed.md")
    assert result.exit_code == 1  # warnings fail by default, whatever the format
    doc = json.loads(result.stdout)
    validate_sarif(doc)
    (run,) = doc["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == jdlint_cli.core_rules.split(",")
    assert [r["ruleId"] for r in run["results"]] == ["S101", "S103", "S201"]
    assert {r["level"] for r in run["results"]} == {"warning"}
    assert run["invocations"] == [{"executionSuccessful": True}]
    s201 = run["results"][2]["locations"][0]["physicalLocation"]["region"]
    assert (s201["startLine"], s201["startColumn"]) == (8, 4)


def test_sarif_paths_are_relative_to_the_git_root(jdlint_cli, monkeypatch) -> None:
    repo = jdlint_cli.root / "repo"
    (repo / ".git").mkdir(parents=True)
    jdlint_cli.write("repo/postings/open roles/nurse.md", FLAWED)
    monkeypatch.chdir(repo / "postings")
    doc = json.loads(jdlint_cli.lint("--format", "sarif", "open roles/nurse.md").stdout)
    validate_sarif(doc)
    (run,) = doc["runs"]
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "postings/open%20roles/nurse.md", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_repo_root_walks_up_to_git_and_falls_back_to_the_start(tmp_path: Path) -> None:
    (tmp_path / "r" / ".git").mkdir(parents=True)
    (tmp_path / "r" / "a" / "b").mkdir(parents=True)
    assert repo_root(tmp_path / "r" / "a" / "b") == (tmp_path / "r").resolve()
    (tmp_path / "w" / "sub").mkdir(parents=True)
    (tmp_path / "w" / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git file
    assert repo_root(tmp_path / "w" / "sub") == (tmp_path / "w").resolve()
    lone = tmp_path / "lone"
    lone.mkdir()
    if not any((p / ".git").exists() for p in lone.resolve().parents):
        assert repo_root(lone) == lone.resolve()


def test_sarif_columns_are_code_points_like_the_json_report(jdlint_cli) -> None:
    # An emoji (two UTF-16 code units, one code point) before the flagged heading text.
    jdlint_cli.write("emoji.md", FLAWED.replace("## Benefits", "## 🎁 Benefits"))
    _, report = jdlint_cli.lint_json("emoji.md")
    doc = json.loads(jdlint_cli.lint("--format", "sarif", "emoji.md").stdout)
    validate_sarif(doc)
    (run,) = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    s201 = next(f for f in report["files"][0]["findings"] if f["code"] == "S201")
    res = next(r for r in run["results"] if r["ruleId"] == "S201")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (s201["column"], s201["end_column"])
    assert region["endColumn"] == len("## 🎁 Benefits") + 1


def test_sarif_output_file_and_summary(jdlint_cli) -> None:
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("--format", "sarif", "-o", "jdlint.sarif", "flawed.md")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "jdlint: 3 finding(s) in 1 file(s)\n"
    validate_sarif(json.loads((jdlint_cli.root / "jdlint.sarif").read_text(encoding="utf-8")))


# -- GitHub annotations ---------------------------------------------------------------------


def expected_annotations(report: dict) -> list[str]:
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    return [
        f"::{kinds[f['severity']]} file={file['path']},line={f['line']},col={f['column']},"
        f"endLine={f['end_line']},endColumn={f['end_column']},title={f['code']}::{f['message']}"
        for file in report["files"]
        for f in file["findings"]
    ]


def test_github_annotations(jdlint_cli) -> None:
    jdlint_cli.write("flawed.md", FLAWED)
    _, report = jdlint_cli.lint_json("flawed.md")
    result = jdlint_cli.lint("--format", "github", "flawed.md")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:-1] == expected_annotations(report)
    assert lines[2].startswith("::warning file=flawed.md,line=8,col=4,endLine=8,endColumn=")
    assert lines[2].endswith(
        ",title=S201::Section 'Benefits' is empty: add its content or remove the heading."
    )
    assert lines[-1] == "Found 3 problems (0 errors, 3 warnings, 0 infos) in 1 file."
    quiet = jdlint_cli.lint("--format", "github", "--quiet", "flawed.md")
    assert quiet.stdout.splitlines() == lines[:-1]


def test_github_annotation_for_an_unreadable_file(jdlint_cli) -> None:
    jdlint_cli.write("broken.md", b"\xff\xfe\x00\x00binary")
    result = jdlint_cli.lint("--format", "github", "broken.md")
    assert result.exit_code == 2
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=broken.md,title=jdlint::could not be linted: ")


def test_github_escapes_properties_and_data() -> None:
    line = command("warning", "50% done\nnext", file="a,b:c.md", line=1, title="S101")
    assert line == "::warning file=a%2Cb%3Ac.md,line=1,title=S101::50%25 done%0Anext"


# -- --format auto ----------------------------------------------------------------------------


def test_auto_picks_github_under_github_actions(jdlint_cli) -> None:
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("flawed.md", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::warning file=flawed.md,line=1,col=3,")
    explicit = jdlint_cli.lint("--format", "github", "flawed.md")
    assert result.stdout == explicit.stdout


def test_auto_is_plain_text_off_a_terminal(jdlint_cli) -> None:
    jdlint_cli.write("flawed.md", FLAWED)
    result = jdlint_cli.lint("flawed.md", env={"GITHUB_ACTIONS": None})
    assert result.stdout.startswith("flawed.md:1:3: warning S101 ")
    assert "\x1b[" not in result.stdout
    assert result.stdout == jdlint_cli.lint("--format", "text", "flawed.md").stdout


def test_auto_with_output_goes_by_extension(jdlint_cli) -> None:
    jdlint_cli.write("flawed.md", FLAWED)
    env = {"GITHUB_ACTIONS": "true"}
    for name, check in (
        ("r.sarif", lambda t: validate_sarif(json.loads(t))),
        ("r.json", lambda t: jsonschema.validate(json.loads(t), REPORT_SCHEMA)),
        ("r.txt", lambda t: t.startswith("flawed.md:1:3: warning S101 ") or pytest.fail(t)),
    ):
        result = jdlint_cli.lint("-o", name, "flawed.md", env=env)
        assert result.exit_code == 1 and result.stdout == ""
        check((jdlint_cli.root / name).read_text(encoding="utf-8"))


def test_choose() -> None:
    assert choose("auto", output=None, env={"GITHUB_ACTIONS": "true"}) == "github"
    assert choose("auto", output=None, env={"GITHUB_ACTIONS": "false"}) == "text"
    assert choose("auto", output=None, env={}) == "text"
    assert choose("auto", output="x.SARIF", env={}) == "sarif"
    assert choose("auto", output="x.sarif.json", env={}) == "sarif"
    assert choose("json", output="x.sarif", env={"GITHUB_ACTIONS": "true"}) == "json"


def run_on_a_terminal(args: list[str], cwd: Path, env: dict[str, str], stream: str) -> str:
    """Run ``python -m jdlint`` with ``stream`` ("stdout" or "stderr") on a pseudo-terminal."""
    import pty

    master, slave = pty.openpty()
    other = subprocess.DEVNULL
    kwargs = (
        {"stdout": slave, "stderr": other}
        if stream == "stdout"
        else {
            "stdout": other,
            "stderr": slave,
        }
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdlint", *args], cwd=cwd, env=env, stdin=other, **kwargs
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "NO_COLOR")}
    env["TERM"] = "xterm"
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_auto_colours_text_on_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "flawed.md").write_text(FLAWED, encoding="utf-8")
    out = run_on_a_terminal(
        ["--select", "S101", "flawed.md"], tmp_path, terminal_env(), stream="stdout"
    )
    assert "\x1b[" in out
    assert "S101" in out and "Found 1 problem" in out


# -- progress bar -------------------------------------------------------------------------------


def many_postings(folder: Path, n: int = 25) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"p{i:02}.md").write_text(FLAWED, encoding="utf-8")


def test_no_progress_bar_off_a_terminal(jdlint_cli) -> None:
    many_postings(jdlint_cli.root / "postings")
    result = jdlint_cli.lint("--format", "json", "-o", "r.json", "postings")
    assert result.stderr == "jdlint: 75 finding(s) in 25 file(s)\n"
    result = jdlint_cli.lint("postings")
    assert "Linting" not in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_progress_bar_on_a_terminal_but_not_in_ci(tmp_path: Path) -> None:
    many_postings(tmp_path / "postings")
    args = ["--select", "S101", "--format", "json", "-o", "r.json", "postings"]
    shown = run_on_a_terminal(args, tmp_path, terminal_env(), stream="stderr")
    assert "Linting" in shown and "25/25" in shown
    in_ci = run_on_a_terminal(args, tmp_path, {**terminal_env(), "CI": "true"}, stream="stderr")
    assert "Linting" not in in_ci
    assert "jdlint: 25 finding(s) in 25 file(s)" in in_ci
    quiet = run_on_a_terminal([*args, "-q"], tmp_path, terminal_env(), stream="stderr")
    assert quiet.strip() == ""
    few = run_on_a_terminal(
        ["--select", "S101", "-o", "r.txt", "postings/p00.md"],
        tmp_path,
        terminal_env(),
        stream="stderr",
    )
    assert "Linting" not in few


# -- --statistics ---------------------------------------------------------------------------------


def test_statistics_counts_per_rule(jdlint_cli) -> None:
    jdlint_cli.write("a.md", FLAWED)
    jdlint_cli.write(
        "b.md", FLAWED.replace("## Benefits\n", "## Benefits\n\n- Health insurance.\n")
    )
    result = jdlint_cli.lint("--statistics", "a.md", "b.md", env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    rows = [line.split() for line in lines[:-1]]
    # b.md lists a benefit and no pay: S104 asks for the pay range.
    assert [(r[0], r[1]) for r in rows] == [
        ("2", "S101"),
        ("2", "S103"),
        ("1", "S104"),
        ("1", "S201"),
    ]
    assert [r[2:] for r in rows] == [
        ["missing-overview", "warning"],
        ["missing-qualifications", "warning"],
        ["missing-pay-and-benefits", "warning"],
        ["empty-section", "warning"],
    ]
    assert lines[-1] == "Found 6 problems (0 errors, 6 warnings, 0 infos) in 2 files."


def test_statistics_with_a_machine_format_go_to_stderr(jdlint_cli) -> None:
    jdlint_cli.write("a.md", FLAWED)
    result = jdlint_cli.lint("--statistics", "--format", "json", "a.md")
    jsonschema.validate(json.loads(result.stdout), REPORT_SCHEMA)
    assert [line.split()[:2] for line in result.stderr.splitlines()] == [
        ["1", "S101"],
        ["1", "S103"],
        ["1", "S201"],
    ]


# -- GitLab Code Quality ---------------------------------------------------------------------------


def test_gitlab_code_quality(jdlint_cli) -> None:
    jdlint_cli.write("flawed.md", FLAWED)
    jdlint_cli.write("broken.md", b"\xff\xfe\x00\x00binary")
    result = jdlint_cli.lint("--format", "gitlab", "flawed.md", "broken.md")
    assert result.exit_code == 2
    issues = json.loads(result.stdout)
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("S101", 1),
        ("S103", 3),
        ("S201", 8),
        ("jdlint-error", 1),
    ]
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert issues[0]["severity"] == "minor" and issues[-1]["severity"] == "critical"
    assert issues[0]["location"]["path"] == "flawed.md"
    assert len({i["fingerprint"] for i in issues}) == len(issues)

    # Lines moving above a finding keep its fingerprint.
    jdlint_cli.write("flawed.md", FLAWED.replace("## Benefits", "\n\n## Benefits"))
    moved = json.loads(jdlint_cli.lint("--format", "gitlab", "flawed.md").stdout)
    s201 = next(i for i in moved if i["check_name"] == "S201")
    assert s201["location"]["lines"]["begin"] == 10
    assert s201["fingerprint"] == issues[2]["fingerprint"]


# -- documentation snippets --------------------------------------------------------------------------


def yaml_blocks(path: Path) -> list:
    text = path.read_text(encoding="utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def jdlint_commands(text: str) -> list[list[str]]:
    """The argument lists of ``jdlint ...`` command lines (up to ``||`` or a comment) in the
    code blocks of ``text`` (all of ``text`` when it has no code fences)."""
    blocks = re.findall(r"```[a-z]*\n(.*?)```", text, re.S) if "```" in text else [text]
    out = []
    for line in "\n".join(blocks).splitlines():
        line = line.strip().lstrip("-").strip()
        if line.startswith("run:"):
            line = line[4:].strip()
        if not line.startswith("jdlint "):
            continue
        line = line.split("||")[0].split(" #")[0]
        out.append(shlex.split(line)[1:])
    return out


def output_of(args: list[str]) -> str:
    for flag in ("--output", "-o"):
        if flag in args:
            return args[args.index(flag) + 1]
    raise AssertionError(f"no --output in {args}")


def test_docs_pre_commit_snippet_uses_the_manifest_hooks() -> None:
    configs = [b for b in yaml_blocks(ROOT / "docs" / "integrations.md") if "repos" in b]
    assert len(configs) == 1
    ids = [h["id"] for repo in configs[0]["repos"] for h in repo["hooks"]]
    assert set(ids) == MANIFEST_IDS
    assert ids.index("jdlint-fix") < ids.index("jdlint")  # fix first, then report


def test_docs_github_workflow_uploads_the_sarif_it_writes() -> None:
    (workflow,) = [b for b in yaml_blocks(ROOT / "docs" / "integrations.md") if "jobs" in b]
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and "push" in triggers
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    )
    assert upload["if"] == "always()"
    commands = [c for s in steps if "run" in s for c in jdlint_commands(s["run"])]
    sarif = next(c for c in commands if c[c.index("--format") + 1] == "sarif")
    assert output_of(sarif) == upload["with"]["sarif_file"]
    assert any(c[c.index("--format") + 1] == "github" for c in commands if "--format" in c)
    sarif_step = next(s for s in steps if "--format sarif" in s.get("run", ""))
    assert sarif_step["continue-on-error"] is True
    assert steps.index(sarif_step) < steps.index(upload)


def test_docs_gitlab_job_publishes_the_reports_it_writes() -> None:
    jobs = [b for b in yaml_blocks(ROOT / "docs" / "integrations.md") if "jdlint" in b]
    (job,) = [b["jdlint"] for b in jobs if isinstance(b.get("jdlint"), dict)]
    commands = [c for line in job["script"] for c in jdlint_commands(line)]
    by_format = {c[c.index("--format") + 1]: output_of(c) for c in commands}
    assert job["artifacts"]["reports"]["codequality"] == by_format["gitlab"]
    assert by_format["json"] in job["artifacts"]["paths"]
    assert job["artifacts"]["when"] == "always"


def test_documented_commands_run_and_write_valid_reports(jdlint_cli, monkeypatch) -> None:
    """Every jdlint command in docs/integrations.md and README.md's CI section runs here."""
    many_postings(jdlint_cli.root / "postings", n=2)
    docs = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci_section = readme.split("### CI reports", 1)[1].split("\n## ", 1)[0]
    commands = jdlint_commands(docs) + jdlint_commands(ci_section)
    assert len(commands) >= 8
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for args in commands:
        result = jdlint_cli.run(*args)
        assert result.exit_code in (0, 1), (args, result.output)
        fmt = args[args.index("--format") + 1] if "--format" in args else "auto"
        if "--output" not in args and "-o" not in args:
            continue
        written = (jdlint_cli.root / output_of(args)).read_text(encoding="utf-8")
        if fmt == "sarif":
            validate_sarif(json.loads(written))
        elif fmt == "json":
            jsonschema.validate(json.loads(written), REPORT_SCHEMA)
        elif fmt == "gitlab":
            assert isinstance(json.loads(written), list)
        elif fmt == "html":
            assert written.startswith("<!DOCTYPE html>")


def test_readme_pre_commit_snippet_uses_the_manifest_hooks() -> None:
    (snippet,) = [
        b for b in yaml_blocks(ROOT / "README.md") if isinstance(b, dict) and "repos" in b
    ]
    ids = {h["id"] for repo in snippet["repos"] for h in repo["hooks"]}
    assert ids <= MANIFEST_IDS and "jdlint" in ids


def test_json_report_contract_example_validates() -> None:
    text = (ROOT / "docs" / "json-report.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", text, re.S)
    jsonschema.validate(json.loads(example), REPORT_SCHEMA)
