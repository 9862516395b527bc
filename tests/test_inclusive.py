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


# == Issue 13: what real postings showed jdlint missing, and what must stay quiet ==========


def findings(text: str, fmt: str | None = None, **settings) -> list:
    report = Linter(from_dict({"select": ["I"], **settings})).lint_text(text, "p.md", fmt)
    assert report.error is None
    return [(f.code, str(f.severity), text[f.start : f.end], f) for f in report.findings]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Must be under 40.", [("I203", "error", "under 40")]),
        ("Applicants aged 21-35.", [("I203", "error", "aged 21-35")]),
        (
            "Must be between 25 and 35 years old.",
            [("I203", "error", "between 25 and 35 years old")],
        ),
        ("He should be ready to learn.", [("I102", "warning", "He")]),
        (
            "Recovering addicts are encouraged to apply.",
            [("I601", "warning", "Recovering addicts")],
        ),
        (
            "Normal hearing; normal vision.",
            [("I301", "warning", "Normal hearing"), ("I301", "warning", "normal vision")],
        ),
        (
            "Ability to lift and carry up to 50 lbs; push and pull up to 250 lbs.",
            [("I301", "warning", "Ability to lift and carry up to 50 lbs")],
        ),
        (
            "An aggressive closer who dominates every negotiation.",
            [("I104", "warning", "aggressive")],
        ),
        (
            "Kegerator and happy hours every Friday!",
            [("I504", "info", "Kegerator"), ("I504", "info", "happy hours")],
        ),
    ],
)
def test_the_lines_a_new_user_tried_are_reported_at_the_right_span(line, expected) -> None:
    for text in (line + "\n", "# Job\n\n" + line + "\n"):
        assert [f[:3] for f in findings(text)] == expected


def test_an_inviting_sentence_keeps_the_label_suggestion() -> None:
    (finding,) = [
        f[3] for f in findings("# Peer Worker\n\nRecovering addicts are encouraged to apply.\n")
    ]
    assert finding.suggestions[0] == "people in recovery"
    # The equal-opportunity exception still covers equal-opportunity wording itself.
    assert findings("# Peer Worker\n\nPeople in recovery are encouraged to apply.\n") == []


@pytest.mark.parametrize(
    "text",
    [
        # ages of the people served, and ages a law sets
        "You will support clients aged 60 and over in their own homes.",
        "Adults between the ages of 18 and 65 are eligible for our program.",
        "We serve young people aged 16-25 across the city.",
        "Children under the age of 5 and their parents attend the clinic.",
        "You must be at least 21 to serve alcohol.",
        "Must be 18 or older and hold a valid driver's license.",
        "Must be 25 or older to meet our insurer's rules for drivers.",
        "Apprentices aged 16-18 are paid the apprentice rate set by law.",
        "You will manage under 40 cases and work under 40 hours a week.",
        "The clinic opened in 1990 and has served 2,000 families.",
        "You will teach a class of 30 pupils.",
        # experience floors and other maxima
        "At least 2 years of case management experience; 2-5 years preferred.",
        "You will have up to 5 years to complete the certificate.",
        # workplace and market, not traits
        "We offer a competitive salary in a supportive, inclusive environment.",
        "We innovate fearlessly and help clients live independently.",
        # clinical and literal uses, names and quotations
        "You will support clients with bipolar disorder and refer them to Deaf services.",
        "Use blind carbon copy for group emails and describe images for readers with low vision.",
        "We refer clients to Alcoholics Anonymous and our substance misuse service.",
        'We never call anyone an "addict" in our notes.',
        "The patient and her family meet the team.",
        # figures of speech that are not physical
        "Stand up for clients, walk them through their plan and drive improvement across sites.",
        "You will carry a caseload of 30 and pull data from the record system.",
        # a requirement a contract imposes
        "U.S. citizens only, as required by our federal contract.",
        # language ability, not origin
        "Fluent in Spanish and English; you will support clients whose first language is not English.",
        # drinks and games as the job, not a perk
        "Run happy hour service for our guests and keep the kegs cold.",
        "Run table tennis and pool table sessions for residents.",
    ],
)
def test_fine_uses_stay_quiet(text: str) -> None:
    assert findings(f"# Case Manager\n\n{text}\n") == []


