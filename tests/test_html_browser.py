"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package,
which .ci/run installs when it is missing) driven by Playwright for Python with that
system browser; Playwright never downloads one here.

One report holds every example and three hostile postings. Opened from a file, it must
load nothing (every request is recorded, and a control page proves the recording works),
run its own script (allowed by hash in its Content-Security-Policy) and no other, hide and
show findings with the filters, move between findings with the keyboard, sort its table,
read in full without JavaScript and drop its controls in print. Screenshots are saved to
$JDLINT_ARTIFACTS (default: a ``jdlint-html-report`` folder in the temporary directory).

When Chromium or Playwright is missing the test is skipped with the reason; under CI
(``CI`` set), where .ci/run installs both, it fails instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_report_helpers import EXAMPLES, HOSTILE_HTML, HOSTILE_MD, HOSTILE_TEXT

from jdlint.config import from_dict
from jdlint.engine import FileReport, Linter
from jdlint.reporters import html as html_report
from jdlint.reporters.html_posting import shown

pytestmark = pytest.mark.slow

# Chromium as root in a container: no sandbox, no GPU, nothing that phones home.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}

# Records what the page tries to load or run that its policy refused.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") or os.environ.get("JDLINT_REQUIRE_E2E"):
        pytest.fail(f"{reason}; .ci/run installs it, so CI must run this test")
    pytest.skip(reason)


