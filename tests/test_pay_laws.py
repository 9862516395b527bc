"""The 2026 pay-transparency table (issue 16): remote reach, excluded states, end and
enforcement dates, a posting's own date, each requirement kind, laws that ask for pay before
the interview, and the places and pay forms of EU postings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from jdlint import location, packs, pay_eu
from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.errors import ConfigError
from jdlint.jurisdictions import parse_table

TODAY = dt.date(2026, 11, 27)
DOCS = Path(__file__).resolve().parent.parent / "docs"


def lint(text: str, today: dt.date = TODAY, **config: object) -> list[str]:
    """'CODE message' for each C101 and C102 finding."""
    report = Linter(from_dict({"select": ["C101", "C102"], **config}), today=today).lint_text(
        text, "posting.md"
    )
    assert report.error is None, report.error
    return [f"{f.code} {f.message}" for f in report.findings]


def ad(place: str, body: str, *, date: str | None = None, title: str = "Case Manager") -> str:
    fm = [f"location: {place}"] + ([f"date_posted: {date}"] if date else [])
    return "---\n" + "\n".join(fm) + f"\n---\n# {title}\n\n{body}\n"


def laws_named(found: list[str], code: str = "C101") -> set[str]:
    """Every law a finding names: one, or several in a finding that groups the laws that
    want the same thing ("Colorado (...), California (...) and Virginia (...) require")."""
    names: set[str] = set()
    for message in found:
        if not message.startswith(code + " "):
            continue
        text, depth, top = message.removeprefix(code + " "), 0, []
        for ch in text:
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and ch != ")":
                top.append(ch)
            elif depth == 1 and ch == "(":
                top.append("\0")
        head = "".join(top).split(" require")[0]
        names |= {n.strip() for n in re.split(r"\0,?|\band\b", head) if n.strip()}
    return names


# -- remote reach and excluded states ----------------------------------------------------

REMOTE_REACH = {"Colorado", "California", "Washington", "New York City", "Virginia"}


def test_a_remote_us_job_is_covered_by_every_law_that_reaches_remote_work() -> None:
    found = lint(ad('"Remote (US)"', "Competitive salary."))
    assert laws_named(found) == REMOTE_REACH
    # One finding per fact: the range once, naming every law that wants it; Colorado's
    # (and Washington's) benefits and Colorado's deadline are findings of their own.
    assert len([m for m in found if "pay range" in m]) == 1


def test_a_city_law_reaches_remote_work_only_when_its_row_says_so() -> None:
    table = parse_table(
        [
            {"id": "nyc", "name": "NYC", "law": "LL32", "country": "US", "region": "NY",
             "cities": ["New York"], "effective": "2022-11-01", "remote": True,
             "requires": ["range"]},
            {"id": "ithaca", "name": "Ithaca", "law": "Ord", "country": "US", "region": "NY",
             "cities": ["Ithaca"], "effective": "2022-09-01", "requires": ["range"]},
        ]
    )  # fmt: skip
    [remote] = location.from_front_matter("Remote (US)")
    assert [j.id for j in table if j.covers(remote)] == ["nyc"]
    [in_ithaca] = location.from_front_matter("Ithaca, NY")
    assert [j.id for j in table if j.covers(in_ithaca)] == ["ithaca"]
    # Remote from one state only: that state's laws, not California's.
    [ny_only] = location.from_front_matter({"remote": True, "state": "NY"})
    assert [j.id for j in table if j.covers(ny_only)] == ["nyc"]
    found = lint(ad("{remote: true, state: NY}", "You will plan care. Competitive salary."))
    assert laws_named(found) == {"New York State", "New York City"}


def test_a_county_law_covers_its_county() -> None:
    [county] = parse_table(
        [{"id": "w", "name": "Westchester", "law": "L", "country": "US", "region": "NY",
          "counties": ["Westchester"], "effective": "2022-11-06", "remote": True,
          "requires": ["range"]}]
    )  # fmt: skip
    assert county.covers(location.from_front_matter("Westchester County, NY")[0])
    assert not county.covers(location.from_front_matter("Albany, NY")[0])
    assert county.covers(location.from_front_matter("Remote (US)")[0])


@pytest.mark.parametrize(
    "place_or_text",
    [
        ad('"Remote (US), excluding CA, CO, NY, VA and WA"', "Competitive salary."),
        ad("{remote: true, country: US, exclude: [California, CO, NY, VA, WA]}", "No figure."),
        "# Case Manager\n\nThis is a remote role, open to candidates in all states except "
        "California, Colorado, New York, Virginia and Washington.\n\nCompetitive salary.\n",
        "# Case Manager\n\nFully remote, anywhere in the United States.\n\nCompetitive salary.\n\n"
        "We are unable to hire employees residing in the following states: CA, CO, NY, VA, WA.\n",
        "# Case Manager\n\nFully remote, anywhere in the United States. This role is not open "
        "to residents of California, Colorado, New York, Virginia or Washington.\n\nGood pay.\n",
    ],
    ids=["front-matter", "mapping", "all-states-except", "cannot-hire", "not-open-to"],
)
def test_excluded_states_are_not_covered(place_or_text: str) -> None:
    found = lint(place_or_text)
    assert not [m for m in found if m.startswith("C101")], found
    assert [m for m in found if m.startswith("C102")]


def test_states_a_posting_excludes_are_never_its_place() -> None:
    # The Hawaii report: "Alaska, Hawaii" was read as a city in Hawaii.
    text = (
        "# Case Manager\n\nA fully remote role, open to applicants anywhere in the United "
        "States. We cannot hire in Alaska, Hawaii or Puerto Rico.\n\nCompetitive salary.\n"
    )
    found = lint(text)
    assert "Hawaii" not in laws_named(found) and laws_named(found) == REMOTE_REACH
    assert all("except AK, HI" in m for m in found if m.startswith("C101"))
    # A list of states is not a city in the last of them, nor is an excluded city a place.
    assert location.parse("Colorado, Connecticut or Nevada residents only") == []
    assert location.parse("remote, except Honolulu, HI 96813") == []
    # A real city with a state's name stays a place.
    assert [p.describe() for p in location.parse("Ontario, California and Washington, DC")] == [
        "Ontario, CA",
        "Washington, DC",
    ]


def test_open_to_all_states_is_remote_only_when_the_text_says_remote() -> None:
    [loc] = location.parse("Remote: open to candidates in all 50 states except CO.")
    assert loc.remote and loc.country == "US" and loc.excluded == {"CO"}
    assert location.parse("Relocation: open to candidates in all states.") == []


# -- end dates, enforcement dates and the posting's own date --------------------------


def test_ithaca_ends_where_the_state_law_took_over() -> None:
    text = ad("Ithaca, NY", "Competitive salary.\n\nYou will coordinate care for adults.")
    assert laws_named(lint(text, dt.date(2023, 9, 16))) == {"Ithaca"}
    assert laws_named(lint(text, dt.date(2023, 9, 17))) == {"New York State"}
    assert len([m for m in lint(text) if m.startswith("C101")]) == 1


def test_a_law_in_force_but_not_yet_enforced_is_info_that_says_so() -> None:
    text = ad("Columbus, OH", "Competitive salary.")
    [info] = lint(text, dt.date(2026, 11, 27))
    assert info.startswith("C102") and "in force since 2025-12-03, enforced from 2027-01-01" in info
    assert laws_named(lint(text, dt.date(2027, 1, 1))) == {"Columbus"}
    # Before the ordinance was in effect: a law to come.
    [early] = lint(text, dt.date(2025, 6, 1))
    assert "will require one from 2027-01-01" in early


@pytest.mark.parametrize(
    ("posted", "virginia"),
    [
        ("2026-06-30", False),
        ("2026-07-01", True),
        ('"2026-07-02T09:30:00Z"', True),
        ('"not a date"', True),  # unreadable: today is used
    ],
)
def test_laws_are_compared_with_the_posting_date(posted: str, virginia: bool) -> None:
    found = lint(ad("Richmond, VA", "Competitive salary.", date=posted))
    assert ("Virginia" in laws_named(found)) == virginia, found
    if not virginia:
        assert any("will require one from 2026-07-01" in m for m in found)


def test_maine_starts_on_the_later_of_its_reported_dates() -> None:
    text = ad("Portland, ME", "Competitive salary.")
    assert "Maine" not in laws_named(lint(text, dt.date(2026, 7, 28)))
    assert "Maine" in laws_named(lint(text, dt.date(2026, 7, 29)))
    assert "Maine" not in laws_named(lint(text, employer={"size": 9}))


# -- requirement kinds -----------------------------------------------------------------

VACANCY = "This posting is for an existing vacancy."


@pytest.mark.parametrize(
    ("pay", "problem"),
    [
        ("The pay is $59,000 to $110,000 a year.", "no wider than CAD 50,000 a year"),
        ("The pay is $60,000 to $111,000 a year.", "no wider than"),
        ("Up to $150,000 a year.", "pay range"),
        ("Competitive salary.", "none is needed when pay is over CAD 200,000 a year"),
    ],
)
def test_ontario_width_cap_and_exemption_fail(pay: str, problem: str) -> None:
    found = [m for m in lint(ad("Toronto, ON", f"{pay} {VACANCY}")) if m.startswith("C101")]
    assert len(found) == 1 and problem in found[0], found


@pytest.mark.parametrize(
    "pay",
    [
        "The pay is $60,000 to $110,000 a year.",  # exactly 50,000 wide
        "The pay is $150,000 to $260,000 a year.",  # top over 200,000: exempt, width too
        "Starting at $210,000 a year.",
        "Up to $250,000 a year.",
        "The rate is $30 to $60 an hour.",  # an hourly range is not turned into a year's
        "Pay is USD 60,000 - 120,000 a year.",  # another currency is not compared
        "The rate is up to $120 an hour.",  # a full-time year of it is over 200,000
    ],
)
def test_ontario_width_cap_and_exemption_pass(pay: str) -> None:
    found = [m for m in lint(ad("Toronto, ON", f"{pay} {VACANCY}")) if m.startswith("C101")]
    assert found == []


@pytest.mark.parametrize(
    "statement",
    [
        VACANCY,
        "This is not an existing vacancy: we are building a talent pool for 2027.",
        "Vacancy status: new position.",
        "This is a newly created role.",
    ],
)
def test_vacancy_status(statement: str) -> None:
    pay = "The pay is $60,000 to $70,000 a year."
    assert lint(ad("Toronto, ON", f"{pay} {statement}")) == []
    [missing] = lint(ad("Toronto, ON", pay))
    assert "whether the posting is for an existing vacancy" in missing
    # Qualifications about a candidate's current role are not a vacancy statement.
    mentioned = ad("Toronto, ON", f"{pay} Two years in your current role.")
    assert lint(mentioned) == [missing]


def test_ai_disclosure_only_for_an_employer_that_uses_ai() -> None:
    body = f"The pay is $60,000 to $70,000 a year. {VACANCY}"
    text = ad("Toronto, ON", body)
    assert lint(text) == []
    assert lint(text, employer={"ai_screening": False}) == []
    [missing] = lint(text, employer={"ai_screening": True})
    assert "artificial intelligence is used to screen" in missing
    disclosed = ad("Toronto, ON", body + " We use AI tools to screen applications.")
    assert lint(disclosed, employer={"ai_screening": True}) == []
    with pytest.raises(ConfigError):
        lint(text, employer={"ai_screening": "yes"})


def test_collective_agreement() -> None:
    text = ad("Milan, Italy", "The pay is EUR 2,400 to 2,800 a month.")
    [missing] = lint(text)
    assert missing.startswith("C101 Italy") and "collective agreement" in missing
    for reference in ("CCNL Commercio.", "Contratto collettivo: metalmeccanici.",
                      "Pay follows the collective labour agreement."):  # fmt: skip
        assert lint(ad("Milan, Italy", "The pay is EUR 2,400 to 2,800 a month. " + reference)) == []
    assert lint(text, employer={"collective_agreement": False}) == []


@pytest.mark.parametrize("place", ["Burlington, VT", "Albany, NY", "Portland, ME"])
def test_a_commission_only_job_that_says_so_needs_no_range(place: str) -> None:
    duties = "You will call on clinics across the region."
    assert lint(ad(place, f"This role is paid solely on commission. {duties}")) == []
    assert lint(ad(place, f"Compensation is 100% commission. {duties}")) == []
    [missing] = [m for m in lint(ad(place, f"Uncapped earnings. {duties}")) if "C101" in m]
    assert "for a job paid only by commission, a statement saying so" in missing
    # Base pay and commission is not commission only.
    mixed = ad(place, f"Compensation will be based on commission and a base salary. {duties}")
    assert [m for m in lint(mixed) if m.startswith("C101")]


def test_a_commission_statement_does_not_excuse_a_law_without_that_rule() -> None:
    found = lint(ad("Denver, CO", "This role is paid solely on commission."))
    assert "Colorado" in laws_named(found)


def test_new_york_state_wants_the_job_description() -> None:
    bare = ad("Albany, NY", "The pay is $50,000 to $60,000 a year.")
    [missing] = lint(bare)
    assert "job description (if one exists)" in missing and "states no duties" in missing
    described = ad(
        "Albany, NY",
        "## Responsibilities\n\nYou will assess clients and plan their care.\n\n"
        "## Pay\n\nThe pay is $50,000 to $60,000 a year.",
    )
    assert lint(described) == []
    summary = ad("Albany, NY", "The pay is $50,000 to $60,000 a year. [Read the full job "
                 "description](https://jobs.example.org/case-manager).")  # fmt: skip
    assert lint(summary) == []


@pytest.mark.parametrize(
    ("place", "pay", "ok"),
    [
        (
            "Vienna, Austria",
            "Mindestgehalt ab € 2.800 brutto pro Monat, Überzahlung möglich.",
            True,
        ),
        ("Wien", "Das Gehalt beträgt EUR 3.200 brutto monatlich.", True),
        ("Vienna, Austria", "From EUR 2,800 a month, with willingness to pay more.", True),
        ("Vienna, Austria", "Bezahlung laut Kollektivvertrag.", False),
        ("Vienna, Austria", "Bis € 4.000 brutto pro Monat.", False),
        ("Bratislava, Slovakia", "Základná zložka mzdy: od 1 500 €.", True),
        ("Bratislava, Slovakia", "Competitive salary.", False),
        ("Vilnius, Lithuania", "Atlyginimas nuo 2000 iki 2500 EUR.", True),
        ("Vilnius, Lithuania", "Atlyginimas nuo 2000 EUR.", False),
        ("Milano", "RAL 30-35k, CCNL Commercio.", True),
        ("Milano", "Retribuzione competitiva, CCNL Commercio.", False),
    ],
)
def test_minimum_and_range_in_eu_postings(place: str, pay: str, ok: bool) -> None:
    errors = [m for m in lint(ad(place, pay)) if m.startswith("C101")]
    assert (errors == []) == ok, errors


def test_requirement_added_later_uses_since() -> None:
    [law] = parse_table(
        [{"id": "x", "name": "X", "law": "L", "country": "IT", "effective": "2020-01-01",
          "requires": ["range", "collective_agreement"],
          "since": {"collective_agreement": "2026-06-07"}}]
    )  # fmt: skip
    assert law.required(dt.date(2026, 6, 6)) == ("range",)
    assert law.required(dt.date(2026, 6, 7)) == ("range", "collective_agreement")


# -- laws that ask for pay before the interview -----------------------------------------


@pytest.mark.parametrize(
    ("place", "stage"),
    [("Warsaw, Poland", "before the interview"), ("Valletta, Malta", "before employment")],
)
def test_before_interview_laws_give_info_only(place: str, stage: str) -> None:
    [info] = lint(ad(place, "Competitive salary."))
    assert info.startswith("C102") and stage in info
    assert lint(ad(place, "The pay is EUR 2,000 to 2,400 a month.")) == []
    early = lint(ad(place, "Competitive salary."), dt.date(2025, 1, 1))
    assert len(early) == 1 and "will require pay to be given to applicants" in early[0]


def test_poland_pay_in_zloty_is_pay() -> None:
    assert lint(ad("Warszawa, Polska", "Wynagrodzenie: 9 000 - 11 000 zł brutto.")) == []


# -- places and pay of EU postings --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our clinic in Milan, Italy", [("Milan", "IT", False)]),
        ("Wien, Österreich", [("Wien", "AT", False)]),
        ("Košice, Slovakia", [("Košice", "SK", False)]),
        ("Remote (Lithuania)", [(None, "LT", True)]),
        ("Frankfurt am Main, Germany", [("Frankfurt am Main", "DE", False)]),
        ("Naples, FL 34102", [("Naples", "US", False)]),
    ],
)
def test_eu_places_in_text(text: str, expected: list) -> None:
    assert [(p.city, p.country, p.remote) for p in location.parse(text)] == expected


def test_a_city_alone_names_its_country_unless_an_american_town_shares_it() -> None:
    assert location.from_front_matter("Milano")[0].country == "IT"
    assert location.from_front_matter("Bratislava")[0].country == "SK"
    assert location.from_front_matter({"city": "Vilnius"})[0].country == "LT"
    for shared in ("Naples", "Vienna", "Dublin", "Florence", "Paris"):
        assert location.from_front_matter(shared)[0].country is None, shared
    assert location.from_front_matter("Italy")[0].country == "IT"
    # In running text a city alone is not a place.
    assert location.parse("Our partners in Milano and Bratislava") == []
    found = lint(ad("Naples", "Competitive salary."))
    assert not [m for m in found if m.startswith("C101")]


def test_continental_pay_forms() -> None:
    forms = {
        "€ 2.800,- pro Monat": ("fixed", 2800, 2800, "MONTH"),
        "EUR 2.500 bis 3.000 monatlich": ("range", 2500, 3000, "MONTH"),
        "da 30.000 a 35.000 € annui": ("range", 30000, 35000, "YEAR"),
        "ab € 2.800 brutto": ("open", 2800, None, None),
        "bis 4.000 €": ("open", None, 4000, None),
        "Stundenlohn € 14,50": ("fixed", 14.5, 14.5, "HOUR"),
    }
    for text, (kind, lo, hi, unit) in forms.items():
        [p] = pay_eu.find(text)
        assert (p.kind, p.minimum, p.maximum, p.unit) == (kind, lo, hi, unit), text
    # English forms are pay.py's; bonuses and years are not pay.
    for text in ("€2,500 a month", "€ 500 Bonus", "in 2024 we opened", "a € 300 Prämie"):
        assert pay_eu.find(text) == [], text


# -- the table's data ----------------------------------------------------------------------


BASE = {"id": "x", "name": "X", "law": "L", "country": "CA", "region": "ON",
        "effective": "2026-01-01"}  # fmt: skip


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"requires": ["range", "max_width"]}, "needs an amount"),
        ({"requires": [{"max_width": 50000}]}, "needs the law's 'currency'"),
        ({"requires": [{"range": 1}], "currency": "CAD"}, "only max_width, exempt_above"),
        ({"requires": [{"max_width": -5}], "currency": "CAD"}, "positive amount"),
        ({"requires": ["bonus"]}, "not 'bonus'"),
        ({"requires": []}, "'requires' lists"),
        ({"requires": ["range"], "until": "2025-01-01"}, "'until' is after 'effective'"),
        ({"requires": ["range"], "enforced": "2025-01-01"}, "'enforced' is not before"),
        ({"requires": ["range"], "disclose": "never"}, "'disclose' is one of"),
        ({"requires": ["range"], "period": "fortnight"}, "'period' is one of"),
        ({"requires": ["range"], "since": {"deadline": "2027-01-01"}}, "'since' maps"),
        ({"requires": ["range"], "counties": "Westchester"}, "'counties' is a list"),
    ],
)
def test_bad_rows_are_config_errors(extra: dict, error: str) -> None:
    with pytest.raises(ConfigError) as e:
        parse_table([{**BASE, **extra}])
    assert error in str(e.value)


def test_no_law_is_shipped_on_an_uncertain_fact() -> None:
    ids = {j.id for j in parse_table(packs.load().rules["C101"].options["jurisdictions"])}
    assert not ids & {"westchester", "albany-county", "newfoundland-and-labrador"}


def test_the_docs_list_every_law_in_the_table_and_its_date() -> None:
    page = (DOCS / "compliance.md").read_text(encoding="utf-8")
    assert "2026-11-27" in page
    for law in parse_table(packs.load().rules["C101"].options["jurisdictions"]):
        assert f"| {law.name} |" in page, law.name


# -- linear time ---------------------------------------------------------------------------


def _steps(run) -> int:
    """Bytecode instructions executed by ``run()``: deterministic, unlike a clock."""
    import sys

    count = 0

    def tracer(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        frame.f_trace_opcodes = True
        if event == "opcode":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize(
    ("read", "unit"),
    [
        (pay_eu.find, "€ 2.800 - "),  # each figure was compared with every range taken
        (pay_eu.find, "ab 1 000 € "),
        (location.parse, "Milan, Italy; Denver, CO; "),
        (location.parse, "We cannot hire in Alaska, Hawaii. Remote (US). "),
        (location.parse, "remote, except Honolulu, HI 96813. "),
    ],
)
def test_new_readers_do_work_linear_in_the_text(read, unit: str) -> None:
    steps = [_steps(lambda n=n: read(unit * n)) for n in (200, 400)]
    assert steps[1] <= 2.3 * steps[0], steps


@pytest.mark.parametrize(
    "text",
    [
        "Frankfurt Am Main " * 30_000,  # capitalised words with no comma after them
        "excluding Alaska, " * 20_000,
        "except " * 50_000,
        "1 000 " * 50_000 + "€",
    ],
)
def test_new_patterns_do_not_backtrack_over_the_text(text: str) -> None:
    from jdlint.budget import Budget

    with Budget(10):  # CPU seconds; a fraction of one here, minutes if quadratic
        location.parse(text)
        pay_eu.find(text)


def test_an_office_abroad_named_in_the_text_is_not_the_job() -> None:
    text = (
        "# Case Manager\n\nFounded in Milan, Italy, our network now runs clinics in the US.\n\n"
        "Our clinic in Denver, CO serves adults at home.\n\nCompetitive salary.\n"
    )
    assert laws_named(lint(text)) == {"Colorado"}
    only_italy = "# Case Manager\n\nOur clinic in Milan, Italy serves adults.\n\nGood pay.\n"
    assert laws_named(lint(only_italy)) == {"Italy"}


def test_towns_named_after_a_state_stay_places() -> None:
    for text, region in (
        ("Wyoming, Michigan", "MI"),
        ("Washington, New Jersey", "NJ"),
        ("Oregon, Ohio", "OH"),
    ):
        [loc] = location.parse(text)
        assert loc.region == region, text


def test_a_missing_benefits_description_points_at_the_benefits_heading() -> None:
    text = (
        "---\nlocation: Chicago, IL\n---\n# Case Manager\n\n"
        "The pay is $50,000 to $60,000 a year.\n\n## What we offer\n\nA friendly team.\n"
    )
    report = Linter(from_dict({"select": ["C101"]}), today=TODAY).lint_text(text, "p.md")
    [finding] = report.findings
    assert "benefits" in finding.message and report.line_col(finding.start)[0] == 8
