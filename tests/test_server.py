"""The language server's parts in process: positions, edits, settings, diagnostics, code
actions and hover, with the same Linter the command line uses. tests/test_server_stdio.py
drives the real server over stdio; tests/test_server_nvim.py puts an editor in front."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra (pygls) is part of the test extra")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp

from jdlint.commands.server import MISSING
from jdlint.engine import Linter
from jdlint.findings import Edit
from jdlint.fixes import applicable_edits, apply_edits
from jdlint.server.documents import UTF8, UTF16, UTF32, Change, Positions, apply_changes
from jdlint.server.service import Service
from jdlint.server.settings import Settings, parse

ROOT = Path(__file__).resolve().parent.parent
FLAWED = ROOT / "examples" / "psychiatric-case-manager" / "flawed.md"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# -- positions ---------------------------------------------------------------------------


def test_columns_count_utf16_units_and_lines_end_only_at_lsp_line_breaks() -> None:
    text = "a\u2028b🙂c\r\nCafé 🙂🙂x\rlast\x0cline"
    p = Positions(text)
    # U+2028 and a form feed are characters inside a line, as LSP and editors count them.
    assert p.starts == [0, 7, 16]
    x = text.index("x")
    assert p.position(x) == (1, utf16("Café 🙂🙂"))
    assert p.offset(1, utf16("Café 🙂🙂")) == x
    assert p.position(text.index("c")) == (0, utf16("a\u2028b🙂"))
    assert p.position(len(text)) == (2, utf16("last\x0cline"))
    # The same place in the other encodings.
    assert Positions(text, UTF32).position(x) == (1, len("Café 🙂🙂"))
    assert Positions(text, UTF8).position(x) == (1, len("Café 🙂🙂".encode()))
    assert Positions(text, UTF8).offset(1, len("Café 🙂🙂".encode())) == x


def test_positions_clamp_instead_of_raising() -> None:
    text = "ab🙂\r\nxy"
    p = Positions(text)
    assert p.offset(0, 99) == text.index("\r")  # past the line's end: the end
    assert p.offset(7, 0) == len(text)  # past the last line: the end of the text
    assert p.offset(-1, 5) == 0
    assert p.offset(0, 3) == text.index("🙂") + 1  # inside a surrogate pair: after it
    assert p.position(text.index("\n")) == (0, utf16("ab🙂"))  # between \r and \n
    assert p.position(10_000) == (1, 2)


_CHARS = st.sampled_from(list("ab \n\r\t🙂é\u2028\x0c\x85#-*<>"))
_TEXTS = st.text(_CHARS, max_size=40)


@given(_TEXTS, st.data())
def test_an_edit_given_as_an_lsp_range_lands_where_the_editor_made_it(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new = data.draw(_TEXTS)
    encoding = data.draw(st.sampled_from([UTF8, UTF16, UTF32]))
    if "\r\n" in text[max(0, start - 1) : start + 1] and text[start - 1 : start + 1] == "\r\n":
        start -= 1  # no editor puts a position between \r and \n
    if end > 0 and text[end - 1 : end + 1] == "\r\n":
        end -= 1
    start, end = min(start, end), max(start, end)
    p = Positions(text, encoding)
    rng = (p.position(start), p.position(end))
    assert apply_changes(text, [Change(new, rng)], encoding) == text[:start] + new + text[end:]


# -- settings ----------------------------------------------------------------------------


def test_settings_from_the_client_in_either_shape() -> None:
    wrapped = parse({"jdlint": {"profile": "rn-case-manager", "select": "S,I", "showInfos": False}})
    assert wrapped.problems == []
    assert wrapped.settings == Settings(
        profile="rn-case-manager", select=("S", "I"), show_infos=False
    )
    flat = parse({"extend-select": ["R"], "ignore": ["I502"], "debounce": 0, "other": 1})
    assert flat.settings == Settings(extend_select=("R",), ignore=("I502",), debounce_ms=0)
    bad = parse({"select": 3, "showInfos": "yes", "debounce": -1})
    assert bad.settings == Settings()
    assert len(bad.problems) == 3
    assert parse(None).settings == parse([1, 2]).settings == Settings()


# -- the service -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.fixture
def service() -> Service:
    messages: list[str] = []
    svc = Service(notify=lambda message, warning=False: messages.append(message))
    svc.messages = messages  # type: ignore[attr-defined]
    return svc


def open_doc(svc: Service, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    assert svc.open(uri, text, 1, language)
    return uri


POSTING = textwrap.dedent(
    """\
    # Case Manager

    Café 🙂 team: we want a rockstar and a chairman 🙂 who works hard.

    ## Duties

    - Plan care with clients.
    """
)


def test_diagnostics_carry_code_severity_utf16_range_suggestions_and_a_link(
    service: Service, tmp_path: Path
) -> None:
    uri = open_doc(service, tmp_path / "p.md", POSTING)
    published = service.lint(uri)
    assert published is not None and published.version == 1
    by_code = {d.code: d for d in published.diagnostics}
    line = POSTING.splitlines()[2]
    hype = by_code["I502"]
    start = utf16(line[: line.index("rockstar")])
    assert hype.range == lsp.Range(lsp.Position(2, start), lsp.Position(2, start + 8))
    assert hype.severity == lsp.DiagnosticSeverity.Warning
    assert hype.source == "jdlint"
    assert "suggestion: skilled / experienced" in hype.message
    assert hype.code_description is not None
    assert hype.code_description.href.startswith("file://")
    assert "inclusive.yaml#L" in hype.code_description.href
    chair = next(d for d in published.diagnostics if "chairman" in d.message)
    begin = utf16(line[: line.index("chairman")])
    assert (chair.range.start.character, chair.range.end.character) == (begin, begin + 8)


def test_show_infos_off_and_a_docs_url_template(service: Service, tmp_path: Path) -> None:
    uri = open_doc(service, tmp_path / "p.md", FLAWED.read_text(encoding="utf-8"))
    infos = [d for d in service.lint(uri).diagnostics if d.severity == 3]
    assert infos
    service.configure({"showInfos": False, "ruleDocsUrl": "https://docs.example/{code}-{name}"})
    open_doc(service, tmp_path / "p.md", FLAWED.read_text(encoding="utf-8"))
    diagnostics = service.lint(uri).diagnostics
    assert diagnostics and all(d.severity != 3 for d in diagnostics)
    hype = next(d for d in diagnostics if d.code == "I502")
    assert hype.code_description.href == "https://docs.example/I502-hype-and-bro-culture"


def test_settings_select_ignore_and_profile_reach_the_linter(
    service: Service, tmp_path: Path
) -> None:
    text = FLAWED.read_text(encoding="utf-8")
    uri = open_doc(service, tmp_path / "p.md", text)
    codes = {d.code for d in service.lint(uri).diagnostics}
    assert {"I502", "S103"} <= codes
    service.configure({"jdlint": {"select": ["I"], "ignore": ["I502"]}})
    codes = {d.code for d in service.lint(uri).diagnostics}
    assert codes and all(c.startswith("I") for c in codes) and "I502" not in codes
    assert service.messages == []  # type: ignore[attr-defined]


def test_unknown_settings_are_named_once_and_left_out(service: Service, tmp_path: Path) -> None:
    service.configure({"select": ["I", "Z999"], "profile": "astronaut", "showInfos": 2})
    assert len(service.messages) == 1  # type: ignore[attr-defined]
    message = service.messages[0]  # type: ignore[attr-defined]
    assert "Z999" in message and "astronaut" in message and "showInfos" in message
    assert service.settings.select == ("I",) and service.settings.profile is None
    uri = open_doc(service, tmp_path / "p.md", POSTING)
    assert service.lint(uri).diagnostics  # still linting, with what was valid

    # A slip gets the command line's close match.
    service.configure({"select": ["S2O1"], "profile": "psychiatric-case-manger"})
    message = service.messages[-1]  # type: ignore[attr-defined]
    assert "'S2O1' in select (did you mean 'S201'?)" in message
    assert "'psychiatric-case-manger' (did you mean 'psychiatric-case-manager'?)" in message


def test_an_empty_document_has_no_diagnostics(service: Service, tmp_path: Path) -> None:
    uri = open_doc(service, tmp_path / "new.md", "")
    assert service.lint(uri).diagnostics == []
    uri = open_doc(service, tmp_path / "blank.md", "\n  \n")
    assert service.lint(uri).diagnostics == []


def test_broken_front_matter_is_one_diagnostic_saying_why(service: Service, tmp_path: Path) -> None:
    text = "---\ntitle: [unclosed\n---\n# Case Manager\n\nText.\n"
    uri = open_doc(service, tmp_path / "p.md", text)
    (d,) = service.lint(uri).diagnostics
    assert d.severity == lsp.DiagnosticSeverity.Error
    assert d.message.startswith("not linted: ")
    assert "front matter" in d.message


def test_a_document_over_the_size_limit_is_one_diagnostic(service: Service, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".jdlint.yaml").write_text("max-file-size: 1000\n", encoding="utf-8")
    uri = open_doc(service, tmp_path / "p.md", POSTING * 20)
    (d,) = service.lint(uri).diagnostics
    assert "over the 1,000-byte limit" in d.message


def test_a_crash_in_a_check_is_one_diagnostic_and_the_service_goes_on(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdlint.checks import KINDS

    def boom(rule, ctx):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(KINDS["term"], "check", boom)
    uri = open_doc(service, tmp_path / "p.md", POSTING)
    (d,) = service.lint(uri).diagnostics
    assert "internal error: RuntimeError: kaboom" in d.message
    monkeypatch.undo()
    assert any(d.code == "I502" for d in service.lint(uri).diagnostics)


def test_a_posting_over_its_cpu_budget_is_one_diagnostic(service: Service, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".jdlint.yaml").write_text("time-limit: 0.000001\n", encoding="utf-8")
    uri = open_doc(service, tmp_path / "p.md", FLAWED.read_text(encoding="utf-8"))
    (d,) = service.lint(uri).diagnostics
    assert "time limit for this posting" in d.message


def test_a_config_error_is_one_message_and_clears_the_documents_diagnostics(
    service: Service, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    config = tmp_path / ".jdlint.yaml"
    config.write_text("selekt: [S]\n", encoding="utf-8")
    first = open_doc(service, tmp_path / "a.md", POSTING)
    second = open_doc(service, tmp_path / "b.md", POSTING)
    assert service.lint(first).diagnostics == []
    assert service.lint(second).diagnostics == []
    assert service.lint(first).diagnostics == []
    (message,) = service.messages  # type: ignore[attr-defined]
    assert "unknown setting 'selekt'" in message and ".jdlint.yaml:1" in message
    config.write_text("ignore: [I502]\n", encoding="utf-8")
    codes = {d.code for d in service.lint(first).diagnostics}
    assert codes and "I502" not in codes
    assert len(service.messages) == 1  # type: ignore[attr-defined]


def test_documents_that_are_not_postings_are_left_alone(service: Service, tmp_path: Path) -> None:
    assert not service.open((tmp_path / "x.py").as_uri(), "print(1)", 1, "python")
    assert service.open((tmp_path / "x.htm").as_uri(), "<p>hi</p>", 1, "unknown")
    assert service.open("untitled:Untitled-1", "hi", 1, "plaintext")


# -- code actions ------------------------------------------------------------------------


def _apply(text: str, action: lsp.CodeAction) -> str:
    from lsp_client import apply_edit

    assert action.edit is not None
    return apply_edit(text, action.edit, next(iter(_uris(action.edit))))


def _uris(edit: lsp.WorkspaceEdit) -> set[str]:
    return {c.text_document.uri for c in edit.document_changes or []} | set(edit.changes or {})


def _line_range(line: int, character: int) -> lsp.Range:
    return lsp.Range(lsp.Position(line, character), lsp.Position(line, character))


def test_fix_fix_all_and_replace_actions(service: Service, tmp_path: Path) -> None:
    text = "# Case Manager\n\nOur chairman 🙂 and a spokesman meet a rockstar.\n"
    uri = open_doc(service, tmp_path / "p.md", text)
    service.lint(uri)
    line = text.splitlines()[2]
    at = utf16(line[: line.index("chairman")]) + 2
    titles = {a.title: a for a in service.code_actions(uri, _line_range(2, at))}
    fix = titles["Fix: 'chairman' → 'chair'"]
    assert fix.is_preferred and fix.kind == "quickfix"
    assert [d.code for d in fix.diagnostics or []] == ["I101"]
    assert _apply(text, fix) == text.replace("chairman", "chair")
    # The other suggestion, for the writer to choose.
    assert _apply(text, titles["Replace: 'chairman' → 'chairperson'"]) == text.replace(
        "chairman", "chairperson"
    )
    fix_all = next(a for a in titles.values() if a.kind == "source.fixAll.jdlint")
    assert _apply(text, fix_all) == text.replace("chairman", "chair").replace(
        "spokesman", "spokesperson"
    )
    # Only what was asked for.
    only = service.code_actions(uri, _line_range(2, at), only=["source.fixAll"])
    assert [a.kind for a in only] == ["source.fixAll.jdlint"]
    # Hype has suggestions but no safe fix; "the plain job title" is advice, not a word.
    at = utf16(line[: line.index("rockstar")])
    titles = [a.title for a in service.code_actions(uri, _line_range(2, at))]
    assert "Replace: 'rockstar' → 'skilled'" in titles
    assert not any("plain job title" in t for t in titles)
    assert not any(t.startswith("Fix:") and "rockstar" in t for t in titles)


def test_fix_all_on_save_computes_nothing_else(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editors ask for source.fixAll with the whole document as the range on every save:
    no suppression comment is worked out (each reads the posting again) for that."""
    from jdlint.server import actions

    text = "# Case Manager\n\nOur chairman and a rockstar.\n" * 3
    uri = open_doc(service, tmp_path / "p.md", text)

    def refuse(*args, **kwargs):
        raise AssertionError("not asked for")

    monkeypatch.setattr(actions, "disable", refuse)
    monkeypatch.setattr(actions, "replacements", refuse)
    whole = lsp.Range(lsp.Position(0, 0), lsp.Position(99, 0))
    (fix_all,) = service.code_actions(uri, whole, only=["source.fixAll"])
    assert _apply(text, fix_all) == text.replace("chairman", "chair")


