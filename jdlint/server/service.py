"""The language service: open documents, one warm Linter, reports, and what the editor asks.

Nothing here reads or writes the connection; ``lsp.py`` wires it to pygls. Every answer is
computed from a report of the exact text the editor holds (a report of an older version is
never used for a code action or a hover: the document is linted again first).

Failures stay inside the document they belong to: a posting that cannot be linted (broken
front matter, over ``max-file-size``, over its CPU budget, a crash in a check) gets one
diagnostic saying why; a config error (a bad ``.jdlint.yaml``, an unknown rule in the
editor's settings) is one message for the user, shown once until it changes, and the
document's diagnostics are cleared rather than left stale.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from lsprotocol import types as lsp

from .. import config as cfg
from .. import display, readers
from ..didyoumean import hint
from ..engine import DEFAULT_MAX_BYTES, FileReport, Linter
from ..errors import ConfigError
from ..findings import Finding, Severity
from ..packs import Rule
from ..roles import GENERAL
from . import actions, convert
from .documents import UTF16, Change, Document, apply_changes, is_posting
from .settings import Settings, parse


@dataclass
class Result:
    """A document's last lint: the text it read, and what the editor was sent."""

    text: str
    version: int | None
    report: FileReport | None
    diagnostics: list[lsp.Diagnostic]
    findings: list[Finding] = field(default_factory=list)  # those sent, in order
    rules: dict[str, Rule] = field(default_factory=dict)


@dataclass
class Published:
    uri: str
    version: int | None
    diagnostics: list[lsp.Diagnostic]


