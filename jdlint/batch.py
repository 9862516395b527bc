"""Many postings: a process pool for ``--jobs`` and the JSON Lines stream for ``--jsonl``.

Both keep one ``Linter`` per process, built once when the process starts (packs parsed
and the spaCy pipeline loaded once per worker, never per posting), and both give results
in input order. Work goes to the pool in small batches through a bounded window, so a
stream of 100,000 postings holds only a few batches in memory at any time.

A JSON Lines input holds one posting per line::

    {"id": "req-123", "text": "# Case Manager\\n...", "format": "markdown", ...}

``format`` (``markdown``, ``text`` or ``html``) is optional (detected from the text when
missing); other keys are ignored. Each line gives one compact JSON object: the per-file
object of the JSON report (docs/json-report.md) with ``path`` set to the id, plus ``id``
(as given) and ``line`` (the input line number). A line that is not a JSON object with a
string ``text`` gives an object with an ``error`` and no findings, and the stream goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError
from .findings import Severity

# Postings per task sent to a worker, and tasks in flight per worker.
BATCH = 16
WINDOW_PER_WORKER = 4


def cpu_count() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int) -> int:
    """``--jobs``: 0 means every core available; never more processes than cores asked."""
    if jobs < 0:
        raise ValueError("--jobs must be 0 (all cores) or a positive number")
    return cpu_count() if jobs == 0 else jobs


@dataclass(frozen=True)
class LinterSpec:
    """What a worker needs to build the same Linter as the main process (picklable)."""

    config_path: str | None = None
    overrides: tuple[tuple[str, Any], ...] = ()
    today: dt.date | None = None
    discover_from: str | None = None  # a folder: use the config found upward from it

    def build(self) -> Any:
        from .config import discover, load_file
        from .engine import Linter

        if self.config_path:
            fixed = load_file(self.config_path)
        elif self.discover_from is not None:
            fixed = discover(self.discover_from)
        else:
            fixed = None
        return Linter(fixed, dict(self.overrides), self.today)


# -- the worker side ---------------------------------------------------------------------

_linter: Any = None


def _init_worker(spec: LinterSpec) -> None:
    global _linter
    _linter = spec.build()


def _work(task: tuple[Callable[..., Any], list[Any]]) -> list[Any]:
    fn, items = task
    return [fn(_linter, item) for item in items]


class _ConfigFailure:
    """A ConfigError raised in a worker, carried back as text (exceptions with custom
    constructors do not always survive pickling)."""

    def __init__(self, message: str) -> None:
        self.message = message


def lint_path(linter: Any, item: tuple[str, str | None]) -> Any:
    """One file, as the sequential run lints it; a crash in a check is that file's error."""
    from .engine import FileReport

    path, reading = item
    try:
        return linter.lint_file(path, reading)
    except ConfigError as e:
        return _ConfigFailure(str(e))
    except Exception as e:
        if os.environ.get("JDLINT_DEBUG"):
            raise
        return FileReport(
            path, error=f"internal error: {type(e).__name__}: {e} (please report this)"
        )


# -- the pool ------------------------------------------------------------------------------


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ordered_map(
    fn: Callable[[Any, Any], Any],
    items: Iterable[Any],
    spec: LinterSpec,
    jobs: int,
    batch: int = BATCH,
) -> Iterator[Any]:
    """``fn(linter, item)`` for each item in ``jobs`` worker processes, results in input
    order. At most ``jobs * WINDOW_PER_WORKER`` batches are in flight, so memory stays flat
    however long ``items`` is. ``fn`` must be a module-level function (it is pickled)."""
    ctx = _context()
    window = max(2, jobs * WINDOW_PER_WORKER)
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        pending: deque[Any] = deque()
        for chunk in _batches(items, batch):
            pending.append(pool.apply_async(_work, ((fn, chunk),)))
            while len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def lint_paths(items: list[tuple[str, str | None]], spec: LinterSpec, jobs: int) -> Iterator[Any]:
    """FileReports for files, in order, from ``jobs`` processes. Raises ConfigError when a
    worker met a bad config (as the sequential run does)."""
    batch = max(1, min(BATCH, len(items) // (jobs * 4) or 1))
    for result in ordered_map(lint_path, items, spec, jobs, batch):
        if isinstance(result, _ConfigFailure):
            raise ConfigError(result.message)
        yield result


# -- JSON Lines ----------------------------------------------------------------------------

FORMATS = ("markdown", "text", "html")


@dataclass(frozen=True)
class LineResult:
    """One output line and what the exit status needs from it."""

    json: str
    error: bool
    worst: int  # highest Severity value among the findings, 0 for none
    findings: int = 0


def lint_json_line(linter: Any, item: tuple[int, str | None]) -> LineResult:
    """Lint one JSON Lines input line; any problem with the line is its own error object."""
    from .reporters.json_report import file_dict

    number, raw = item
    ident: Any = None
    try:
        if raw is None:
            raise _BadLine("not valid UTF-8")
        try:
            data = json.loads(raw)
        except ValueError as e:
            raise _BadLine(f"not valid JSON: {e}") from None
        if not isinstance(data, dict):
            raise _BadLine("not a JSON object")
        ident = data.get("id")
        text = data.get("text")
        if not isinstance(text, str):
            raise _BadLine("no 'text' string")
        fmt = data.get("format")
        if fmt is not None and fmt not in FORMATS:
            raise _BadLine(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
        path = _path_of(ident, number)
        try:
            report = linter.lint_text(text, path, fmt)
        except ConfigError:
            raise
        except Exception as e:
            if os.environ.get("JDLINT_DEBUG"):
                raise
            raise _BadLine(
                f"internal error: {type(e).__name__}: {e} (please report this)"
            ) from None
        out = {"id": ident, "line": number, **file_dict(report)}
        worst = max((int(f.severity) for f in report.findings), default=0)
        return LineResult(_dumps(out), bool(report.error), worst, len(report.findings))
    except _BadLine as e:
        out = {
            "id": ident,
            "line": number,
            "path": _path_of(ident, number),
            "error": e.message,
            "findings": [],
        }
        return LineResult(_dumps(out), True, 0)


class _BadLine(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _path_of(ident: Any, number: int) -> str:
    if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident):
        return str(ident)
    return f"<line {number}>"


def _dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def json_lines(stream: Iterable[str | None]) -> Iterator[tuple[int, str | None]]:
    """(line number, line) for each non-blank line, read one at a time (None stands for a
    line that could not be decoded)."""
    for number, line in enumerate(stream, 1):
        if line is None or line.strip():
            yield number, line


def lint_jsonl(
    lines: Iterable[tuple[int, str | None]], spec: LinterSpec, jobs: int, linter: Any = None
) -> Iterator[LineResult]:
    """One LineResult per input line, in order: in this process (``jobs`` 1, with
    ``linter``) or in a pool."""
    if jobs <= 1:
        linter = linter if linter is not None else spec.build()
        for item in lines:
            yield lint_json_line(linter, item)
        return
    yield from ordered_map(lint_json_line, lines, spec, jobs)


def failing(worst: int, threshold: Severity) -> bool:
    return worst >= int(threshold)
