"""jdlint: a linter for job postings."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import Linter, lint_file, lint_text

__all__ = ["Linter", "__version__", "lint_file", "lint_text"]