def test_replacements_keep_the_terms_case(service: Service, tmp_path: Path) -> None:
    text = "# Case Manager\n\nRockstar wanted.\n"
    uri = open_doc(service, tmp_path / "p.md", text)
    titles = [a.title for a in service.code_actions(uri, _line_range(2, 1))]
    assert "Replace: 'Rockstar' → 'Skilled'" in titles


@pytest.mark.parametrize("name", sorted(p.parent.name for p in ROOT.glob("examples/*/flawed.md")))
def test_disable_for_this_line_silences_that_finding_and_changes_nothing_else(
    name: str, linter: Linter, tmp_path: Path
) -> None:
    """For every finding in the flawed examples: the comment the action inserts suppresses
    that finding and leaves every other finding as it was (but one about the same fact,
    which the suppressed finding had hidden)."""
    svc = Service()
    path = ROOT / "examples" / name / "flawed.md"
    text = path.read_text(encoding="utf-8")
    uri = open_doc(svc, path, text)
    result = svc.current(uri)
    assert result is not None and result.report is not None
    offered = 0
    for i, f in enumerate(result.findings):
        rng = result.diagnostics[i].range
        title = f"Disable {f.code} ({f.name}) for this line"
        action = next((a for a in svc.code_actions(uri, rng) if a.title == title), None)
        line = result.report.line_col(f.start)[0]
        fm = result.report.posting.front_matter
        if action is None:
            assert fm is not None and f.start < fm.end, f"no action for {f.code} on line {line}"
            continue
        offered += 1
        new = _apply(text, action)
        assert "<!-- jdlint-disable-next-line " + f.code + " -->" in new
        after = linter.lint_text(new, str(path))

        shift = new.count("\n") - text.count("\n")
        assert not any(
            g.code == f.code
            and after.line_col(g.start)[0] == line + shift
            and g.message == f.message
            for g in after.findings
        )
        at = next((i for i, (a, b) in enumerate(zip(text, new, strict=False)) if a != b), len(text))
        moved = _moved_fact(f.fact, at, len(new) - len(text))
        assert _others(after, f, line, shift, moved) == _others(result.report, f, line, 0, f.fact)
    assert offered


