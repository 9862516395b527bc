"""End to end with an LSP client nobody here wrote: headless Neovim's built-in one.

Neovim opens a flawed posting, starts ``jdlint server`` (tests/nvim/e2e.lua), receives the
diagnostics, applies the fix the writer picks from the code actions, saves; the test reads
the file and what Neovim reported back. ``.ci/run`` installs Debian's ``neovim`` package
when it is missing; outside CI a machine without Neovim skips this test and says why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra (pygls) is part of the test extra")

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).resolve().parent / "nvim" / "e2e.lua"


def _nvim() -> str:
    nvim = shutil.which("nvim")
    if nvim is None:
        why = "headless Neovim is not installed (apt-get install neovim; .ci/run installs it)"
        if os.environ.get("CI") or os.environ.get("JDLINT_REQUIRE_E2E"):
            pytest.fail(f"{why}: CI must run the editor end-to-end test")
        pytest.skip(why)
    version = subprocess.run(
        [nvim, "--version"], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    ).stdout
    m = re.search(r"NVIM v(\d+)\.(\d+)", version)
    if not m or (int(m.group(1)), int(m.group(2))) < (0, 7):
        pytest.skip(f"Neovim 0.7 or later is needed for its LSP client; found {version[:40]!r}")
    return nvim


POSTING = "# Case Manager\n\nOur chairman 🙂 leads a rockstar team.\n"


def test_neovim_receives_diagnostics_and_applies_a_code_action(tmp_path: Path) -> None:
    nvim = _nvim()
    (tmp_path / ".git").mkdir()
    posting = tmp_path / "posting.md"
    posting.write_text(POSTING, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "JDLINT_NVIM_OUT": str(out),
        "JDLINT_PYTHON": sys.executable,
        "HOME": str(tmp_path),  # Neovim's state and LSP log stay in the test's folder
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    proc = subprocess.run(
        [nvim, "--headless", "--clean", "-n", posting.name, "-c", f"luafile {SCRIPT}"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), f"Neovim wrote no result (exit {proc.returncode}): {proc.stderr[-2000:]}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result.get("error") is None, result
    assert result["steps"] == ["started", "diagnostics", "code action", "saved", "relinted"]

    # The diagnostics as Neovim holds them: its columns are bytes of the line, converted
    # from the server's UTF-16 ranges (the emoji is 2 UTF-16 units and 4 bytes).
    line = POSTING.splitlines()[2]
    by_code = {d["code"]: d for d in result["diagnostics"]}
    hype = by_code["I502"]
    start = len(line[: line.index("rockstar")].encode("utf-8"))
    assert (hype["lnum"], hype["col"], hype["end_col"]) == (2, start, start + len("rockstar"))
    assert "suggestion: skilled" in hype["message"]
    assert by_code["I101"]["col"] == line.index("chairman")

    assert "Fix: 'chairman' → 'chair'" in result["offered"]
    assert any(t.startswith("Disable I101") for t in result["offered"])
    # The file Neovim saved holds the fix, and nothing else changed.
    assert posting.read_text(encoding="utf-8") == POSTING.replace("chairman", "chair")
    assert not any("chairman" in m for m in result["after"])
    assert any("rockstar" in m for m in result["after"])
