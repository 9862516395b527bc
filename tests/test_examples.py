"""The project's example postings: good ones lint clean, flawed ones report their defects."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdlint.config import from_dict
from jdlint.engine import Linter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOOD = sorted(EXAMPLES.glob("*/good.md"))
FLAWED = sorted(EXAMPLES.glob("*/flawed.md"))

# The structure defects each flawed example was written with (see examples/README.md).
# Missing pay is S104's only where no pay law applies: in the New York posting the law's
# error (C101) reports it, and the RN posting states its rate in the title (K205's).
EXPECTED_STRUCTURE = {
    "case-manager": {"S201"},
    "geriatric-case-manager": set(),
    "hospital-case-manager": set(),
    "mental-health-case-manager": {"S101"},
    "psychiatric-case-manager": {"S103", "S201"},
    "rn-case-manager": {"S202"},
    "software-engineer": set(),
    "substance-use-case-manager": {"S202"},
}


# The required duties and qualifications each flawed example leaves out.
EXPECTED_MISSING = {
    "case-manager": {"monitoring", "documentation"},
    "geriatric-case-manager": {"family-caregiver-support"},
    "hospital-case-manager": {"discharge-planning", "follow-up-care", "transitions-of-care"},
    "mental-health-case-manager": {
        "collaborative-care",
        "self-determination",
        "recovery-orientation",
    },
    "psychiatric-case-manager": {"medication-management", "family-education"},
    "rn-case-manager": {"rn-license", "clinical-judgement"},
    "software-engineer": set(),
    "substance-use-case-manager": {"recovery-support", "relapse-prevention"},
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(from_dict({}))


def test_there_is_a_good_and_a_flawed_example_for_every_profile() -> None:
    assert len(GOOD) == len(FLAWED) == 8
    assert {p.parent.name for p in FLAWED} == set(EXPECTED_STRUCTURE)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.parent.name)
def test_good_examples_lint_clean(linter: Linter, path: Path) -> None:
    """No finding of any severity, infos included: a good posting is what clean looks like."""
    report = linter.lint_file(path)
    assert report.error is None
    assert [f"{f.code} {f.message}" for f in report.findings] == []


@pytest.mark.parametrize("path", FLAWED, ids=lambda p: p.parent.name)
def test_flawed_examples_fail_by_default(linter: Linter, path: Path) -> None:
    """Each has a warning or an error: with fail-on warning (the default) it fails a run."""
    report = linter.lint_file(path)
    assert any(f.severity >= 2 for f in report.findings)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.parent.name)
def test_good_examples_have_no_structure_findings(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    assert report.error is None
    assert [f"{f.code} {f.message}" for f in report.findings if f.code.startswith("S")] == []


@pytest.mark.parametrize("path", FLAWED, ids=lambda p: p.parent.name)
def test_flawed_examples_report_exactly_their_structure_defects(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    assert report.error is None
    codes = {f.code for f in report.findings if f.code.startswith("S")}
    assert codes == EXPECTED_STRUCTURE[path.parent.name]


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.parent.name)
def test_good_examples_have_no_role_warnings(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    assert [f.message for f in report.findings if f.code.startswith("D")] == []
    if path.parent.name != "software-engineer":
        assert report.profile["id"] == path.parent.name
        assert report.coverage is not None and all(i.evidence for i in report.coverage.items)


@pytest.mark.parametrize("path", FLAWED, ids=lambda p: p.parent.name)
def test_flawed_examples_report_exactly_the_missing_duties(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    reported = {f.data["concept"] for f in report.findings if f.code in ("D101", "D102")}
    labels = {}
    if report.coverage is not None:
        labels = {i.concept.label: i.concept.key for i in report.coverage.items}
    assert {labels[c] for c in reported} == EXPECTED_MISSING[path.parent.name]


# The inclusive-language defects each flawed example was written with.
EXPECTED_INCLUSIVE = {
    "case-manager": {"I201"},
    "geriatric-case-manager": {"I401", "I202"},
    "hospital-case-manager": {"I603", "I301"},
    "mental-health-case-manager": {"I602", "I603", "I502"},
    "psychiatric-case-manager": {"I502", "I603"},
    "rn-case-manager": {"I102"},
    "software-engineer": {"I502", "I201", "I202", "I102", "I504"},
    "substance-use-case-manager": {"I601", "I604", "I605", "I502"},
}


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.parent.name)
def test_good_examples_have_no_inclusive_warnings(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    loud = [
        f"{f.code} {f.message}"
        for f in report.findings
        if f.code.startswith("I") and f.severity >= 2
    ]
    assert loud == []


@pytest.mark.parametrize("path", FLAWED, ids=lambda p: p.parent.name)
def test_flawed_examples_report_their_inclusive_defects(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    found = {
        f.code for f in report.findings if f.code.startswith("I") and f.code not in ("I103", "I104")
    }
    assert found == EXPECTED_INCLUSIVE[path.parent.name]
