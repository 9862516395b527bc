"""The README's sample output is what jdlint prints, checked on every run of the suite."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

ROOT = Path(__file__).resolve().parent.parent


def console_block() -> tuple[list[str], list[str]]:
    """(command's arguments, output lines) of the README's first ``console`` block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n(.*?)```", text, re.S)
    assert block, "README.md has no console block"
    command, *output = block.group(1).rstrip("\n").split("\n")
    assert command.startswith("$ jdlint ")
    return command.split()[2:], output


def chunks(lines: list[str]) -> list[list[str]]:
    """The sample's runs of lines between "..." lines (where output was left out)."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line == "...":
            out.append([])
        else:
            out[-1].append(line)
    return [c for c in out if c]


def terminal_run(monkeypatch: pytest.MonkeyPatch, args: list[str], columns: int) -> str:
    """jdlint's output as on a terminal ``columns`` wide, without colour."""
    from jdlint.commands import common

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(common, "is_terminal", lambda stream: True)
    result = CliRunner().invoke(main, args, env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stdout


def test_readme_sample_is_a_real_run(monkeypatch: pytest.MonkeyPatch) -> None:
    args, sample = console_block()
    real = terminal_run(monkeypatch, args, 100).splitlines()
    parts = chunks(sample)
    # Each shown run of lines appears in the real output, in order, and the sample ends
    # where the output ends.
    at = 0
    for part in parts:
        for i in range(at, len(real) - len(part) + 1):
            if real[i : i + len(part)] == part:
                at = i + len(part)
                break
        else:
            raise AssertionError("README sample lines not in the real output:\n" + "\n".join(part))
    assert real[-len(parts[-1]) :] == parts[-1]


def test_readme_quick_start_posting_fails_on_its_warnings() -> None:
    """The README says the quick start's posting exits 1: its warnings fail the run."""
    result = CliRunner().invoke(
        main, ["--no-show-source", str(ROOT / "examples/psychiatric-case-manager/flawed.md")]
    )
    assert result.exit_code == 1
    assert "The exit status is 1: warnings fail." in (ROOT / "README.md").read_text("utf-8")