@pytest.mark.parametrize(
    ("text", "code", "term"),
    [
        ("Candidates born after 1990 only.", "I203", "born after 1990"),
        ("Over 50s need not apply.", "I203", "Over 50s need not apply"),
        ("Must not be older than 35.", "I203", "not be older than 35"),
        ("Age range 20-30 years.", "I203", "Age range 20-30"),
        ("You must be at least 30 years old.", "I203", "be at least 30 years old"),
        ("Class of 2025 preferred.", "I204", "Class of 2025"),
        (
            "We are only considering students within a year of their graduation.",
            "I204",
            "within a year of their graduation",
        ),
        ("Recent high school graduates welcome.", "I201", "Recent high school graduates"),
        ("Maximum 3 years of experience.", "I202", "Maximum 3 years of experience"),
        ("Up to 2 years' experience only.", "I202", "Up to 2 years' experience only"),
        ("A tech-savvy self-starter.", "I202", "tech-savvy"),
    ],
)
def test_age_screens_in_any_wording(text: str, code: str, term: str) -> None:
    assert [(f[0], f[2]) for f in findings(f"# Sales Associate\n\n{text}\n")] == [(code, term)]


def test_young_and_energetic_is_not_told_to_say_energetic() -> None:
    (finding,) = [f[3] for f in findings("# Job\n\nA young and energetic team player.\n")]
    assert finding.code == "I201"
    assert not any("energetic" in s for s in finding.suggestions)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Join the fellas and gals on the night crew.", ["fellas", "gals"]),
        ("The foreman plans man-hours for the workmen.", ["foreman", "man-hours", "workmen"]),
        (
            "You will support the girls in the office and man the phones.",
            ["girls in the office", "man the phones"],
        ),
        ("Our middleman and salesmen call clients.", ["middleman", "salesmen"]),
    ],
)
def test_casual_and_occupational_gendered_nouns(text: str, terms: list[str]) -> None:
    assert [f[2] for f in findings(f"# Warehouse Associate\n\n{text}\n") if f[0] == "I101"] == terms


def test_safe_fixes_keep_meaning_and_stay_suggestions_where_the_word_depends_on_the_job() -> None:
    got = {
        f[2]: f[3].fix for f in findings("# Crew\n\nThe firemen and the foreman plan man-hours.\n")
    }
    assert got["firemen"][0].text == "firefighters"
    assert got["man-hours"][0].text == "person-hours"
    assert got["foreman"] is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("# Case Manager\n\n## Requirements\n\n- She is organised and calm.\n", 1),
        ("# Technician\n\nHe will maintain the pumps.\n", 1),
        ("# Case Manager\n\nMeet Sarah, our lead. She will train you.\n", 0),
        ("# Case Manager\n\nHe will be missed: our founder retired last year.\n", 0),
        (
            "# Case Manager\n\n## Duties\n\n- Meet each client at intake.\n- She may bring a carer.\n",
            0,
        ),
    ],
)
def test_a_pronoun_with_no_antecedent_in_duties_is_the_hire(text: str, count: int) -> None:
    assert len([f for f in findings(text) if f[0] == "I102"]) == count


def test_he_she_written_as_one_word_is_a_slur_not_a_pair() -> None:
    assert [f[:2] for f in findings("# Job\n\nThe hire will know he-she is valued.\n")] == [
        ("I105", "warning")
    ]
    assert [f[0] for f in findings("# Job\n\nThe hire will know he/she is valued.\n")] == ["I101"]
    assert findings("# Job\n\nHe, she or they: use each client's own pronouns.\n") == []


