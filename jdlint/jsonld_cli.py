"""``jdlint jsonld POSTING``: print the posting's JobPosting JSON-LD; errors go to stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import packs, readers
from .config import discover, load_file
from .errors import ConfigError, InputError
from .jsonld import build
from .textio import decode

EXIT_OK, EXIT_MISSING, EXIT_ERROR = 0, 1, 2


def run(path: str, config_path: str | None = None, fmt: str | None = None) -> int:
    try:
        config = (
            load_file(config_path) if config_path else discover(str(Path(path).resolve().parent))
        )
        pack_set = packs.load(config.pack_paths(), config.extra_sections())
    except ConfigError as e:
        print(f"jdlint: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    try:
        p = Path(path)
        if not p.is_file():
            raise InputError("no such file")
        text = decode(p.read_bytes())
        posting = readers.read(text, path, pack_set.vocabulary, fmt)
    except InputError as e:
        print(f"{path}: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as e:
        print(f"{path}: error: cannot read: {e.strerror or e}", file=sys.stderr)
        return EXIT_ERROR
    data, errors = build(posting, config)
    print(json.dumps(data, indent=2, ensure_ascii=False))
    for message in errors:
        print(f"{path}: error: {message}", file=sys.stderr)
    return EXIT_MISSING if errors else EXIT_OK
