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
A line longer than ``max-file-size`` is an error too (read in bounded pieces, never held
whole), as is a text with NUL characters or half a surrogate pair.

The pool is jdlint's own, small: each worker process has a pipe of its own and one batch
at a time, and the main process waits on the pipes and on the processes together. A
worker that dies (killed, out of memory, a crash in a C library) is therefore seen at
once, with the batch it held: each posting of that batch is tried once more, alone, in a
new worker, and one that kills that worker too is reported as an error; the run goes on.
(``multiprocessing.Pool`` waits forever for a dead worker's batch; a
``ProcessPoolExecutor`` loses every batch in flight and can block on a half-written
result.) Workers ignore Ctrl-C; the main process kills them when it stops for any
reason (Ctrl-C, SIGTERM, an error), and a worker exits by itself when the main process
is gone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import multiprocessing
import multiprocessing.connection
import os
import re
import signal
import threading
import time
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


# Bytes of postings a worker must have to lint before starting it pays: starting the
# pool (the fork server loads spaCy and the packs again) costs about as much CPU as
# linting 60-100 KB of postings, 15-25 files of real length (bench/run.py, --jobs 0
# against --jobs 1 on 4, 16 and 100 files on 2 cores: docs/scale.md). Below twice this,
# one process is faster.
WORK_PER_WORKER = 96 * 1024


def auto_jobs(paths: Iterable[str], cores: int | None = None) -> int:
    """``--jobs 0`` for files: as many processes as the work pays for, at most one per
    core; 1 (lint in this process) for a few files, where starting workers would cost
    more than it saves."""
    cores = cpu_count() if cores is None else cores
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue  # its error is reported by the lint
        if total >= cores * WORK_PER_WORKER:
            return cores
    return max(1, min(cores, total // WORK_PER_WORKER))


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


def _init_worker(spec: LinterSpec, parent: int | None = None) -> None:
    global _linter
    # Ctrl-C reaches the whole process group; the main process stops the workers, and a
    # worker's own KeyboardInterrupt would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None and os.name == "posix":
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _linter = spec.build()


def _watch_parent(pid: int) -> None:
    """Exit when the main process is gone (SIGKILL, a crash): nobody reads the results."""
    while True:
        time.sleep(0.5)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except OSError:
            pass  # it exists


def _work(task: tuple[Callable[..., Any], list[Any]]) -> list[Any]:
    fn, items = task
    return [fn(_linter, item) for item in items]


def _worker_main(conn: Any, spec: LinterSpec, parent: int) -> None:
    """A worker: batches in, results out, on its own pipe, until the pipe closes. Each
    posting's problems are its own results; anything else ends the worker without a
    traceback, and the main process reports it as a worker that died."""
    try:
        _init_worker(spec, parent)
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            if task is None:
                return
            conn.send(_work(task))
    except Exception:
        if os.environ.get("JDLINT_DEBUG"):
            raise
        os._exit(70)


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
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    # The server loads spaCy, the packs and the pipeline once (jdlint/preload.py), and
    # each worker forked from it starts with them: starting a worker costs a fork, not a
    # second start-up of jdlint. (Ignored if the server is already running.)
    ctx.set_forkserver_preload(["jdlint.preload"])
    return ctx


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


WORKER_DIED = (
    "not linted: the worker process linting it died "
    "(killed, out of memory, or a crash in a library)"
)


class _Worker:
    def __init__(self, ctx: Any, spec: LinterSpec) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, spec, os.getpid()), daemon=True
        )
        self.process.start()
        child.close()
        self.task: tuple[Any, list[Any], bool] | None = None  # (key, batch, second try)

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def ordered_map(
    fn: Callable[[Any, Any], Any],
    items: Iterable[Any],
    spec: LinterSpec,
    jobs: int,
    batch: int = BATCH,
    lost: Callable[[Any], Any] | None = None,
    on_break: Callable[[str], None] | None = None,
) -> Iterator[Any]:
    """``fn(linter, item)`` for each item in ``jobs`` worker processes, results in input
    order. At most ``jobs * WINDOW_PER_WORKER`` batches are read ahead or held, so memory
    stays flat however long ``items`` is. ``fn`` must be a module-level function (it is
    pickled).

    When a worker dies, each item of its batch is tried again alone in a new worker, and
    gives ``lost(item)`` if that one dies too (without ``lost``, the run stops with a
    RuntimeError). Closing the iterator, or any exception in the caller (Ctrl-C, SIGTERM),
    kills the workers at once.
    """
    ctx = _context()
    window = max(2, jobs * WINDOW_PER_WORKER)
    chunks = enumerate(_batches(items, batch))
    # Work not yet given to a worker: (key, batch, second try); a key is (batch number,
    # position of a retried item in it or -1).
    queue: deque[tuple[Any, list[Any], bool]] = deque()
    done: dict[int, list[Any]] = {}  # batch number -> results, until its turn to be yielded
    retried: dict[int, list[Any]] = {}  # batch number -> results of its items tried alone
    workers: list[_Worker] = []
    read = 0  # batches taken from ``items``
    next_out = 0
    exhausted = False
    deaths = 0  # workers that died since the last result: many in a row is no posting's fault
    try:
        while True:
            if deaths > jobs + 3:
                raise RuntimeError("worker processes keep dying as they start")
            while not exhausted and read - next_out < window and len(queue) < jobs:
                got = next(chunks, None)
                if got is None:
                    exhausted = True
                    break
                queue.append(((got[0], -1), got[1], False))
                read += 1
            idle = [w for w in workers if w.task is None]
            while queue and (idle or len(workers) < jobs):
                worker = idle.pop() if idle else _Worker(ctx, spec)
                if worker not in workers:
                    workers.append(worker)
                task = queue.popleft()
                try:
                    worker.conn.send((fn, task[1]))
                except OSError:  # it died while idle: the batch goes to another worker
                    queue.appendleft(task)
                    workers.remove(worker)
                    worker.stop()
                    deaths += 1
                    break
                worker.task = task
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and not queue:
                    break
                continue
            ready = set(
                multiprocessing.connection.wait(
                    [w.conn for w in busy] + [w.process.sentinel for w in busy]
                )
            )
            for worker in busy:
                assert worker.task is not None
                (number, position), chunk, second = worker.task
                results = None
                if worker.conn in ready:
                    with contextlib.suppress(EOFError, OSError):
                        results = worker.conn.recv()
                elif worker.process.sentinel not in ready:
                    continue
                if results is None:  # the worker died with this batch
                    workers.remove(worker)
                    worker.stop()
                    deaths += 1
                    if lost is None:
                        raise RuntimeError(WORKER_DIED)
                    if on_break is not None:
                        on_break(
                            "a worker process died (killed, out of memory, or a crash in a "
                            "library); the postings it had are linted again, one by one"
                        )
                    if second:
                        results = [lost(item) for item in chunk]
                    else:
                        retried[number] = [None] * len(chunk)
                        queue.extendleft(
                            ((number, i), [item], True)
                            for i, item in reversed(list(enumerate(chunk)))
                        )
                        continue
                else:
                    deaths = 0
                worker.task = None
                if position < 0:
                    done[number] = results
                else:
                    parts = retried[number]
                    parts[position] = results[0]
                    if all(p is not None for p in parts):
                        done[number] = retried.pop(number)
    finally:
        for worker in workers:
            worker.stop()