LONG_FILLER = (
    " You will plan the work, keep records and meet the team every week in our office near the"
    " station, with a laptop, a phone and paid training in your first month."
) * 8


@pytest.mark.parametrize(
    ("text", "masculine"),
    [
        (
            "We want someone aggressive, who shows aggression and ambition.",
            "aggressive (2), ambitious",
        ),
        (
            "Decisively, independently and fearlessly lead change.",
            "decisive, fearless, independent",
        ),
        (
            "Ambitious&driven;assertive(fearless) [confident].",
            "ambitious, assertive, confident, driven, fearless",
        ),
    ],
)
def test_every_form_and_glued_words_count_as_traits(text: str, masculine: str) -> None:
    report = Linter(
        from_dict(
            {
                "select": ["I103"],
                "rules": {"I103": {"min_per_1000": 0.0, "min_coded": 1, "strong_per_1000": 1e6}},
            }
        )
    ).lint_text("# Job\n\n" + text + LONG_FILLER + "\n", "p.md")
    (finding,) = report.findings
    assert ", ".join(sorted(finding.data["masculine"].split(", "))) == masculine


def test_a_short_blurb_needs_persona_words_with_nothing_balancing() -> None:
    assert [f[0] for f in findings("# Job\n\nAn aggressive, fearless, dominant closer.\n")] == [
        "I104"
    ]
    assert findings("# Job\n\nStrong analytical and logical thinking.\n") == []
    assert findings("# Job\n\nAn aggressive closer and a supportive colleague.\n") == []


def test_the_gender_coded_finding_points_at_the_first_word() -> None:
    text = "# Job\n\nA quiet start.\n\nYou are assertive, driven and competitive.\n"
    report = Linter(
        from_dict({"select": ["I104"], "rules": {"I104": {"min_words": 5, "strong_per_1000": 1.0}}})
    ).lint_text(text, "p.md")
    (finding,) = report.findings
    assert text[finding.start : finding.end] == "assertive"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a requirement with no accommodation statement
        ("- Must be able to lift 50 pounds.\n", [("I301", "warning")]),
        # the ADA's own form: essential functions and how to ask for an accommodation
        (
            "## Physical demands\n\nThe essential functions, with or without reasonable"
            " accommodation:\n\n- Stand for long periods.\n\nTo request a reasonable"
            " accommodation, email us.\n",
            [("I306", "info")],
        ),
        # the same in a remote job is a warning
        (
            "Remote (US).\n\n## Physical demands\n\nThe essential functions, with or without"
            " reasonable accommodation:\n\n- Stand for long periods.\n\nTo request a reasonable"
            " accommodation, email us.\n",
            [("I301", "warning")],
        ),
    ],
)
def test_physical_requirements_by_framing_and_remote_work(text: str, expected: list) -> None:
    assert [f[:2] for f in findings("# Case Manager\n\n" + text)] == expected


def test_a_remote_job_says_so_in_the_message() -> None:
    (finding,) = [f[3] for f in findings("# Analyst (Remote)\n\n- Close visual acuity.\n")]
    assert "for a remote job" in finding.message


@pytest.mark.parametrize(
    ("title", "forbidden"),
    [("Warehouse Associate", "patients"), ("Software Engineer", "electronic health record")],
)
def test_suggestions_fit_the_field(title: str, forbidden: str) -> None:
    text = (
        f"# {title}\n\n- Must be able to lift 50 pounds.\n- Normal hearing.\n"
        "- Must be able to drive to client homes.\n- Digital native.\n"
    )
    got = findings(text)
    assert len(got) == 4
    for f in got:
        assert not any(forbidden in s for s in f[3].suggestions), f[3].suggestions


