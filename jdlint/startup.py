"""The garbage collector while a ``jdlint`` process starts.

A run's start creates a few hundred thousand objects that live as long as the process:
spaCy's and jdlint's modules, the packs, the tokenizer's rules. CPython's collector
would walk all of them again and again while they are being made (a quarter of a second
of a one-posting run, more than reading and linting the posting), and find nothing to
free. The command line's entry points therefore pause the collector first thing
(``pause``); once the pipeline is built (``Linter.lint_text``, before the first posting
is read) those objects are frozen, so no later collection walks them, and the
collector runs as usual from then on (``resume``).

Only a process started as ``jdlint`` pauses: the library never changes the collector of
a program that imports it, and ``resume`` does nothing unless ``pause`` did.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(*, freeze: bool = True) -> None:
    """Turn the collector back on if ``pause`` turned it off; ``freeze`` first moves every
    object made so far out of its reach (what start-up made lives as long as the run)."""
    global _paused
    if not _paused:
        return
    _paused = False
    if freeze:
        gc.freeze()
    gc.enable()
