"""``jdlint server`` as editors run it: a process spoken to over stdio, here by pygls's
language client (tests/lsp_client.py). One server serves the module (one spaCy start)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra (pygls) is part of the test extra")

from lsprotocol import types as lsp

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / ".git").mkdir()  # the config search stops here, as in a repository
    return root


@pytest.fixture(scope="module")
def session(workspace: Path):
    from lsp_client import Session

    s = Session(workspace)
    yield s
    code = s.stop()
    assert code == 0, s.client.stderr.decode(errors="replace")
    # Nothing the user sees ever holds a traceback.
    assert "Traceback" not in s.client.stderr.decode(errors="replace")
    assert not any("Traceback" in m.message for m in s.client.messages + s.client.logs)


POSTING = textwrap.dedent(
    """\
    # Case Manager

    Café 🙂 team\u2028 seeks a rockstar 🙂 to lead.

    ## Duties

    - Plan care with clients.
    """
)


def lines(text: str) -> list[str]:
    """Lines as LSP counts them (str.splitlines also splits at U+2028)."""
    return re.split(r"\r\n|\r|\n", text)


def codes(diagnostics: list[lsp.Diagnostic]) -> set[str]:
    return {str(d.code) for d in diagnostics}


def find(diagnostics: list[lsp.Diagnostic], code: str) -> lsp.Diagnostic:
    return next(d for d in diagnostics if d.code == code)


def test_the_server_says_what_it_does(session) -> None:
    caps = session.init.capabilities
    assert session.init.server_info.name == "jdlint"
    assert caps.position_encoding == lsp.PositionEncodingKind.Utf16
    sync = caps.text_document_sync
    assert sync.change == lsp.TextDocumentSyncKind.Incremental and sync.open_close and sync.save
    assert caps.hover_provider
    assert "source.fixAll.jdlint" in caps.code_action_provider.code_action_kinds


def test_open_change_and_save_publish_exact_utf16_diagnostics(session, workspace: Path) -> None:
    uri = (workspace / "open.md").as_uri()
    session.open(uri, POSTING)
    hype = find(session.diagnostics(uri), "I502")
    line = lines(POSTING)[2]
    start = utf16(line[: line.index("rockstar")])
    assert hype.range == lsp.Range(lsp.Position(2, start), lsp.Position(2, start + 8))
    assert "suggestion: skilled" in hype.message and hype.source == "jdlint"
    assert hype.code_description and "inclusive.yaml" in hype.code_description.href

    # An edit before the term, in UTF-16 units (an emoji is two): the range moves with it.
    text = session.texts[uri]
    insert = "🙂🙂 é "
    at = lsp.Position(2, 0)
    new_text = text.replace("Café", insert + "Café", 1)
    session.change(
        uri,
        [lsp.TextDocumentContentChangePartial(range=lsp.Range(at, at), text=insert)],
        new_text,
    )
    moved = find(session.diagnostics(uri), "I502")
    assert moved.range.start.character == start + utf16(insert)

    # A second term typed after the U+2028 on that line (a character, not a line break).
    line = lines(new_text)[2]
    col = utf16(line)
    end = lsp.Position(2, col)
    session.change(
        uri,
        [lsp.TextDocumentContentChangePartial(range=lsp.Range(end, end), text=" A chairman.")],
        new_text.replace("to lead.", "to lead. A chairman.", 1),
    )
    diagnostics = session.diagnostics(uri)
    chair = next(d for d in diagnostics if "chairman" in d.message)
    assert chair.range.start == lsp.Position(2, col + 3)

    published = session.count(uri)
    session.save(uri)
    session.wait_for(lambda: session.count(uri) > published)
    assert session.client.published[uri][-1].version == session.versions[uri]


def test_a_burst_of_edits_is_linted_at_its_end(session, workspace: Path) -> None:
    uri = (workspace / "burst.md").as_uri()
    session.open(uri, POSTING)
    session.diagnostics(uri)
    before = session.count(uri)
    for word in ("a ", "ninja ", "and ", "a ", "guru "):
        at = lsp.Position(6, 2)
        session.change(
            uri, [lsp.TextDocumentContentChangePartial(range=lsp.Range(at, at), text=word)]
        )
    last = session.versions[uri]
    diagnostics = session.diagnostics(uri, last, after=before)
    assert "I502" in codes(diagnostics)
    # Not one lint per keystroke (the scheduler's timing is tested in process).
    assert session.count(uri) - before < 5


def test_code_actions_apply_the_fix_and_the_text_is_right(session, workspace: Path) -> None:
    from lsp_client import apply_edit

    uri = (workspace / "fix.md").as_uri()
    text = "# Case Manager\n\nOur chairman 🙂 meets a spokesman and a rockstar.\n"
    session.open(uri, text)
    diagnostics = session.diagnostics(uri)
    chair = next(d for d in diagnostics if "chairman" in d.message)
    actions = session.code_actions(uri, chair.range)
    fix = next(a for a in actions if a.is_preferred)
    assert fix.title == "Fix: 'chairman' → 'chair'"
    fixed = apply_edit(text, fix.edit, uri)
    assert fixed == text.replace("chairman", "chair")
    session.replace_all(uri, fixed)
    after = session.diagnostics(uri)
    assert not any("chairman" in d.message for d in after)

    # Fix all, asked for as editors do on save.
    (fix_all,) = session.code_actions(
        uri, lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)), only=["source.fixAll"]
    )
    result = apply_edit(fixed, fix_all.edit, uri)
    assert result == fixed.replace("spokesman", "spokesperson")

    # Disable the rule for the line: the comment goes in, the finding goes away.
    session.replace_all(uri, result)
    hype = find(session.diagnostics(uri), "I502")
    disable = next(
        a for a in session.code_actions(uri, hype.range) if a.title.startswith("Disable I502")
    )
    silenced = apply_edit(result, disable.edit, uri)
    assert "<!-- jdlint-disable-next-line I502 -->\n" in silenced
    session.replace_all(uri, silenced)
    assert "I502" not in codes(session.diagnostics(uri))


def test_hover_shows_the_rule_and_its_sources(session, workspace: Path) -> None:
    uri = (workspace / "hover.md").as_uri()
    session.open(uri, POSTING)
    hype = find(session.diagnostics(uri), "I502")
    hover = session.hover(uri, 2, hype.range.start.character + 2)
    assert hover is not None and hover.contents.kind == lsp.MarkupKind.Markdown
    assert hover.contents.value.startswith("**I502 hype-and-bro-culture")
    assert "Sources:" in hover.contents.value
    assert hover.range == hype.range


def test_settings_change_relints_open_documents(session, workspace: Path) -> None:
    uri = (workspace / "settings.md").as_uri()
    session.open(uri, POSTING)
    assert "I502" in codes(session.diagnostics(uri))
    try:
        before = session.count(uri)
        session.configure({"jdlint": {"ignore": ["I502"], "showInfos": False}})
        diagnostics = session.diagnostics(uri, after=before)
        assert "I502" not in codes(diagnostics)
        assert all(d.severity != lsp.DiagnosticSeverity.Information for d in diagnostics)

        # A client that only says "changed" is asked for the section.
        session.client.configuration = {"select": ["I5"]}
        before = session.count(uri)
        session.configure(None)
        diagnostics = session.diagnostics(uri, after=before)
        assert codes(diagnostics) == {"I502"}
        assert session.client.configuration_asked >= 1
    finally:
        before = session.count(uri)
        session.configure({})
        session.diagnostics(uri, after=before)


def test_a_broken_document_gets_one_diagnostic_and_the_server_goes_on(
    session, workspace: Path
) -> None:
    uri = (workspace / "broken.md").as_uri()
    session.open(uri, "---\ntitle: Case Manager\n\n# Case Manager\n\nA rockstar.\n")
    (d,) = session.diagnostics(uri)
    assert d.severity == lsp.DiagnosticSeverity.Error
    assert d.message.startswith("not linted: ") and "never closed" in d.message
    # Closing the front matter brings the findings back.
    session.replace_all(uri, "---\ntitle: Case Manager\n---\n\n# Case Manager\n\nA rockstar.\n")
    assert "I502" in codes(session.diagnostics(uri))


def test_a_config_error_is_one_window_message(session, workspace: Path) -> None:
    folder = workspace / "team"
    folder.mkdir()
    (folder / ".jdlint.yaml").write_text("selekt: [S]\n", encoding="utf-8")
    first, second = (folder / "a.md").as_uri(), (folder / "b.md").as_uri()
    shown = len(session.client.messages)
    session.open(first, POSTING)
    session.open(second, POSTING)
    assert list(session.diagnostics(first)) == list(session.diagnostics(second)) == []
    session.save(first)
    session.wait_for(lambda: session.count(first) >= 2)
    errors = [m for m in session.client.messages[shown:] if "config error" in m.message]
    assert len(errors) == 1
    assert (
        errors[0].type == lsp.MessageType.Error and "unknown setting 'selekt'" in errors[0].message
    )
    (folder / ".jdlint.yaml").write_text("ignore: [S]\n", encoding="utf-8")
    session.save(first)
    session.wait_for(lambda: session.count(first) >= 3)
    assert "I502" in codes(session.client.published[first][-1].diagnostics)


def test_a_large_posting_is_linted(session, workspace: Path) -> None:
    uri = (workspace / "large.md").as_uri()
    items = "\n".join(f"- Coordinate care plan {i} with a rockstar team." for i in range(2000))
    text = "# Case Manager\n\n## Duties\n\n" + items + "\n"
    assert len(text) > 90_000
    session.open(uri, text)
    diagnostics = session.diagnostics(uri)
    hype = [d for d in diagnostics if d.code == "I502"]
    assert len(hype) == 2000
    assert hype[-1].range.start.line == 4 + 1999


def test_other_documents_are_left_alone_and_closing_clears(session, workspace: Path) -> None:
    code_uri = (workspace / "script.py").as_uri()
    session.open(code_uri, "rockstar = 1\n", language="python")
    uri = (workspace / "close.html").as_uri()
    session.open(uri, "<h1>Case Manager</h1>\n<p>A rockstar.</p>\n", language="html")
    assert "I502" in codes(session.diagnostics(uri))
    assert code_uri not in session.client.published  # handled in order, before the HTML
    before = session.count(uri)
    session.close(uri)
    session.wait_for(lambda: session.count(uri) > before)
    assert list(session.client.published[uri][-1].diagnostics) == []


def test_initialization_options_and_another_position_encoding(workspace: Path) -> None:
    from lsp_client import Session

    caps = lsp.ClientCapabilities(
        general=lsp.GeneralClientCapabilities(position_encodings=["utf-8"])
    )
    s = Session(workspace, init_options={"jdlint": {"select": ["I5"]}}, capabilities=caps)
    try:
        assert s.init.capabilities.position_encoding == "utf-8"
        uri = (workspace / "utf8.md").as_uri()
        s.open(uri, POSTING)
        (hype,) = s.diagnostics(uri)
        line = lines(POSTING)[2]
        start = len(line[: line.index("rockstar")].encode("utf-8"))
        assert hype.range.start == lsp.Position(2, start)
        # Without documentChanges support, edits come as plain changes.
        (action,) = [
            a
            for a in s.code_actions(uri, hype.range)
            if a.title.startswith("Replace: 'rockstar' → 'skilled'")
        ]
        assert action.edit.changes and not action.edit.document_changes
    finally:
        assert s.stop() == 0
