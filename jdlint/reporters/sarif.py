"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (docs/integrations.md).

One run. ``tool.driver.rules`` lists every rule that was active in the run (plus any rule
that reported without being in that list), each with its default level; results point at
their rule by ``ruleId`` and ``ruleIndex``. Artifact URIs are relative to the repository
root (the nearest folder with ``.git`` above the current folder, else the current folder)
under the ``%SRCROOT%`` base id. Columns are Unicode code points, as in every other jdlint
report, and the run says so with ``columnKind: unicodeCodePoints``. A file that could not
be linted is a tool execution notification, and the invocation is then not successful.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from .. import __version__, display, files
from ..engine import FileReport
from ..findings import Finding, Severity
from .paths import relative_to_root, repo_root

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for end in (". ", "? ", "! "):
        i = text.find(end)
        if i != -1:
            return text[: i + 1]
    return text


def rule_descriptor(rule: Any) -> dict[str, Any]:
    """A SARIF reportingDescriptor for a pack rule (``jdlint.packs.Rule``)."""
    description = " ".join(rule.description.split()) or rule.name
    help_lines = [description]
    if rule.source:
        help_lines += ["", "Sources:", *(f"- {s}" for s in rule.source)]
    help_lines += ["", f"Run `jdlint explain {rule.code}` for its options and examples."]
    help_md = "\n".join(help_lines)
    help_text = help_md.replace("`", "")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _first_sentence(description)},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _finding_descriptor(f: Finding) -> dict[str, Any]:
    """A descriptor for a rule known only from its finding (not among the active rules)."""
    return {
        "id": f.code,
        "name": f.name,
        "shortDescription": {"text": f.name.replace("-", " ")},
        "defaultConfiguration": {"level": LEVELS[f.severity]},
        "properties": {"category": f.category, "tags": [f.category]},
    }


def artifact_location(path: str, root: Path) -> dict[str, Any]:
    rel = relative_to_root(path, root)
    if rel is not None:
        # Percent-encode the bytes of the name, so one that is not UTF-8 is still a URI.
        return {"uri": quote(os.fsencode(rel)), "uriBaseId": SRCROOT}
    if path == "-":
        return {"uri": "-"}
    return {"uri": files.real(path).as_uri()}


def _message(f: Finding) -> str:
    if f.suggestions:
        return f"{f.message} Suggestion: {' / '.join(f.suggestions)}."
    return f.message


def result(report: FileReport, f: Finding, index: int, root: Path) -> dict[str, Any]:
    line, col = report.line_col(f.start)
    end_line, end_col = report.line_col(f.end)
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": _message(f)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(report.path, root),
                    "region": {
                        "startLine": line,
                        "startColumn": col,
                        "endLine": end_line,
                        "endColumn": end_col,
                    },
                }
            }
        ],
        "properties": {"category": f.category, "fixable": f.fixable},
    }
    if f.suggestions:
        out["properties"]["suggestions"] = list(f.suggestions)
    return out


def document(
    reports: list[FileReport], rules: list[Any] | None = None, root: Path | None = None
) -> dict[str, Any]:
    root = root or repo_root()
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule in sorted(rules or [], key=lambda r: r.code):
        if rule.code not in index:
            index[rule.code] = len(descriptors)
            descriptors.append(rule_descriptor(rule))
    results = []
    notifications = []
    for report in reports:
        if report.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{display.path(report.path)}: {report.error}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": artifact_location(report.path, root)
                            }
                        }
                    ],
                }
            )
            continue
        for f in report.findings:
            if f.code not in index:
                index[f.code] = len(descriptors)
                descriptors.append(_finding_descriptor(f))
            results.append(result(report, f, index[f.code], root))
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "jdlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": descriptors,
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def write(reports: list[FileReport], out: IO[str], options: dict) -> None:
    doc = document(reports, options.get("rules"))
    out.write(display.json_text(json.dumps(doc, indent=2, ensure_ascii=False)))
    out.write("\n")
