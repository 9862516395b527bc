"""Inclusive language: context cases that sink other tools stay quiet, and --fix is safe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main
from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.fixes import fix_file


def codes(text: str, **settings) -> list[str]:
    report = Linter(from_dict({"select": ["I"], **settings})).lint_text(text, "p.md")
    assert report.error is None
    return [f.code for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        # prefixes and stems that other tools match
        "We use SharePoint and Nagios; sharks are not involved. Competence matters.",
        "You will take responsibility for your caseload and support the support team.",
        "You will work as a Lead Case Manager.",
        # people served, not the candidate
        "Our program serves young adults leaving foster care and their young children.",
        "We partner with Native American communities across the region.",
        # a mention, not a use
        'We no longer use the word "addict" in our notes.',
        # equal-opportunity and positive-action statements
        "We encourage women, people of color and people with disabilities to apply.",
        # pay, not culture
        "We offer a competitive salary and benefits.",
        # agencies and official names
        "Funded by the Substance Abuse and Mental Health Services Administration and NIDA.",
        "We refer clients to Alcoholics Anonymous and peer support.",
        # the patient's pronoun, not the candidate's
        "The case manager visits each patient and her family at home.",
        # clean as in tidy
        "You will keep the clinic clean and safe.",
    ],
)
def test_context_cases_stay_quiet(text: str) -> None:
    assert codes(f"# Case Manager\n\n{text}\n") == []


def test_user_can_allow_a_phrase() -> None:
    text = "# Case Manager\n\nYou will coordinate substance abuse treatment.\n"
    assert codes(text) == ["I601"]
    assert codes(text, allow=["substance abuse treatment"]) == []


def test_searched_title_is_noted_not_fought() -> None:
    text = (
        "---\nkeywords: [substance abuse case manager]\n---\n# Substance Abuse Case Manager\n\n"
        "As a substance abuse case manager you will support people in recovery.\n"
    )
    assert codes(text) == ["I605"]


def test_severity_follows_the_risk() -> None:
    report = Linter(from_dict({"select": ["I"]})).lint_text(
        "# Job\n\nWe want a young rockstar.\n", "p.md"
    )
    assert {f.code: str(f.severity) for f in report.findings} == {
        "I201": "error",
        "I502": "warning",
    }


FLAWED = "# Case Manager\r\n\r\nThe chairman reviews each plan.\r\nWe offer substance abuse treatment.\r\nA client committed suicide last year.\r\n"


def test_fix_applies_safe_substitutions_keeps_bytes_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"\xef\xbb\xbf" + FLAWED.encode("utf-8"))
    path.chmod(0o640)
    linter = Linter(from_dict({"select": ["I"]}))
    result = fix_file(linter, str(path))
    assert result.error is None and result.fixed == 3
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == FLAWED.count("\r\n")
    assert data.decode("utf-8-sig") == (
        "# Case Manager\r\n\r\nThe chair reviews each plan.\r\nWe offer substance use treatment.\r\n"
        "A client died by suicide last year.\r\n"
    )
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    again = fix_file(linter, str(path))
    assert again.fixed == 0 and path.read_bytes() == data
    assert not [p for p in tmp_path.iterdir() if p.name != "p.md"], "temporary file left behind"


def test_fix_keeps_case_and_utf16(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"\xff\xfe" + "# Board\n\nCHAIRMAN and Chairman.\n".encode("utf-16-le"))
    assert fix_file(Linter(from_dict({"select": ["I101"]})), str(path)).fixed == 2
    assert path.read_bytes()[:2] == b"\xff\xfe"
    assert path.read_bytes()[2:].decode("utf-16-le") == "# Board\n\nCHAIR and Chair.\n"


def test_fix_refuses_a_file_that_does_not_parse(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    original = b"---\ntitle: [unclosed\n---\n# Chairman\n\nThe chairman.\n"
    path.write_bytes(original)
    result = fix_file(Linter(from_dict({"select": ["I"]})), str(path))
    assert result.error and result.error.startswith("not fixed")
    assert path.read_bytes() == original


def test_fix_refuses_a_file_that_changed_while_linting(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "p.md"
    path.write_text("# Board\n\nThe chairman.\n")
    linter = Linter(from_dict({"select": ["I"]}))
    real = linter.lint_text

    def lint_and_edit(*args, **kwargs):
        report = real(*args, **kwargs)
        path.write_text("# Board\n\nThe chairman, edited meanwhile by someone else.\n")
        return report

    monkeypatch.setattr(linter, "lint_text", lint_and_edit)
    result = fix_file(linter, str(path))
    assert result.error == "not fixed: the file changed while it was being linted"
    assert "edited meanwhile" in path.read_text()


def test_cli_diff_changes_nothing_and_fix_rewrites(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.md").write_text("# Board\n\nThe chairman meets the salesmen.\n")
    runner = CliRunner()
    diff = runner.invoke(main, ["check", "--select", "I", "--diff", "p.md"])
    assert diff.exit_code == 1
    assert "-The chairman meets the salesmen." in diff.stdout
    assert "+The chair meets the salespeople." in diff.stdout
    assert Path("p.md").read_text() == "# Board\n\nThe chairman meets the salesmen.\n"
    fixed = runner.invoke(main, ["check", "--select", "I", "--fix", "p.md"])
    assert fixed.exit_code == 0, fixed.output
    assert Path("p.md").read_text() == "# Board\n\nThe chair meets the salespeople.\n"
    assert "Fixed 2 problems in 1 file." in fixed.stderr
    again = runner.invoke(main, ["check", "--select", "I", "--diff", "p.md"])
    assert again.exit_code == 0 and again.stdout == ""


def test_terms_with_several_good_replacements_are_suggestions_not_fixes() -> None:
    report = Linter(from_dict({"select": ["I"]})).lint_text(
        "# Job\n\nWe need more manpower.\n", "p.md"
    )
    (finding,) = report.findings
    assert finding.fix is None and finding.suggestions == ["staffing", "workforce", "people"]
