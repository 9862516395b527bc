"""``jdlint server``: the language server on standard input and output.

The server itself is the ``jdlint/server/`` package; this module only checks that its
optional dependencies (the ``server`` extra) are installed, so that a user without them
reads one line naming the extra instead of an import error, and starts it.
"""

from __future__ import annotations

from .common import EXIT_ERROR, stderr_line

MISSING = "jdlint: error: 'jdlint server' needs pygls and lsprotocol: pip install 'jdlint[server]'"


def available() -> bool:
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        return False
    return True


def run() -> int:
    """Serve until the client says exit; the exit status."""
    if not available():
        stderr_line(MISSING)
        return EXIT_ERROR
    from ..server.lsp import main
    from ..startup import resume

    # A server lives long and may wait for its first document: the collector runs from
    # its start, not only from its first lint.
    resume()
    return main()