def _moved_fact(fact, at: int, delta: int):
    """A fact as it reads after ``delta`` characters were inserted at ``at``: facts about a
    place in the source ("words", start, end) name offsets, which the insertion moves."""
    if fact is None:
        return None
    return tuple(x + delta if isinstance(x, int) and x >= at else x for x in fact)


def _others(report, f, line: int, shift: int, fact) -> list[tuple[str, str]]:
    """The findings of a report but those on ``line`` (moved down by ``shift``) of f's rule,
    and those about f's fact (which the suppressed finding had hidden: one finding per
    fact, so suppressing I502's 'Rockstar' in a title lets K204 report the same word)."""
    return sorted(
        (g.code, g.message)
        for g in report.findings
        if not (g.code == f.code and report.line_col(g.start)[0] - shift == line)
        and (fact is None or g.fact != fact)
    )


def test_disable_keeps_a_markdown_paragraph_whole_and_works_in_html(
    service: Service, tmp_path: Path
) -> None:
    text = "# Case Manager\n\nWe are a friendly team\nlooking for a rockstar.\n"
    uri = open_doc(service, tmp_path / "p.md", text)
    (action,) = [
        a
        for a in service.code_actions(uri, _line_range(3, 16))
        if a.title.startswith("Disable I502")
    ]
    # Inside a paragraph a comment line would split it: the comment ends the line before.
    assert _apply(text, action) == text.replace(
        "team\n", "team <!-- jdlint-disable-next-line I502 -->\n"
    )
    html = "<h1>Case Manager</h1>\n<p>We want a rockstar.</p>\n"
    uri = open_doc(service, tmp_path / "p.html", html, "html")
    (action,) = [
        a
        for a in service.code_actions(uri, _line_range(1, 14))
        if a.title.startswith("Disable I502")
    ]
    new = _apply(html, action)
    assert new == html.replace("<p>", "<!-- jdlint-disable-next-line I502 -->\n<p>")
    assert not [
        f for f in Linter().lint_text(new, str(tmp_path / "p.html")).findings if f.code == "I502"
    ]
    # Plain text has no comments: nothing to offer.
    uri = open_doc(
        service, tmp_path / "p.txt", "Case Manager\n\nWe want a rockstar.\n", "plaintext"
    )
    assert not [
        a for a in service.code_actions(uri, _line_range(2, 12)) if a.title.startswith("Disable")
    ]