def lint_paths(
    items: list[tuple[str, str | None]],
    spec: LinterSpec,
    jobs: int,
    on_break: Callable[[str], None] | None = None,
) -> Iterator[Any]:
    """FileReports for files, in order, from ``jobs`` processes. Raises ConfigError when a
    worker met a bad config (as the sequential run does)."""
    batch = max(1, min(BATCH, len(items) // (jobs * 4) or 1))
    results = ordered_map(lint_path, items, spec, jobs, batch, lost=_lost_path, on_break=on_break)
    try:
        for result in results:
            if isinstance(result, _ConfigFailure):
                raise ConfigError(result.message)
            yield result
    finally:
        results.close()


def _lost_path(item: tuple[str, str | None]) -> Any:
    from .engine import FileReport

    return FileReport(item[0], error=WORKER_DIED)


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
        if isinstance(raw, LineTooLong):
            raise _BadLine(
                f"line is over the {raw.limit:,}-byte limit (max-file-size in config); not read"
            )
        try:
            data = json.loads(raw)
        except ValueError as e:
            raise _BadLine(f"not valid JSON: {e}") from None
        except RecursionError:
            raise _BadLine("not valid JSON: nested too deeply") from None
        if not isinstance(data, dict):
            raise _BadLine("not a JSON object")
        ident = data.get("id")
        if isinstance(ident, str) and _SURROGATE.search(ident):
            ident = None
            raise _BadLine("'id' holds half of a surrogate pair (a \\ud800-\\udfff escape)")
        text = data.get("text")
        if not isinstance(text, str):
            raise _BadLine("no 'text' string")
        if "\x00" in text:
            raise _BadLine("contains NUL characters, not a posting")
        bad = _SURROGATE.search(text)
        if bad:
            raise _BadLine(
                f"'text' holds half of a surrogate pair (\\u{ord(bad.group()):04x} at "
                f"character {bad.start():,}), which is not text"
            )
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
    from . import display

    return display.json_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class LineTooLong:
    """Stands for an input line over the size limit, which was skipped unread."""

    size: int
    limit: int


def json_lines(stream: Iterable[Any]) -> Iterator[tuple[int, Any]]:
    """(line number, line) for each non-blank line, read one at a time (None stands for a
    line that could not be decoded, a LineTooLong for one over the limit)."""
    for number, line in enumerate(stream, 1):
        if not isinstance(line, str) or line.strip():
            yield number, line


def read_lines(stream: Any, limit: int) -> Iterator[str | LineTooLong | None]:
    """Lines of a binary stream as text, none held longer than ``limit`` bytes: a longer
    line is skipped in pieces and stands as a LineTooLong; None for one not UTF-8."""
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(limit + 1)
                size += len(raw)
            yield LineTooLong(size, limit)
            continue
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield None


def lint_jsonl(
    lines: Iterable[tuple[int, Any]],
    spec: LinterSpec,
    jobs: int,
    linter: Any = None,
    on_break: Callable[[str], None] | None = None,
) -> Iterator[LineResult]:
    """One LineResult per input line, in order: in this process (``jobs`` 1, with
    ``linter``) or in a pool."""
    if jobs <= 1:
        linter = linter if linter is not None else spec.build()
        for item in lines:
            yield lint_json_line(linter, item)
        return
    results = ordered_map(lint_json_line, lines, spec, jobs, lost=_lost_line, on_break=on_break)
    try:
        yield from results
    finally:
        results.close()


def _lost_line(item: tuple[int, Any]) -> LineResult:
    number = item[0]
    out = {
        "id": None,
        "line": number,
        "path": f"<line {number}>",
        "error": WORKER_DIED,
        "findings": [],
    }
    return LineResult(_dumps(out), True, 0)


def failing(worst: int, threshold: Severity) -> bool:
    return worst >= int(threshold)
