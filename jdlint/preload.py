"""Imported once by the ``--jobs`` fork server, before it forks the workers.

Each worker used to import spaCy and jdlint, parse the packs and build the pipeline for
itself (about 1.5 s of CPU each, as much as a whole run over a few files): forked from a
server that has done it once, a worker starts with all of it in memory (copy-on-write)
and only builds its ``Linter`` from the packs already parsed. A posting is linted here
too, so the readers, checks, regular expressions, the lemma table and the syllable
dictionary a first posting loads are loaded once, not once per worker.

Nothing here may leave a thread running (the server forks): the CPU budget's timer is
disarmed when a lint ends. Any failure is ignored: a worker builds what it needs anyway.
"""

from __future__ import annotations

import contextlib

_SAMPLE = (
    "# Case Manager\n\nWe support adults living at home across the county.\n\n"
    "## Responsibilities\n\n- Assess each client's needs and build a care plan.\n\n"
    "## Qualifications\n\n- A bachelor's degree in social work.\n\n"
    "Pay: $52,000 - $60,000 a year. Location: Denver, CO.\n"
)


def _warm() -> None:
    from .config import from_dict
    from .engine import Linter

    Linter(from_dict({})).lint_text(_SAMPLE, "preload.md")


with contextlib.suppress(Exception):  # the workers then do the same work themselves
    _warm()
