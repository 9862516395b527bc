"""Apply safe fixes to a posting file: never lose text, never write half a file.

A fix is a set of one-to-one replacements that rules mark as safe. Before writing, the
file must have parsed cleanly and must not have changed since it was read; the new text
is written to a temporary file in the same folder with the original's encoding,
byte-order mark and permissions, then renamed over it (through a symbolic link, the
file it points to). Line endings are untouched because an edit that would touch a line
break is skipped. A file over ``max-file-size``, or that is not a regular file, is not read.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .engine import DEFAULT_MAX_BYTES, FileReport, Linter
from .errors import InputError
from .findings import Edit
from .textio import decode_keeping, read_file


@dataclass
class FixResult:
    path: str
    fixed: int = 0
    diff: str = ""
    error: str | None = None


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, int]:
    """The text with the edits applied, skipping any that overlap an earlier one, fall
    outside the text, or would add or remove a line break."""
    out: list[str] = []
    pos = 0
    applied = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.start < 0 or e.end < e.start or e.end > len(text):
            continue
        if any(c in s for s in (text[e.start : e.end], e.text) for c in "\r\n"):
            continue
        out.append(text[pos : e.start])
        out.append(e.text)
        pos = e.end
        applied += 1
    out.append(text[pos:])
    return "".join(out), applied


def fixed_text(report: FileReport) -> tuple[str, int]:
    assert report.posting is not None
    edits = [e for f in report.findings if f.fix for e in f.fix]
    return apply_edits(report.posting.text, edits)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def fix_file(linter: Linter, path: str, fmt: str | None = None, *, write: bool = True) -> FixResult:
    """Fix one file in place (or only compute the diff when ``write`` is False).

    Never raises for a file: every problem is the result's ``error`` and the file is left
    as it was.
    """
    try:
        return _fix_file(linter, path, fmt, write=write)
    except Exception as e:  # a crash in a check must not leave a traceback or half a file
        if os.environ.get("JDLINT_DEBUG"):
            raise
        return FixResult(
            path, error=f"not fixed: internal error: {type(e).__name__}: {e} (please report this)"
        )


def _fix_file(linter: Linter, path: str, fmt: str | None, *, write: bool) -> FixResult:
    # Through a symbolic link, the file it points to is rewritten and the link kept.
    p = Path(path).resolve()
    limit = linter.config_for(path).get("max-file-size", DEFAULT_MAX_BYTES)
    try:
        data, before_stat = read_file(p, limit)
        text, encoding, bom = decode_keeping(data)
    except InputError as e:
        return FixResult(path, error=str(e))
    report = linter.lint_text(text, path, fmt)
    if report.error:
        return FixResult(path, error=f"not fixed: {report.error}")
    new, count = fixed_text(report)
    if count == 0 or new == text:
        return FixResult(path)
    try:
        encoded = bom + new.encode(encoding)
    except UnicodeEncodeError:
        return FixResult(path, error=f"not fixed: the fixed text cannot be written as {encoding}")
    result = FixResult(path, count, unified_diff(path, text, new))
    if not write:
        return result
    try:
        now = p.stat()
        if (now.st_mtime_ns, now.st_size) != (
            before_stat.st_mtime_ns,
            before_stat.st_size,
        ) or p.read_bytes() != data:
            return FixResult(path, error="not fixed: the file changed while it was being linted")
        _write_atomically(p, encoded)
    except OSError as e:
        return FixResult(path, error=f"not fixed: cannot write: {e.strerror or e}")
    return result


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".jdlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
