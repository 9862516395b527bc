"""Parsed rule packs, kept between runs so a cold start does not re-parse the YAML.

Parsing and validating the packs (about 8,000 lines of YAML with line numbers kept for
error messages) costs a cold run about 0.2 s, as much as everything else jdlint adds to
spaCy's own start. The validated ``PackSet`` is stored in a per-user cache folder, under a
key that hashes the bytes of every pack file read, the extra heading phrases, the jdlint
and Python versions, and the size and modification time of jdlint's own modules, so any
edit to a pack or to the code that reads packs is a miss and a fresh parse. A pack that
fails validation is never stored: its error is raised as before, on every run.

The folder is ``$JDLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/jdlint``, else
``~/.cache/jdlint``; it is created private to the user, and a cache file is read only
when the user owns it. ``JDLINT_NO_CACHE=1`` turns the cache off. Any problem with the
cache (unwritable folder, damaged file) falls back to parsing, silently.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from . import __version__, packs

_FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get("JDLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jdlint"


@lru_cache(maxsize=16)
def load(
    extra: tuple[str, ...] = (), extra_sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> packs.PackSet:
    """``packs.load``, from the cache when the packs and jdlint are unchanged."""
    if os.environ.get("JDLINT_NO_CACHE"):
        return packs.load(extra, extra_sections)
    try:
        key = _key(extra, extra_sections)
    except OSError:
        return packs.load(extra, extra_sections)  # reports the unreadable pack
    path = cache_dir() / f"packs-{key}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached
    pack_set = packs.load(extra, extra_sections)
    _write(path, pack_set)
    return pack_set


def _key(extra: tuple[str, ...], extra_sections: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((_FORMAT, __version__, sys.version, extra, extra_sections)).encode())
    files = packs.pack_files([packs.builtin_dir()]) + packs.pack_files([Path(p) for p in extra])
    for f in files:
        data = f.read_bytes()
        h.update(f"{f}\0{len(data)}\0".encode())
        h.update(data)
    code = Path(__file__).resolve().parent
    for module in sorted([*code.glob("*.py"), *code.glob("checks/*.py")]):
        st = module.stat()
        h.update(f"{module.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def _read(path: Path) -> packs.PackSet | None:
    try:
        with path.open("rb") as f:
            st = os.fstat(f.fileno())
            if hasattr(os, "getuid") and st.st_uid != os.getuid():
                return None
            value = pickle.load(f)
    except Exception:  # missing, damaged or from another version: parse instead
        return None
    return value if isinstance(value, packs.PackSet) else None


def _write(path: Path, pack_set: packs.PackSet) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".packs-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(pack_set, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:  # a read-only home, a full disk: the next run parses again
        return
