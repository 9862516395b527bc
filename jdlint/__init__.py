"""jdlint: a linter for job postings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import Linter, lint_file, lint_text

__all__ = ["Linter", "__version__", "lint_file", "lint_text"]


def __getattr__(name: str) -> Any:
    # The API is imported on first use: ``python -m jdlint`` and ``from jdlint import
    # cache`` need none of it, and it imports the engine, every reader and spaCy's types.
    if name in ("Linter", "lint_file", "lint_text"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'jdlint' has no attribute {name!r}")
