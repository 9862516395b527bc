"""What every command shares: exit statuses, and the lines printed about a run or a file.

Every line built from data (a file name, a message, a config's text) goes through
``jdlint/display.py`` here, so nothing a posting holds reaches a terminal or a CI runner.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

import click

from .. import display

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that cleanups run (temporary files removed,
    worker processes stopped); a BaseException so that no ``except Exception`` keeps it."""


@contextlib.contextmanager
def sigterm_as_exception() -> Iterator[None]:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: Any) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def quiet_stdout() -> None:
    """Point standard output at /dev/null once it cannot be written (a closed pipe, a full
    disk), so the interpreter's last flush adds no second error."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def stderr_line(message: str) -> None:
    with contextlib.suppress(OSError):
        click.echo(display.guard_runner(message + "\n"), nl=False, err=True)


def fail(message: str) -> NoReturn:
    """A usage, config or input error that stops the run: one line, exit status 2."""
    stderr_line(f"jdlint: error: {display.text(message)}")
    sys.exit(EXIT_ERROR)


def note(fmt: str, path: str, message: str, kind: str = "error") -> None:
    """A line about one file on standard error, safe for a terminal and a CI runner: a
    workflow command in github format, else ``path: message`` with the data escaped."""
    if fmt == "github":
        from ..reporters.github import command

        line = command(kind, f"{display.path(path)}: {display.text(message)}")
    else:
        line = display.guard_runner(f"{display.path(path)}: {display.text(message)}")
    click.echo(line.rstrip("\n"), err=True)


def warn(fmt: str, message: str) -> None:
    if fmt == "github":
        from ..reporters.github import command

        click.echo(command("warning", message), err=True)
    else:
        click.echo(display.guard_runner(f"jdlint: warning: {message}\n"), nl=False, err=True)


_warned: set[str] = set()


def warn_ignored_configs(fmt: str) -> None:
    """A warning for each config file the search passed over because of its owner."""
    from ..config import ignored_configs

    for path, reason in ignored_configs().items():
        if path not in _warned:
            _warned.add(path)
            warn(fmt, f"ignoring {display.path(path)}: {reason}")


def split(values: tuple[str, ...]) -> list[str]:
    """Values of a repeatable option, each possibly a comma-separated list."""
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def stderr_colour() -> bool:
    """Colour for a report written to standard error (``jdlint - --fix``)."""
    return not os.environ.get("NO_COLOR") and is_terminal(sys.stderr)


def terminal_width() -> int | None:
    """Columns of the terminal standard output is, or None when it is not one."""
    import shutil

    if not is_terminal(sys.stdout):
        return None
    return max(40, shutil.get_terminal_size().columns)


def colour(flag: bool | None) -> bool:
    """--color/--no-color, else colour on a terminal unless NO_COLOR is set."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return is_terminal(sys.stdout)


def pack_set(config_path: str | None) -> Any:
    """Built-in packs plus the extra packs of the config (given, or found from here)."""
    from pathlib import Path

    from .. import packs
    from ..config import discover, load_file
    from ..errors import ConfigError

    try:
        config = load_file(config_path) if config_path else discover(str(Path.cwd()))
        return packs.load(config.pack_paths(), config.extra_sections())
    except ConfigError as e:
        fail(str(e))
