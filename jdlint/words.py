"""How common an English word is: the Zipf frequency from wordfreq's large English list.

wordfreq ships its word lists inside the package (nothing is downloaded). Importing the
package pulls in its tokenizers (ftfy, langcodes; about 0.3 s), which jdlint does not need:
the list is read straight from the package's data file, in wordfreq's documented "cBpack"
format (a gzipped msgpack list: a header, then one list of words per centibel of
frequency), once per process and only when a rule asks. If the file is not in that form,
wordfreq's own reader is used.

Building the table of 320,000 words costs about a fifth of a second, for the few hundred
words one posting asks about. So the table is also written once to the user cache
(``jdlint/cache.py``) as a sorted text file, one ``word<TAB>zipf`` line each, and a
process looks words up there by binary search (memory-mapped: only the pages it touches
are read). A process that keeps asking (a batch, the language server) loads the whole
table once its look-ups would have cost as much. Either way a word gets the same value.
"""

from __future__ import annotations

import gzip
import mmap
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

# Look-ups in the file after which loading the whole table is cheaper (each is a binary
# search in Python, about a ten-thousandth of the table's load).
FULL_TABLE_AFTER = 5_000
# Words remembered with their value; a stream of new words cannot grow it without bound.
MEMO_SIZE = 100_000

_INDEX_NAME = "wordfreq"
_INDEX_MAGIC = b"jdlint-wordfreq 1 "

_lock = threading.Lock()
_memo: dict[str, float] = {}
_index: _Index | None = None
_index_tried = False
_lookups = 0


def _data_file() -> Path | None:
    """wordfreq's large English list, found on the import path without importing it."""
    for base in sys.path:
        path = Path(base) / "wordfreq" / "data" / "large_en.msgpack.gz"
        if base and path.is_file():  # "" is the current folder: never read data from there
            return path
    return None


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    table: dict[str, float] = {}
    path = _data_file()
    if path is not None:
        try:
            import msgpack

            with gzip.open(path, "rb") as fh:
                data = msgpack.load(fh, raw=False)
            header, bins = data[0], data[1:]
            ok = header.get("format") == "cB" and header.get("version") == 1
        except Exception:  # an unexpected layout: fall back to wordfreq's reader
            ok = False
        if ok:
            for centibels, bucket in enumerate(bins):
                table.update(dict.fromkeys(bucket, 9 - centibels / 100))
            return table
    from math import log10

    from wordfreq import get_frequency_dict

    return {w: 9 + log10(f) for w, f in get_frequency_dict("en", "large").items() if f > 0}


class _Index:
    """The table as a sorted file: a header line, then ``word<TAB>zipf`` lines in the
    order of the words' UTF-8 bytes."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        m = self._map
        first = m.find(b"\n")
        if m[: len(_INDEX_MAGIC)] != _INDEX_MAGIC or first < 0:
            raise ValueError("not a word index")
        # The header holds the file's own length: a truncated file is refused.
        if int(m[len(_INDEX_MAGIC) : first]) != len(m) or m[len(m) - 1 :] != b"\n":
            raise ValueError("truncated word index")
        self._start = first + 1

    def get(self, word: str) -> float:
        target = word.encode("utf-8", "surrogatepass")
        m = self._map
        lo, hi = self._start, len(m)  # the word, if listed, is on a line starting in [lo, hi)
        while lo < hi:
            mid = (lo + hi) // 2
            newline = m.rfind(b"\n", lo, mid)
            start = lo if newline < 0 else newline + 1  # the start of the line holding mid
            end = m.find(b"\n", start)
            tab = m.find(b"\t", start, end)
            if tab < 0:
                raise ValueError("a line of the word index without a tab")
            key = m[start:tab]
            if key == target:
                return float(m[tab + 1 : end])
            if key < target:
                lo = end + 1
            else:
                hi = start
        return 0.0

    @staticmethod
    def write(table: dict[str, float], fh: BinaryIO) -> None:
        lines = sorted(
            w.encode("utf-8", "surrogatepass") + b"\t" + repr(z).encode() + b"\n"
            for w, z in table.items()
        )
        body = b"".join(lines)
        size = len(_INDEX_MAGIC) + len(body) + 1
        # The header counts its own digits: settle the length once the digits are known.
        while len(_INDEX_MAGIC) + len(str(size)) + 1 + len(body) != size:
            size = len(_INDEX_MAGIC) + len(str(size)) + 1 + len(body)
        fh.write(_INDEX_MAGIC + str(size).encode() + b"\n")
        fh.write(body)


def _open_index() -> _Index | None:
    """The sorted file of the table, from the user cache; written there when missing.
    None when there is no cache or the table cannot be written as one."""
    from . import cache

    path = _data_file()
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    digest = cache.key(
        _INDEX_NAME, _INDEX_MAGIC, str(path), str(st.st_size), str(st.st_mtime_ns), code=False
    )
    found = cache.find_file(_INDEX_NAME, digest, ".tsv")
    if found is not None:
        try:
            return _Index(found)
        except (OSError, ValueError):
            pass  # corrupt or truncated: written again below
    table = _table()
    # A word holding a tab or a line break could not be found in the file: keep the table.
    if any("\t" in w or "\n" in w for w in table):
        return None
    written = cache.write_file(_INDEX_NAME, digest, lambda fh: _Index.write(table, fh), ".tsv")
    if written is None:
        return None
    try:
        return _Index(written)
    except (OSError, ValueError):
        return None


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word: 7 for "the", 3 for a word met once in a
    million words, 0 for a word not in the list."""
    value = _memo.get(word)
    if value is not None:
        return value
    global _index, _index_tried, _lookups
    if _table.cache_info().currsize:
        return _table().get(word, 0.0)
    if not _index_tried:
        with _lock:
            if not _index_tried:
                _index = _open_index()
                _index_tried = True
    _lookups += 1
    if _index is None or _lookups > FULL_TABLE_AFTER:
        return _table().get(word, 0.0)
    try:
        value = _index.get(word)
    except ValueError:  # a line that is not "word<TAB>number": the file was damaged
        _index = None
        return _table().get(word, 0.0)
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    _memo[word] = value
    return value


def forget() -> None:
    """Drop everything loaded (tests: the next look-up reads the data again)."""
    global _index, _index_tried, _lookups
    with _lock:
        _table.cache_clear()
        _memo.clear()
        _index, _index_tried, _lookups = None, False, 0
