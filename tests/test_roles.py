"""Role profiles: detection, paraphrase-aware duty matching, coverage report, user packs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdlint import packs
from jdlint.config import from_dict, load_file
from jdlint.engine import Linter


def lint(text: str, **settings):
    return Linter(
        from_dict({"select": ["D"], "rules": {"D101": {"min_words": 0}}, **settings})
    ).lint_text(text, "p.md")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Psychiatric Case Manager", "psychiatric-case-manager"),
        ("RN Case Manager | Hospice | Remote", "rn-case-manager"),
        ("Hospital Case Manager - Night Shift", "hospital-case-manager"),
        ("Substance Abuse Case Manager", "substance-use-case-manager"),
        ("Behavioral Health Case Manager", "mental-health-case-manager"),
        ("Geriatric Care Manager", "geriatric-case-manager"),
        ("Housing Case Manager", "case-manager"),
        ("Care Coordinator", "case-manager"),
        ("Backend Software Engineer", "general"),
        ("Social Worker", "general"),
    ],
)
def test_profile_is_detected_from_the_title(title: str, expected: str) -> None:
    report = lint(f"# {title}\n\nWe are hiring.\n")
    assert report.profile == {
        "id": expected,
        "source": "title" if expected != "general" else "default",
    }


def test_front_matter_and_command_line_choose_the_profile() -> None:
    text = "---\nprofile: geriatric-case-manager\n---\n# Case Manager\n\nText.\n"
    assert lint(text).profile == {"id": "geriatric-case-manager", "source": "front-matter"}
    report = Linter(from_dict({}), {"profile": "rn-case-manager"}).lint_text(text, "p.md")
    assert report.profile == {"id": "rn-case-manager", "source": "command-line"}


def test_unknown_front_matter_profile_is_a_finding_and_the_posting_is_still_linted() -> None:
    report = lint("---\nprofile: astronaut\n---\n# Case Manager\n\nText.\n", select=["D", "S001"])
    assert report.error is None
    # Checked as the profile its title names, as if the typo were not there.
    assert report.profile == {"id": "case-manager", "source": "title"}
    (s001,) = [f for f in report.findings if f.code == "S001"]
    assert report.line_col(s001.start) == (2, 1)
    assert s001.message == (
        "front matter profile 'astronaut' is not a role profile (see 'jdlint profiles'); "
        "the posting was checked as 'case-manager'"
    )
    assert any(f.code == "D101" for f in report.findings)  # the role checks still ran
    typo = lint("---\nprofile: rn-case-manger\n---\n# RN Case Manager\n\nText.\n", select=["S001"])
    assert typo.profile["id"] == "rn-case-manager"
    assert "(did you mean 'rn-case-manager'?)" in next(
        f.message for f in typo.findings if f.code == "S001"
    )


def test_another_field_gets_no_role_rules() -> None:
    report = lint("# Electrician\n\n## Responsibilities\n\n- Install wiring.\n")
    assert report.profile["id"] == "general"
    assert report.findings == [] and report.coverage is None


HOSPITAL = "---\nprofile: hospital-case-manager\n---\n# Hospital Case Manager\n\n## Responsibilities\n\n- {duty}\n"


def _missing(text: str) -> set[str]:
    report = lint(text)
    assert report.coverage is not None
    return {i.concept.key for i in report.coverage.items if i.evidence is None}


@pytest.mark.parametrize(
    "duty",
    [
        "Coordinate safe discharges home for every patient.",
        "Plan each patient's discharge with the team.",
        "Lead discharge planning on the unit.",
    ],
)
def test_discharge_planning_in_other_words(duty: str) -> None:
    assert "discharge-planning" not in _missing(HOSPITAL.format(duty=duty))


def test_medication_adherence_in_plain_words() -> None:
    text = "---\nprofile: psychiatric-case-manager\n---\n# Psychiatric Case Manager\n\n- Help clients take their medications as prescribed.\n"
    assert "medication-management" not in _missing(text)


def test_words_near_each_other_by_chance_do_not_count() -> None:
    across_sentences = HOSPITAL.format(
        duty="We discharge every duty with care. Planning our week is fun."
    )
    assert "discharge-planning" in _missing(across_sentences)
    far_apart = HOSPITAL.format(
        duty="Discharge any invoice questions to finance, then meet the wider group of clinical staff, "
        "volunteers, visitors and contractors every single week for a general planning lunch."
    )
    assert "discharge-planning" in _missing(far_apart)


def test_the_role_title_is_not_evidence_of_a_duty() -> None:
    text = "---\nprofile: substance-use-case-manager\n---\n# Recovery Case Manager\n\nJoin us as a Recovery Case Manager.\n"
    assert "recovery-support" in _missing(text)


def test_capitalised_bullet_start_is_lemmatised() -> None:
    text = "---\nprofile: case-manager\n---\n# Case Manager\n\n- Evaluates the plan of care on a continuous basis.\n"
    assert "monitoring" not in _missing(text)


def test_rn_title_is_not_an_rn_license_but_a_license_line_is() -> None:
    base = "---\nprofile: rn-case-manager\n---\n# Registered Nurse Case Manager\n\n## Qualifications\n\n- {line}\n"
    assert "rn-license" in _missing(base.format(line="A valid driver's license."))
    assert "rn-license" not in _missing(base.format(line="Current unrestricted RN license."))


def test_coverage_is_in_the_json_report_with_where_it_was_found() -> None:
    from click.testing import CliRunner

    from jdlint.cli import main

    root = Path(__file__).resolve().parent.parent
    result = CliRunner().invoke(
        main, ["--format", "json", str(root / "examples/hospital-case-manager/good.md")]
    )
    doc = json.loads(result.stdout)
    coverage = doc["files"][0]["coverage"]
    assert {c["concept"] for c in coverage} >= {
        "discharge-planning",
        "utilization-review",
        "needs-assessment",
    }
    found = [c for c in coverage if c["found"]]
    assert found and all(c["line"] >= 1 and c["text"] for c in found)


USER_PACK = """\
pack: trades
profiles:
  - id: electrician
    label: Electrician
    titles: [electrician, electrical technician]
    required: [code-compliance]
