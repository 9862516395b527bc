"""The HTML report (``--format html``, ``jdlint.reporters.html``): structure, placement of
every finding, escaping of hostile postings, the Content-Security-Policy, contrast.

The report is read back with the standard library's HTML parser (tests/html_report_helpers.py);
the browser test (tests/test_html_browser.py) opens it in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from html_report_helpers import (
    EXAMPLES,
    HOSTILE_HTML,
    HOSTILE_MD,
    HOSTILE_TEXT,
    parse,
    postings,
    visible_text,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdlint.config import from_dict
from jdlint.engine import FileReport, Linter
from jdlint.findings import CATEGORIES, Finding, Severity
from jdlint.reporters import html as html_report
from jdlint.reporters import json_report
from jdlint.reporters.html_posting import shown

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(from_dict({"select": ["ALL"]}))


@pytest.fixture(scope="module")
def example_reports(linter: Linter) -> list[FileReport]:
    assert len(EXAMPLES) >= 16
    return [linter.lint_file(p) for p in EXAMPLES]


@pytest.fixture(scope="module")
def example_page(example_reports: list[FileReport]) -> str:
    return html_report.render(example_reports)


def _offsets(report: FileReport, item: dict) -> tuple[int, int]:
    """A JSON finding's span as offsets in the posting's text."""
    assert report.posting is not None
    lines = report.posting.lines
    return lines.offset(item["line"], item["column"]), lines.offset(
        item["end_line"], item["end_column"]
    )


def _check_placement(page: str, reports: list[FileReport]) -> None:
    """Every finding of the JSON report once: a card, and either marks holding exactly the
    text under its span or one callout where the missing part belongs."""
    root = parse(page)
    views = postings(root)
    doc = json_report.document(reports)
    assert len(views) == len(reports) == len(doc["files"])
    ids = [e.attrs["id"] for e in root.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids)), "ids are unique"
    for view, report, entry in zip(views, reports, doc["files"], strict=True):
        if report.error:
            assert view.text is None
            continue
        assert report.posting is not None
        source = report.posting.text
        # The posting's text, each character once, in order.
        assert view.shown_text() == shown(source), report.path
        assert len(view.cards) == len(entry["findings"]) == len(report.findings)
        for n, (item, finding) in enumerate(
            zip(entry["findings"], report.findings, strict=True), 1
        ):
            key = f"{view.section.attrs['id']}-f{n}"
            card = view.cards[key]
            assert card.attrs["data-sev"] == item["severity"]
            assert item["code"] in card.text() and item["message"] in card.text()
            start, end = _offsets(report, item)
            assert (start, end) == (finding.start, finding.end)
            if view.callouts.get(key):
                assert len(view.callouts[key]) == 1 and key not in view.marks
                continue
            fragments = view.marks[key]
            assert fragments, (report.path, item)
            assert view.marked_text(key) == shown(source[start:end]), (report.path, item)
            # The first fragment carries the finding's id and its numbered link to the card.
            assert fragments[0].attrs.get("id") == key
            assert all("id" not in f.attrs for f in fragments[1:])
            refs = [e for f in fragments for e in f.iter() if e.has_class("ref")]
            own = [r for r in refs if r.attrs["href"] == f"#{card.attrs['id']}"]
            assert len(own) == 1 and own[0].attrs["data-n"] == str(n)
            # Fragments of one finding never nest inside each other.
            for f in fragments:
                assert not any(a.attrs.get("data-f") == key for a in f.ancestors())


def test_every_example_finding_is_shown_once_over_its_own_text(
    example_page: str, example_reports: list[FileReport]
) -> None:
    assert sum(len(r.findings) for r in example_reports) > 50
    _check_placement(example_page, example_reports)


def test_examples_have_findings_in_place_and_missing_ones_as_callouts(example_page: str) -> None:
    views = postings(parse(example_page))
    assert sum(len(v.marks) for v in views) > 20
    assert sum(len(v.callouts) for v in views) > 5


def test_a_missing_section_is_shown_after_the_section_it_follows(linter: Linter) -> None:
    report = linter.lint_file(ROOT / "examples/psychiatric-case-manager/flawed.md")
    page = html_report.render(report)
    view = postings(parse(page))[0]
    s103 = next(
        i for i, f in enumerate(report.findings, 1) if f.code == "S103"
    )  # "No qualifications section (it belongs after 'Duties')"
    callout = view.callouts[f"p1-f{s103}"][0]
    siblings = [c for c in callout.parent.children if not isinstance(c, str)]
    before = siblings[: siblings.index(callout)]
    after = siblings[siblings.index(callout) + 1 :]
    # After the Duties list, before the next heading.
    assert [e.tag for e in before if e.tag != "aside"][-2:] == ["h4", "ul"]
    heading = next(e for e in after if e.tag.startswith("h"))
    assert "About Us" in heading.text(skip=frozenset({"md-s"}))
    assert "Duties" in [e for e in before if e.tag == "h4"][-1].text(skip=frozenset({"md-s"}))


def test_one_posting_has_no_summary_table_many_do(
    example_page: str, example_reports: list[FileReport]
) -> None:
    root = parse(example_page)
    table = next(e for e in root.iter() if e.tag == "table" and e.has_class("sortable"))
    rows = [e for e in table.iter() if e.tag == "tr"][1:]
    assert len(rows) == len(example_reports)
    for i, row in enumerate(rows, 1):
        links = [e for e in row.iter() if e.tag == "a"]
        assert links[0].attrs["href"] == f"#p{i}"  # each row opens its posting
    headers = [e.text().strip() for e in table.iter() if e.tag == "th"]
    assert headers[:4] == ["File", "Title", "Profile", "Score"]
    # One column per category, read from findings.CATEGORIES.
    for letter in CATEGORIES:
        assert any(f"({letter})" in h for h in headers)
    svgs = [e for e in root.iter() if e.tag == "svg" and e.attrs.get("role") == "img"]
    assert len(svgs) == 2  # scores, findings per category
    single = parse(html_report.render(example_reports[:1]))
    assert not any(e.tag == "table" and e.has_class("sortable") for e in single.iter())


def test_readability_and_role_coverage_are_shown(linter: Linter) -> None:
    report = linter.lint_file(ROOT / "examples/psychiatric-case-manager/flawed.md")
    view = postings(parse(html_report.render(report)))[0]
    text = " ".join(view.section.text().split())
    assert "Flesch reading ease" in text and str(report.metrics["flesch_reading_ease"]) in text
    coverage = json_report.coverage_list(report)
    table = next(e for e in view.section.iter() if e.tag == "table" and e.has_class("coverage"))
    rows = [e for e in table.iter() if e.tag == "tr"][1:]
    assert len(rows) == len(coverage)
    for row, item in zip(rows, coverage, strict=True):
        cells = " ".join(row.text().split())
        if item["found"]:
            assert "Found" in cells and " ".join(item["text"].split()) in cells
        else:
            assert "Missing" in cells


def _synthetic(
    text: str, spans: list[tuple[int, int, Severity]], fmt: str = "markdown"
) -> FileReport:
    """A real posting with findings at chosen spans (overlapping, nested, empty)."""
    report = Linter(from_dict({"select": ["S101"]})).lint_text(text, "synthetic.md", fmt)
    report.findings = [
        Finding(f"I{100 + i}", "made-up", "inclusive", sev, f"finding {i}", a, b)
        for i, (a, b, sev) in enumerate(spans)
    ]
    return report


OVERLAP = """\
# Title with **bold words** and `code`