def test_code_actions_read_the_text_the_editor_holds(service: Service, tmp_path: Path) -> None:
    text = "# Case Manager\n\nOur chairman chairs.\n"
    uri = open_doc(service, tmp_path / "p.md", text)
    service.lint(uri)
    # Typed before the chairman, not yet linted: the action must not use stale offsets.
    service.change(uri, [Change("🙂🙂 ", ((2, 0), (2, 0)))], 2)
    new_text = service.documents[uri].text
    fix = next(a for a in service.code_actions(uri, _line_range(2, 9)) if a.title.startswith("Fix"))
    assert _apply(new_text, fix) == new_text.replace("chairman", "chair")


# -- hover -------------------------------------------------------------------------------


def test_hover_explains_the_rule_with_its_sources(service: Service, tmp_path: Path) -> None:
    uri = open_doc(service, tmp_path / "p.md", POSTING)
    line = POSTING.splitlines()[2]
    at = utf16(line[: line.index("rockstar")]) + 3
    hover = service.hover(uri, 2, at)
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    value = hover.contents.value
    assert value.startswith("**I502 hype-and-bro-culture (inclusive, warning)**")
    assert "Hype words" in value  # the rule's reason
    assert "Sources:" in value and "<https://" in value
    away = service.hover(uri, 6, 3)  # "Plan care": nothing flagged there
    assert away is None
    service.markdown_hover = False
    plain = service.hover(uri, 2, at)
    assert plain.contents.kind == lsp.MarkupKind.PlainText and "**" not in plain.contents.value


