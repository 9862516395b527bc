"""Posting hygiene (rules/hygiene.yaml): what each rule finds and leaves alone beyond its own
examples, the shared readers (dates, words, arrangements), size, and the corpus cases of
issue 20 when ../shared/corpus is present."""

from __future__ import annotations

import datetime as dt
import json
import socket
import time
from pathlib import Path

import pytest

from jdlint import dates, hygiene, readers, words
from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.findings import CATEGORIES

TODAY = dt.date(2026, 11, 26)
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def lint(
    text: str, select: str | list[str] = "H", path: str = "posting.md", fmt: str | None = None
):
    selection = [select] if isinstance(select, str) else select
    report = Linter(from_dict({"select": selection}), today=TODAY).lint_text(text, path, fmt)
    assert report.error is None, report.error
    return report


def found(text: str, select: str | list[str] = "H", **kw) -> list[tuple[str, int]]:
    report = lint(text, select, **kw)
    return [(f.code, report.line_col(f.start)[0]) for f in report.findings]


# -- the category ------------------------------------------------------------------------------


def test_hygiene_has_its_own_letter_in_the_report_schema() -> None:
    assert CATEGORIES["H"] == "hygiene"
    schema = json.loads((ROOT / "jdlint" / "schemas" / "report.schema.json").read_text())
    finding = schema["$defs"]["finding"]["properties"]
    assert "hygiene" in finding["category"]["enum"]
    assert "H" in finding["code"]["pattern"]


# -- placeholders -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Join {{company}} today.",
        "Join ${company} today.",
        "Join << Company >> today.",
        "Join %COMPANY_NAME% today.",
        "You need X+ years of experience.",
        "Call XXX-XXX-XXXX.",
        "Report to [Hiring Manager].",
        "Works with the Insert program name here team.",
        "TODO: add benefits.",
    ],
)
def test_placeholders_are_errors(text: str) -> None:
    report = lint(f"# Case Manager\n\n{text}\n", "H101")
    assert [f.code for f in report.findings] == ["H101"]
    assert str(report.findings[0].severity) == "error"


@pytest.mark.parametrize(
    "text",
    [
        "See [the benefits guide](https://example.org) [PDF].",
        "Insert catheters and enter orders in the record.",
        "Please enter your name and e-mail here to apply.",
        "Braces stay in code: `{{name}}` and `{title}`.",
        "The salary is competitive; 3-5 years preferred.",
        "Experience with Windows XP and Mac OS X.",
    ],
)
def test_text_like_a_placeholder_is_not_one(text: str) -> None:
    assert found(f"# Case Manager\n\n{text}\n", "H101") == []


# -- duplicated content --------------------------------------------------------------------------

DUTY_BLOCK = (
    "## Duties\n\n- Assess the needs of each adult referred to the service.\n"
    "- Write a care plan with the person and their family.\n"
    "- Review the plan every month and after any hospital stay.\n\n"
)


def test_a_copy_is_found_however_it_is_laid_out() -> None:
    """The second copy is a paragraph, the first a list: still one copy, reported at the
    second and naming the first copy's line."""
    flat = (
        "Assess the needs of each adult referred to the service. Write a care plan with the "
        "person and their family. Review the plan every month and after any hospital stay."
    )
    report = lint("# Case Manager\n\n" + DUTY_BLOCK + "## More\n\n" + flat + "\n", "H201")
    assert [(f.code, report.line_col(f.start)[0]) for f in report.findings] == [("H201", 11)]
    assert "line 5" in report.findings[0].message


def test_shared_phrases_and_repeated_headings_are_not_copies() -> None:
    text = (
        "# Case Manager\n\n## Duties\n\n- Work as part of a multidisciplinary team every day.\n\n"
        "## Requirements\n\n- Able to work as part of a multidisciplinary team every day, with "
        "a driving licence.\n\n## Duties\n\n- Keep records.\n"
    )
    assert found(text, "H201") == []


def run_check(code: str, text: str) -> tuple[list, float, object]:
    """The findings of one rule on ``text``, and the time its check alone took (reading a
    huge posting is the readers' cost, measured in test_hostile_inputs.py)."""
    from jdlint import packs
    from jdlint.checks import KINDS
    from jdlint.checks.context import Context

    pack_set = packs.load()
    rule = pack_set.rules[code]
    posting = readers.read(text, "p.md", pack_set.vocabulary)
    ctx = Context(posting, today=TODAY)
    t0 = time.perf_counter()
    out = list(KINDS[rule.kind].check(rule, ctx))
    return out, time.perf_counter() - t0, posting


def test_duplicate_detection_is_linear() -> None:
    """20,000 distinct bullets, then the same 20,000 again: one finding, in seconds; a
    dictionary of hashed word runs, never a comparison of every pair of blocks."""
    items = "".join(f"- Coordinate care plan item {i} with the team.\n" for i in range(20_000))
    text = "# Case Manager\n\n" + items + "\n## Again\n\n" + items
    findings, elapsed, posting = run_check("H201", text)
    assert [f.code for f in findings] == ["H201"]
    assert posting.lines.line_col(findings[0].start)[0] == 20_006
    assert elapsed < 20, elapsed


