"""GitLab Code Quality (the Code Climate issue format GitLab reads from a ``codequality`` report).

A JSON array of issues: ``description``, ``check_name`` (the rule code), ``fingerprint``,
``severity`` (``major`` for errors, ``minor`` for warnings, ``info``) and ``location`` with the
path relative to the repository root and the line. The fingerprint hashes the path, the
code, the flagged text and its occurrence, not the line number, so an issue keeps its
identity when lines above it move. A file that could not be linted is a ``critical`` issue.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import IO, Any

from .. import display
from ..engine import FileReport
from ..findings import Severity
from .paths import display_path, repo_root

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def issues(reports: list[FileReport]) -> list[dict[str, Any]]:
    root = repo_root()
    out: list[dict[str, Any]] = []
    for report in reports:
        path = display.path(display_path(report.path, root))
        if report.error:
            out.append(
                {
                    "type": "issue",
                    "description": f"could not be linted: {report.error}",
                    "check_name": "jdlint-error",
                    "categories": ["Bug Risk"],
                    "fingerprint": _fingerprint(path, "error"),
                    "severity": "critical",
                    "location": {"path": path, "lines": {"begin": 1}},
                }
            )
            continue
        assert report.posting is not None
        seen: Counter[tuple[str, str]] = Counter()
        for f in report.findings:
            line = report.line_col(f.start)[0]
            end_line = report.line_col(f.end)[0]
            flagged = report.posting.text[f.start : f.end]
            seen[(f.code, flagged)] += 1
            description = f"{f.code} {f.message}"
            if f.suggestions:
                description += f" Suggestion: {' / '.join(f.suggestions)}."
            out.append(
                {
                    "type": "issue",
                    "description": description,
                    "check_name": f.code,
                    "categories": ["Style"],
                    "fingerprint": _fingerprint(
                        path, f.code, flagged, str(seen[(f.code, flagged)])
                    ),
                    "severity": SEVERITIES[f.severity],
                    "location": {"path": path, "lines": {"begin": line, "end": end_line}},
                }
            )
    return out


def write(reports: list[FileReport], out: IO[str], options: dict) -> None:
    out.write(display.json_text(json.dumps(issues(reports), indent=2, ensure_ascii=False)))
    out.write("\n")