class Service:
    def __init__(
        self,
        settings: Settings | None = None,
        encoding: str = UTF16,
        markdown_hover: bool = True,
        versioned_edits: bool = True,
        notify: Callable[..., None] | None = None,
    ) -> None:
        self.encoding = encoding
        self.markdown_hover = markdown_hover
        self.versioned_edits = versioned_edits
        # Messages for the user (config errors, bad settings), shown once each:
        # notify(message) for an error, notify(message, warning=True) for a warning.
        self.notify = notify or (lambda message, warning=False: None)
        self._warned: set[str] = set()
        self.documents: dict[str, Document] = {}
        self.results: dict[str, Result] = {}
        self._shown: dict[str | None, str] = {}  # config file -> the error last shown
        self.settings = settings or Settings()
        self.linter = Linter(None, self.settings.overrides())

    # -- settings ------------------------------------------------------------------

    def configure(self, raw: Any) -> None:
        """New settings from the client; bad ones are left out, named in one message."""
        parsed = parse(raw)
        settings, problems = self._checked(parsed.settings)
        problems = parsed.problems + problems
        if problems:
            self.notify("jdlint: settings: " + "; ".join(problems))
        self.settings = settings
        self.linter = Linter(None, settings.overrides())
        self.results.clear()
        self._shown.clear()

    def _checked(self, settings: Settings) -> tuple[Settings, list[str]]:
        """Settings without the profile and rule selectors no pack knows."""
        probe = Linter()
        try:
            pack_set, _ = probe.ruleset(probe.config_for(None))
        except ConfigError:
            return settings, []  # reported when a document is linted
        problems = []
        rules = pack_set.rules.values()
        kept: dict[str, list[str]] = {"select": [], "extendSelect": [], "ignore": []}
        for setting, selector in settings.selectors():
            if any(cfg.rule_ignored([selector], r.code, r.name) for r in rules):
                kept[setting].append(selector)
            else:
                # The command line's close match ('S2O1' is S201), so a slip reads the same
                # in the editor as in a terminal.
                names = [n for r in rules for n in (r.code, r.name)]
                problems.append(
                    f"unknown rule code or name '{selector}' in {setting}{hint(selector, names)}"
                )
        profile = settings.profile
        if profile and profile != GENERAL and profile not in pack_set.roles.profiles:
            known = [GENERAL, *sorted(pack_set.roles.profiles)]
            close = hint(profile, known)
            listed = close or f" (profiles: {', '.join(known)})"
            problems.append(f"unknown profile '{profile}'{listed}")
            profile = None
        select = tuple(kept["select"]) if settings.select is not None else None
        if select == () and settings.select:
            select = None  # every selector was unknown: keep the default set
        return (
            Settings(
                profile=profile,
                select=select,
                extend_select=tuple(kept["extendSelect"]),
                ignore=tuple(kept["ignore"]),
                show_infos=settings.show_infos,
                debounce_ms=settings.debounce_ms,
                rule_docs_url=settings.rule_docs_url,
            ),
            problems,
        )

    # -- documents -----------------------------------------------------------------

    def open(self, uri: str, text: str, version: int | None, language: str) -> bool:
        """Keep the document; whether it is a posting jdlint lints."""
        path = _fs_path(uri)
        if not is_posting(language, path):
            return False
        self.documents[uri] = Document(uri, text, version, language, path)
        return True

    def change(self, uri: str, changes: list[Change], version: int | None) -> bool:
        doc = self.documents.get(uri)
        if doc is None:
            return False
        doc.text = apply_changes(doc.text, changes, self.encoding)
        doc.version = version
        return True

    def close(self, uri: str) -> None:
        self.documents.pop(uri, None)
        self.results.pop(uri, None)

    # -- linting -------------------------------------------------------------------

    def lint(self, uri: str) -> Published | None:
        """Lint the document as it is now; what to publish (None: not a document of ours)."""
        doc = self.documents.get(uri)
        if doc is None:
            return None
        result = self._lint(doc)
        self.results[uri] = result
        return Published(uri, doc.version, result.diagnostics)

    def current(self, uri: str) -> Result | None:
        """The report of the text the editor holds now, linted again if it changed."""
        doc = self.documents.get(uri)
        if doc is None:
            return None
        result = self.results.get(uri)
        if result is None or result.text != doc.text:
            result = self.results[uri] = self._lint(doc)
        return result

    def _lint(self, doc: Document) -> Result:
        text = doc.text
        positions = doc.positions(self.encoding)
        if not text.strip():
            return Result(text, doc.version, None, [])  # a new, empty file: nothing to say
        try:
            config = self.linter.config_for(doc.path)
            self.linter.ruleset(config)
            limit = config.get("max-file-size", DEFAULT_MAX_BYTES)
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > limit:
                message = (
                    f"the document is {size:,} bytes, over the {limit:,}-byte limit "
                    "(max-file-size in config)"
                )
                return Result(text, doc.version, None, [convert.failure(message, positions)])
            report = self.linter.lint_text(text, doc.lint_path, doc.format)
        except ConfigError as e:
            self._config_error(e)
            return Result(text, doc.version, None, [])
        except Exception as e:  # a crash in a check: this document's problem, not the server's
            if os.environ.get("JDLINT_DEBUG"):
                raise
            message = f"internal error: {type(e).__name__}: {e} (please report this)"
            return Result(text, doc.version, None, [convert.failure(message, positions)])
        self._shown.pop(config.path, None)
        self._warn_ignored_configs()
        if report.error:
            return Result(text, doc.version, report, [convert.failure(report.error, positions)])
        _, rules = self.linter.ruleset(config)
        by_code = {r.code: r for r in rules}
        shown = [
            f for f in report.findings if self.settings.show_infos or f.severity > Severity.INFO
        ]
        diagnostics = [
            convert.diagnostic(f, positions, by_code.get(f.code), self.settings.rule_docs_url)
            for f in shown
        ]
        return Result(text, doc.version, report, diagnostics, shown, by_code)

    def _warn_ignored_configs(self) -> None:
        """Once per file: a config the search passed over (another user's), as the
        command line warns."""
        for path, reason in cfg.ignored_configs().items():
            if path not in self._warned:
                self._warned.add(path)
                self.notify(f"jdlint: ignoring {display.path(path)}: {reason}", warning=True)

    def _config_error(self, e: ConfigError) -> None:
        message = str(e)
        if self._shown.get(e.path) != message:
            self._shown[e.path] = message
            self.notify(f"jdlint: config error: {message}")

    # -- requests ------------------------------------------------------------------

    def hover(self, uri: str, line: int, character: int) -> lsp.Hover | None:
        result = self.current(uri)
        if result is None or not result.findings:
            return None
        positions = self.documents[uri].positions(self.encoding)
        offset = positions.offset(line, character)
        hit = [f for f in result.findings if _touches(f, offset, offset)]
        if not hit:
            return None
        hit.sort(key=lambda f: f.end - f.start)  # the narrowest first: the word under the cursor
        start, end = hit[0].start, hit[0].end
        kind = lsp.MarkupKind.Markdown if self.markdown_hover else lsp.MarkupKind.PlainText
        return lsp.Hover(
            contents=lsp.MarkupContent(
                kind=kind, value=convert.hover_text(hit, result.rules, self.markdown_hover)
            ),
            range=convert.lsp_range(positions, start, end),
        )

    def code_actions(
        self, uri: str, rng: lsp.Range, only: list[str] | None = None
    ) -> list[lsp.CodeAction]:
        result = self.current(uri)
        doc = self.documents.get(uri)
        if result is None or doc is None or result.report is None:
            return []
        text = result.text
        positions = doc.positions(self.encoding)
        lo = positions.offset(rng.start.line, rng.start.character)
        hi = positions.offset(rng.end.line, rng.end.character)
        here = [f for f in result.findings if _touches(f, lo, hi)]
        found: list[actions.Action] = []
        # Only what was asked for is computed: an editor that runs "fix all" on save asks
        # with the whole document as the range and ``only`` source.fixAll.
        if _wanted("quickfix", only):
            found += self._quick_fixes(here, result, doc)
        if _wanted(FIX_ALL, only):
            all_edits = actions.fix_all(result.findings, text)
            if all_edits:
                title = f"Fix all safe jdlint fixes in this document ({len(all_edits)})"
                found.append(actions.Action(title, FIX_ALL, all_edits))
        out = []
        seen: set[str] = set()
        for a in found:
            if a.title in seen or not _wanted(a.kind, only):
                continue
            seen.add(a.title)
            out.append(self._code_action(a, doc, result, positions))
        return out

    def _quick_fixes(
        self, here: list[Finding], result: Result, doc: Document
    ) -> list[actions.Action]:
        text = result.text
        found: list[actions.Action] = []
        for f in here:
            rule = result.rules.get(f.code)
            edits = actions.fix(f, text)
            if edits:
                found.append(
                    actions.Action(_title("Fix", edits, text), "quickfix", edits, f, preferred=True)
                )
            safe = {(e.start, e.end, e.text) for e in edits}
            for edit in actions.replacements(f, rule, text):
                if (edit.start, edit.end, edit.text) not in safe:
                    found.append(
                        actions.Action(_title("Replace", [edit], text), "quickfix", [edit], f)
                    )
        posting = result.report.posting if result.report else None
        if posting is None or not here:
            return found
        vocabulary = self.linter.ruleset(self.linter.config_for(doc.path))[0].vocabulary
        read = partial(readers.read, path=doc.lint_path, vocab=vocabulary, fmt=posting.format)
        disabled: set[tuple[str, int]] = set()
        for f in here:
            key = (f.code, posting.lines.line_col(f.start)[0])
            if key in disabled:
                continue  # one comment per rule and line
            disabled.add(key)
            edit = actions.disable(f, posting, read)
            if edit is not None:
                title = f"Disable {f.code} ({f.name}) for this line"
                found.append(actions.Action(title, "quickfix", [edit], f))
        return found

    def _code_action(
        self, a: actions.Action, doc: Document, result: Result, positions: Any
    ) -> lsp.CodeAction:
        edits = [
            lsp.TextEdit(range=convert.lsp_range(positions, e.start, e.end), new_text=e.text)
            for e in a.edits
        ]
        if self.versioned_edits:
            edit = lsp.WorkspaceEdit(
                document_changes=[
                    lsp.TextDocumentEdit(
                        text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                            uri=doc.uri, version=doc.version
                        ),
                        edits=edits,  # type: ignore[arg-type]
                    )
                ]
            )
        else:
            edit = lsp.WorkspaceEdit(changes={doc.uri: edits})
        diagnostics = None
        if a.finding is not None:
            i = next((i for i, f in enumerate(result.findings) if f is a.finding), None)
            if i is not None:
                diagnostics = [result.diagnostics[i]]
        return lsp.CodeAction(
            title=a.title,
            kind=a.kind,
            diagnostics=diagnostics,
            edit=edit,
            is_preferred=a.preferred or None,
        )


FIX_ALL = "source.fixAll.jdlint"


def _touches(f: Finding, lo: int, hi: int) -> bool:
    """Whether a finding's span meets [lo, hi]: a cursor inside or at either end of it."""
    return f.start <= hi and lo <= max(f.end, f.start)


def _title(verb: str, edits: list[Any], text: str) -> str:
    e = edits[0]
    old, new = display.text(text[e.start : e.end]), display.text(e.text)
    if len(edits) == 1:
        return f"{verb}: '{old}' → '{new}'"
    return f"{verb}: '{old}' → '{new}' (and {len(edits) - 1} more)"


def _wanted(kind: str, only: list[str] | None) -> bool:
    """LSP's ``only``: a kind is wanted when it is, or falls under, one of those asked."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def _fs_path(uri: str) -> str | None:
    """The file a ``file:`` URI names, else None (an untitled buffer)."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and len(path) > 2 and path[2] == ":":
        path = path[1:]  # pragma: no cover - Windows drive letters
    return path or None
