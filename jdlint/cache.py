"""A per-user cache of data jdlint derives from files: JSON only, never pickles.

Each start of ``jdlint`` would otherwise parse and validate the same rule packs and load
the same hyphenation patterns and word list, which costs more than reading a posting.
Entries are plain JSON documents (so a cache file can never run code), in
``$XDG_CACHE_HOME/jdlint`` (else ``~/.cache/jdlint``), named by a hash of everything
they were derived from (the files' content or identity, jdlint's version and the stamp of
its own code), so an edited pack or an upgrade is a miss, never a stale hit.

The cache is an optimisation and never an error: a directory that cannot be created or
written, a file that is corrupt, truncated, from another version or owned by someone
else is passed over silently, and jdlint derives the data again. ``JDLINT_NO_CACHE=1``
turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from . import __version__

# Bumped when the layout of any entry changes.
FORMAT = 1
# Entries kept per name: enough for a few configurations used side by side, while a pack
# edited many times does not leave a file behind per edit.
KEEP = 8


def directory() -> Path | None:
    """Where entries live, or None when caching is off or no home is known."""
    if os.environ.get("JDLINT_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        home = os.path.expanduser("~")
        if home == "~" or not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "jdlint"


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """Names, sizes and modification times of jdlint's own modules and rule kinds: what
    jdlint derives from a file depends on this code (a kind's option defaults, say), and a
    source checkout changes it without changing the version. A stat per file, no reads."""
    here = Path(__file__).resolve().parent
    parts = []
    for folder in (here, here / "checks"):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        st = entry.stat()
                        parts.append(f"{folder.name}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{folder.name}:?")
    return ";".join(sorted(parts))


def key(*parts: str | bytes, code: bool = True) -> str:
    """A hash of ``parts`` with jdlint's version and the cache format, and with ``code``
    the code stamp (for what jdlint's modules decide, such as a pack's validated options;
    a copy of a data file does not depend on them)."""
    h = hashlib.sha256()
    for part in (__version__, str(FORMAT), code_stamp() if code else "", *parts):
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        # Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _path(folder: Path, name: str, digest: str, suffix: str = ".json") -> Path:
    return folder / f"{name}-{digest[:32]}{suffix}"


def _mine(uid: int) -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or uid == geteuid()


def read(name: str, digest: str) -> Any | None:
    """The data stored under ``name`` for ``digest``; None on any miss or doubt."""
    folder = directory()
    if folder is None:
        return None
    try:
        with open(_path(folder, name, digest), "rb") as fh:
            if not _mine(os.fstat(fh.fileno()).st_uid):
                return None  # another user's file is never trusted as validated data
            blob = json.loads(fh.read())
    except (OSError, ValueError, RecursionError):
        return None
    if (
        not isinstance(blob, dict)
        or blob.get("key") != digest
        or blob.get("jdlint") != __version__
        or blob.get("format") != FORMAT
    ):
        return None
    return blob.get("data")


def write(name: str, digest: str, data: Any) -> None:
    """Store ``data`` (plain JSON types) under ``name`` for ``digest``, atomically; any
    failure leaves the cache as it was."""
    try:
        text = json.dumps(
            {"jdlint": __version__, "format": FORMAT, "key": digest, "data": data},
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        )
    except (ValueError, TypeError, RecursionError):
        return
    write_file(name, digest, lambda fh: fh.write(text.encode("utf-8")), ".json")


def write_file(
    name: str, digest: str, write_to: Callable[[BinaryIO], Any], suffix: str
) -> Path | None:
    """Store a file that is not JSON (``write_to(binary file)`` writes it) under ``name``
    for ``digest``, atomically; its path, or None when it could not be stored."""
    folder = directory()
    if folder is None:
        return None
    path = _path(folder, name, digest, suffix)
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _mine(folder.stat().st_uid):
            return None
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            write_to(fh)
        os.replace(tmp, path)
        tmp = None
        _prune(folder, name)
        return path
    except (OSError, ValueError, TypeError):
        return None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def find_file(name: str, digest: str, suffix: str) -> Path | None:
    """The path of a file stored by ``write_file``, when it exists and is the user's own."""
    folder = directory()
    if folder is None:
        return None
    path = _path(folder, name, digest, suffix)
    try:
        st = path.stat()
    except OSError:
        return None
    return path if _mine(st.st_uid) else None


def _prune(folder: Path, name: str) -> None:
    """Keep the ``KEEP`` newest entries of ``name``."""
    prefix = f"{name}-"
    entries = []
    with os.scandir(folder) as found:
        for entry in found:
            if entry.name.startswith(prefix) and not entry.name.startswith("."):
                try:
                    entries.append((entry.stat().st_mtime_ns, entry.path))
                except OSError:
                    continue
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            os.unlink(path)
