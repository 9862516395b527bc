"""jdlint never reaches the network: the whole pipeline runs with sockets blocked."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from jdlint.config import from_dict
from jdlint.engine import Linter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkBlocked("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_blocking_works(no_network: None) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))


def test_every_example_lints_with_the_network_blocked(no_network: None) -> None:
    linter = Linter(from_dict({"select": ["ALL"]}))
    paths = sorted(EXAMPLES.rglob("*.md"))
    assert len(paths) >= 16
    for path in paths:
        report = linter.lint_file(path)
        assert report.error is None, (path, report.error)
        assert report.metrics["sentences"] > 0