concepts:
  code-compliance:
    section: responsibilities
    label: work to the electrical code
    example: Install and repair wiring to the National Electrical Code.
    match:
      - [electrical code|nec|building code|wiring regulations]
      - [code, compliance|comply|compliant|standard|standards]
rules:
  - code: D901
    name: trade-duty-missing
    kind: role-coverage
    severity: warning
    message: "{profile} posting does not mention {concept}. For example: \\"{example}\\""
    description: Trades postings name the code the work follows.
    options: {level: required, section: responsibilities, min_words: 0}
    examples:
      pass: ["# Electrician\\n\\n## Duties\\n\\n- Work to the NEC.\\n"]
      fail: ["# Electrician\\n\\n## Duties\\n\\n- Pull wire.\\n"]
"""


def test_a_user_role_pack_adds_a_family_without_code(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "trades.yaml").write_text(USER_PACK)
    (tmp_path / ".jdlint.yaml").write_text("packs: [packs]\nselect: [D9]\n")
    config = load_file(tmp_path / ".jdlint.yaml")
    linter = Linter(config)
    missing = linter.lint_text(
        "# Electrician\n\n## Duties\n\n- Pull wire and fit panels.\n", str(tmp_path / "a.md")
    )
    assert missing.profile == {"id": "electrician", "source": "title"}
    assert [f.code for f in missing.findings] == ["D901"]
    assert "work to the electrical code" in missing.findings[0].message
    said = linter.lint_text(
        "# Electrician\n\n## Duties\n\n- Keep every job compliant with the building code.\n",
        str(tmp_path / "b.md"),
    )
    assert said.findings == []
    assert "electrician" in packs.load(config.pack_paths(), ()).roles.profiles


def test_a_posting_missing_most_duties_gets_one_finding_listing_them() -> None:
    text = "---\nprofile: hospital-case-manager\n---\n# Hospital Case Manager\n\n## Responsibilities\n\n- Answer the phone.\n"
    report = lint(text)
    d101 = [f for f in report.findings if f.code == "D101"]
    assert len(d101) == 1
    assert "does not mention 11 of the responsibilities" in d101[0].message
    assert "discharge planning" in d101[0].message and "utilization review" in d101[0].message


def test_profile_titles_match_their_plural() -> None:
    assert (
        lint("# Case Managers / Care Coordinators\n\nWe are hiring.\n").profile["id"]
        == "case-manager"
    )


def test_a_concept_is_looked_for_only_in_sentences_holding_a_first_word_of_each_slot() -> None:
    """``roles.find`` tries a concept only in the sentences where some way could match
    (the first word of an alternative of every slot): the same evidence, for every concept
    of every profile on every example, as trying each sentence in turn."""
    from jdlint import readers, roles
    from jdlint.checks.context import Context

    pack_set = packs.load()
    role_data = pack_set.roles
    titles = role_data.title_phrases()
    concepts = list(role_data.concepts.values())
    compared = found = 0
    for path in sorted(Path("examples").glob("*/*.md")):
        posting = readers.read(path.read_text(encoding="utf-8"), str(path), pack_set.vocabulary)
        ctx = Context(posting)
        for concept in concepts:
            want = None
            for block in posting.body_blocks():
                for sent in ctx.analysis.sents(block.index):
                    hit = roles.match_sentence(sent, concept, ctx.analysis, titles)
                    if hit and want is None:
                        span = sent[hit[0] : hit[1] + 1]
                        want = roles.Evidence(block.index, span.start_char, span.end_char)
            assert roles.find(ctx, concept, titles) == want, (path, concept.key)
            compared += 1
            found += want is not None
    assert compared > 100 and found > 30
