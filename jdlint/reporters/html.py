"""The HTML report: one self-contained page for the people who write postings.

``jdlint --format html -o report.html PATHS...``, or from Python::

    from jdlint import Linter
    from jdlint.reporters import html

    page = html.render([Linter().lint_file("posting.md")])

For many postings, a sortable summary table with inline-SVG charts; for each posting, its
text as written (Markdown rendered) with every finding marked in place in its severity's
colour, a card per finding (message, suggestions, safe fix), findings about something
missing at the place it belongs, and the readability figures and role coverage.

One file, nothing fetched: styles and script are inline and allowed by hash in a
Content-Security-Policy that forbids everything else (no network, no other script, no
plugins, no forms). Everything from data (posting text, file names, front matter,
messages, packs) is escaped: by Jinja2's autoescaping in the template, and by
``html_posting`` for the posting views. The script never parses data as HTML; the report
reads in full without it (only the filters need it) and prints.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import IO, Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__, display
from ..engine import FileReport
from ..findings import CATEGORIES, Finding, Severity
from . import html_posting
from .json_report import coverage_list
from .summary import summary_line

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}

# Rule kinds whose findings are about something the posting lacks (a section, a duty, a
# statement, the pay): shown where it belongs, not as a highlight on the place they point.
MISSING_KINDS = frozenset(
    {"required-section", "role-coverage", "statement-required", "pay-stated", "keyword-coverage"}
)
# pay-transparency points at the pay when there is some, and is about its absence otherwise.
_NO_PAY = ("", "; the posting states no pay")

METRICS = {
    "words": ("Words", "in the prose (headings and legal notices left out)"),
    "sentences": ("Sentences", ""),
    "words_per_sentence": ("Words per sentence", "15 to 20 reads easily"),
    "flesch_reading_ease": (
        "Flesch reading ease",
        "0 to 100, higher is easier; 60 or more is plain English",
    ),
    "flesch_kincaid_grade": ("Flesch-Kincaid grade", "US school grade; 8 or lower reads easily"),
    "gunning_fog": (
        "Gunning fog index",
        "years of schooling to follow it on first reading; 12 or lower",
    ),
    "smog_index": ("SMOG grade", "years of education needed to understand it"),
    "dale_chall": ("Dale-Chall score", "4.9 or lower is easy; 9 or more is college level"),
}

_MAX_EXCERPT = 160


# -- what the template shows ----------------------------------------------------------------


@dataclass
class FindingView:
    key: str  # "p1-f3": the mark or callout in the text
    card: str  # "p1-c3": the card
    number: int
    code: str
    name: str
    category: str
    letter: str
    severity: str
    severity_label: str
    message: str
    suggestions: list[str]
    fixes: list[str]
    line: int
    column: int
    excerpt: str
    missing: bool
    start: int
    end: int

    @property
    def label(self) -> str:
        message = self.message if len(self.message) <= 200 else self.message[:199] + "…"
        return f"Finding {self.number}: {self.severity} {self.code}: {message}"


@dataclass
class PostingView:
    key: str
    path: str
    title: str
    error: str | None = None
    profile: str = ""
    profile_source: str = ""
    format: str = ""
    score: int = 0
    findings: list[FindingView] = field(default_factory=list)
    body: Markup = field(default_factory=Markup)
    metrics: list[dict[str, Any]] = field(default_factory=list)
    coverage: list[dict[str, Any]] = field(default_factory=list)
    coverage_profile: str = ""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def band(self) -> str:
        return "low" if self.score < 50 else "mid" if self.score < 80 else ""


# -- the page ---------------------------------------------------------------------------------


def render(
    reports: Sequence[FileReport] | FileReport,
    *,
    rules: Iterable[Any] | None = None,
    title: str = "jdlint report",
) -> str:
    """The HTML report of ``reports`` (FileReports from ``Linter.lint_file`` or
    ``lint_text``) as one self-contained page. ``rules`` are the rules that ran (to know
    which findings are about something missing); the built-in rules are known anyway."""
    if isinstance(reports, FileReport):
        reports = [reports]
    kinds = _kinds(rules)
    env = _environment()
    callout = env.get_template("macros.html.j2").module.callout  # type: ignore[attr-defined]
    postings = [_posting(r, i + 1, kinds, callout) for i, r in enumerate(reports)]
    letters = _letters(reports)
    css, js = _asset("report.css"), _asset("report.js")
    totals = Counter(str(f.severity) for r in reports for f in r.findings)
    by_letter = Counter(_letter(f) for r in reports for f in r.findings)
    page = env.get_template("report.html.j2").render(
        title=display.text(title),
        version=__version__,
        summary=summary_line(list(reports)),
        csp=content_security_policy(css, js),
        css=Markup(css),
        js=Markup(js),
        postings=postings,
        severity_labels=SEVERITY_LABELS,
        totals={s: totals[s] for s in SEVERITIES},
        categories=[
            {"letter": c, "label": _category_label(c), "count": by_letter[c]} for c in letters
        ],
        scored=sum(1 for p in postings if not p.error),
        histogram=_histogram([p.score for p in postings if not p.error]),
        by_category=_category_chart(postings, letters),
    )
    return page.lstrip()


def write(reports: list[FileReport], out: IO[str], options: dict) -> None:
    out.write(render(reports, rules=options.get("rules")))


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load or run but the page's own style and script, named by hash."""
    return (
        "default-src 'none'; "
        f"style-src {_sha256(css)}; script-src {_sha256(js)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
        "object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@cache
def _asset(name: str) -> str:
    """A style or script file shipped beside the templates, read as the templates are."""
    loader = _environment().loader
    assert loader is not None
    text = loader.get_source(_environment(), name)[0]
    # Inline in <style> or <script>, which only their own end tag can close.
    assert "</style" not in text.lower() and "</script" not in text.lower(), name
    return text


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("jdlint", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["severities"] = SEVERITIES
    return env


# -- one posting ------------------------------------------------------------------------------


def _posting(report: FileReport, index: int, kinds: dict[str, str], callout: Any) -> PostingView:
    key = f"p{index}"
    path = display.path(report.path)
    posting = report.posting
    if report.error or posting is None:
        return PostingView(
            key,
            path,
            title=path,
            error=display.text(report.error or "no posting"),
            counts={c: dict.fromkeys(SEVERITIES, 0) for c in CATEGORIES},
        )
    findings = [
        _finding(report, f, key, n, _about_missing(f, kinds))
        for n, f in enumerate(report.findings, 1)
    ]
    size = len(posting.text)
    marks = [
        html_posting.Mark(
            f.key,
            min(max(f.start, 0), size),
            min(max(f.end, f.start, 0), size),
            f.severity,
            f.letter,
            f.number,
            f.card,
            f.label,
        )
        for f in findings
        if not f.missing
    ]
    inserts = [(_belongs(posting, f.start), callout(f)) for f in findings if f.missing]
    counts: dict[str, dict[str, int]] = {}
    for f in findings:
        counts.setdefault(f.letter, dict.fromkeys(SEVERITIES, 0))[f.severity] += 1
    for letter in CATEGORIES:
        counts.setdefault(letter, dict.fromkeys(SEVERITIES, 0))
    totals = Counter(f.severity for f in findings)
    profile = report.profile or {}
    coverage = coverage_list(report) if report.coverage is not None else []
    return PostingView(
        key,
        path,
        title=display.text(posting.title or "") or path,
        profile=display.text(str(profile.get("id", ""))),
        profile_source=display.text(str(profile.get("source", ""))),
        format=posting.format,
        score=report.score or 0,
        findings=findings,
        body=_body(report, marks, inserts),
        metrics=_metrics(report.metrics),
        coverage=[
            {
                "label": display.text(c["label"]),
                "level": c["level"],
                "found": c["found"],
                "line": c.get("line"),
                "text": display.text(_clip(c.get("text", ""))),
            }
            for c in coverage
        ],
        coverage_profile=display.text(report.coverage.profile.label) if report.coverage else "",
        counts=counts,
        totals={s: totals[s] for s in SEVERITIES},
    )


def _body(
    report: FileReport, marks: list[html_posting.Mark], inserts: list[tuple[int, Markup]]
) -> Markup:
    posting = report.posting
    assert posting is not None
    src = posting.text
    body_start = posting.front_matter.end if posting.front_matter else 0
    events: list[html_posting.Event] = []
    if body_start:
        events += [
            html_posting.Open("div", (("class", "fm"),)),
            html_posting.Atom(0, body_start),
            html_posting.Close("div"),
        ]
    body: list[html_posting.Event] | None = None
    if posting.format == "markdown":
        body = html_posting.markdown_events(src, body_start)
    elif posting.format == "html":
        body = html_posting.html_events(src, body_start)
    if body is None:
        # Plain text (and HTML the parser's positions do not fit) as written; a callout
        # goes after the line where it belongs.
        inserts = [(html_posting.line_after(src, at), m) for at, m in inserts]
        body = html_posting.plain_events(src, body_start, [at for at, _ in inserts])
    events += html_posting.insert_after(body, inserts, body_start)
    return html_posting.serialise(events, src, marks)


def _finding(report: FileReport, f: Finding, key: str, n: int, missing: bool) -> FindingView:
    assert report.posting is not None
    text = report.posting.text
    line, column = report.line_col(f.start)
    return FindingView(
        key=f"{key}-f{n}",
        card=f"{key}-c{n}",
        number=n,
        code=display.text(f.code),
        name=display.text(f.name),
        category=display.text(f.category),
        letter=_letter(f),
        severity=str(f.severity),
        severity_label=SEVERITY_LABELS[str(f.severity)],
        message=display.text(f.message),
        suggestions=[display.text(s) for s in f.suggestions],
        fixes=[_describe(text, e.start, e.end, e.text) for e in f.fix or []],
        line=line,
        column=column,
        excerpt=display.text(_clip(text[f.start : f.end])),
        missing=missing,
        start=f.start,
        end=f.end,
    )


def _describe(text: str, start: int, end: int, new: str) -> str:
    old = display.text(_clip(text[start:end]))
    new = display.text(_clip(new))
    if not old:
        return f"insert “{new}”"
    if not new:
        return f"delete “{old}”"
    return f"replace “{old}” with “{new}”"


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_EXCERPT else text[: _MAX_EXCERPT - 1] + "…"


def _about_missing(f: Finding, kinds: dict[str, str]) -> bool:
    kind = kinds.get(f.code)
    if kind in MISSING_KINDS:
        return True
    return kind == "pay-transparency" and f.data.get("found", "") in _NO_PAY


def _belongs(posting: Any, anchor: int) -> int:
    """Where a finding about something missing is shown: after the section whose heading
    it points at (the missing part belongs there or right after it), after the title or
    the paragraph it points at, or at the top."""
    blocks = posting.blocks
    at = next(
        (i for i, b in enumerate(blocks) if b.start <= anchor < max(b.end, b.start + 1)), None
    )
    if at is None:
        return 0
    block = blocks[at]
    if block.kind != "heading" or block.source_span() == posting.title_span:
        return block.end
    last = block
    for b in blocks[at + 1 :]:
        if b.kind == "heading" and (b.level <= block.level or not block.level):
            break
        last = b
    return last.end


def _kinds(rules: Iterable[Any] | None) -> dict[str, str]:
    kinds = dict(_builtin_kinds())
    kinds.update({r.code: r.kind for r in rules or ()})
    return kinds


@lru_cache(maxsize=1)
def _builtin_kinds() -> tuple[tuple[str, str], ...]:
    from .. import packs

    return tuple((code, rule.kind) for code, rule in packs.load().rules.items())


def _metrics(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    values = dict(metrics)
    if values.get("words") and values.get("sentences"):
        values.setdefault("words_per_sentence", round(values["words"] / values["sentences"], 1))
    order = [k for k in METRICS if k in values] + [k for k in values if k not in METRICS]
    return [
        {
            "label": METRICS.get(k, (display.text(str(k)), ""))[0],
            "value": display.text(str(values[k])),
            "hint": METRICS.get(k, ("", ""))[1],
        }
        for k in order
    ]


# -- categories and charts --------------------------------------------------------------------


def _letter(f: Finding) -> str:
    for letter, name in CATEGORIES.items():
        if name == f.category:
            return letter
    return display.text(f.code[:1] or "?")


def _category_label(letter: str) -> str:
    name = CATEGORIES.get(letter)
    if not name:
        return f"Other ({letter})"
    # "seo" is an initialism; the other names are words.
    return f"{name.upper() if len(name) <= 3 else name.capitalize()} ({letter})"


def _letters(reports: Sequence[FileReport]) -> list[str]:
    """Every category jdlint has, then any other a pack's rules reported."""
    seen = {_letter(f) for r in reports for f in r.findings}
    return [*CATEGORIES, *sorted(seen - set(CATEGORIES))]


def _histogram(scores: list[int]) -> dict[str, Any]:
    bins = [0] * 10
    for s in scores:
        bins[min(max(s, 0) // 10, 9)] += 1
    # The tallest bar stops short of the top, so its count stays clear of the caption.
    width, plot, gap = 300, 80, 4
    height = plot + 16
    w = width / 10 - gap
    top = max(bins) or 1
    bars = []
    for i, count in enumerate(bins):
        h = round(plot * count / top, 1)
        bars.append(
            {
                "x": round(i * (w + gap), 1),
                "y": round(height - h, 1),
                "w": round(w, 1),
                "h": h,
                "count": count,
                "label": f"{i * 10}" if i < 9 else "90+",
            }
        )
    described = ", ".join(
        f"{c} from {i * 10} to {i * 10 + 9 if i < 9 else 100}" for i, c in enumerate(bins) if c
    )
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "description": f"Postings by score: {described or 'none'}.",
    }


def _category_chart(postings: list[PostingView], letters: list[str]) -> dict[str, Any]:
    label_width, bar_width, row = 130, 200, 18
    totals = {c: dict.fromkeys(SEVERITIES, 0) for c in letters}
    for p in postings:
        for f in p.findings:
            totals[f.letter][f.severity] += 1
    top = max((sum(t.values()) for t in totals.values()), default=0) or 1
    rows = []
    for i, letter in enumerate(letters):
        x = float(label_width)
        segments = []
        for sev in SEVERITIES:
            w = round(bar_width * totals[letter][sev] / top, 1)
            if w:
                segments.append({"severity": sev, "x": round(x, 1), "w": w})
            x += w
        rows.append(
            {
                "y": i * row,
                "label": _category_label(letter),
                "segments": segments,
                "end": round(x, 1),
                "total": sum(totals[letter].values()),
            }
        )
    described = "; ".join(
        f"{_category_label(c)}: {t['error']} errors, {t['warning']} warnings, {t['info']} infos"
        for c, t in totals.items()
    )
    return {
        "width": label_width + bar_width + 40,
        "height": max(len(letters), 1) * row,
        "rows": rows,
        "description": described + ".",
    }


__all__ = ["content_security_policy", "render", "write"]


# Severity order as the text report counts them; kept in step with findings.Severity.
assert tuple(str(s) for s in sorted(Severity, reverse=True)) == SEVERITIES
