"""``python -m jdlint`` and the ``jdlint`` command."""

from __future__ import annotations


def run() -> None:
    from .startup import pause

    pause()  # before the imports: see jdlint/startup.py
    from .cli import main

    main()


if __name__ == "__main__":
    run()
