"""Shared fixtures. Each group is under its own clearly named fixture."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

# -- environment: tests see a plain terminal-less run, even inside GitHub Actions ----------


@pytest.fixture(autouse=True, scope="session")
def _plain_environment() -> Any:
    """``--format auto`` prints annotations under GitHub Actions; the tests that read text
    output must not depend on where CI runs (subprocesses inherit this too)."""
    import os

    saved = {k: os.environ.pop(k) for k in ("GITHUB_ACTIONS",) if k in os.environ}
    yield
    os.environ.update(saved)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """jdlint caches parsed packs and data tables under $XDG_CACHE_HOME (jdlint/cache.py):
    the tests use a folder of their own, never the user's cache (subprocesses inherit it)."""
    import os

    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


# -- jdlint_cli: run the command line in a clean folder ----------------------------------


# The rules these CLI tests assert on exactly. Other rule families (role, SEO, readability,
# inclusive, compliance) grow on their own; ``lint`` pins the selection so they cannot
# change what these tests see.
CORE_RULES = "S001,S101,S102,S103,S104,S105,S201,S202,S203"


@dataclass
class CliHarness:
    """Runs ``jdlint`` in-process from ``root`` (the current folder during the test).

    ``run`` passes the arguments as given; ``lint`` and ``lint_json`` run ``check`` with the
    selection pinned to CORE_RULES (config ``ignore``, ``severity`` and the rest still apply).
    """

    root: Path
    core_rules: str = CORE_RULES

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def run(self, *args: str, input: bytes | str | None = None, env: dict | None = None) -> Result:
        from jdlint.cli import main

        result = CliRunner().invoke(main, list(args), input=input, env=env)
        # A crash is a bug whatever the test checks: no traceback ever reaches the user.
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert "Traceback" not in result.output
        return result

    def json(self, *args: str, input: bytes | str | None = None) -> tuple[Result, dict[str, Any]]:
        result = self.run("--format", "json", *args, input=input)
        return result, json.loads(result.stdout)

    def lint(self, *args: str, input: bytes | str | None = None, env: dict | None = None) -> Result:
        return self.run("check", "--select", CORE_RULES, *args, input=input, env=env)

    def lint_json(
        self, *args: str, input: bytes | str | None = None
    ) -> tuple[Result, dict[str, Any]]:
        result = self.lint("--format", "json", *args, input=input)
        return result, json.loads(result.stdout)


@pytest.fixture
def jdlint_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliHarness:
    """A CLI harness whose current folder is an empty tmp_path (no config above matters)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("JDLINT_DEBUG", raising=False)
    return CliHarness(tmp_path)
