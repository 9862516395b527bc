"""``jdlint jsonld POSTING``: print the posting's JobPosting JSON-LD; errors go to stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import display, files, packs, readers
from ..config import discover, load_file
from ..engine import DEFAULT_MAX_BYTES
from ..errors import ConfigError, InputError
from ..jsonld import build
from ..textio import decode, read_file

EXIT_OK, EXIT_MISSING, EXIT_ERROR = 0, 1, 2


def run(path: str, config_path: str | None = None, fmt: str | None = None) -> int:
    try:
        config = load_file(config_path) if config_path else discover(str(files.real(path).parent))
        pack_set = packs.load(config.pack_paths(), config.extra_sections())
    except ConfigError as e:
        _error(f"jdlint: error: {display.text(str(e))}")
        return EXIT_ERROR
    shown = display.path(path)
    try:
        # The same reader as linting: folders, pipes and devices refused, size limited.
        data, _ = read_file(Path(path), config.get("max-file-size", DEFAULT_MAX_BYTES))
        text = decode(data)
        posting = readers.read(text, path, pack_set.vocabulary, fmt)
    except InputError as e:
        _error(f"{shown}: error: {display.text(str(e))}")
        return EXIT_ERROR
    job, errors = build(posting, config)
    out = display.json_text(json.dumps(job, indent=2, ensure_ascii=False)) + "\n"
    sys.stdout.write(display.guard_runner(out))
    for message in errors:
        _error(f"{shown}: error: {display.text(message)}")
    return EXIT_MISSING if errors else EXIT_OK


def _error(line: str) -> None:
    sys.stderr.write(display.guard_runner(line + "\n"))
