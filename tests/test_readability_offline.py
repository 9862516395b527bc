"""The readability metrics work offline on a fresh install: no NLTK data, no network.

textstat >= 0.7.9 downloads NLTK's cmudict on first use. jdlint takes syllables from
Pyphen instead (see jdlint/readability.py); these tests prove it, in-process with sockets
and nltk.download blocked, and in a subprocess inside a network namespace with no NLTK
data anywhere it could look.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from jdlint import readability
from jdlint.config import from_dict
from jdlint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "examples" / "case-manager" / "good.md"


class Blocked(RuntimeError):
    pass


def test_in_process_with_network_and_nltk_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise Blocked("network or NLTK data access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    # Fresh text, so no cached textstat result can hide a lookup.
    text = GOOD.read_text(encoding="utf-8") + "\nA sentence seen nowhere else: zyxwv.\n"
    report = Linter(from_dict({"select": ["R"]})).lint_text(text, path="posting.md")
    assert report.error is None
    for key in readability.METRICS:
        assert key in report.metrics
    # textstat's own public function would take the NLTK route; jdlint's must not.
    with readability.offline_syllables() as ts:
        assert ts.syllable_count("coordination documentation") > 0


def _fresh_env(tmp_path: Path) -> dict[str, str]:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HTTP", "HTTPS", "NLTK"))}
    env.update({"NLTK_DATA": str(empty), "HOME": str(tmp_path), "NO_COLOR": "1"})
    return env


def _cli() -> list[str]:
    return [sys.executable, "-m", "jdlint", "--format", "json", "--select", "R", str(GOOD)]


def _check_json(out: str) -> None:
    data = json.loads(out)
    (entry,) = data["files"]
    assert "error" not in entry, entry
    for key in readability.METRICS:
        assert isinstance(entry["metrics"][key], float), key


def test_cli_subprocess_without_nltk_data(tmp_path: Path) -> None:
    """Always runs: no NLTK data anywhere, network refused by a sitecustomize hook."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import socket\n"
        "def _refuse(*a, **k):\n"
        "    raise OSError('network blocked by test')\n"
        "socket.socket.connect = _refuse\n"
        "socket.create_connection = _refuse\n"
        "socket.getaddrinfo = _refuse\n"
    )
    env = _fresh_env(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join([str(hook), str(ROOT)])
    proc = subprocess.run(_cli(), env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    _check_json(proc.stdout)
    assert not any((tmp_path / "nltk_data").iterdir()), "something was downloaded"


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        return (
            subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=10).returncode
            == 0
        )
    except OSError:
        return False


@pytest.mark.skipif(not _unshare_works(), reason="unshare -n (network namespace) unavailable")
def test_cli_in_a_network_namespace(tmp_path: Path) -> None:
    env = _fresh_env(tmp_path)
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        ["unshare", "-n", *_cli()], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode in (0, 1), proc.stderr
    _check_json(proc.stdout)
    assert not any((tmp_path / "nltk_data").iterdir())
