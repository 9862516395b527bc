"""Every block's clean text maps back to the exact characters of the source, in every reader,
and findings point at the line and column of the text they are about."""

from __future__ import annotations

import re

import pytest

from jdlint import packs
from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.readers import read
from jdlint.source import LineIndex, MappedText

WORD = re.compile(r"[A-Za-z]{3,}")


def vocab():
    return packs.load().vocabulary


def assert_words_map_to_source(text: str, fmt: str) -> None:
    posting = read(text, "x", vocab(), fmt)
    assert posting.blocks
    for block in posting.blocks:
        for m in WORD.finditer(block.text):
            start, end = block.mapped.source_span(m.start(), m.end())
            assert text[start:end] == m.group(), (block.text, m.group(), text[start:end])


MARKDOWN = (
    "---\ntitle: Case Manager\nlocation: Denver, CO\n---\n"
    "# Case Manager\n\n"
    "We **support** adults &amp; *families* with [care](http://example.com/care) and `code here`.\n"
    "A second line with an escaped \\*star\\* and an entity &rsquo; inside.\n\n"
    "## Responsibilities\n\n"
    "- Assess needs of each client\n"
    "  - Nested item about discharge planning\n"
    "1. Ordered item about documentation\n\n"
    "> Quoted note about advocacy\n\n"
    "| Column | Other |\n|---|---|\n| Cell text | More cells |\n\n"
    "<p>Inline HTML block about <b>benefits</b> &amp; pay</p>\n"
)


def test_markdown_offsets() -> None:
    assert_words_map_to_source(MARKDOWN, "markdown")


def test_markdown_offsets_with_crlf_and_lone_cr() -> None:
    assert_words_map_to_source(MARKDOWN.replace("\n", "\r\n"), "markdown")
    assert_words_map_to_source(MARKDOWN.replace("\n", "\r"), "markdown")


HTML = (
    "<h1>Case&nbsp;Manager</h1>\n"
    "<p>We support adults &amp; families across the county as they leave hospital, return home and look for the services that help them stay well.</p>\n"
    "<p><strong>Responsibilities:</strong></p>\n"
    "<ul>\n  <li>Assess needs &#8212; physical and social</li>\n"
    "  <li><p>Plan discharges with the team</p></li>\n</ul>\n"
    "<p>Line one<br>Line two<br/>Line three</p>\n"
    "<script>var ignored = 'skip this text';</script>\n"
)


def test_html_offsets() -> None:
    assert_words_map_to_source(HTML, "html")
    posting = read(HTML, "x.html", vocab(), "html")
    assert "skip" not in " ".join(b.text for b in posting.blocks)
    assert [s.key for s in posting.sections if s.key] == ["overview", "responsibilities"]


TEXT = (
    "Case Manager\n\n"
    "We support adults and families across the county and help them stay well at home.\n\n"
    "RESPONSIBILITIES:\n"
    "* Assess needs of each client\n"
    "* Plan discharges with the\n  wider team\n"
    "Qualifications:\n"
    "A bachelor's degree in social work\n"
    "Two years of case management experience\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_text_offsets(newline: str) -> None:
    assert_words_map_to_source(TEXT.replace("\n", newline), "text")


def test_mapped_text_synthetic_runs_point_at_their_source() -> None:
    src = "a &amp; b"
    m = MappedText()
    m.add_source(src, 0, 2)
    m.add_synthetic("&", 2)
    m.add_source(src, 7, 9)
    assert m.text == "a & b"
    assert m.source_span(2, 3) == (2, 3)
    assert m.source_span(4, 5) == (8, 9)
    assert m.slice(2, 5).source_span(2, 3) == (8, 9)


def test_line_index_counts_every_line_break_style() -> None:
    idx = LineIndex("a\r\nb\rc\nd")
    assert [idx.line_col(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def _finding_at(text: str, fmt: str, code: str, path: str):
    report = Linter(from_dict({"select": [code]})).lint_text(text, path, fmt)
    hits = [f for f in report.findings if f.code == code]
    assert len(hits) == 1, [f.message for f in report.findings]
    f = hits[0]
    return report.line_col(f.start), report.line_col(f.end), text[f.start : f.end]


def test_empty_section_points_at_heading_in_markdown() -> None:
    text = "# Case Manager\n\nIntro text here.\n\n## Benefits\n\n## How to apply\n\nApply online.\n"
    start, end, covered = _finding_at(text, "markdown", "S201", "p.md")
    assert start == (5, 4) and end == (5, 12) and covered == "Benefits"


def test_empty_section_points_at_heading_in_html() -> None:
    text = "<h1>Case Manager</h1>\n<p>Intro text here.</p>\n<h2>Schedule</h2>\n<h2>Apply</h2><p>Online.</p>\n"
    start, _, covered = _finding_at(text, "html", "S201", "p.html")
    assert start == (3, 5) and covered == "Schedule"


def test_empty_section_points_at_heading_in_text_with_crlf() -> None:
    text = "Case Manager\r\n\r\nIntro text here for readers.\r\n\r\nBENEFITS:\r\n\r\nHOW TO APPLY:\r\nApply online.\r\n"
    start, end, covered = _finding_at(text, "text", "S201", "p.txt")
    assert start == (5, 1) and end == (5, 10) and covered == "BENEFITS:"


def test_wall_of_text_covers_the_whole_paragraph() -> None:
    para = " ".join(["Clients get help with housing, benefits and care every single week."] * 16)
    text = f"# Case Manager\n\n{para}\n"
    start, _, covered = _finding_at(text, "markdown", "S203", "p.md")
    assert start == (3, 1) and covered == para
