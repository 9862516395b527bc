"""A language client for the tests: pygls's, driving ``jdlint server`` over stdio.

The client's event loop runs in a thread of its own, so that tests stay plain functions
and one server (one spaCy start-up) serves a whole test module.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

# Generous: the first lint waits for spaCy; a loaded CI machine is slow.
TIMEOUT = 120.0


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("jdlint-tests", "0")
        self.published: dict[str, list[lsp.PublishDiagnosticsParams]] = {}
        self.messages: list[lsp.ShowMessageParams] = []
        self.logs: list[lsp.LogMessageParams] = []
        self.stderr = bytearray()
        self.changed = threading.Condition()
        # What workspace/configuration answers for the "jdlint" section.
        self.configuration: Any = None
        self.configuration_asked = 0

        @self.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            with self.changed:
                self.published.setdefault(params.uri, []).append(params)
                self.changed.notify_all()

        @self.feature(lsp.WINDOW_SHOW_MESSAGE)
        def show(params: lsp.ShowMessageParams) -> None:
            with self.changed:
                self.messages.append(params)
                self.changed.notify_all()

        @self.feature(lsp.WINDOW_LOG_MESSAGE)
        def logged(params: lsp.LogMessageParams) -> None:
            with self.changed:
                self.logs.append(params)
                self.changed.notify_all()

        @self.feature(lsp.WORKSPACE_CONFIGURATION)
        def configuration(params: lsp.ConfigurationParams) -> list[Any]:
            with self.changed:
                self.configuration_asked += 1
                self.changed.notify_all()
            return [self.configuration if i.section == "jdlint" else None for i in params.items]

    def report_server_error(self, error: Exception, source: Any) -> None:
        self.logs.append(lsp.LogMessageParams(type=lsp.MessageType.Error, message=str(error)))


class Session:
    """A running ``jdlint server`` and a client connected to it."""

    def __init__(
        self,
        cwd: Path,
        init_options: Any = None,
        env: dict[str, str] | None = None,
        capabilities: lsp.ClientCapabilities | None = None,
    ) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client = Client()
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        environment = {**os.environ, **(env or {})}
        self.call(
            self.client.start_io(
                sys.executable, "-m", "jdlint", "server", cwd=str(cwd), env=environment
            )
        )
        self.call(self._drain_stderr())
        caps = capabilities or lsp.ClientCapabilities(
            workspace=lsp.WorkspaceClientCapabilities(
                workspace_edit=lsp.WorkspaceEditClientCapabilities(document_changes=True),
                configuration=True,
            ),
            text_document=lsp.TextDocumentClientCapabilities(
                hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown]),
            ),
        )
        self.init = self.call(
            self.client.initialize_async(
                lsp.InitializeParams(
                    capabilities=caps,
                    root_uri=cwd.as_uri(),
                    initialization_options=init_options,
                )
            )
        )
        self.client.initialized(lsp.InitializedParams())

    async def _drain_stderr(self) -> None:
        # The server's log, read as it comes so a full pipe never blocks the server.
        proc = self.client._server
        assert proc is not None and proc.stderr is not None
        stream = proc.stderr

        async def read() -> None:
            while chunk := await stream.read(65536):
                self.client.stderr.extend(chunk)

        self._stderr_task = asyncio.ensure_future(read())

    def call(self, coro: Coroutine[Any, Any, Any], timeout: float = TIMEOUT) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    # -- documents ---------------------------------------------------------------

    def open(self, uri: str, text: str, language: str = "markdown") -> None:
        self.versions[uri] = 1
        self.texts[uri] = text
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(
                    uri=uri, language_id=language, version=1, text=text
                )
            )
        )

    def change(self, uri: str, changes: list[Any], text_after: str | None = None) -> int:
        self.versions[uri] += 1
        if text_after is not None:
            self.texts[uri] = text_after
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=changes,
            )
        )
        return self.versions[uri]

    def replace_all(self, uri: str, text: str) -> int:
        return self.change(uri, [lsp.TextDocumentContentChangeWholeDocument(text=text)], text)

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
        )

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
        )

    # -- waiting -----------------------------------------------------------------

    def wait_for(self, done: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        with self.client.changed:
            while True:
                value = done()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        "timed out; server log:\n" + self.client.stderr.decode(errors="replace")
                    )
                self.client.changed.wait(left)

    def diagnostics(
        self, uri: str, version: int | None = None, after: int = 0
    ) -> list[lsp.Diagnostic]:
        """The diagnostics published for a version (the newest one by default), waiting for
        them; ``after`` skips that many earlier publications."""
        want = self.versions[uri] if version is None else version

        def found() -> Any:
            for p in self.client.published.get(uri, [])[after:]:
                if p.version == want:
                    return (p.diagnostics,)
            return None

        return self.wait_for(found)[0]

    def count(self, uri: str) -> int:
        return len(self.client.published.get(uri, []))

    # -- requests ----------------------------------------------------------------

    def code_actions(
        self, uri: str, rng: lsp.Range, only: list[str] | None = None
    ) -> list[lsp.CodeAction]:
        result = self.call(
            self.client.text_document_code_action_async(
                lsp.CodeActionParams(
                    text_document=lsp.TextDocumentIdentifier(uri=uri),
                    range=rng,
                    context=lsp.CodeActionContext(diagnostics=[], only=only),
                )
            )
        )
        return [a for a in result or [] if isinstance(a, lsp.CodeAction)]

    def hover(self, uri: str, line: int, character: int) -> lsp.Hover | None:
        return self.call(
            self.client.text_document_hover_async(
                lsp.HoverParams(
                    text_document=lsp.TextDocumentIdentifier(uri=uri),
                    position=lsp.Position(line, character),
                )
            )
        )

    def configure(self, settings: Any) -> None:
        self.client.workspace_did_change_configuration(
            lsp.DidChangeConfigurationParams(settings=settings)
        )

    def stop(self) -> int | None:
        try:
            self.call(self.client.shutdown_async(None), timeout=30)
            self.client.exit(None)
            proc = self.client._server
            deadline = time.monotonic() + 30
            while proc is not None and proc.returncode is None and time.monotonic() < deadline:
                time.sleep(0.05)
            return proc.returncode if proc is not None else None
        finally:
            proc = self.client._server
            if proc is not None and proc.returncode is None:
                proc.kill()
            self.call(self.client.stop(), timeout=30)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)


def apply_edit(text: str, edit: lsp.WorkspaceEdit, uri: str) -> str:
    """The text after a workspace edit, applied as an editor does (every edit against the
    original text), with UTF-16 positions."""
    from jdlint.server.documents import Positions

    edits: list[lsp.TextEdit] = []
    for change in edit.document_changes or []:
        assert isinstance(change, lsp.TextDocumentEdit) and change.text_document.uri == uri
        edits.extend(e for e in change.edits if isinstance(e, lsp.TextEdit))
    for u, es in (edit.changes or {}).items():
        assert u == uri
        edits.extend(es)
    positions = Positions(text)
    spans = sorted(
        (
            positions.offset(e.range.start.line, e.range.start.character),
            positions.offset(e.range.end.line, e.range.end.character),
            e.new_text,
        )
        for e in edits
    )
    out, pos = [], 0
    for start, end, new in spans:
        assert start >= pos, "overlapping edits"
        out += [text[pos:start], new]
        pos = end
    out.append(text[pos:])
    return "".join(out)