def test_hover_and_messages_escape_control_characters(service: Service, tmp_path: Path) -> None:
    text = "# Case Manager\n\nA rock\u202estar and a rockstar.\n"
    uri = open_doc(service, tmp_path / "p.md", text)
    for d in service.lint(uri).diagnostics:
        assert "\u202e" not in d.message


# -- robustness: any sequence of edits ---------------------------------------------------

_EDIT_TEXT = st.sampled_from(
    [
        "",
        "a",
        " ",
        "\n",
        "\r\n",
        "🙂",
        "é",
        "rockstar",
        "chairman",
        "# ",
        "- ",
        "---\n",
        "<!-- jdlint-disable-next-line I502 -->",
        "\u2028",
        "<p>",
        "</p>",
        "**",
        "\t",
    ]
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.floats(0, 1), _EDIT_TEXT, st.booleans()), max_size=8
    )
)
def test_the_service_survives_any_sequence_of_edits(edits, tmp_path: Path) -> None:
    svc = Service()
    uri = open_doc(svc, tmp_path / "p.md", POSTING)
    text = POSTING
    for a, b, new, lint in edits:
        start, end = sorted((int(a * len(text)), int(b * len(text))))
        p = Positions(text)
        svc.change(uri, [Change(new, (p.position(start), p.position(end)))], None)
        # What the editor holds: the edit at those positions (never between \r and \n).
        s, e = p.offset(*p.position(start)), p.offset(*p.position(end))
        text = text[:s] + new + text[e:]
        assert svc.documents[uri].text == text
        if lint:
            published = svc.lint(uri)
            positions = Positions(text)
            for d in published.diagnostics:
                assert d.range.start.line <= d.range.end.line < len(positions.starts) + 1
                assert positions.offset(d.range.start.line, d.range.start.character) <= len(text)
            svc.code_actions(uri, lsp.Range(lsp.Position(0, 0), lsp.Position(99, 0)))
            svc.hover(uri, 2, 5)
    # The same diagnostics as a fresh server reading the final text.
    fresh = Service()
    fresh_uri = open_doc(fresh, tmp_path / "p.md", text)
    assert svc.lint(uri).diagnostics == fresh.lint(fresh_uri).diagnostics