First paragraph with a [link](https://example.org/x_(y)) and &amp; entity, \\*escaped\\*.
Second line of it.

- item one
- item two
"""


def test_overlapping_and_nested_spans_nest_soundly() -> None:
    t = OVERLAP
    at = t.index
    spans = [
        (at("Title"), at("code") + 5, Severity.WARNING),  # over markup, into the code span
        (at("bold"), at("words") + 5, Severity.ERROR),  # inside the first
        (at("with **"), at("and `"), Severity.INFO),  # overlaps both partly
        (at("link"), at("entity") + 6, Severity.WARNING),  # over the link's address
        (at("&amp;") + 1, at("&amp;") + 3, Severity.INFO),  # inside an entity
        (at("paragraph"), at("item one") + 4, Severity.ERROR),  # across blocks
        (at("item two"), at("item two"), Severity.INFO),  # zero width
        (at("escaped"), at("escaped") + 9, Severity.WARNING),  # over a backslash escape
        (at("item one"), at("item one") + 4, Severity.WARNING),  # same span twice
        (at("item one"), at("item one") + 4, Severity.INFO),
        (0, len(t), Severity.INFO),  # everything
    ]
    report = _synthetic(t, spans)
    page = html_report.render(report)
    _check_placement(page, [report])
    view = postings(parse(page))[0]
    # The partly overlapping finding is split into fragments, each whole.
    assert len(view.marks["p1-f3"]) >= 2
    # The zero-width finding is a point with its link and no text.
    assert view.marked_text("p1-f7") == ""


def test_markdown_reads_as_markdown_it_renders_it(example_reports: list[FileReport]) -> None:
    """What the reader sees of a Markdown posting is the text markdown-it-py's own renderer
    gives (white space aside): the markup hidden is markup, never text."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.out: list[str] = []

        def handle_data(self, data: str) -> None:
            self.out.append(data)

    md = MarkdownIt("commonmark").enable("table")
    overlap = _synthetic(OVERLAP, [])
    for report in [*example_reports, overlap]:
        assert report.posting is not None
        fm = report.posting.front_matter
        body = report.posting.text[fm.end if fm else 0 :]
        parser = Text()
        parser.feed(md.render(body))
        expected = "".join("".join(parser.out).split())
        view = postings(parse(html_report.render(report)))[0]
        assert "".join(visible_text(view.text).split()) == expected, report.path


def test_plain_text_is_shown_as_written() -> None:
    report = Linter().lint_text(HOSTILE_TEXT, "posting.txt", "text")
    page = html_report.render(report)
    _check_placement(page, [report])
    view = postings(parse(page))[0]
    tags = {e.tag for e in view.text.iter()} - {
        "article",
        "div",
        "mark",
        "a",
        "aside",
        "span",
        "code",
    }
    assert not tags, tags  # no element from the posting
    assert any(e.has_class("plain") for e in view.text.iter())


class _PageText(HTMLParser):
    """The text a browser shows of an HTML posting (no head, script or style)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("head", "script", "style", "title")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("head", "script", "style", "title") and self.skip > 0

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


TIDY_HTML = (
    "<h2>Care Coordinator</h2>\n<p>We help adults &amp; families <b>at home<br/>and in\n"
    "clinics</b>.</p><ul><li>Plan care<ul><li>with the <i>chairman</i></li></ul></li>"
    "<li>Write notes &#8211; daily &nosuch; today</li></ul><p><strong>Pay:<p>unclosed "
    "bold</strong> and a <a href='https://x.example/apply'>link</a><!-- note --></p>"
)


@pytest.mark.parametrize("text", [HOSTILE_HTML, TIDY_HTML], ids=["hostile", "tidy"])
def test_html_postings_read_as_the_page_does(text: str) -> None:
    """Tags hidden, the text as a browser shows it, headings, paragraphs, list items and
    bold as the report's own elements; scripts, comments and link addresses as text."""
    report = Linter().lint_text(text, "posting.html", "html")
    page = html_report.render(report)
    _check_placement(page, [report])
    view = postings(parse(page))[0]
    browser = _PageText()
    browser.feed(text)
    browser.close()
    assert "".join(visible_text(view.text).split()) == "".join("".join(browser.out).split())
    allowed = {"article", "div", "mark", "a", "aside", "span", "code", "p", "br", "strong", "em"}
    tags = {e.tag for e in view.text.iter()} - allowed - {"h3", "h4", "h5", "h6"}
    assert not tags, tags  # no element from the posting
    for e in view.text.iter():
        assert set(e.attrs) <= {
            "class",
            "id",
            "href",
            "data-f",
            "data-sev",
            "data-cat",
            "data-n",
            "aria-label",
            "data-glyph",
            "role",
            "data-card",
            "tabindex",
        }, e
        assert not e.attrs.get("href", "#").strip() or e.attrs.get("href", "#")[0] == "#"
    if text is HOSTILE_HTML:
        code = [e.text() for e in view.text.iter() if e.has_class("md-html")]
        assert "<script>window.__pwned = 1</script>" in code
        urls = [e.text() for e in view.text.iter() if e.has_class("h-url")]
        assert urls == ["javascript:window.__pwned=1"]
        assert [e.text().strip() for e in view.text.iter() if e.tag == "h3"] == ["Case Manager"]
    else:
        items = [visible_text(e) for e in view.text.iter() if e.has_class("h-li")]
        assert items == ["Plan care", "with the chairman", "Write notes – daily &nosuch; today"]
        assert [e.attrs["class"] for e in view.text.iter() if e.has_class("h-li")] == [
            "h-li h-d1",
            "h-li h-d2",
            "h-li h-d1",
        ]
        bold = [visible_text(e) for e in view.text.iter() if e.tag == "strong"]
        assert bold == ["at homeand in\nclinics", "Pay:", "unclosed bold"]
        assert any(e.has_class("md-html") and e.text() == "<!-- note -->" for e in view.text.iter())
        assert [e.text() for e in view.text.iter() if e.has_class("h-url")] == [
            "https://x.example/apply"
        ]


def test_html_the_parser_cannot_place_is_shown_as_written(monkeypatch) -> None:
    from jdlint.reporters import html_posting

    monkeypatch.setattr(html_posting, "html_events", lambda src, lo: None)
    report = Linter().lint_text(HOSTILE_HTML, "posting.html", "html")
    page = html_report.render(report)
    _check_placement(page, [report])
    view = postings(parse(page))[0]
    assert any(e.has_class("plain") for e in view.text.iter())
    assert "<script>window.__pwned = 1</script>" in view.shown_text()


def test_line_endings_and_odd_characters_keep_the_text(linter: Linter) -> None:
    text = "# Nurse\r\n\r\nWe want a rockstar\r\nwho leads.\r\n\r\n## Duties\r\n\r\n- Chairman \u202e stuff\r\n"
    report = linter.lint_text(text, "crlf.md")
    assert report.findings
    page = html_report.render(report)
    _check_placement(page, [report])
    assert "\u202e" not in page  # shown as U+FFFD: it cannot reorder the report


def _elements(page: str):
    return list(parse(page).iter())


ALLOWED_TAGS = {
    "#document", "html", "head", "meta", "title", "style", "body", "header", "main", "h1",
    "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "section", "article", "aside", "form",
    "fieldset", "legend", "label", "input", "table", "caption", "thead", "tbody", "tr", "th",
    "td", "button", "a", "ol", "ul", "li", "code", "pre", "strong", "em", "blockquote",
    "mark", "br", "kbd", "figure", "figcaption", "svg", "desc", "rect", "text", "dl", "dt",
    "dd", "script",
}  # fmt: skip


@pytest.mark.parametrize(
    "text,name,fmt",
    [(HOSTILE_MD, "<script>alert(1)</script>.md", "markdown"),
     (HOSTILE_HTML, "x\" onload=\"alert(1).html", "html"),
     (HOSTILE_TEXT, "plain.txt", "text")],
)  # fmt: skip
def test_hostile_postings_are_text(text: str, name: str, fmt: str) -> None:
    report = Linter(from_dict({"select": ["ALL"]})).lint_text(text, name, fmt)
    page = html_report.render(report)
    _check_placement(page, [report])
    elements = _elements(page)
    assert {e.tag for e in elements} <= ALLOWED_TAGS
    assert sum(1 for e in elements if e.tag == "script") == 1  # the report's own
    assert sum(1 for e in elements if e.tag == "style") == 1
    for e in elements:
        for attr, value in e.attrs.items():
            assert not attr.startswith("on"), (e.tag, attr)
            assert attr not in ("src", "srcset", "action", "formaction", "style", "background")
            if attr == "href":
                assert value.startswith("#"), value  # only links inside the report
            assert "javascript:" not in value or attr == "aria-label", (e.tag, attr, value)
    # What the posting said is there as text.
    view = postings(parse(page))[0]
    shown_text = view.shown_text()
    assert "<script>" in shown_text and "javascript:" in shown_text
    # And the file name and title are text too.
    assert name in parse(page).text()


def test_everything_from_data_is_escaped_in_names_and_messages(linter: Linter) -> None:
    text = "# Nurse\n\nWe want a rockstar.\n"
    report = linter.lint_text(text, '"><script>alert(1)</script>.md')
    report.findings.append(
        Finding("X901", "<b>bold</b>", "<i>cat</i>", Severity.ERROR, "<script>m</script>", 0, 1,
                suggestions=["<img src=x onerror=alert(1)>"])
    )  # fmt: skip
    page = html_report.render(report, title="<script>t</script>")
    assert page.count("<script") == 1
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;m&lt;/script&gt;" in page


def test_csp_allows_only_the_pages_own_style_and_script(example_page: str) -> None:
    root = parse(example_page)
    meta = next(e for e in root.iter() if e.tag == "meta" and e.attrs.get("http-equiv"))
    assert meta.attrs["http-equiv"] == "Content-Security-Policy"
    csp = dict((d.split()[0], d.split()[1:]) for d in meta.attrs["content"].split(";") if d.strip())
    assert csp["default-src"] == ["'none'"]
    assert (
        "'unsafe-inline'" not in meta.attrs["content"]
        and "'unsafe-eval'" not in meta.attrs["content"]
    )
    style = next(e for e in root.iter() if e.tag == "style").text()
    script = next(e for e in root.iter() if e.tag == "script").text()

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert csp["style-src"] == [digest(style)]
    assert csp["script-src"] == [digest(script)]
    # The meta tag comes before anything it governs.
    head = [e.tag for e in root.iter() if e.tag in ("meta", "style", "script")]
    assert head.index("style") > 1 and head[1] == "meta"


def test_the_report_references_nothing_outside_itself(example_page: str) -> None:
    style = next(e for e in parse(example_page).iter() if e.tag == "style").text()
    assert "url(" not in style and "@import" not in style
    for e in _elements(example_page):
        for attr, value in e.attrs.items():
            if attr in ("href", "src", "xlink:href", "action"):
                assert value.startswith("#"), (e.tag, attr, value)
    assert not re.search(r"<(link|img|iframe|object|embed|base|form)\b", example_page)


def test_the_script_never_writes_html() -> None:
    from importlib import resources

    script = (resources.files("jdlint") / "templates" / "report.js").read_text()
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                  "Function(", "setTimeout(\"", "DOMParser", "createContextualFragment"):  # fmt: skip
        assert risky not in script, risky


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_aa() -> None:
    from importlib import resources

    css = (resources.files("jdlint") / "templates" / "report.css").read_text()
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", css))
    white = "#ffffff"
    pairs = [
        ("ink", "page"), ("ink", "panel"), ("muted", "page"), ("muted", "panel"),
        ("muted", "code-bg"), ("ink", "code-bg"), ("link", "page"), ("link", "panel"),
        ("ink", "error-bg"), ("ink", "warning-bg"), ("ink", "info-bg"),
        ("ink", "error-bg2"), ("ink", "warning-bg2"), ("ink", "info-bg2"),
        ("muted", "error-bg"), ("muted", "warning-bg"), ("muted", "info-bg"),
        ("error", "page"), ("warning", "page"), ("info", "page"), ("good", "page"),
        ("error", "panel"), ("warning", "panel"), ("info", "panel"), ("good", "panel"),
    ]  # fmt: skip
    for fg, bg in pairs:
        assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg, _contrast(var[fg], var[bg]))
    for badge in ("error", "warning", "info", "good"):  # white text on the badges
        assert _contrast(white, var[badge]) >= 4.5, badge
    # The focus ring and the underlines are non-text: 3:1 against the page and highlights.
    for bg in ("page", "error-bg", "warning-bg", "info-bg", "error-bg2", "warning-bg2", "info-bg2"):
        assert _contrast(var["focus"], var[bg]) >= 3
    for sev in ("error", "warning", "info"):
        for bg in ("page", f"{sev}-bg", f"{sev}-bg2"):
            assert _contrast(var[sev], var[bg]) >= 3, (sev, bg)
    # Every colour the stylesheet uses for text is one of the checked variables.
    literal = re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", css)
    assert set(literal) <= {white, "#fff"}, literal