def _chromium() -> str | None:
    for candidate in (
        os.environ.get("JDLINT_CHROMIUM"),
        "/usr/lib/chromium/chromium",  # Debian's binary, behind the /usr/bin/chromium script
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        try:
            # launch() gives the browser a fresh temporary profile (--user-data-dir).
            browser = p.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        except Exception as e:  # the browser is there but cannot start here
            _unavailable(f"Chromium at {executable} could not start: {e}")
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(
        os.environ.get("JDLINT_ARTIFACTS") or Path(tempfile.gettempdir()) / "jdlint-html-report"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def reports() -> list[FileReport]:
    linter = Linter(from_dict({"select": ["ALL"]}))
    out = [linter.lint_file(p) for p in EXAMPLES]
    out.append(linter.lint_text(HOSTILE_MD, "hostile <script>.md", "markdown"))
    out.append(linter.lint_text(HOSTILE_HTML, "hostile.html", "html"))
    out.append(linter.lint_text(HOSTILE_TEXT, "hostile.txt", "text"))
    return out


@pytest.fixture(scope="module")
def report_file(reports: list[FileReport], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(html_report.render(reports), encoding="utf-8")
    return path


class Watched:
    """A page with everything it asks of the network, its dialogs and errors recorded."""

    def __init__(self, context: Any) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        context.on("request", lambda r: self.requests.append(r.url))
        context.add_init_script(WATCH)
        self.page = context.new_page()
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield Watched(context)
    finally:
        context.close()


def test_the_request_recorder_sees_a_page_that_loads_something(
    watched: Watched, tmp_path: Path
) -> None:
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/pixel.png">')
    watched.page.goto(control.as_uri())
    watched.page.wait_for_load_state("load")
    assert "http://127.0.0.1:9/pixel.png" in watched.requests


def test_report_loads_nothing_and_runs_only_its_own_script(
    watched: Watched, report_file: Path
) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    page.wait_for_load_state("load")
    assert watched.requests == [report_file.as_uri()]
    assert page.evaluate("document.documentElement.className") == "js"  # its script ran
    assert page.evaluate("window.__violations") == []  # nothing even tried to load
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() == "jdlint report"
    assert watched.dialogs == [] and watched.errors == []
    assert not [m for m in watched.console if m.startswith("error")], watched.console
    counts = page.evaluate(
        """() => ({
            scripts: document.scripts.length,
            loaders: document.querySelectorAll('img, iframe, link, object, embed, video, audio, source, base').length,
            handlers: Array.from(document.querySelectorAll('*')).filter(
                el => Array.from(el.attributes).some(a => a.name.startsWith('on'))).length,
            jsLinks: document.querySelectorAll('[href^="javascript:" i]').length,
        })"""
    )
    assert counts == {"scripts": 1, "loaders": 0, "handlers": 0, "jsLinks": 0}
    # The policy is in force: a fetch from the page is refused and recorded.
    page.evaluate("fetch('http://127.0.0.1:9/x').catch(() => null)")
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__violations")[0].startswith("connect-src")
    assert watched.requests == [report_file.as_uri()]


def test_hostile_postings_show_their_markup_as_text(
    watched: Watched, report_file: Path, reports: list[FileReport]
) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    n = len(reports)
    md, html_posting, text = (page.locator(f"#p{i} article") for i in (n - 2, n - 1, n))
    assert "<script>window.__pwned = 1; document.title" in md.text_content()
    assert "[here](javascript:window.__pwned=1)" in md.text_content()
    assert '<a href="javascript:window.__pwned=1">Apply</a>' in html_posting.text_content()
    assert "<script>window.__pwned = 1</script>" in text.text_content()
    assert page.locator(f"#p{n - 2}-h").text_content() == (
        "Nurse <script>window.__pwned = 1</script>"
    )
    assert page.evaluate("typeof window.__pwned") == "undefined" and not watched.dialogs


def test_highlights_hold_the_text_under_each_span(
    watched: Watched, report_file: Path, reports: list[FileReport]
) -> None:
    """In the browser's own DOM: each finding's marks hold exactly the source text."""
    page = watched.page
    page.goto(report_file.as_uri())
    marked = page.evaluate(
        """() => {
            const out = {};
            for (const m of document.querySelectorAll('mark.f')) {
                out[m.dataset.f] = (out[m.dataset.f] || '') + m.textContent;
            }
            return out;
        }"""
    )
    expected = {}
    for i, report in enumerate(reports, 1):
        assert report.posting is not None
        for n, f in enumerate(report.findings, 1):
            if page.locator(f"aside#p{i}-f{n}").count() == 0:
                expected[f"p{i}-f{n}"] = shown(report.posting.text[f.start : f.end])
    assert len(expected) > 50
    assert marked == expected


def _state(page: Any, selector: str) -> list[str]:
    return page.evaluate(
        """(sel) => Array.from(document.querySelectorAll(sel)).map(el => {
            const s = getComputedStyle(el);
            return s.display === 'none' ? 'hidden' : s.backgroundColor;
        })""",
        selector,
    )


def test_filters_hide_and_show_findings(watched: Watched, report_file: Path) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    assert page.locator("#filters").is_visible()
    total = page.locator(".card").count()
    warnings = page.locator('.card[data-sev="warning"]').count()
    assert 0 < warnings < total
    marks_before = _state(page, 'mark.f[data-sev="warning"]')
    assert marks_before and "rgba(0, 0, 0, 0)" not in marks_before
    assert page.locator("#filter-status").text_content() == f"Showing {total} of {total} findings"

    page.uncheck('input[data-filter="sev"][value="warning"]')
    assert set(_state(page, '.card[data-sev="warning"]')) == {"hidden"}
    assert "hidden" not in _state(page, '.card[data-sev="error"], .card[data-sev="info"]')
    assert set(_state(page, 'mark.f[data-sev="warning"]')) == {"rgba(0, 0, 0, 0)"}
    assert set(_state(page, 'mark.f[data-sev="warning"] > a.ref')) == {"hidden"}
    assert set(_state(page, 'aside.missing[data-sev="warning"]')) == {"hidden"}
    assert page.locator("#filter-status").text_content() == (
        f"Showing {total - warnings} of {total} findings"
    )

    page.check('input[data-filter="sev"][value="warning"]')
    assert _state(page, 'mark.f[data-sev="warning"]') == marks_before
    assert "hidden" not in _state(page, ".card")

    inclusive = page.locator('.card[data-cat="I"]').count()
    assert inclusive
    page.uncheck('input[data-filter="cat"][value="I"]')
    assert set(_state(page, '.card[data-cat="I"]')) == {"hidden"}
    assert "hidden" not in _state(page, '.card[data-cat="S"]')
    page.check('input[data-filter="cat"][value="I"]')
    assert "hidden" not in _state(page, '.card[data-cat="I"]')


def test_keyboard_moves_from_finding_to_finding(watched: Watched, report_file: Path) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    refs = page.evaluate(
        "Array.from(document.querySelectorAll('a.ref')).map(a => a.parentElement.dataset.f)"
    )

    def focused() -> str:
        return page.evaluate("document.activeElement.parentElement.dataset.f")

    page.keyboard.press("j")
    assert focused() == refs[0]
    page.keyboard.press("j")
    assert focused() == refs[1]
    # Its card is the current one.
    assert page.evaluate(
        f"document.querySelector('.card[data-card=\"{refs[1]}\"]').classList.contains('current')"
    )
    page.keyboard.press("k")
    assert focused() == refs[0]
    # Hidden findings are skipped.
    first_sev = page.evaluate(f"document.querySelector('[data-f=\"{refs[0]}\"]').dataset.sev")
    page.uncheck(f'input[data-filter="sev"][value="{first_sev}"]')
    page.evaluate("document.activeElement.blur()")  # keys typed in the filters are theirs
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.classList.contains('ref')")
    assert page.evaluate("document.activeElement.parentElement.dataset.sev") != first_sev
    # Enter on a reference opens its card.
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash").startswith("#p")
    assert page.evaluate("document.querySelector(':target').classList.contains('card')")


def test_summary_table_sorts_and_opens_postings(
    watched: Watched, report_file: Path, reports: list[FileReport]
) -> None:
    page = watched.page
    page.goto(report_file.as_uri())

    def scores() -> list[float]:
        return page.evaluate(
            "Array.from(document.querySelectorAll('table.sortable tbody tr'))"
            ".map(r => parseFloat(r.cells[3].dataset.v))"
        )

    button = page.locator("table.sortable th button", has_text="Score")
    button.click()
    assert scores() == sorted(scores())
    button.click()
    assert scores() == sorted(scores(), reverse=True)
    assert len(scores()) == len(reports)
    page.locator("table.sortable tbody tr").first.locator("a").click()
    assert page.evaluate("document.querySelector(':target').classList.contains('posting')")


def test_report_reads_without_javascript(browser: Any, report_file: Path) -> None:
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(report_file.as_uri())
        assert page.evaluate("1") == 1  # evaluate still works; the page's own script does not
        assert page.locator("html").get_attribute("class") == "no-js"
        assert not page.locator("#filters").is_visible()
        assert page.locator(".card").first.is_visible()
        first_mark = page.locator("mark.f").first
        assert first_mark.is_visible()
        assert _state(page, "mark.f")[0] != "rgba(0, 0, 0, 0)"
        # Tab reaches the findings in the text, and Enter opens the card.
        page.locator("mark.f a.ref").first.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.querySelector(':target').classList.contains('card')")
    finally:
        context.close()


def test_print_drops_the_controls(watched: Watched, report_file: Path, artifacts: Path) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    assert _state(page, "#filters") == ["hidden"]
    assert page.evaluate("getComputedStyle(document.querySelector('.findings')).position") == (
        "static"
    )
    assert page.evaluate("getComputedStyle(document.querySelector('#p2')).breakBefore") == "page"
    pdf = page.pdf(path=str(artifacts / "report.pdf"))
    assert pdf.startswith(b"%PDF")


def test_screenshots(watched: Watched, report_file: Path, artifacts: Path) -> None:
    """The summary, and a flawed posting with a finding selected from the keyboard."""
    page = watched.page
    page.goto(report_file.as_uri())
    summary = artifacts / "summary.png"
    page.screenshot(path=str(summary))
    flawed = next(
        i
        for i, p in enumerate(EXAMPLES, 1)
        if p.parent.name == "psychiatric-case-manager" and p.name == "flawed.md"
    )
    # Select the finding on "rockstar" through its reference link, as the keyboard does.
    ref = page.locator(f"#p{flawed} mark.f", has_text="rockstar").last.locator("a.ref")
    ref.focus()
    ref.evaluate("a => a.scrollIntoView({block: 'center'})")
    assert "current" in (page.locator(f"#p{flawed} .card.current").get_attribute("class") or "")
    posting = artifacts / "posting.png"
    page.screenshot(path=str(posting))
    for shot in (summary, posting):
        assert shot.stat().st_size > 10_000
        print(f"screenshot: {shot}")
