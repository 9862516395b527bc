"""The lemma table jdlint ships: the English table of spaCy's lookup lemmatizer, unchanged,
and lemmas exactly as that lemmatizer gave them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jdlint import lemmas

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# jdlint/data/NOTICE: the table converted from spacy-lookups-data 1.0.5.
SHA256 = "78406db3aa8350a52aee2cd88b534fe04b6e07e6ac9b97536bc911748a0220cd"


def test_the_table_is_the_one_the_notice_names_and_sorted():
    data = lemmas.TABLE_FILE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256
    forms = [line.split("\t")[0] for line in data.decode("utf-8").splitlines()]
    assert forms == sorted(forms) and len(set(forms)) == len(forms) == 41_582
    assert (lemmas.TABLE_FILE.parent / "NOTICE").is_file()


def test_lookups_and_lemmas():
    assert lemmas.raw("addicts") == "addict"
    assert lemmas.raw("chairmen") == "chairman"
    assert lemmas.raw("xyzzy") == "xyzzy"
    assert lemmas.lookup("xyzzy") is None
    # Case-sensitive table: a capitalised word is looked up in lower case too.
    assert lemmas.lemma("Evaluates") == "evaluate"
    assert lemmas.lemma("Chairmen") == "chairman"
    assert lemmas.TABLE.get("chairmen") == "chairman"
    assert lemmas.TABLE.get("xyzzy", "d") == "d"
    assert "chairman" in lemmas.all_lemmas()


def test_same_lemmas_as_spacys_lookup_lemmatizer_reading_the_table():
    # spaCy's own lookup lemmatizer, given the shipped table (which the checksum above ties
    # to spacy-lookups-data), lemmatises every token as jdlint's lookups do.
    import spacy
    from spacy.lookups import Lookups

    from jdlint.nlp import Analysis

    lines = lemmas.TABLE_FILE.read_text(encoding="utf-8").splitlines()
    lookups = Lookups()
    lookups.add_table("lemma_lookup", dict(line.split("\t") for line in lines))
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.get_pipe("lemmatizer").initialize(lookups=lookups)
    table = lookups.get_table("lemma_lookup")
    old = Analysis([], trained=False, lemma_table=table)
    new = Analysis([], trained=False, lemma_table=lemmas.TABLE)
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*/*.md")))
    doc = nlp(text + " Evaluates EVALUATES Chairmen women's Addicts")
    assert len(doc) > 5000
    for tok in doc:
        assert new.lemma(tok) == old.lemma(tok), tok.text
        assert new.raw_lemma(tok) == tok.lemma_, tok.text
