"""Paths as CI services want them: relative to the repository root, with forward slashes."""

from __future__ import annotations

from pathlib import Path

from .. import files


def repo_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the current folder) holding ``.git``.

    ``.git`` may be a folder or, in a worktree or submodule, a file. Without one, ``start``.
    """
    here = files.real(start or Path.cwd())
    for folder in (here, *here.parents):
        if files.exists(folder / ".git"):  # never raises (a folder that cannot be searched)
            return folder
    return here


def relative_to_root(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` in POSIX form, or None when it lies outside ``root``."""
    if path == "-":
        return None
    try:
        return files.real(path).relative_to(root).as_posix()
    except (ValueError, OSError):
        return None


def display_path(path: str, root: Path) -> str:
    """Relative to the root when inside it; otherwise the path as given."""
    rel = relative_to_root(path, root)
    return rel if rel is not None else Path(path).as_posix()
