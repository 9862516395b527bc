"""The Python API: lint_text() and lint_file() for one-offs, Linter for many postings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .config import Config, from_dict
from .engine import FileReport, Linter


def _config(config: Config | dict[str, Any] | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    return from_dict(dict(config))


def lint_text(
    text: str,
    path: str | None = None,
    config: Config | dict[str, Any] | None = None,
    fmt: str | None = None,
) -> FileReport:
    """Lint a posting held in memory. ``config`` is a Config, a dict of settings, or None
    to use the config found upward from ``path`` (or the current directory)."""
    return Linter(_config(config)).lint_text(text, path or "<text>", fmt)


def lint_file(path: str | Path, config: Config | dict[str, Any] | None = None) -> FileReport:
    return Linter(_config(config)).lint_file(path)


__all__ = ["FileReport", "Linter", "lint_file", "lint_text"]
