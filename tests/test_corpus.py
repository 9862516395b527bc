"""Real postings from ../shared/corpus (present in the project's CI, absent for users):
every file is read and reported without an error, and headings a reader sees are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdlint.config import from_dict
from jdlint.engine import Linter

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not present")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(from_dict({"select": ["ALL"]}))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_is_read_and_reported(linter: Linter, path: Path) -> None:
    report = linter.lint_file(path)
    assert report.error is None, report.error
    posting = report.posting
    assert posting is not None and posting.words > 20
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(posting.text)


def test_corpus_formats_are_detected(linter: Linter) -> None:
    formats = {p.name: linter.lint_file(p).posting.format for p in FILES}  # type: ignore[union-attr]
    assert all(formats[n] == "html" for n in formats if n.startswith("nhs-jobs_"))
    assert all(formats[n] == "markdown" for n in formats if n.startswith("remotewlb_"))
    assert all(
        formats[n] == "text" for n in formats if n.startswith(("reprojobs_", "cedars-sinai_"))
    )