# -- dates --------------------------------------------------------------------------------------


def test_numeric_dates_follow_the_posting_country() -> None:
    (us,) = dates.find("Start 03/04/2014", "US")
    (uk,) = dates.find("Start 03/04/2014", "GB")
    (either,) = dates.find("Start 03/04/2014", None)
    assert us.readings == (dt.date(2014, 3, 4),)
    assert uk.readings == (dt.date(2014, 4, 3),)
    assert set(either.readings) == {dt.date(2014, 3, 4), dt.date(2014, 4, 3)}


def test_an_ambiguous_date_is_stale_only_if_both_readings_are() -> None:
    posted = "---\ndate_posted: 2014-03-10\n---\n# Case Manager\n\n"
    # 03/04: 4 March is before the posting date, 3 April is not.
    assert found(posted + "Application deadline: 03/04/2014.\n", "H301") == []
    assert found(posted + "Application deadline: 03/02/2014.\n", "H301") == [("H301", 6)]
    # A UK posting (pounds) reads day first: 3 April, after the posting date.
    assert found(posted + "Pay £30,000. Application deadline: 03/04/2014.\n", "H301") == []


def test_the_posting_date_comes_from_front_matter_keys_job_boards_use() -> None:
    assert dates.posted({"created_at": "May 31, 2024"}) == (dt.date(2024, 5, 31), "created_at")
    assert dates.posted({"date": dt.datetime(2018, 7, 16, 16, 26)}) == (
        dt.date(2018, 7, 16),
        "date",
    )
    assert dates.posted({"date_posted": "not a date"}) is None


def test_stale_dates_need_a_cue() -> None:
    text = "# Case Manager\n\nWe opened on 1 May 2001 and were funded through 12 June 2020.\n"
    assert found(text, ["H301", "H303"]) == []


# -- glued words and addresses --------------------------------------------------------------------


def test_the_word_list_is_wordfreqs_and_loads_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    words.forget()
    from wordfreq import zipf_frequency

    for word in ("the", "passionate", "caseload", "asthe", "passionateabout"):
        assert words.zipf(word) == pytest.approx(zipf_frequency(word, "en"), abs=0.01), word


@pytest.mark.parametrize(
    "text",
    [
        "Join the #caseworkerjobs team and tag @carecompany on Instagram.",
        "We use HubSpot, WebStorm and the Northzone fund.",
        "Send CVs to careers@example.org or see https://example.org/passionateabout.",
        "Nous cherchons une personne passionnée.",
        "Sign in at `loginportal` with your ID.",
    ],
)
def test_names_handles_code_and_addresses_are_not_glued_words(text: str) -> None:
    assert found(f"# Case Manager\n\n{text}\n", "H401") == []


def test_html_code_is_not_read_for_glued_words() -> None:
    html = "<h1>Developer</h1><p>Run <code>loginportal</code>, then log in.</p><p>Be passionateabout it.</p>"
    assert found(html, "H401", path="p.html") == [("H401", 1)]


def test_glued_words_are_reported_once_each_with_the_split_suggested() -> None:
    report = lint(
        "# Designer\n\nWe are passionateabout care.\n\n- Be passionateabout people.\n", "H401"
    )
    assert len(report.findings) == 1
    assert report.findings[0].suggestions == ["passionate about"]


def test_source_text_restores_blanked_addresses() -> None:
    from jdlint import packs

    text = "# Case Manager\n\nWrite to jobs@example.org or www.example.org today.\n"
    posting = readers.read(text, "p.md", packs.load().vocabulary)
    block = posting.blocks[-1]
    assert "example" not in block.text
    assert (
        hygiene.source_text(posting, block) == "Write to jobs@example.org or www.example.org today."
    )


# -- place and arrangement -----------------------------------------------------------------------


def test_front_matter_location_counts_and_a_bare_posting_does_not() -> None:
    body = "# Case Manager\n\nPlan care for adults.\n"
    assert found(body, "H501") == [("H501", 1)]
    assert found("---\nlocation: Remote (US)\n---\n" + body, "H501") == []
    assert found("---\nlocation: {city: Leeds, country: UK}\n---\n" + body, "H501") == []


def test_no_location_is_one_fact_with_its_own_key() -> None:
    report = lint("# Case Manager\n\nThis is a remote role.\n", "H501")
    assert report.findings[0].fact == ("location-missing",)
    assert "remote ('remote') but not from where" in report.findings[0].message


def test_a_summary_of_the_job_is_not_asked_for_its_location() -> None:
    teaser = (
        "# Case Manager\n\nWe are hiring a case manager. "
        "[Read the full job description](https://example.org/jd.pdf).\n"
    )
    assert found(teaser, "H501") == []