# -- the scheduler -----------------------------------------------------------------------


class FakeLoop:
    """Time that moves only when the test says, and the timers due by then."""

    def __init__(self) -> None:
        self.now = 0.0
        self.timers: list[list] = []  # [when, callback, cancelled]

    def later(self, delay: float, callback):
        timer = [self.now + delay, callback, False]
        self.timers.append(timer)

        class Handle:
            def cancel(self) -> None:
                timer[2] = True

        return Handle()

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while True:
            due = sorted((t for t in self.timers if not t[2] and t[0] <= end), key=lambda t: t[0])
            if not due:
                break
            timer = due[0]
            timer[2] = True
            self.now = max(self.now, timer[0])
            timer[1]()
        self.now = max(self.now, end)


def _scheduler(lint_seconds: float = 0.0):
    from jdlint.server.lsp import Scheduler

    loop = FakeLoop()
    runs: list[tuple[str, float]] = []

    def run(uri: str) -> None:
        runs.append((uri, loop.now))
        loop.now += lint_seconds  # a lint takes this long, and nothing else happens meanwhile

    return Scheduler(run, clock=lambda: loop.now, later=loop.later), loop, runs


def test_the_first_edit_after_a_pause_is_linted_at_once_and_a_burst_once_at_its_end() -> None:
    scheduler, loop, runs = _scheduler()
    scheduler.changed("a", 200)  # the first edit: at once
    loop.advance(0)
    assert runs == [("a", 0.0)]
    for _ in range(5):  # a burst, 20 ms apart: once, 200 ms after its last edit
        loop.advance(0.02)
        scheduler.changed("a", 200)
    loop.advance(0.199)
    assert len(runs) == 1
    loop.advance(0.002)
    assert runs[1] == ("a", pytest.approx(0.1 + 0.2))
    loop.advance(1)  # a pause, then an edit: at once again
    scheduler.changed("a", 200)
    loop.advance(0)
    assert len(runs) == 3
    scheduler.changed("b", 0)  # debounce 0: every edit at once
    scheduler.now("a")  # open and save: at once
    loop.advance(0)
    assert sorted(u for u, _ in runs[3:]) == ["a", "b"]
    scheduler.changed("a", 200)
    scheduler.forget("a")  # closed: the pending lint is dropped
    loop.advance(1)
    assert len(runs) == 5


