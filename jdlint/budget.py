"""A CPU-time budget per posting: a posting that takes too long is an error, never a hang.

Every path through the readers and checks is meant to be linear in the posting; the
budget is the guarantee for what is not (a pattern from a config that backtracks, a
shape of input nobody foresaw). It counts CPU time, not wall time, so a loaded machine
does not trip it: the default, ``20 s + 60 s per MB`` of posting, is several times what
the slowest linear posting needs (a 4.5 MB list through every rule: about 90 s).

In the main thread of a process (the command line, ``--jobs`` workers) a profiling
timer (``ITIMER_PROF``) interrupts the work when the budget runs out, wherever it is,
including inside a regular expression (``re`` checks for signals while it backtracks).
Elsewhere (threads, platforms without ``setitimer``) the budget is checked between rules.
"""

from __future__ import annotations

import signal
import threading
import time
from types import TracebackType

BASE_SECONDS = 20.0
SECONDS_PER_MB = 60.0


class OverBudget(BaseException):
    """The posting's CPU time ran out. A BaseException, so that no ``except Exception``
    in a check can swallow it and carry on."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds

    @property
    def message(self) -> str:
        return (
            f"stopped after {self.seconds:g} s of CPU time, the time limit for this posting "
            "(time-limit in config); jdlint reads some shape of it slowly: please report it"
        )


def seconds_for(size: int, configured: float | None = None) -> float:
    """The budget of a posting of ``size`` characters: ``configured`` when set."""
    if configured is not None:
        return float(configured)
    return BASE_SECONDS + SECONDS_PER_MB * size / 1_000_000


_clock = time.thread_time  # CPU time of the calling thread; tests replace it


class Budget:
    """``with Budget(seconds):`` runs the block with that much CPU time at most; raises
    OverBudget from inside it (or from ``check()``) when the time is spent."""

    _active: Budget | None = None  # the one with the timer armed (main thread only)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.start = 0.0
        self.armed = False
        self._previous: object = None

    def spent(self) -> float:
        return _clock() - self.start

    def check(self) -> None:
        if self.spent() > self.seconds:
            self.armed = False
            raise OverBudget(self.seconds)

    def __enter__(self) -> Budget:
        self.start = _clock()
        if _can_arm() and Budget._active is None:
            self._previous = signal.signal(signal.SIGPROF, _on_timer)
            Budget._active = self
            self.armed = True
            signal.setitimer(signal.ITIMER_PROF, self.seconds)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if Budget._active is self:
            self.armed = False
            # The timer off before the handler goes: an unhandled SIGPROF ends the process.
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, self._previous)  # type: ignore[arg-type]
            Budget._active = None


def _can_arm() -> bool:
    """A timer only where nothing else uses SIGPROF (a profiler) and signals can be set."""
    if not hasattr(signal, "setitimer") or not hasattr(signal, "SIGPROF"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    return signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, None)


def _on_timer(signum: int, frame: object) -> None:
    budget = Budget._active
    if budget is None or not budget.armed:
        return
    # The timer counts the whole process; the budget counts this thread. Sleep on if the
    # difference left some time.
    left = budget.seconds - budget.spent()
    if left > 0:
        signal.setitimer(signal.ITIMER_PROF, max(left, 0.01))
        return
    budget.armed = False
    raise OverBudget(budget.seconds)