def test_a_file_that_could_not_be_linted_is_listed(tmp_path: Path, linter: Linter) -> None:
    bad = tmp_path / "broken.md"
    bad.write_bytes(b"# Nurse\n\xc3\x28 not UTF-8\n")
    good = linter.lint_text("# Nurse\n\nWe want a rockstar.\n", "good.md")
    report = linter.lint_file(bad)
    assert report.error
    page = html_report.render([report, good])
    _check_placement(page, [report, good])
    assert "Could not be linted" in page and "could not be linted" in page


def test_cli_writes_the_html_report(jdlint_cli, tmp_path: Path) -> None:
    src = (ROOT / "examples/psychiatric-case-manager/flawed.md").read_text()
    jdlint_cli.write("flawed.md", src)
    result = jdlint_cli.run("--format", "html", "-o", "report.html", "flawed.md")
    assert result.exit_code == 1, result.output  # a warning fails by default
    page = (jdlint_cli.root / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "jdlint:" in result.stderr  # the one-line summary
    # Running it again writes over its own report, and --format auto goes by extension.
    again = jdlint_cli.run("--exit-zero", "-o", "report.html", "flawed.md")
    assert again.exit_code == 0, again.output
    assert (
        (jdlint_cli.root / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    )
    # An existing HTML posting is never overwritten.
    jdlint_cli.write("posting.html", "<h1>Nurse</h1><p>A real posting.</p>")
    refused = jdlint_cli.run("--format", "html", "-o", "posting.html", "flawed.md")
    assert refused.exit_code == 2
    assert "A real posting" in (jdlint_cli.root / "posting.html").read_text()


def test_cli_html_to_standard_output_and_exit_status(jdlint_cli) -> None:
    jdlint_cli.write("a.md", "# Nurse\n\nWe need a chairman.\n")
    result = jdlint_cli.run("--format", "html", "--fail-on", "info", "a.md")
    assert result.exit_code == 1
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_python_api_renders_the_same_report(linter: Linter) -> None:
    from jdlint import lint_text
    from jdlint.reporters.html import render

    report = lint_text("# Nurse\n\nWe want a rockstar.\n", path="nurse.md")
    page = render(report)
    assert page.startswith("<!DOCTYPE html>") and "rockstar" in page
    assert render([report]) == page


# -- any text, any spans -------------------------------------------------------------------


# Pieces that make Markdown do things: headings, lists, quotes, fences, tables, emphasis,
# links, entities, escapes, raw HTML, odd line endings and characters.
_PIECES = st.sampled_from(
    ["# ", "## ", "- ", "1. ", "> ", "```", "~~~", "    ", "|", "---", "***", "**", "*", "_",
     "`", "[", "]", "(", ")", "](", "<", ">", "</b>", "<b>", "<!--", "-->", "&amp;", "&#x41;",
     "&bogus;", "\\", "\\*", "http://x.y", "<https://a.b>", "![", "\n", "\n\n", "\r\n", "\r",
     "\t", " ", "  \n", "word", "Nurse", "rockstar", "é", "\u202e", "\x1b", "\ufeff", "\u00a0",
     "---\ntitle: x\n---\n"]
)  # fmt: skip


@st.composite
def _posting_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(_PIECES, min_size=1, max_size=40))) + " text"
    bound = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(bound, bound), max_size=8))
    return text, [(min(a, b), max(a, b)) for a, b in spans]


@given(case=_posting_and_spans(), fmt=st.sampled_from(["markdown", "text", "html"]))
@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
def test_any_posting_and_spans_keep_text_and_nesting(
    case: tuple[str, list[tuple[int, int]]], fmt: str
) -> None:
    text, spans = case
    report = Linter(from_dict({"select": ["S101"]})).lint_text(text, "any.md", fmt)
    if report.error:
        return
    report.findings = [
        Finding(f"I{100 + i}", "made-up", "inclusive", Severity.WARNING, "m", a, b)
        for i, (a, b) in enumerate(spans)
    ]
    _check_placement(html_report.render(report), [report])
