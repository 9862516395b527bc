"""Pay transparency by jurisdiction, EEO and accommodation statements (rules/compliance.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jdlint import location, packs, pay
from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.errors import ConfigError
from jdlint.jurisdictions import parse_table

TODAY = dt.date(2026, 11, 26)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

BENEFITS = "Benefits include medical, dental and vision insurance and paid time off."
DEADLINE = "Apply on our careers page by January 15, 2027."
DUTIES = "You will assess each client's needs and coordinate their care with community services."
# What Ontario (existing vacancy) and Italy (collective agreement) ask for besides pay.
STATEMENTS = "This posting is for an existing vacancy, under the collective agreement (CCNL)."


def posting(
    place: str,
    pay_text: str,
    *,
    benefits: bool = True,
    deadline: bool = True,
    statements: bool = True,
    duties: bool = True,
    date: str | None = None,
) -> str:
    parts = [
        "---",
        f"location: {place}",
        *([f"date_posted: {date}"] if date else []),
        "---",
        "# Case Manager",
        "",
        *(["## Responsibilities", "", DUTIES, ""] if duties else []),
        "## Pay and benefits",
        "",
        f"{pay_text} {BENEFITS if benefits else ''}".strip(),
        "",
        *([STATEMENTS, ""] if statements else []),
        "## How to apply",
        "",
        DEADLINE if deadline else "Email your resume to our team.",
        "",
    ]
    return "\n".join(parts)


def c101(text: str, today: dt.date = TODAY, **config: object) -> list[str]:
    report = Linter(from_dict({"select": ["C101", "C102"], **config}), today=today).lint_text(
        text, "posting.md"
    )
    assert report.error is None, report.error
    return [f"{f.code} {f.message}" for f in report.findings]


def table() -> list:
    return parse_table(packs.load().rules["C101"].options["jurisdictions"])


RANGE = "The pay is $52,000 to $60,000 per year."


# One place per law in the table; the test below fails when a law is added without a case.
PLACES = {
    "colorado": "Denver, CO",
    "california": "Sacramento, CA",
    "washington": "Seattle, WA",
    "new-york-state": "Albany, NY",
    "new-york-city": "Brooklyn, NY",
    "ithaca": "Ithaca, NY",
    "jersey-city": "Jersey City, NJ",
    "new-jersey": "Newark, NJ",
    "hawaii": "Honolulu, HI",
    "district-of-columbia": "Washington, DC",
    "maryland": "Baltimore, MD",
    "illinois": "Chicago, IL",
    "minnesota": "Minneapolis, MN",
    "vermont": "Burlington, VT",
    "massachusetts": "Boston, MA",
    "cleveland": "Cleveland, OH",
    "columbus": "Columbus, OH",
    "delaware": "Wilmington, DE",
    "virginia": "Richmond, VA",
    "maine": "Portland, ME",
    "british-columbia": "Vancouver, BC",
    "prince-edward-island": "Charlottetown, PE",
    "ontario": "Toronto, ON",
    "italy": "Milan, Italy",
    "lithuania": "Vilnius, Lithuania",
    "slovakia": "Bratislava, Slovakia",
    "austria": "Vienna, Austria",
    "poland": "Warsaw, Poland",
    "malta": "Valletta, Malta",
}


def test_every_law_in_the_table_has_a_test_place() -> None:
    assert {j.id for j in table()} == set(PLACES)


def test_every_law_has_a_source_and_laws_in_the_ad_are_in_the_ad() -> None:
    for law in table():
        assert law.source.startswith("https://"), law.id
    assert {j.id for j in table() if j.disclose != "ad"} == {"poland", "malta"}


def errors_naming(name: str, text: str, when: dt.date, **config: object) -> list[str]:
    return [m for m in c101(text, when, **config) if m.startswith("C101 " + name + " (")]


@pytest.mark.parametrize("law", [j for j in table() if j.disclose == "ad"], ids=lambda j: j.id)
def test_each_law(law) -> None:
    place = PLACES[law.id]
    in_force = max([law.applies_from, *(d for _, d in law.since)]) + dt.timedelta(days=1)
    assert law.until is None or in_force < law.until
    before = law.effective - dt.timedelta(days=1)
    name = law.name
    # A full range, benefits and a deadline: compliant.
    assert [m for m in c101(posting(place, RANGE), in_force) if m.startswith("C101")] == []
    # Open-ended ranges and pay words without figures do not satisfy the law; a law that
    # asks only for the minimum pay takes "starting at".
    for open_ended in (
        "Up to $60,000 per year.",
        "Starting at $52,000 per year.",
        "Competitive salary (DOE).",
    ):
        found = errors_naming(name, posting(place, open_ended), in_force)
        if "minimum" in law.requires and open_ended.startswith("Starting"):
            assert found == [], found
        else:
            assert any("pay" in m for m in found), (open_ended, found)
    # Not yet in force: no error, and the missing range is only info.
    if before >= dt.date(2000, 1, 1):
        early = c101(posting(place, "Competitive salary."), before)
        assert not [m for m in early if m.startswith("C101") and name in m]
        assert [m for m in early if m.startswith("C102")]
    # An employer under the size threshold is not covered.
    if law.min_employees > 1:
        small = c101(
            posting(place, "Competitive salary."),
            in_force,
            employer={"size": law.min_employees - 1},
        )
        assert not [m for m in small if m.startswith("C101") and name in m]
        at = c101(
            posting(place, "Competitive salary."), in_force, employer={"size": law.min_employees}
        )
        assert [m for m in at if m.startswith("C101") and name in m]
    # Benefits and deadline, where the law has them.
    no_benefits = errors_naming(name, posting(place, RANGE, benefits=False), in_force)
    assert bool(no_benefits) == ("benefits" in law.requires), no_benefits
    no_deadline = errors_naming(name, posting(place, RANGE, deadline=False), in_force)
    assert bool(no_deadline) == ("deadline" in law.requires), no_deadline
    # The statements some laws ask for besides pay.
    no_statements = errors_naming(name, posting(place, RANGE, statements=False), in_force)
    wanted = {"vacancy_status", "collective_agreement"} & set(law.requires)
    assert len(no_statements) == len(wanted), no_statements
    no_duties = errors_naming(name, posting(place, RANGE, duties=False), in_force)
    assert bool(no_duties) == ("description" in law.requires), no_duties


def test_colorado_deadline_starts_in_2024() -> None:
    text = posting("Denver, CO", RANGE, deadline=False)
    assert not [m for m in c101(text, dt.date(2023, 6, 1)) if m.startswith("C101")]
    assert [m for m in c101(text, dt.date(2024, 6, 1)) if "applications are expected to close" in m]


def test_a_law_starting_in_2027_turns_on_by_itself() -> None:
    text = posting("Wilmington, DE", "Competitive salary.")
    before = c101(text, dt.date(2027, 9, 25))
    assert [m for m in before if m.startswith("C102") and "2027-09-26" in m]
    after = c101(text, dt.date(2027, 9, 26))
    assert [m for m in after if m.startswith("C101") and "Delaware" in m]


def test_remote_us_is_covered_by_laws_that_reach_remote_jobs() -> None:
    found = c101(posting("Remote (US)", "Up to $90,000 per year."))
    assert any("Colorado" in m for m in found) and any("Washington" in m for m in found)
    assert not any("Illinois" in m for m in found)


def test_location_recognised_in_text_and_uk_gets_info_at_most() -> None:
    text = "# Case Manager\n\nOur clinic in Denver, CO serves adults.\n\nCompetitive pay.\n"
    assert any("Colorado" in m for m in c101(text))
    uk = "# Community Nurse\n\nOur team in Leeds supports older people at home.\n"
    assert all(m.startswith("C102") for m in c101(uk))


def test_pay_parser_forms() -> None:
    assert pay.from_front_matter("$56,000 - $64,000 per year").is_range
    assert pay.from_front_matter({"min": 50000, "max": 60000}).is_range
    assert pay.from_front_matter(52000).is_range
    assert not pay.from_front_matter("Up to $62,000").is_range
    assert pay.from_front_matter("Competitive pay, DOE").kind == "vague"
    [p] = pay.find("$25 to $30/hr")
    assert (p.minimum, p.maximum, p.unit) == (25, 30, "HOUR")
    [p] = pay.find("$50K-$60K a year")
    assert (p.minimum, p.maximum, p.unit) == (50000, 60000, "YEAR")
    assert pay.find("a $1,500 home office stipend") == []
    assert pay.find("$2,000 bonus when you earn your CCM") == []
    assert [p.kind for p in pay.find("$40,000+")] == ["open"]
    assert [p.kind for p in pay.find("$20/hour and up")] == ["open"]


def test_location_parser() -> None:
    [loc] = location.from_front_matter("Aurora, CO")
    assert (loc.city, loc.region, loc.country) == ("Aurora", "CO", "US")
    [loc] = location.from_front_matter("Remote (US)")
    assert loc.remote and loc.country == "US"
    assert location.parse("a nurse, OR experience") == []
    assert location.parse("Portland, OR 97201")[0].region == "OR"
    [loc] = location.from_front_matter({"city": "Denver", "state": "Colorado"})
    assert (loc.region, loc.country) == ("CO", "US")


def test_bad_table_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        parse_table(
            [
                {
                    "id": "x",
                    "name": "X",
                    "law": "L",
                    "country": "US",
                    "effective": "soon",
                    "requires": ["range"],
                }
            ]
        )
    with pytest.raises(ConfigError):
        parse_table(
            [
                {
                    "id": "x",
                    "name": "X",
                    "law": "L",
                    "country": "US",
                    "effective": "2024-01-01",
                    "requires": ["bonus"],
                }
            ]
        )


# The flawed examples' intended compliance defects (examples/README.md).
EXPECTED_C101 = {
    "case-manager": ["Illinois"],
    "mental-health-case-manager": ["Washington"],
    "substance-use-case-manager": ["Colorado"],
    "software-engineer": ["California"],
    # One finding naming both laws: they want the same range (one fact, one fix).
    "geriatric-case-manager": ["New York State (Labor Law 194-b) and New York City"],
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(from_dict({"select": ["C"]}), today=TODAY)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*/good.md")), ids=lambda p: p.parent.name)
def test_good_examples_have_no_compliance_warnings(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    assert [f.message for f in report.findings if f.severity >= 2] == []


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*/flawed.md")), ids=lambda p: p.parent.name)
def test_flawed_examples_report_their_pay_law(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    errors = [f.message for f in report.findings if f.code == "C101" and "pay range" in f.message]
    expected = EXPECTED_C101.get(path.parent.name, [])
    assert len(errors) == len(expected) <= 1, errors
    for name in expected:
        assert any(m.startswith(name + " (") for m in errors), (name, errors)


def test_colorado_flawed_example_has_no_deadline(linter: Linter) -> None:
    report = linter.lint_file(EXAMPLES / "substance-use-case-manager" / "flawed.md")
    assert any("expected to close" in f.message for f in report.findings if f.code == "C101")


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("hospital-case-manager", {"C201"}),
        ("substance-use-case-manager", {"C201"}),
        ("software-engineer", {"C201"}),
        ("case-manager", set()),
    ],
)
def test_eeo_statement(linter: Linter, name: str, codes: set[str]) -> None:
    report = linter.lint_file(EXAMPLES / name / "flawed.md")
    assert {f.code for f in report.findings if f.code == "C201"} == codes
