"""The language server: ``jdlint server`` (see docs/editors.md).

pygls and lsprotocol come with the ``server`` extra; without them ``run`` says so in one
line and returns exit status 2.
"""

from __future__ import annotations

import sys

MISSING = (
    "jdlint: error: 'jdlint server' needs pygls and lsprotocol: "
    "pip install 'jdlint[server]'"
)


def available() -> bool:
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        return False
    return True


def run() -> int:
    """Serve over standard input and output; the exit status."""
    if not available():
        print(MISSING, file=sys.stderr)
        return 2
    from .lsp import main

    return main()
