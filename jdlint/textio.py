"""Bytes to text: encodings a posting may arrive in, and files that are not text at all."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> str:
    """Decode a posting: UTF-8, or UTF-8/16/32 with a byte-order mark.

    The BOM is dropped, so offsets count from the first character of text. Raises
    InputError for binary data, invalid UTF-8 and empty files.
    """
    return decode_keeping(data)[0]


def decode_keeping(data: bytes) -> tuple[str, str, bytes]:
    """Text, encoding and byte-order mark, so a fix can write the file back as it was."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"not valid {encoding.upper()} at byte {e.start + len(bom)}"
                ) from None
            return _checked(text), encoding, bom
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a posting")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex()
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            f"not valid UTF-8 on line {line} (byte 0x{bad} at offset {e.start}); "
            "save the file as UTF-8"
        ) from None
    return _checked(text), "utf-8", b""


def _checked(text: str) -> str:
    if not text.strip():
        raise InputError("file is empty")
    if "\x00" in text:
        raise InputError("contains NUL characters, not a posting")
    return text


def read_file(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of a posting file and its stat, refusing folders, pipes and devices, and
    files over ``limit`` bytes (before reading them)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        if info.st_size > limit:
            raise InputError(
                f"file is {info.st_size:,} bytes, over the {limit:,}-byte limit (max-file-size in config)"
            )
        return path.read_bytes(), info
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None
