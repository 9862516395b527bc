"""English lemmas by lookup: the table spaCy's lookup lemmatizer reads, shipped with jdlint.

The table is ``en_lemma_lookup`` from spacy-lookups-data 1.0.5 (MIT, Explosion; derived
from WordNet 3.0, Princeton University), converted losslessly to sorted ``form<TAB>lemma``
lines in ``jdlint/data/en_lemma_lookup.tsv`` (``jdlint/data/NOTICE`` names the source,
its checksum and both licences). English needs this one table; spacy-lookups-data holds
every language's (99 MB installed), so jdlint ships the 0.7 MB it uses instead of
depending on the package.

spaCy's lemmatizer component looks up every token of every doc in Python; jdlint looks a
word up only when a rule asks for its lemma, once per distinct word (a bounded memo shared
by every posting of the process), and loads the table on the first lookup (about a tenth
of the time spaCy takes to load it: two sorted lists searched by bisection, no dict).
``lemma(text)`` gives exactly what ``token.lemma_`` was under the lookup lemmatizer
(``table.get(text, text)``), so findings do not change.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from pathlib import Path

TABLE_FILE = Path(__file__).with_name("data") / "en_lemma_lookup.tsv"

_lock = threading.Lock()
_forms: list[str] | None = None
_lemmas: list[str] = []
_memo: dict[str, str] = {}
_lower_memo: dict[str, str] = {}
# Distinct words remembered; a stream of postings in many languages cannot grow it further.
MEMO_SIZE = 200_000


def _load() -> list[str]:
    global _forms, _lemmas
    with _lock:
        if _forms is None:
            data = TABLE_FILE.read_text(encoding="utf-8")
            # "form\tlemma\n" lines: one split gives form, lemma, form, lemma, ..., "".
            flat = data.replace("\n", "\t").split("\t")
            _lemmas = flat[1::2]
            _forms = flat[0:-1:2]
        return _forms


def lookup(text: str) -> str | None:
    """The table's lemma for ``text`` (case-sensitive), None when it has none."""
    forms = _forms if _forms is not None else _load()
    i = bisect_left(forms, text)
    if i < len(forms) and forms[i] == text:
        return _lemmas[i]
    return None


def raw(text: str) -> str:
    """What the lookup lemmatizer sets as ``token.lemma_``: the table's lemma, else the
    text itself."""
    try:
        return _memo[text]
    except KeyError:
        pass
    found = lookup(text)
    value = text if found is None else found
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    _memo[text] = value
    return value


def lemma(text: str) -> str:
    """Lower-case lemma of a token's text, as jdlint's rules compare it. The table is
    case-sensitive, so "Evaluates" at the start of a bullet is looked up as "evaluates"."""
    try:
        return _lower_memo[text]
    except KeyError:
        pass
    found = raw(text) or text
    if found == text and text != text.lower():
        low = text.lower()
        value = raw(low).lower()
    else:
        value = found.lower()
    if len(_lower_memo) >= MEMO_SIZE:
        _lower_memo.clear()
    _lower_memo[text] = value
    return value


def lemmas_of(texts: list[str]) -> list[str]:
    """``lemma`` of each text (a whole doc's tokens at once)."""
    found = list(map(_lower_memo.get, texts))  # known words at C speed
    if None in found:
        found = [f if f is not None else lemma(t) for f, t in zip(found, texts, strict=True)]
    return found  # type: ignore[return-value]


def all_lemmas() -> frozenset[str]:
    """Every lemma the table gives (the words it knows as base forms)."""
    _load()
    return frozenset(_lemmas)


class Table:
    """The table as spaCy's lookup ``Table`` is read: ``get(form, default)``."""

    def get(self, text: str, default: str | None = None) -> str | None:
        if default == text:
            return raw(text)
        found = lookup(text)
        return default if found is None else found


TABLE = Table()
