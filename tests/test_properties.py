"""Property-based tests: readers and the whole pipeline on any input.

Inputs: arbitrary Unicode (control characters, "\\r", "\\r\\n", no lone surrogates),
generated Markdown (front matter, headings, nested lists and blockquotes, emphasis, links,
code, HTML blocks), generated HTML fragments, and mutations of the example postings.

Properties: reading never raises anything but InputError; every block maps each clean
character back to the same character of the source (or to a blank that masks code and
URLs) and every offset lies inside the text; the full linter (every rule) returns an
error or findings whose spans lie inside the text; the JSON report validates against
its schema.

Bounded for CI: a fixed number of examples per property, derandomized (the same
examples on every run), no deadline (spaCy's first call is slow). The module runs in
well under a minute.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdlint import packs, readers
from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.errors import InputError
from jdlint.reporters.json_report import document

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "jdlint" / "schemas" / "report.schema.json").read_text())
EXAMPLES = sorted((ROOT / "examples").rglob("*.md"))

BOUNDED = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
# The full linter costs more per example.
BOUNDED_FULL = settings(BOUNDED, max_examples=50)


@lru_cache(maxsize=1)
def vocab():
    return packs.load().vocabulary


@lru_cache(maxsize=1)
def linter() -> Linter:
    return Linter(from_dict({"select": ["ALL"]}))


# -- strategies ------------------------------------------------------------------------------

# Any code point but surrogates (a str decoded from a file never holds one), weighted toward
# what breaks parsers: line breaks, control characters, markup characters.
_ANY_CHAR = st.characters(exclude_categories=("Cs",))
_TRICKY = st.sampled_from(
    [
        "\r",
        "\n",
        "\r\n",
        "\t",
        "\x0b",
        "\x0c",
        "\x85",
        "\u2028",
        "\ufeff",
        "\u200b",
        "*",
        "_",
        "#",
        "-",
        "<",
        ">",
        "&",
        "[",
        "]",
        "(",
        ")",
        "`",
        "|",
        "\\",
        ":",
        "---",
        "&amp;",
        "é",
    ]
)
unicode_text = st.lists(st.one_of(_ANY_CHAR, _TRICKY), max_size=300).map("".join)

_WORDS = st.sampled_from(
    [
        "case",
        "manager",
        "chairman",
        "young",
        "rockstar",
        "crazy",
        "salary",
        "$50,000",
        "patients",
        "Responsibilities",
        "Qualifications:",
        "Benefits",
        "How to apply",
        "RN",
        "CCM",
        "you",
        "he",
        "must",
        "email@example.com",
        "https://example.com/x",
        "—",
        "“quoted”",
    ]
)
phrase = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)


@st.composite
def inline(draw) -> str:
    text = draw(phrase)
    wrap = draw(
        st.sampled_from(
            [
                "{}",
                "**{}**",
                "*{}*",
                "_{}_",
                "`{}`",
                "[{}](http://x.org)",
                "<b>{}</b>",
                "{} &amp; {}",
                "~~{}~~",
                "![{}](img.png)",
                "{}\\*",
                "&#8212;{}",
                "{}  ",
            ]
        )
    )
    return wrap.replace("{}", text)


@st.composite
def markdown_line(draw) -> str:
    depth = draw(st.integers(0, 6))
    kind = draw(
        st.sampled_from(
            ["heading", "bullet", "ordered", "quote", "para", "html", "code", "table", "blank"]
        )
    )
    body = draw(inline())
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + body
    if kind == "bullet":
        return "  " * depth + draw(st.sampled_from("-*+")) + " " + body
    if kind == "ordered":
        return "   " * depth + f"{draw(st.integers(1, 999))}. " + body
    if kind == "quote":
        return "> " * (depth + 1) + draw(st.sampled_from(["", "- "])) + body
    if kind == "html":
        return f"<div><p>{body}</p>"
    if kind == "code":
        return "```\n" + body + "\n```"
    if kind == "table":
        return f"| {body} | x |\n|---|---|\n| a | {body} |"
    if kind == "blank":
        return ""
    return body


@st.composite
def front_matter(draw) -> str:
    scalar = st.one_of(
        st.text(max_size=20), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none()
    )
    value = st.recursive(
        scalar,
        lambda v: st.lists(v, max_size=3) | st.dictionaries(st.text(max_size=8), v, max_size=3),
        max_leaves=6,
    )
    keys = st.sampled_from(
        [
            "title",
            "profile",
            "keywords",
            "location",
            "salary",
            "employment_type",
            "company",
            "date_posted",
            "valid_through",
            "other",
        ]
    )
    data = draw(st.dictionaries(keys, value, max_size=5))
    return "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n"


@st.composite
def markdown_posting(draw) -> str:
    fm = draw(st.one_of(st.just(""), front_matter()))
    lines = draw(st.lists(markdown_line(), min_size=1, max_size=25))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return (
        (fm + "\n\n".join(lines) + "\n").replace("\n", newline)
        if newline != "\n"
        else fm + "\n\n".join(lines) + "\n"
    )


@st.composite
def html_fragment(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(
                st.sampled_from(
                    [
                        "p",
                        "ul",
                        "li",
                        "div",
                        "h1",
                        "h2",
                        "strong",
                        "em",
                        "a",
                        "span",
                        "table",
                        "td",
                        "blockquote",
                        "script",
                        "style",
                        "br",
                    ]
                )
            )
            inner = draw(html_fragment(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", ""]))  # unclosed tags too
            parts.append(f"<{tag} class='x'>{inner}{close}")
        else:
            parts.append(
                draw(
                    st.one_of(
                        phrase,
                        st.sampled_from(
                            [
                                "&amp;",
                                "&nbsp;",
                                "&#8212;",
                                "&bogus;",
                                "&#xZZ;",
                                "<!-- c -->",
                                "<",
                                "\r\n",
                                "\r",
                            ]
                        ),
                    )
                )
            )
    return "".join(parts)


@st.composite
def mutated_example(draw) -> tuple[str, str]:
    path = draw(st.sampled_from(EXAMPLES))
    text = path.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 400)))
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "crlf", "cr"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "insert":
            text = text[:a] + draw(st.one_of(unicode_text, markdown_line())) + text[a:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif op == "crlf":
            text = text[:a] + text[a:b].replace("\n", "\r\n") + text[b:]
        else:
            text = text[:a] + text[a:b].replace("\n", "\r") + text[b:]
    return path.name, text


# -- properties ------------------------------------------------------------------------------


def check_reading(text: str, fmt: str) -> None:
    """Reading raises nothing but InputError; every clean character maps back to itself."""
    try:
        posting = readers.read(text, "p", vocab(), fmt)
    except InputError:
        return
    n = len(text)
    for block in posting.blocks:
        clean = block.mapped.text
        for c, s, length, literal in block.mapped.runs:
            assert c >= 0 and c + length <= len(clean)
            if literal:
                assert s >= 0 and s + length <= n, (block.kind, c, s, length, n)
                for k in range(length):
                    # Same character, or a blank that masks code, a URL or a long run.
                    assert clean[c + k] in (text[s + k], " "), (block.kind, clean, c + k, s + k)
            else:
                assert 0 <= s <= n
        start, end = block.source_span()
        assert 0 <= start <= end <= n
    if posting.title_span:
        assert 0 <= posting.title_span[0] <= posting.title_span[1] <= n


def check_linting(text: str, path: str, fmt: str | None = None) -> None:
    report = linter().lint_text(text, path, fmt)
    if report.error is None:
        for f in report.findings:
            assert 0 <= f.start <= f.end <= len(text), (f.code, f.start, f.end, len(text))
            report.line_col(f.start)
    jsonschema.validate(document([report]), SCHEMA)


@pytest.mark.parametrize("fmt", readers.FORMATS)
@BOUNDED
@given(text=unicode_text)
def test_any_unicode_reads_in_every_format(fmt, text):
    check_reading(text, fmt)


@pytest.mark.parametrize("fmt", readers.FORMATS)
@BOUNDED
@given(text=markdown_posting())
def test_generated_markdown_reads_in_every_format(fmt, text):
    check_reading(text, fmt)


@BOUNDED
@given(text=html_fragment())
def test_generated_html_reads(text):
    check_reading(text, "html")
    check_reading(text, "markdown")


@BOUNDED
@given(example=mutated_example(), fmt=st.sampled_from(readers.FORMATS))
def test_mutated_examples_read(example, fmt):
    check_reading(example[1], fmt)


@BOUNDED_FULL
@given(text=unicode_text, fmt=st.sampled_from([None, *readers.FORMATS]))
def test_full_linter_on_any_unicode(text, fmt):
    check_linting(text, "p.md", fmt)


@BOUNDED_FULL
@given(text=markdown_posting())
def test_full_linter_on_generated_markdown(text):
    check_linting(text, "p.md")


@BOUNDED_FULL
@given(text=html_fragment())
def test_full_linter_on_generated_html(text):
    check_linting(text, "p.html")


@BOUNDED_FULL
@given(example=mutated_example())
def test_full_linter_on_mutated_examples(example):
    check_linting(example[1], example[0])
