"""`jdlint jsonld`: JobPosting JSON-LD from the good examples, parsed back and checked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint import jsonld
from jdlint.cli import main
from jdlint.config import from_dict
from jdlint.engine import Linter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOOD = sorted(EXAMPLES.glob("*/good.md"))


def run(*args: str) -> tuple[int, str, str]:
    result = (
        CliRunner(mix_stderr=False).invoke(main, list(args))
        if _has_mix()
        else CliRunner().invoke(main, list(args))
    )
    return result.exit_code, result.stdout, result.stderr


def _has_mix() -> bool:
    import inspect

    return "mix_stderr" in inspect.signature(CliRunner.__init__).parameters


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.parent.name)
def test_good_examples_have_every_required_property(path: Path) -> None:
    code, out, err = run("jsonld", str(path))
    assert code == 0, err
    data = json.loads(out)
    assert data["@type"] == "JobPosting"
    for prop in ("title", "description", "datePosted", "hiringOrganization"):
        assert data.get(prop), prop
    assert data.get("jobLocation") or (
        data.get("jobLocationType") == "TELECOMMUTE" and data.get("applicantLocationRequirements")
    )
    assert data["baseSalary"]["value"]["minValue"] < data["baseSalary"]["value"]["maxValue"]
    assert data["employmentType"] in jsonld.EMPLOYMENT_TYPES
    # The built markup passes the same checks as embedded markup.
    problems = jsonld.validate(data, dt.date(2026, 11, 26))
    assert [p.message for p in problems if p.level != "recommended"] == []
    assert "<ul>" in data["description"] and "<li>" in data["description"]


def test_remote_example_is_telecommute() -> None:
    _, out, _ = run("jsonld", str(EXAMPLES / "software-engineer" / "good.md"))
    data = json.loads(out)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"]["name"] == "US"


def test_missing_required_properties_exit_non_zero(tmp_path: Path) -> None:
    p = tmp_path / "p.md"
    p.write_text("# Case Manager\n\nYou will support adults at home.\n", encoding="utf-8")
    code, out, err = run("jsonld", str(p))
    assert code == 1
    json.loads(out)  # still valid JSON
    assert "datePosted" in err and "hiringOrganization" in err and "jobLocation" in err


PAGE = """<html><head>
<script type="application/ld+json">
{"@context": "https://schema.org/", "@type": "JobPosting", "title": "Case Manager",
 "employmentType": "full time", "datePosted": "2026-11-02", "validThrough": "2026-01-01"}
</script></head><body><h1>Case Manager</h1><p>Support adults at home.</p></body></html>
"""


def test_embedded_jsonld_is_checked_at_the_script_line() -> None:
    report = Linter(from_dict({"select": ["K4"]}), today=dt.date(2026, 11, 26)).lint_text(
        PAGE, "page.html"
    )
    by_code: dict[str, list[str]] = {}
    for f in report.findings:
        assert report.line_col(f.start)[0] == 2
        by_code.setdefault(f.code, []).append(f.message)
    assert any("description" in m for m in by_code["K401"])
    assert any("hiringOrganization" in m for m in by_code["K401"])
    assert any("employmentType" in m for m in by_code["K403"])
    assert any("validThrough" in m and "passed" in m for m in by_code["K403"])
    assert any("baseSalary" in m for m in by_code["K402"])


def test_markdown_postings_are_not_checked_for_embedded_markup() -> None:
    report = Linter(from_dict({"select": ["K4"]})).lint_text("# Case Manager\n\nText.\n", "p.md")
    assert report.findings == []
