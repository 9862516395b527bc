"""The spaCy layer: one pipeline per process, loaded lazily, never downloaded.

Without a trained model jdlint uses blank English with a rule-based sentencizer, and
lemmas from the lookup table jdlint ships (``jdlint/lemmas.py``: the table of spaCy's
lookup lemmatizer, looked up only for the words a rule asks about), which works offline on
any machine. A trained pipeline (``nlp.model: en_core_web_sm``) adds tags, lemmas and
parses for the checks that gain from them; it must already be installed.
"""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from . import lemmas
from .errors import ConfigError, InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .posting import Posting

_lock = threading.Lock()
_pipelines: dict[str, Language] = {}

BLANK = "blank"
# Marks jdlint's blank pipeline, whose lemmas come from ``lemmas.TABLE``.
_LOOKUP_LEMMAS = "jdlint_lookup_lemmas"


def get_nlp(model: str | None = None) -> Language:
    """The pipeline for ``model`` (None or "blank" for the offline default), built once."""
    name = model or BLANK
    with _lock:
        if name not in _pipelines:
            _pipelines[name] = _build(name)
        return _pipelines[name]


def _build(name: str) -> Language:
    import spacy

    if name == BLANK:
        _register_components()
        nlp = _english().from_config({})
        nlp.add_pipe("jdlint_figure_ends")
        nlp.add_pipe("sentencizer")
        nlp.meta[_LOOKUP_LEMMAS] = True
        # No lemmatizer component: it would look up every token of every block in Python;
        # ``Analysis.lemma`` looks up the words rules ask about, from the same table.
        return nlp
    if _is_path(name):
        where: Any = name
    else:
        where = _package_data(name)
    try:
        nlp = spacy.load(where)
    except Exception as e:  # a pipeline that does not load is a config problem, never a crash
        raise ConfigError(f"cannot load spaCy pipeline '{name}': {type(e).__name__}: {e}") from None
    if (
        not nlp.has_pipe("parser")
        and not nlp.has_pipe("senter")
        and not nlp.has_pipe("sentencizer")
    ):
        nlp.add_pipe("sentencizer")
    return nlp


# A token with a digit that ends in a full stop: no token holds whitespace, so the text
# then has a digit and, later in the same run of non-space characters, a full stop.
_FIGURE_END = re.compile(r"\d[^\s.]*\.")
# ``analyse`` tests the block's text itself and says so in ``Doc.user_data`` (building
# ``Doc.text`` again from the tokens costs more than the test).
_FIGURES = "jdlint.figure_ends"


def _figure_ends(doc: Doc) -> Doc:
    """ "... dental and 401K. We also offer ...": the tokenizer keeps "401K." whole, so the
    sentencizer never sees its full stop. A figure that ends in one ends the sentence
    when a capitalised word follows."""
    figures = doc.user_data.get(_FIGURES)
    if figures is None:  # a doc not made by ``analyse``
        figures = _FIGURE_END.search(doc.text) is not None
    if not figures:
        return doc  # most blocks: no token to look at
    for tok, nxt in itertools.pairwise(doc):
        text = tok.text
        if (
            len(text) > 1
            and text.endswith(".")
            and any(c.isdigit() for c in text)
            and nxt.text[:1].isupper()
            and nxt.text[1:2].islower()
        ):
            nxt.is_sent_start = True
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("jdlint_figure_ends"):
        Language.component("jdlint_figure_ends", func=_figure_ends)


def _english() -> type[Language]:
    """spaCy's English with one more suffix rule: "Case Manager- Band 6": a dash glued to
    the end of a word is punctuation, so the word is "Manager" for every rule that matches
    words. Given as the language's defaults, so the tokenizer is built once with it
    (setting ``suffix_search`` on a built tokenizer reloads its 2,700 special cases: a
    fifth of a second at every start)."""
    from spacy.lang.en import English

    class Defaults(English.Defaults):  # type: ignore[name-defined,misc]
        suffixes: ClassVar[list[str]] = [*English.Defaults.suffixes, r"(?<=[^\W\d_])[-–]+$"]

    class JdlintEnglish(English):
        pass

    JdlintEnglish.Defaults = Defaults
    return JdlintEnglish


def _package_data(name: str) -> Any:
    """The data folder of an installed spaCy pipeline package, found without importing it.

    ``spacy.load("name")`` imports the module ``name`` (running its code, whatever
    package it is) and calls its ``load()``; a config names a pipeline, so jdlint only
    accepts a package whose folder holds a spaCy ``meta.json`` and loads the pipeline's
    data folder, the one the package's ``load()`` would load.
    """
    import json
    import sys
    from pathlib import Path

    import spacy

    from . import files

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) or not spacy.util.is_package(name):
        raise ConfigError(
            f"spaCy pipeline '{name}' is not installed; install it (pip install {name}) "
            "or remove nlp.model from the config to use the built-in blank pipeline"
        )
    for entry in sys.path:
        meta_file = Path(entry or ".") / name / "meta.json"
        try:
            meta = json.loads(files.read_regular(meta_file, files.MAX_DATA_FILE))
        except (files.NotReadable, ValueError, RecursionError):
            continue
        if not (
            isinstance(meta, dict)
            and all(isinstance(meta.get(k), str) for k in ("lang", "name", "version"))
            and isinstance(meta.get("pipeline"), list)
        ):
            continue
        data = meta_file.parent / f"{meta['lang']}_{meta['name']}-{meta['version']}"
        if files.is_file(data / "config.cfg"):
            return data
    raise ConfigError(
        f"'{name}' is not a spaCy pipeline package (no meta.json with a pipeline and its "
        "data folder); nlp.model names a trained pipeline such as en_core_web_sm, or a "
        "folder that holds one"
    )


