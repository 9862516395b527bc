"""The JSON report: a versioned contract (docs/json-report.md, jdlint/schemas/report.schema.json)."""

from __future__ import annotations

import json
from typing import IO, Any

from .. import __version__, display
from ..engine import FileReport
from ..findings import Finding, Severity

# 2: summary.unreadable (files that could not be linted), beside by_severity.error; the
# same number stays in summary.errors, deprecated, since fields are never removed.
SCHEMA_VERSION = 2


def finding_dict(report: FileReport, f: Finding) -> dict[str, Any]:
    line, col = report.line_col(f.start)
    end_line, end_col = report.line_col(f.end)
    return {
        "code": f.code,
        "name": f.name,
        "category": f.category,
        "severity": str(f.severity),
        "message": f.message,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "suggestions": f.suggestions,
        "fixable": f.fixable,
    }


def file_dict(report: FileReport) -> dict[str, Any]:
    if report.error:
        return {"path": display.path(report.path), "error": report.error, "findings": []}
    out = {
        "path": display.path(report.path),
        "profile": report.profile,
        "score": report.score,
        "metrics": report.metrics,
        "findings": [finding_dict(report, f) for f in report.findings],
    }
    if report.coverage is not None:
        out["coverage"] = coverage_list(report)
    return out


def coverage_list(report: FileReport) -> list[dict[str, Any]]:
    """Each concept of the role profile: found or missing, and where it was found."""
    assert report.posting is not None
    items = []
    for item in report.coverage.items:
        entry: dict[str, Any] = {
            "concept": item.concept.key,
            "label": item.concept.label,
            "level": item.level,
            "section": item.concept.section,
            "found": item.evidence is not None,
        }
        if item.evidence is not None:
            block = report.posting.blocks[item.evidence.block_index]
            start, end = block.source_span(item.evidence.start, item.evidence.end)
            entry["line"], entry["column"] = report.line_col(start)
            entry["text"] = report.posting.text[start:end]
        items.append(entry)
    return items


def document(reports: list[FileReport]) -> dict[str, Any]:
    by_severity = {str(s): 0 for s in sorted(Severity, reverse=True)}
    for r in reports:
        for f in r.findings:
            by_severity[str(f.severity)] += 1
    unreadable = sum(1 for r in reports if r.error)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "jdlint", "version": __version__},
        "summary": {
            "files": len(reports),
            "findings": sum(by_severity.values()),
            "by_severity": by_severity,
            "unreadable": unreadable,
            "errors": unreadable,  # deprecated (schema_version 1's name): use unreadable
        },
        "files": [file_dict(r) for r in reports],
    }


def write(reports: list[FileReport], out: IO[str], options: dict) -> None:
    out.write(display.json_text(json.dumps(document(reports), indent=2, ensure_ascii=False)))
    out.write("\n")
