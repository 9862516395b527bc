"""Findings as LSP diagnostics, and the text of a hover.

Messages go through ``display.text`` as they do on a terminal: a posting or a pack cannot
put control characters (bidi overrides that reorder the line, escape sequences) into an
editor's diagnostics list.
"""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types as lsp

from .. import display
from ..findings import Finding, Severity
from ..packs import Rule
from .documents import Positions

SOURCE = "jdlint"

SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def lsp_range(positions: Positions, start: int, end: int) -> lsp.Range:
    (l1, c1), (l2, c2) = positions.position(start), positions.position(max(start, end))
    return lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))


def rule_link(rule: Rule | None, template: str | None) -> str | None:
    """The rule's documentation: ``template`` filled in, else its entry in its pack file
    (a rule is data: its description, sources and examples are that entry)."""
    if rule is None:
        return None
    if template:
        return template.replace("{code}", rule.code).replace("{name}", rule.name)
    if not rule.pack:
        return None
    try:
        uri = Path(rule.pack).resolve().as_uri()
    except ValueError:  # not an absolute path after all
        return None
    return f"{uri}#L{rule.line}" if rule.line else uri


def diagnostic(
    finding: Finding, positions: Positions, rule: Rule | None, docs_url: str | None
) -> lsp.Diagnostic:
    message = display.text(finding.message)
    if finding.suggestions:
        message += "\nsuggestion: " + display.text(" / ".join(finding.suggestions))
    link = rule_link(rule, docs_url)
    return lsp.Diagnostic(
        range=lsp_range(positions, finding.start, finding.end),
        message=message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        code_description=lsp.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )


_LINE = re.compile(r"^line (\d+): ")


def failure(message: str, positions: Positions) -> lsp.Diagnostic:
    """The one diagnostic of a document that could not be linted, on the line the error
    names (broken front matter) or the first."""
    m = _LINE.match(message)
    line = 0
    if m:
        line = max(0, min(int(m.group(1)) - 1, len(positions.starts) - 1))
        message = message[m.end() :]
    end = positions.position(positions.line_end(line))
    return lsp.Diagnostic(
        range=lsp.Range(lsp.Position(line, 0), lsp.Position(*end)),
        message=f"not linted: {display.text(message)}",
        severity=lsp.DiagnosticSeverity.Error,
        source=SOURCE,
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LEADING = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def _md(text: str) -> str:
    """Plain text that Markdown shows as it is: no links, HTML, emphasis, heading or list."""
    text = _MD_SPECIAL.sub(r"\\\1", display.text(text))
    # The punctuation is escaped ("12\\. x"): a backslash before a digit is shown as it is.
    return _MD_LEADING.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


_URL = re.compile(r"https?://[^\s<>()\[\]\\`\"']+")


def _md_source(text: str) -> str:
    """A source with its addresses kept as links and everything else plain."""
    text = display.text(text)
    out, pos = [], 0
    for m in _URL.finditer(text):
        out += [_md(text[pos : m.start()]), f"<{m.group()}>"]
        pos = m.end()
    out.append(_md(text[pos:]))
    return "".join(out)


def hover_text(findings: list[Finding], rules: dict[str, Rule], markdown: bool) -> str:
    """What ``jdlint explain`` says of each finding's rule, short: the reason and sources."""
    parts = []
    for f in findings:
        rule = rules.get(f.code)
        head = f"{f.code} {f.name} ({f.category}, {f.severity})"
        lines = [f"**{_md(head)}**" if markdown else head, ""]
        lines.append(_md(f.message) if markdown else display.text(f.message))
        if rule is not None:
            lines += ["", _md(rule.description) if markdown else display.text(rule.description)]
            if rule.source:
                lines += ["", "Sources:"]
                for s in rule.source:
                    lines.append(f"- {_md_source(s)}" if markdown else f"- {display.text(s)}")
        parts.append("\n".join(lines))
    return ("\n\n---\n\n" if markdown else "\n\n").join(parts)
