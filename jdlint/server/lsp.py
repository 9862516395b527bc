"""``jdlint server``: the language server over stdio, on pygls.

One process keeps one warm Linter (packs parsed, the spaCy pipeline built) and lints on
the event loop's thread, which is the main thread: the per-posting CPU budget
(``budget.py``) can then interrupt a posting wherever it is, and no two lints ever run at
once. A lint of a typical posting takes tens of milliseconds, so requests wait at most
that long.

When it lints:

- on open and on save, at once;
- on change, at once when the document had been still for ``debounce`` milliseconds
  (the first edit after a pause), else when it has been still that long (a burst of typing
  is linted once, at its end). Edits that arrive while a lint runs wait for it, and the
  next lint reads the newest text.

pygls keeps its own copy of each document, and its line splitting (``str.splitlines``)
breaks lines where LSP does not (U+2028, form feeds); the text document notifications
are therefore taken over here (``_Protocol``) and documents live in ``Service`` only.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from .. import __version__
from .documents import UTF8, UTF16, UTF32, Change
from .service import FIX_ALL, Service

log = logging.getLogger("jdlint.server")

ENCODINGS = {lsp.PositionEncodingKind.Utf8: UTF8, lsp.PositionEncodingKind.Utf32: UTF32}


class _Protocol(LanguageServerProtocol):
    """Text document notifications go to the handlers alone (see the module's doc)."""

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: lsp.DidOpenTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: lsp.DidCloseTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


class Scheduler:
    """When each document is linted after a change (see the module's doc).

    "Still" counts from the later of the last change and the end of the last lint: edits
    that queued up while a lint ran are a burst, not the first edit after a pause.
    """

    def __init__(
        self,
        run: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
        later: Callable[[float, Callable[[], None]], Any] | None = None,
    ) -> None:
        self.run = run
        self.clock = clock
        # later(seconds, callback) -> a handle with cancel(); the event loop's by default.
        self.later = later or (lambda delay, f: asyncio.get_running_loop().call_later(delay, f))
        self.active: dict[str, float] = {}  # uri -> last change or end of a lint
        self.pending: dict[str, Any] = {}

    def changed(self, uri: str, debounce_ms: int) -> None:
        now = self.clock()
        last = self.active.get(uri)
        self.active[uri] = now
        delay = debounce_ms / 1000
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        elif last is None or now - last >= delay:
            delay = 0.0  # the first edit after a pause
        self._at(uri, delay)

    def now(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self._at(uri, 0.0)

    def forget(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.active.pop(uri, None)

    def _at(self, uri: str, delay: float) -> None:
        def fire() -> None:
            self.pending.pop(uri, None)
            try:
                self.run(uri)
            finally:
                if uri in self.active:
                    self.active[uri] = self.clock()

        self.pending[uri] = self.later(delay, fire)


class JdlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("jdlint", __version__, protocol_cls=_Protocol)
        self.service = Service(notify=self.show)
        self.scheduler = Scheduler(self.lint_and_publish)

    def show(self, message: str, warning: bool = False) -> None:
        kind = lsp.MessageType.Warning if warning else lsp.MessageType.Error
        self.window_show_message(lsp.ShowMessageParams(type=kind, message=message))

    def lint_and_publish(self, uri: str) -> None:
        try:
            published = self.service.lint(uri)
        except Exception as e:  # never a dead server: the document keeps its last diagnostics
            self._log_failure("lint", e)
            return
        if published is not None:
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(
                    uri=published.uri, diagnostics=published.diagnostics, version=published.version
                )
            )

    def _log_failure(self, what: str, e: BaseException) -> None:
        if os.environ.get("JDLINT_DEBUG"):
            log.exception("jdlint server: %s failed", what)
        self.window_log_message(
            lsp.LogMessageParams(
                type=lsp.MessageType.Error,
                message=f"jdlint: internal error in {what}: {type(e).__name__}: {e} (please report this)",
            )
        )


def _capability(obj: Any, *names: str) -> Any:
    for name in names:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def build() -> JdlintServer:
    server = JdlintServer()
    service = server.service

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: JdlintServer, params: lsp.InitializeParams) -> None:
        caps = params.capabilities
        service.encoding = ENCODINGS.get(ls.workspace.position_encoding, UTF16)  # type: ignore[arg-type]
        formats = _capability(caps, "text_document", "hover", "content_format") or []
        service.markdown_hover = not formats or lsp.MarkupKind.Markdown in formats
        service.versioned_edits = bool(
            _capability(caps, "workspace", "workspace_edit", "document_changes")
        )
        service.configure(params.initialization_options)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: JdlintServer, params: lsp.InitializedParams) -> None:
        # Packs and the spaCy pipeline now, before the first posting waits for them.
        try:
            service.linter.lint_text("# Warm-up\n\nA posting.\n", "<text>", "markdown")
        except Exception as e:
            ls._log_failure("warm-up", e)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: JdlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        if service.open(doc.uri, doc.text, doc.version, doc.language_id):
            ls.scheduler.now(doc.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: JdlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        changes = []
        for c in params.content_changes:
            if isinstance(c, lsp.TextDocumentContentChangePartial):
                r = c.range
                span = ((r.start.line, r.start.character), (r.end.line, r.end.character))
                changes.append(Change(c.text, span))
            else:
                changes.append(Change(c.text))
        uri = params.text_document.uri
        if service.change(uri, changes, params.text_document.version):
            ls.scheduler.changed(uri, service.settings.debounce_ms)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: JdlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri in service.documents:
            ls.scheduler.now(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: JdlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.scheduler.forget(uri)
        if uri in service.documents:
            service.close(uri)
            ls.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: JdlintServer, params: lsp.DidChangeConfigurationParams
    ) -> None:
        settings = params.settings
        if not settings and _capability(ls.client_capabilities, "workspace", "configuration"):
            # Clients that only say "something changed" are asked for jdlint's section.
            try:
                got = await ls.workspace_configuration_async(
                    lsp.ConfigurationParams(items=[lsp.ConfigurationItem(section="jdlint")])
                )
                settings = got[0] if got else None
            except Exception as e:
                ls._log_failure("workspace/configuration", e)
                return
        service.configure(settings)
        for uri in list(service.documents):
            ls.scheduler.now(uri)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: JdlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        p = params.position
        try:
            return service.hover(params.text_document.uri, p.line, p.character)
        except Exception as e:
            ls._log_failure("hover", e)
            return None

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: JdlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        try:
            return service.code_actions(params.text_document.uri, params.range, params.context.only)
        except Exception as e:
            ls._log_failure("code actions", e)
            return []

    return server


def main() -> int:
    """Serve on standard input and output until the client says exit."""
    # Standard output carries the protocol: anything else printed (a library's warning)
    # goes to standard error, where editors keep the server's log.
    out = sys.stdout.buffer
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    server = build()
    server.start_io(sys.stdin.buffer, out)
    return 0