def test_arrangements_ignore_remote_monitoring_and_hybrid_clouds() -> None:
    from jdlint import packs

    text = "# Nurse\n\nRun remote monitoring on our hybrid cloud. Work from home on Fridays.\n"
    posting = readers.read(text, "p.md", packs.load().vocabulary)
    assert [m.kind for m in hygiene.arrangements(posting)] == ["remote"]


def test_a_posting_from_another_department_is_one_finding_at_the_first_unit() -> None:
    text = (
        "# Patient Navigator\n\nDepartment: Paediatrics\n\n"
        "- Represent the trust and the Stroke Unit at open days.\n"
        "- Work for the Cancer Care Centre on Fridays.\n"
    )
    report = lint(text, "H202")
    assert [(f.code, report.line_col(f.start)[0]) for f in report.findings] == [("H202", 5)]
    assert report.findings[0].fact == ("other-department",)
    assert "'Stroke Unit'" in report.findings[0].message


# -- conflicting facts and titles -------------------------------------------------------------------


def test_conflicting_pay_statements_are_compared_a_bounded_number_of_times() -> None:
    lines = "".join(f"- Item {i}: the salary is $52,000 - $60,000 a year.\n" for i in range(10_000))
    findings, elapsed, _ = run_check("H601", "# Case Manager\n\n" + lines)
    assert findings == []
    assert elapsed < 20, elapsed


def test_pay_in_different_units_is_not_compared() -> None:
    text = "# Nurse\n\nThe salary is $52,000 per year.\n\nOvertime and pay: $30 - $35 per hour.\n"
    assert found(text, "H601") == []


def test_a_title_with_bars_and_extras_is_one_finding() -> None:
    report = lint("# RN Case Manager | Hospice | Remote | FT Job\n\nText.\n", ["H7", "K2"])
    assert [f.code for f in report.findings] == ["H701"]
    assert report.findings[0].message.endswith("without the '|' bars.")
    report = lint("# RN Case Manager | Hospice\n\nText.\n", ["H7"])
    assert [f.code for f in report.findings] == ["H702"]


def test_the_good_examples_stay_clean_of_hygiene_findings() -> None:
    linter = Linter(from_dict({"select": ["H"]}), today=TODAY)
    for path in sorted((ROOT / "examples").glob("*/good.md")):
        report = linter.lint_file(path)
        assert [f"{f.code} {f.message}" for f in report.findings] == [], path


# -- the corpus cases of issue 20 ----------------------------------------------------------------

# (file, code, line) that issue 20 and REVIEW.md ("Misses" 2, 3, 5, 7, 8, 10, 11, 13) name.
CORPUS_CASES = [
    ("indeed-boston_001.txt", "H101", 53),  # "Enter research program names here"
    ("indeed-boston_001.txt", "H101", 76),  # "Enter department name here"
    ("remotewlb_009.txt", "H201", 77),  # duties, requirements and notes pasted twice
    ("nhs-jobs_014.txt", "H201", 13),  # the band 5 note twice
    ("indeed-boston_001.txt", "H202", 39),  # Pediatrics, representing the Cancer Care Center
    ("emscad_001.txt", "H201", 7),  # the English privacy notice twice
    ("emscad_001.txt", "H301", 3),  # application deadline in 2014
    ("nhs-jobs_019.txt", "H301", 8),  # interviews in November 2020
    ("remotewlb_001.txt", "H303", 19),  # "Effective August 1, 2014"
    ("remotewlb_010.txt", "H401", 4),  # "passionateabout"
    ("remotewlb_003.txt", "H401", 49),  # "Healthwe", "dedicatedto"
    ("nhs-jobs_011.txt", "H402", 20),  # "Careers @..." with a space
    ("cedars-sinai_001.txt", "H501", 1),  # only "#LI-Onsite"
    ("cedars-sinai_003.txt", "H501", 1),  # only "#LI-Remote"
    ("linkedin-kaggle_001.txt", "H501", 1),  # "remote" and a state licence
    ("remotewlb_001.txt", "H502", 51),  # remote, with invasive patient contact
    ("remotewlb_002.txt", "H502", 41),  # remote, with restraint certification
    ("remotewlb_004.txt", "H601", 42),  # 147000.0 against $62,000-$85,000
    ("remotewlb_005.txt", "H601", 38),  # 358750.0 against $153,750-$205,000
    ("remotewlb_001.txt", "H701", 1),  # "| Remote | FT Job"
    ("indeed-boston_007.txt", "H701", 3),  # "FULLY REMOTE - Frontend Developer"
]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_the_corpus_cases_of_issue_20_are_found() -> None:
    linter = Linter(from_dict({"select": ["H"]}), today=TODAY)
    reports = {name: linter.lint_file(CORPUS / name) for name in {c[0] for c in CORPUS_CASES}}
    missing = []
    for name, code, line in CORPUS_CASES:
        report = reports[name]
        lines = {report.line_col(f.start)[0] for f in report.findings if f.code == code}
        if line not in lines:
            missing.append((name, code, line, sorted(lines)))
    assert missing == []