def test_edits_that_waited_for_a_lint_are_a_burst() -> None:
    """A lint holds the loop; the edits read after it arrived while it ran: they are linted
    together once the document is still, not each at once."""
    scheduler, loop, runs = _scheduler(lint_seconds=0.15)
    scheduler.changed("a", 100)
    loop.advance(0)  # linted at once, until 0.15
    scheduler.changed("a", 100)  # read when the lint ended
    scheduler.changed("a", 100)
    loop.advance(0.099)
    assert len(runs) == 1
    loop.advance(0.002)
    assert len(runs) == 2 and runs[1][1] == pytest.approx(0.25)


# -- the extra ---------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["server"], ["server", "--stdio"]])
def test_without_the_extra_the_command_says_which_to_install(args: list[str]) -> None:
    """``--stdio`` is accepted: some clients add it (VS Code's client library, transport stdio)."""
    code = (
        "import sys; sys.modules['pygls'] = None; sys.modules['pygls.lsp.server'] = None\n"
        f"from jdlint.cli import main; main({args!r})"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == MISSING
    assert "jdlint[server]" in MISSING and proc.stdout == ""


# -- fixes: the editor's "fix all" is the command line's --fix ---------------------------


@given(
    st.text(st.sampled_from("ab\n c"), max_size=20),
    st.lists(
        st.tuples(st.integers(-2, 22), st.integers(-2, 22), st.sampled_from(["", "x", "\n", "yy"]))
    ),
)
def test_applicable_edits_are_the_edits_apply_edits_makes(text: str, raw) -> None:
    edits = [Edit(a, b, t) for a, b, t in raw]
    chosen = applicable_edits(text, edits)
    out, pos = [], 0
    for e in chosen:
        out += [text[pos : e.start], e.text]
        pos = e.end
    out.append(text[pos:])
    assert ("".join(out), len(chosen)) == apply_edits(text, edits)


# -- docs/editors.md ---------------------------------------------------------------------


def test_the_editor_snippets_parse_and_use_settings_the_server_knows() -> None:
    import json
    import re

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    doc = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(\w+)\n(.*?)```", doc, re.S)
    seen = {"json": 0, "toml": 0, "lua": 0}
    for lang, body in blocks:
        if lang == "json":
            data = json.loads(body)
            options = data.get("glspc.server.initializationOptions") or data.get("clients", {}).get(
                "jdlint", {}
            ).get("initializationOptions")
            if options is not None:
                assert parse(options).problems == [] and parse(options).settings == Settings()
        elif lang == "toml":
            data = tomllib.loads(body)
            config = data.get("language-server", {}).get("jdlint", {}).get("config")
            if config is not None:
                assert parse(config).problems == []
                assert data["language-server"]["jdlint"]["args"] == ["server"]
        elif lang == "lua":
            assert '"jdlint", "server"' in body
        else:
            continue
        seen[lang] += 1
    assert seen["json"] >= 3 and seen["toml"] >= 2 and seen["lua"] >= 2
    # Every setting in the table is one the server reads.
    table = re.findall(r"^\| `(\w+)` \|", doc, re.M)
    assert table and all(parse({name: None}).problems == [] for name in table)
    from jdlint.server.settings import _ALIASES

    assert {name.lower() for name in table} <= set(_ALIASES)