def _is_path(name: str) -> bool:
    from . import files

    return files.is_dir(name)


@dataclass
class Tokens:
    """A doc's tokens as plain lists (text, character offset, lower text, lower-case
    lemma), for checks that walk every token: one Token object per token once, not once
    per check."""

    texts: list[str]
    idxs: list[int]
    lows: list[str]
    lemmas: list[str]
    # Punctuation or white space (``Token.is_punct or Token.is_space``), by token.
    skip: list[bool]


# Whether a token text is punctuation or space: lexical (the same for every token with
# that text), so worked out once per distinct text in the process, bounded.
_SKIPPED: dict[str, bool] = {}


def _skipped(doc: Doc, texts: list[str]) -> list[bool]:
    flags = list(map(_SKIPPED.get, texts))  # known texts at C speed; the rest below
    if None in flags:
        for i, text in enumerate(texts):
            if flags[i] is None:
                lex = doc.vocab[text]
                flags[i] = flag = bool(lex.is_punct or lex.is_space)
                if len(_SKIPPED) >= lemmas.MEMO_SIZE:
                    _SKIPPED.clear()
                _SKIPPED[text] = flag
    return flags  # type: ignore[return-value]


@dataclass
class Analysis:
    """spaCy docs for a posting, one per block (so no sentence crosses a bullet or heading)."""

    docs: list[Doc]
    trained: bool
    lemma_table: Any = None
    # What checks derive from the docs (token streams, word forms, sentence lists), built
    # once per posting and shared by every rule: ``memo(key, build)``.
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: Any, build: Any) -> Any:
        """``build()`` on first use of ``key``, then the same value for this posting."""
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = build()
            return value

    def sents(self, block_index: int) -> list[Any]:
        """The sentences of a block's doc, as a list built once."""
        return self.memo(("sents", block_index), lambda: list(self.docs[block_index].sents))

    def doc(self, block_index: int) -> Doc:
        return self.docs[block_index]

    def tokens(self, block_index: int) -> Tokens:
        """The block's ``Tokens``, built once per posting."""
        return self.memo(("tokens", block_index), lambda: self._read(self.docs[block_index]))

    def tokens_of(self, doc: Doc) -> Tokens:
        """``Tokens`` of a doc: one of this posting's (built once), or another (read each
        time: a doc that does not outlive the posting could hand its id to the next)."""
        blocks = self.memo(("tokens.blocks",), lambda: {id(d): i for i, d in enumerate(self.docs)})
        i = blocks.get(id(doc))
        return self._read(doc) if i is None else self.tokens(i)

    def _read(self, doc: Doc) -> Tokens:
        toks = list(doc)  # (each Token object made once, not once per attribute)
        texts = [t.text for t in toks]
        idxs = [t.idx for t in toks]
        if self.lemma_table is lemmas.TABLE:
            lems = lemmas.lemmas_of(texts)
        else:
            lems = [self.lemma(t) for t in doc]
        # spaCy's lower-case form (``Token.lower_``) is ``str.lower`` of the text.
        lows = list(map(str.lower, texts))
        return Tokens(texts, idxs, lows, lems, _skipped(doc, texts))

    def lemma(self, token: Any) -> str:
        """Lower-case lemma. The lookup table is case-sensitive, so "Evaluates" at the start
        of a bullet is looked up as "evaluates"."""
        if self.lemma_table is lemmas.TABLE:
            return lemmas.lemma(token.text)
        lemma = token.lemma_ or token.text
        if self.lemma_table is not None and lemma == token.text and token.text != token.lower_:
            return str(self.lemma_table.get(token.lower_, token.lower_)).lower()
        return lemma.lower()

    def raw_lemma(self, token: Any) -> str:
        """The lemma as the pipeline gives it (``token.lemma_``; the lookup table's for the
        blank pipeline), case kept."""
        if self.lemma_table is lemmas.TABLE:
            return lemmas.raw(token.text)
        return str(token.lemma_)


def analyse(posting: Posting, factory: Any = None) -> Analysis:
    nlp = factory() if callable(factory) else get_nlp(None)
    trained = nlp.has_pipe("parser") or nlp.has_pipe("tagger")
    longest = max((len(b.text) for b in posting.blocks), default=0)
    if longest >= nlp.max_length:
        if trained:
            # A parser needs about 1 GB of memory per 100,000 characters: spaCy's limit holds.
            raise InputError(
                f"a paragraph of {longest:,} characters is over the trained pipeline's "
                f"limit of {nlp.max_length:,} (split it, or use the blank pipeline)"
            )
        # The blank pipeline (sentencizer and lookup lemmas) is linear in the text, and the
        # posting is already under max-file-size.
        nlp.max_length = longest + 1
    made = []
    for b in posting.blocks:
        doc = nlp.make_doc(b.text)
        doc.user_data[_FIGURES] = _FIGURE_END.search(b.text) is not None
        made.append(doc)
    docs = list(nlp.pipe(made))
    return Analysis(docs, trained=trained, lemma_table=None if trained else _lookup_table(nlp))


def _lookup_table(nlp: Language) -> Any:
    """The lemma lookup table: jdlint's own for its blank pipeline, else that of the
    pipeline's lookup lemmatizer, if it has one."""
    if nlp.meta.get(_LOOKUP_LEMMAS):
        return lemmas.TABLE
    try:
        return nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    except (KeyError, AttributeError):
        return None
