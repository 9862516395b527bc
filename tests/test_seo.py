"""Keywords, title guidelines and length (rules/seo.yaml) on the examples and edge cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jdlint.config import from_dict
from jdlint.engine import Linter

TODAY = dt.date(2026, 11, 26)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def codes(text: str, path: str = "posting.md", **config: object) -> list[str]:
    report = Linter(from_dict({"select": ["K"], **config}), today=TODAY).lint_text(text, path)
    assert report.error is None, report.error
    return [f.code for f in report.findings]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(from_dict({"select": ["K"]}), today=TODAY)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*/good.md")), ids=lambda p: p.parent.name)
def test_good_examples_have_no_seo_warnings(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    assert [f"{f.code} {f.message}" for f in report.findings if f.severity >= 2] == []


EXPECTED = {
    "case-manager": {"K207"},
    "rn-case-manager": {"K202", "K203", "K205", "K206"},
    "psychiatric-case-manager": {"K202"},
    "software-engineer": {"K204", "K206"},
}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*/flawed.md")), ids=lambda p: p.parent.name)
def test_flawed_examples_report_their_title_defects(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    found = {f.code for f in report.findings if f.code.startswith("K2")}
    assert found == EXPECTED.get(path.parent.name, set())


@pytest.mark.parametrize(
    "title",
    [
        "RN Case Manager",
        "Case Manager II",
        "LCSW Care Coordinator",
        "Urgent Care Nurse",
        "Community Nurse, Band 6",
    ],
)
def test_ordinary_titles_pass(title: str) -> None:
    assert [c for c in codes(f"# {title}\n\nText.\n") if c.startswith("K2")] == []


def test_general_profile_without_keywords_gets_no_keyword_findings() -> None:
    text = "---\nprofile: general\n---\n# Backend Engineer\n\n" + "We build software. " * 40 + "\n"
    assert [c for c in codes(text) if c.startswith("K1")] == []


def test_keywords_match_word_forms() -> None:
    text = "---\nkeywords: [case manager]\n---\n# Case Managers\n\nOur case managers visit clients at home.\n"
    assert [c for c in codes(text) if c.startswith("K1")] == []


def test_job_description_keyword_is_covered_by_its_role() -> None:
    text = "---\nkeywords: [psychiatric case manager job description]\n---\n# Psychiatric Case Manager\n\nAs a psychiatric case manager you help adults.\n"
    assert "K103" not in codes(text)


def test_config_keywords_apply() -> None:
    text = "# Care Champion\n\nYou will support adults at home.\n"
    assert {"K101", "K102", "K103"} <= set(codes(text, keywords=["recovery case manager"]))


def test_stuffing_names_the_phrase_and_count() -> None:
    body = "Case manager wanted. " * 12
    report = Linter(from_dict({"select": ["K104"]}), today=TODAY).lint_text(
        f"---\nkeywords: [case manager]\n---\n# Case Manager\n\n{body}\n", "p.md"
    )
    [f] = report.findings
    assert "'case manager' appears 12 times" in f.message


def test_section_too_short_counts_subsections() -> None:
    text = "# Case Manager\n\n## Qualifications\n\n- A degree in social work.\n\n### Nice to have\n\n- Spanish.\n- Experience with older adults and their families at home.\n"
    assert "K303" not in codes(text)
