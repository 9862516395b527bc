"""File-system probes that never raise, and bounded reads of regular files.

Python 3.11's ``Path.is_file()`` and ``is_dir()`` raise PermissionError for a path inside
a folder that cannot be searched, and ``Path.resolve()`` raises RuntimeError on a symlink
loop; a probe that decides where to look next must not stop the run. A config or a pack
is read only when it is a regular file under a size limit, opened without blocking, so a
FIFO or a link to ``/dev/zero`` is an error and never a hang or a full memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Config files and rule packs are small; anything bigger is not one.
MAX_DATA_FILE = 1_000_000


class NotReadable(Exception):
    """Why a file could not be read, as one short phrase."""


def _stat(path: str | Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def is_file(path: str | Path) -> bool:
    st = _stat(path)
    return st is not None and stat.S_ISREG(st.st_mode)


def is_dir(path: str | Path) -> bool:
    st = _stat(path)
    return st is not None and stat.S_ISDIR(st.st_mode)


def exists(path: str | Path) -> bool:
    try:
        os.lstat(path)
        return True
    except (OSError, ValueError):
        return False


def real(path: str | Path) -> Path:
    """The absolute path with every symbolic link resolved, as far as they resolve."""
    return Path(os.path.realpath(path))


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether ``path`` lies at or below ``folder`` once links are resolved."""
    p, f = real(path), real(folder)
    return p == f or f in p.parents


def read_regular(path: str | Path, limit: int = MAX_DATA_FILE) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises NotReadable.

    The file is opened without blocking and checked through its descriptor, so it cannot
    be swapped for a pipe or a device between the check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise NotReadable("no such file") from None
    except OSError as e:
        raise NotReadable(f"cannot read: {e.strerror or e}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotReadable("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable("not a regular file")
        if info.st_size > limit:
            raise NotReadable(f"file is {info.st_size:,} bytes, over the {limit:,}-byte limit")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew since fstat
                raise NotReadable(f"file is over the {limit:,}-byte limit")
        return b"".join(chunks)
    except OSError as e:
        raise NotReadable(f"cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)
