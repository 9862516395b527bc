"""Apply safe fixes to a posting file: never lose text, never write half a file.

A fix is a set of one-to-one replacements that rules mark as safe. Before writing, the
file must have parsed cleanly and must not have changed since it was read; the new text
is written to a temporary file in the same folder with the original's encoding,
byte-order mark, permissions, owner, group and extended attributes (ACLs among them),
synced to disk, compared with the file once more (an editor may have saved it meanwhile),
then renamed over it (through a symbolic link, the file it points to). The window left
between that last comparison and the rename is a few system calls long. Line endings are
untouched because an edit that would touch a line break is skipped.

Not fixed, with the reason: a file over ``max-file-size`` or that is not a regular file
(not read at all), a read-only file, a file with more than one hard link (a new file
would split them), and a file whose owner or extended attributes cannot be kept.

A temporary file is named ``.NAME.XXXXXXXX.jdlint-tmp`` and locked while it exists; one
left by a run that was killed (SIGKILL: nothing can clean up) is removed the next time a
fix is written in its folder. SIGTERM and Ctrl-C remove it on the way out.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, stale files are left alone
    fcntl = None  # type: ignore[assignment]

from .engine import DEFAULT_MAX_BYTES, FileReport, Linter
from .errors import InputError
from .findings import Edit
from .textio import decode_keeping, read_file


@dataclass(frozen=True)
class Change:
    """One edit a fix made: where (in the text before it), which rule, what became what."""

    line: int
    column: int
    code: str
    before: str
    after: str


@dataclass
class FixResult:
    path: str
    fixed: int = 0
    diff: str = ""
    error: str | None = None
    changes: list[Change] = field(default_factory=list)


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, int]:
    """The text with the edits applied, skipping any that overlap an earlier one, fall
    outside the text, or would add or remove a line break."""
    new, applied = _apply(text, edits)
    return new, len(applied)


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    out: list[str] = []
    pos = 0
    applied: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.start < 0 or e.end < e.start or e.end > len(text):
            continue
        if any(c in s for s in (text[e.start : e.end], e.text) for c in "\r\n"):
            continue
        out.append(text[pos : e.start])
        out.append(e.text)
        pos = e.end
        applied.append(e)
    out.append(text[pos:])
    return "".join(out), applied


def applicable_edits(text: str, edits: list[Edit]) -> list[Edit]:
    """The edits ``apply_edits`` applies, in order: for an editor, which applies edits
    itself (the language server's "fix all"), chosen by the same code as ``--fix``."""
    return _apply(text, edits)[1]


def fixed_text(report: FileReport) -> tuple[str, int]:
    new, changes = fixed_with_changes(report)
    return new, len(changes)


def fixed_with_changes(report: FileReport) -> tuple[str, list[Change]]:
    """The report's text with its safe fixes applied, and each change made."""
    assert report.posting is not None
    text = report.posting.text
    owner = {id(e): f for f in report.findings if f.fix for e in f.fix}
    edits = [e for f in report.findings if f.fix for e in f.fix]
    new, applied = _apply(text, edits)
    changes = []
    for e in applied:
        line, col = report.line_col(e.start)
        changes.append(Change(line, col, owner[id(e)].code, text[e.start : e.end], e.text))
    return new, changes


def _lines(text: str) -> list[str]:
    """Lines as ``git apply`` and ``patch`` count them: split after each "\\n" only.

    ``str.splitlines`` also splits at U+0085, U+2028, form feeds and other characters
    that are not line ends in a patch, which made a corrupt patch.
    """
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _diff_name(name: str) -> str:
    """A file name in a diff header, quoted as git quotes it when it holds a control
    character, a quote, a backslash or bytes that are not UTF-8."""
    if not re.search('[\\x00-\\x1f\\x7f"\\\\\\ud800-\\udfff]', name):
        return name
    named = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r"}
    out = []
    for byte in os.fsencode(name):
        if byte in named:
            out.append(named[byte])
        elif byte in (0x22, 0x5C):
            out.append("\\" + chr(byte))
        elif byte < 0x20 or byte >= 0x7F:
            out.append(f"\\{byte:03o}")
        else:
            out.append(chr(byte))
    return '"' + "".join(out) + '"'


def unified_diff(path: str, before: str, after: str) -> str:
    out: list[str] = []
    for line in difflib.unified_diff(
        _lines(before),
        _lines(after),
        fromfile=_diff_name(f"a/{path}"),
        tofile=_diff_name(f"b/{path}"),
    ):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


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
    p = Path(os.path.realpath(path))
    limit = linter.config_for(path).get("max-file-size", DEFAULT_MAX_BYTES)
    try:
        data, before_stat = read_file(p, limit)
        text, encoding, bom = decode_keeping(data)
    except InputError as e:
        return FixResult(path, error=str(e))
    if not linter.may_fix(text, path):
        # No word any fix needs: nothing to lint for, but a file that cannot be read as a
        # posting is still said to be one.
        problem = linter.read_problem(text, path, fmt)
        return FixResult(path, error=f"not fixed: {problem}" if problem else None)
    report = linter.lint_text(text, path, fmt)
    if report.error:
        return FixResult(path, error=f"not fixed: {report.error}")
    new, changes = fixed_with_changes(report)
    count = len(changes)
    if count == 0 or new == text:
        return FixResult(path)
    try:
        encoded = bom + new.encode(encoding)
    except UnicodeEncodeError:
        return FixResult(path, error=f"not fixed: the fixed text cannot be written as {encoding}")
    result = FixResult(path, count, unified_diff(path, text, new), changes=changes)
    if not write:
        return result
    refused = _refusal(p, before_stat)
    if refused:
        return FixResult(path, error=f"not fixed: {refused}")
    try:
        if _changed(p, data, before_stat):
            return FixResult(path, error=CHANGED)
        _write_atomically(p, encoded, data, before_stat)
    except _Refused as e:
        return FixResult(path, error=f"not fixed: {e}")
    except OSError as e:
        return FixResult(path, error=f"not fixed: cannot write: {e.strerror or e}")
    return result


CHANGED = "not fixed: the file changed while it was being linted"


class _Refused(Exception):
    """The file is left as it was: the reason, for the user."""


def _refusal(path: Path, st: os.stat_result) -> str | None:
    """Why a file must not be replaced by a fixed copy, or None."""
    if not os.access(path, os.W_OK) or not st.st_mode & 0o222:
        return "the file is read-only"
    if st.st_nlink > 1:
        return (
            f"the file has {st.st_nlink} hard links, and a fixed copy would split them "
            "(apply the fix by hand, or see it with --diff)"
        )
    return None


def _changed(path: Path, data: bytes, before: os.stat_result) -> bool:
    """Whether the file is not, or no longer holds, what was read and linted."""
    now = path.stat()
    same = (now.st_ino, now.st_dev, now.st_mtime_ns, now.st_size) == (
        before.st_ino,
        before.st_dev,
        before.st_mtime_ns,
        before.st_size,
    )
    return not same or path.read_bytes() != data


def _write_atomically(path: Path, data: bytes, old: bytes, old_stat: os.stat_result) -> None:
    """Write ``data`` over ``path`` in one rename, as long as the file still holds ``old``;
    raises _Refused (nothing written) when it changed or its metadata cannot be kept."""
    remove_stale_temps(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        if fcntl is not None:
            # Held until the file is renamed or removed: marks it as not stale.
            fcntl.flock(fd, fcntl.LOCK_EX)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        _keep_metadata(fd, path, old_stat, tmp)
        # Check again after the slow part (the fsync): a save made meanwhile wins.
        if _changed(path, old, old_stat):
            raise _Refused(CHANGED.removeprefix("not fixed: "))
        os.replace(tmp, path)
    except BaseException:
        # Also on SIGTERM and Ctrl-C, which arrive here as exceptions.
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise
    finally:
        os.close(fd)


def _keep_metadata(fd: int, path: Path, st: os.stat_result, tmp: str | None = None) -> None:
    """Owner, group, mode and extended attributes of the original on the new file."""
    if hasattr(os, "fchown"):
        now = os.fstat(fd)
        if (now.st_uid, now.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.fchown(fd, st.st_uid, st.st_gid)
            except PermissionError:
                raise _Refused(
                    f"cannot keep its owner and group (uid {st.st_uid}, gid {st.st_gid}); "
                    "a fixed copy would belong to you"
                ) from None
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(st.st_mode))  # after chown, which clears setuid and setgid
    elif tmp is not None:  # pragma: no cover - Windows
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(path)
    except OSError:  # the file system has none
        return
    for name in names:
        try:
            value = os.getxattr(path, name)
        except OSError:
            continue
        try:
            os.setxattr(fd, name, value)
        except OSError:
            try:
                same = os.getxattr(fd, name) == value  # set already (an SELinux label)
            except OSError:
                same = False
            if not same:
                raise _Refused(f"cannot keep its extended attribute {name}") from None


TEMP_SUFFIX = ".jdlint-tmp"
_TEMP_NAME = re.compile(r"^\..+\.jdlint-tmp$")
_swept: set[str] = set()


def remove_stale_temps(folder: Path) -> None:
    """Remove temporary files that a killed run left in ``folder`` (once per folder and
    process): those no running jdlint holds a lock on."""
    key = os.path.realpath(folder)
    if fcntl is None or key in _swept:
        return
    _swept.add(key)
    try:
        entries = [e for e in os.scandir(folder) if _TEMP_NAME.match(e.name)]
    except OSError:
        return
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK
    for entry in entries:
        try:
            fd = os.open(entry.path, flags)
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # another jdlint is writing it
            if os.fstat(fd).st_ino == os.lstat(entry.path).st_ino:
                os.unlink(entry.path)
        except OSError:
            continue
        finally:
            os.close(fd)
