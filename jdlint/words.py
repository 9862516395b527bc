"""How common an English word is: the Zipf frequency from wordfreq's large English list.

wordfreq ships its word lists inside the package (nothing is downloaded). Importing the
package pulls in its tokenizers (ftfy, langcodes; about 0.3 s), which jdlint does not need:
the list is read straight from the package's data file, in wordfreq's documented "cBpack"
format (a gzipped msgpack list: a header, then one list of words per centibel of
frequency), once per process and only when a rule asks. If the file is not in that form,
wordfreq's own reader is used.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    table: dict[str, float] = {}
    # The installed package's folder, found on the import path without importing it.
    for base in sys.path:
        path = Path(base) / "wordfreq" / "data" / "large_en.msgpack.gz"
        if not base or not path.is_file():
            continue  # "" is the current folder: never read data from where jdlint runs
        try:
            import msgpack

            with gzip.open(path, "rb") as fh:
                data = msgpack.load(fh, raw=False)
            header, bins = data[0], data[1:]
            if header.get("format") != "cB" or header.get("version") != 1:
                break
        except Exception:  # an unexpected layout: fall back to wordfreq's reader
            break
        for centibels, bucket in enumerate(bins):
            table.update(dict.fromkeys(bucket, 9 - centibels / 100))
        return table
    from math import log10

    from wordfreq import get_frequency_dict

    return {w: 9 + log10(f) for w, f in get_frequency_dict("en", "large").items() if f > 0}


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word: 7 for "the", 3 for a word met once in a
    million words, 0 for a word not in the list."""
    return _table().get(word, 0.0)
