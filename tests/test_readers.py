"""Readers find the sections a reader sees, in Markdown, plain text and HTML."""

from __future__ import annotations

import pytest

from jdlint import packs
from jdlint.errors import InputError
from jdlint.readers import detect_format, read


def sections(text: str, fmt: str | None = None, path: str = "p") -> list[tuple[str | None, str]]:
    posting = read(text, path, packs.load().vocabulary, fmt)
    return [(s.key, s.title) for s in posting.sections]


def test_markdown_headings_map_to_canonical_sections() -> None:
    text = (
        "# Case Manager\n\n"
        "## What you'll do\n\n- Assess needs.\n\n"
        "## What we're looking for\n\n- A degree.\n\n"
        "## What we offer\n\n- Pay.\n\n"
        "## Preferred Qualifications\n\n- CCM.\n\n"
        "## About the role\n\nText.\n"
    )
    assert [k for k, _ in sections(text, "markdown")] == [
        None,
        "responsibilities",
        "qualifications",
        "benefits",
        "qualifications",
        "overview",
    ]


def test_markdown_bold_paragraph_and_colon_line_act_as_headings() -> None:
    text = "# Nurse\n\n**Responsibilities:**\n\n- Assess needs.\n\nRequirements:\n- RN license\n"
    assert [k for k, _ in sections(text, "markdown")] == [
        None,
        "responsibilities",
        "qualifications",
    ]


def test_markdown_sentence_ending_in_colon_is_not_a_heading() -> None:
    text = "# Nurse\n\n## Benefits\n\nThis position is eligible for:\n\n- Health insurance\n"
    assert sections(text, "markdown") == [(None, "Nurse"), ("benefits", "Benefits")]


def test_title_comes_from_front_matter_or_first_h1() -> None:
    vocab = packs.load().vocabulary
    posting = read("---\ntitle: RN Case Manager\n---\n# RN Case Manager\n\nText.\n", "p.md", vocab)
    assert posting.title == "RN Case Manager"
    assert posting.title_span is not None
    assert posting.text[slice(*posting.title_span)] == "RN Case Manager"
    assert (
        read("# Geriatric Case Manager\n\nText.\n", "p.md", vocab).title == "Geriatric Case Manager"
    )


def test_toml_front_matter() -> None:
    posting = read(
        '+++\ntitle = "Case Manager"\nsalary = "$50,000-$60,000"\n+++\nBody text here.\n',
        "p.txt",
        packs.load().vocabulary,
    )
    assert posting.meta["salary"] == "$50,000-$60,000"
    assert posting.title == "Case Manager"
    assert posting.blocks[0].text == "Body text here."


def test_plain_text_heading_shapes() -> None:
    text = (
        "POSITION SUMMARY:\nWe help adults leaving hospital return home safely and stay well.\n\n"
        "Key Responsibilities :\nAssess client needs\nBuild care plans with families\nKeep records\n\n"
        "Minimum Qualifications:\nBachelor's degree in social work\nTwo years of experience\n\n"
        "This position is eligible for:\nHealth insurance\n"
    )
    result = sections(text, "text")
    assert [k for k, _ in result] == ["overview", "responsibilities", "qualifications"]


def test_plain_text_lines_under_duties_are_list_items_and_prose_stays_prose() -> None:
    text = (
        "We are a community health center serving three counties, and we are growing our care team this year.\n"
        "Our case managers work with nurses, doctors and families to help every client stay well at home.\n\n"
        "Responsibilities:\nAssess client needs\nBuild care plans with families\n"
    )
    posting = read(text, "p.txt", packs.load().vocabulary, "text")
    kinds = [b.kind for b in posting.blocks]
    assert kinds == ["paragraph", "paragraph", "heading", "list_item", "list_item"]
    assert not posting.blocks[3].marked


def test_plain_text_glued_heading_is_split() -> None:
    text = (
        "We value every patient.What you'll do:Assess needs and build care plans for each client."
    )
    result = sections(text, "text")
    assert ("responsibilities", "What you'll do:") in result


def test_html_bold_paragraph_headings_and_ellipses() -> None:
    text = "<p>Intro.</p><p><strong>About the Role….</strong></p><p>Role text.</p><p><strong>£30,000 - £35,000</strong></p>"
    result = sections(text, "html")
    assert ("overview", "About the Role….") in result
    assert all("£" not in title for _, title in result)


@pytest.mark.parametrize(
    ("body", "path", "expected"),
    [
        ("<p>Hello</p><p>World</p>", "a.txt", "html"),
        ("# Title\n\nText", "a.txt", "markdown"),
        ("Title\n\nResponsibilities:\nDo things", "a.txt", "text"),
        ("Plain", "a.md", "markdown"),
        ("Plain", "a.htm", "html"),
        ("Plain", None, "text"),
    ],
)
def test_detect_format(body: str, path: str | None, expected: str) -> None:
    assert detect_format(body, path) == expected


def test_unclosed_front_matter_is_an_input_error() -> None:
    with pytest.raises(InputError, match="never closed"):
        read("---\ntitle: x\nno end\n", "p.md", packs.load().vocabulary)


def test_paragraph_with_bullet_glyphs_and_labelled_runs_are_lists() -> None:
    text = (
        "# Job\n\n## Responsibilities\n\n• Assess needs\n\n• Plan care\n\n"
        "## Qualifications\n\nEducation: a degree in social work.\n\nLicense: an active RN license.\n\nExperience: two years.\n"
    )
    posting = read(text, "p.md", packs.load().vocabulary, "markdown")
    items = [b.text for b in posting.blocks if b.kind == "list_item"]
    assert items[:2] == ["Assess needs", "Plan care"]
    assert len(items) == 5