def test_a_role_family_words_the_suggestions_its_own_way() -> None:
    text = "# Case Manager\n\n- Must be able to lift 50 pounds.\n- Digital native.\n"
    strength, native = [f[3] for f in findings(text)]
    assert strength.suggestions[0].startswith("transfer patients")
    assert native.suggestions[0] == "experienced with the electronic health record"
    assert "name the tools the job uses" in native.suggestions  # added, not replaced


def test_a_profile_suggesting_for_an_unknown_term_id_is_a_pack_error(tmp_path: Path) -> None:
    from jdlint.errors import ConfigError
    from jdlint.packs import load

    (tmp_path / "p.yaml").write_text(
        "pack: x\nprofiles:\n  - id: baker\n    titles: [baker]\n    suggest:\n"
        "      physical-strenght: [knead dough]\n"
    )
    with pytest.raises(ConfigError, match="unknown term id 'physical-strenght'"):
        load((str(tmp_path / "p.yaml"),))


# == Issue 19, 5.2: a safe fix never rewrites an official name ============================

NAMES = (
    "# Care Coordinator\n\nYou will report to the Substance Abuse & Mental Health Services"
    " Administration.\n\nYou will apply for the Center for Substance Abuse Treatment grant.\n\n"
    "You will teach the Drug Abuse Resistance Education (D.A.R.E.) program.\n\n"
    "Report to the Board Chairman. We offer Substance Abuse Recovery Services. CHAIRMAN and Chairman.\n"
)


def test_official_names_and_title_case_runs_are_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text(NAMES)
    result = fix_file(Linter(from_dict({"select": ["I"]})), str(path))
    assert result.error is None and result.fixed == 2
    assert path.read_text() == NAMES.replace("CHAIRMAN and Chairman", "CHAIR and Chair")
    reported = [f[2] for f in findings(NAMES)]
    # The agencies are names, not uses; the Title Case ones are reported but left alone.
    assert reported == ["Chairman", "Substance Abuse", "CHAIRMAN", "Chairman"]


def test_fixes_keep_the_case_pattern_word_by_word() -> None:
    from jdlint.terms import keep_case

    assert keep_case("Substance Abuse", "substance use") == "Substance Use"
    assert keep_case("SUBSTANCE ABUSE", "substance use") == "SUBSTANCE USE"
    assert keep_case("Substance abuse", "substance use") == "Substance use"


# == Issue 19, 5.3: hidden and look-alike characters do not hide a word ===================


@pytest.mark.parametrize(
    "word",
    [
        "chair\u200bman",  # zero-width space
        "chair\u00adman",  # soft hyphen
        "ch\u0430irman",  # Cyrillic a
        "\uff43\uff48\uff41\uff49\uff52\uff4d\uff41\uff4e",  # full-width
        "\u202echairman\u202c",  # bidi override
    ],
)
def test_hidden_and_look_alike_characters_are_reported_but_never_fixed(word: str) -> None:
    text = f"# Board\n\nThe {word} signs each plan.\n"
    ((code, _, matched, finding),) = findings(text)
    assert code == "I101" and matched == word
    assert finding.fix is None and finding.data["term"] == "chairman"


@pytest.mark.parametrize("word", ["rock\u200bstar", "rock\u00adstar"])
def test_hidden_characters_inside_hype_words(word: str) -> None:
    assert [f[0] for f in findings(f"# Job\n\nBe our {word}.\n")] == ["I502"]


def test_a_soft_hyphen_entity_in_html_is_read_through() -> None:
    text = "<h1>Board</h1><p>The chair&shy;man signs each plan.</p>"
    ((code, _, matched, finding),) = findings(text, "html")
    assert code == "I101" and matched == "chair&shy;man" and finding.fix is None


def test_every_inclusive_rule_shows_at_least_as_many_fine_uses_as_faults() -> None:
    from jdlint import packs

    for code, rule in packs.load().rules.items():
        if code.startswith("I"):
            assert len(rule.examples_pass) >= len(rule.examples_fail), code
