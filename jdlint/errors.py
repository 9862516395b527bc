"""Errors that stop one file (InputError) or the whole run (ConfigError), with a place."""

from __future__ import annotations


class JdlintError(ValueError):
    def __init__(self, message: str, line: int | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path

    def __str__(self) -> str:
        where = self.path or ""
        if self.line:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(JdlintError):
    """A posting that cannot be linted: the run reports it and goes on with the others."""


class ConfigError(JdlintError):
    """A config file, pack or option that is invalid: the run stops with exit status 2."""
