"""A one-posting run imports only what it uses, and the user cache (jdlint/cache.py) is
never a source of errors or of different findings.

Imports are counted in a fresh interpreter (this process has imported everything by now);
no test here measures time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jdlint import cache, hyphenation, packs, words
from jdlint.config import from_dict
from jdlint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
POSTING = ROOT / "examples" / "psychiatric-case-manager" / "good.md"
FLAWED = ROOT / "examples" / "psychiatric-case-manager" / "flawed.md"


def _modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_the_engine_imports_no_reporter_server_or_spacy() -> None:
    loaded = _modules_after("import jdlint.engine")
    for name in (
        "spacy",
        "jinja2",
        "pygls",
        "dask",
        "markdown_it",
        "textstat",
        "pyphen",
        "msgpack",
        "jdlint.reporters",
        "jdlint.reporters.html",
        "jdlint.reporters.sarif",
        "jdlint.readers.html",
        "jdlint.readers.markdown",
        "jdlint.server",
        "jdlint.batch",
        "jdlint.dask",
    ):
        assert name not in loaded, name
    # No rule kind is imported before a rule of that kind runs.
    assert not {m for m in loaded if m.startswith("jdlint.checks.")} - {"jdlint.checks.context"}


def test_importing_jdlint_imports_only_its_version() -> None:
    loaded = _modules_after("import jdlint; jdlint.__version__")
    assert {m for m in loaded if m.startswith("jdlint")} == {"jdlint"}


def test_a_markdown_posting_imports_only_its_reader_and_the_text_reporter() -> None:
    loaded = _modules_after(
        "import sys\n"
        "from jdlint.cli import main\n"
        f"sys.argv = ['jdlint', {str(POSTING)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    assert "jdlint.readers.markdown" in loaded
    assert "jdlint.reporters.text" in loaded
    for name in (
        "jdlint.readers.html",
        "jdlint.readers.htmlscan",
        "jdlint.readers.text",
        "jdlint.reporters.html",
        "jdlint.reporters.html_posting",
        "jdlint.reporters.sarif",
        "jdlint.reporters.json_report",
        "jdlint.reporters.github",
        "jdlint.reporters.gitlab",
        "jdlint.server",
        "jdlint.batch",
        "jdlint.dask",
        "jdlint.fixes",
        "pygls",
        "dask",
        "wordfreq",  # its word list is read without importing the package
        "nltk",
    ):
        assert name not in loaded, name


def test_a_selection_imports_only_the_kinds_it_runs() -> None:
    loaded = _modules_after(
        "from jdlint.config import from_dict\n"
        "from jdlint.engine import Linter\n"
        "Linter(from_dict({'select': ['S101']})).lint_text('# Case Manager\\n\\nWe help.\\n', 'a.md')\n"
    )
    kinds = {m for m in loaded if m.startswith("jdlint.checks.")} - {"jdlint.checks.context"}
    assert kinds == {"jdlint.checks.required_section"}


def test_every_kind_is_listed_under_its_module() -> None:
    from jdlint.checks import KIND_NAMES, KINDS

    modules = {p.stem for p in (ROOT / "jdlint" / "checks").glob("*.py")} - {
        "__init__",
        "context",
    }
    assert {k.replace("-", "_") for k in KIND_NAMES} == modules
    for kind in KIND_NAMES:
        assert kind == KINDS[kind].KIND
    assert "no-such-kind" not in KINDS
    with pytest.raises(KeyError):
        KINDS["no-such-kind"]


# -- the pack cache ---------------------------------------------------------------------


def _findings(path: Path, config: dict[str, Any] | None = None) -> list[tuple[str, int, str]]:
    packs.load.cache_clear()
    report = Linter(from_dict(config or {})).lint_file(path)
    assert report.error is None, report.error
    return [(f.code, f.start, f.message) for f in report.findings]


def _entries(name: str) -> list[Path]:
    folder = cache.directory()
    assert folder is not None
    return sorted(folder.glob(f"{name}-*.json"))


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("JDLINT_NO_CACHE", raising=False)
    packs.load.cache_clear()
    yield tmp_path / "xdg" / "jdlint"
    packs.load.cache_clear()


def test_packs_are_cached_under_xdg_cache_home_and_read_back_the_same(own_cache: Path) -> None:
    fresh = packs.load()
    assert [p.name for p in _entries("packs")] and _entries("packs")[0].parent == own_cache
    packs.load.cache_clear()
    cached = packs.load()
    assert cached.rules == fresh.rules
    assert cached.roles.profiles == fresh.roles.profiles
    assert cached.roles.concepts == fresh.roles.concepts
    assert cached.vocabulary.phrases == fresh.vocabulary.phrases
    assert cached.vocabulary.title_words == fresh.vocabulary.title_words
    assert cached.files == fresh.files


def test_a_cache_hit_imports_neither_yaml_nor_any_kind(own_cache: Path) -> None:
    packs.load()  # writes the entry
    loaded = _modules_after("from jdlint import packs\npacks.load()")
    assert "yaml" not in loaded
    assert not {m for m in loaded if m.startswith("jdlint.checks.")}


def test_a_corrupt_cache_entry_is_passed_over(own_cache: Path) -> None:
    expected = _findings(FLAWED)
    assert _entries("packs")
    for entry in _entries("packs"):
        entry.write_text('{"jdlint": "0.1.0", "format": 1, "key": "x", "data": {"rul')
    assert _findings(FLAWED) == expected
    for entry in _entries("packs"):
        entry.write_bytes(b"\x00\xff garbage")
    assert _findings(FLAWED) == expected
    # Valid JSON of the wrong shape, under the right key.
    for entry in _entries("packs"):
        blob = json.loads(entry.read_text()) if entry.stat().st_size > 20 else None
        if blob:
            blob["data"] = {"rules": [{"code": 1}]}
            entry.write_text(json.dumps(blob))
    assert _findings(FLAWED) == expected


def test_an_entry_of_another_version_is_not_used(own_cache: Path) -> None:
    packs.load()
    (entry,) = _entries("packs")
    blob = json.loads(entry.read_text())
    blob["jdlint"] = "0.0.1"
    blob["data"]["rules"] = []  # were it used, no rule would be left
    entry.write_text(json.dumps(blob))
    packs.load.cache_clear()
    assert len(packs.load().rules) > 50


def test_an_edited_pack_is_read_again(own_cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    rule = """rules:
  - code: S901
    name: short-paragraphs
    kind: long-block
    severity: warning
    message: "{MESSAGE}"
    description: Our house style keeps paragraphs to five words.
    options:
      max_words: 5
    examples:
      pass: ["# Title\\n\\nOne two three.\\n"]
      fail: ["# Title\\n\\nOne two three four five six seven.\\n"]
"""
    posting = tmp_path / "p.md"
    posting.write_text("# Case Manager\n\nWe coordinate home care for older adults daily.\n")
    config = {"packs": [str(pack)], "select": ["S901"]}

    pack.write_text(rule.replace("{MESSAGE}", "first wording"))
    assert [m for _, _, m in _findings(posting, config)] == ["first wording"]
    pack.write_text(rule.replace("{MESSAGE}", "second wording"))
    assert [m for _, _, m in _findings(posting, config)] == ["second wording"]


def test_a_pack_with_an_error_is_validated_on_every_run(own_cache: Path, tmp_path: Path) -> None:
    from jdlint.errors import ConfigError

    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "rules:\n  - code: H902\n    name: bad-rule\n    kind: placeholder\n"
        "    severity: warning\n    message: m\n    description: d\n"
        "    options: {no_such_option: 1}\n"
        "    examples: {pass: [a], fail: [b]}\n"
    )
    for _ in range(2):
        packs.load.cache_clear()
        with pytest.raises(ConfigError, match="no_such_option"):
            packs.load((str(pack),))
    # Nothing was stored for the pack set that failed.
    assert len(_entries("packs")) <= 1


@pytest.mark.parametrize("where", ["a file", "under a file", "relative"])
def test_an_unusable_cache_folder_is_no_error(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    value = {
        "a file": str(blocker),
        "under a file": str(blocker / "deeper"),
        "relative": "relative/cache",  # the XDG spec: ignored, the home's .cache is used
    }[where]
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    if where == "relative":
        monkeypatch.setenv("HOME", str(blocker))  # and the home is not a folder either
    expected = _findings(FLAWED, {})
    words.forget()
    out = subprocess.run(
        [sys.executable, "-m", "jdlint", "--format", "json", str(FLAWED)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "XDG_CACHE_HOME": value, "HOME": os.environ["HOME"]},
    )
    assert "Traceback" not in out.stderr
    assert out.returncode in (0, 1), out.stderr
    got = [(f["code"], f["message"]) for f in json.loads(out.stdout)["files"][0]["findings"]]
    assert got == [(code, message) for code, _, message in expected]


def test_jdlint_no_cache_writes_nothing(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JDLINT_NO_CACHE", "1")
    _findings(POSTING)
    assert not own_cache.exists()


def test_another_users_entry_is_not_trusted(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs.load()
    assert _entries("packs")
    monkeypatch.setattr(cache, "_mine", lambda uid: False)
    monkeypatch.setattr(packs, "_parse", _counting(packs._parse))
    packs.load.cache_clear()
    packs.load()
    assert packs._parse.calls == 1  # type: ignore[attr-defined]


def _counting(fn: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wrapper.calls += 1  # type: ignore[attr-defined]
        return fn(*args, **kwargs)

    wrapper.calls = 0  # type: ignore[attr-defined]
    return wrapper


# -- the word list and the hyphenation patterns --------------------------------------------


def test_the_word_index_gives_the_tables_values(own_cache: Path) -> None:
    words.forget()
    try:
        sample = ["the", "passionate", "caseload", "asthe", "zzqx", "café", "a", ""]
        from_index = [words.zipf(w) for w in sample]
        assert words._index is not None  # looked up in the file, not the table
        assert list(own_cache.glob("wordfreq-*.tsv"))
        table = words._table()
        assert from_index == [table.get(w, 0.0) for w in sample]
        for word in list(table)[::997]:
            assert words._index.get(word) == table[word], word
    finally:
        words.forget()


def test_a_truncated_word_index_is_written_again(own_cache: Path) -> None:
    words.forget()
    try:
        words.zipf("the")
        (index,) = own_cache.glob("wordfreq-*.tsv")
        index.write_bytes(index.read_bytes()[:50_000])
        words.forget()
        assert words.zipf("passionate") == words._table()["passionate"]
        assert index.stat().st_size > 50_000
    finally:
        words.forget()


def test_a_damaged_word_index_falls_back_to_the_table(own_cache: Path) -> None:
    words.forget()
    try:
        words.zipf("the")
        (index,) = own_cache.glob("wordfreq-*.tsv")
        data = index.read_bytes()
        header = data.index(b"\n") + 1
        index.write_bytes(data[:header] + data[header:].replace(b"\t", b" "))  # same length
        words.forget()
        assert words.zipf("passionate") == words._table()["passionate"]
        assert words.zipf("caseload") == words._table()["caseload"]
    finally:
        words.forget()


def test_many_look_ups_load_the_whole_table(monkeypatch: pytest.MonkeyPatch) -> None:
    words.forget()
    monkeypatch.setattr(words, "FULL_TABLE_AFTER", 3)
    try:
        values = [words.zipf(w) for w in ("care", "plan", "client", "home", "visit")]
        assert words._table.cache_info().currsize == 1
        assert values == [
            words._table().get(w, 0.0) for w in ("care", "plan", "client", "home", "visit")
        ]
    finally:
        words.forget()


def test_cached_hyphenation_patterns_are_pyphens_own(own_cache: Path) -> None:
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(hyphenation.LANG)]
    parsed = pyphen.HyphDict(path)
    for _ in range(2):  # the first stores the entry, the second reads it
        pyphen.hdcache.pop(path, None)
        dic = hyphenation.english()
        assert dic.hd.patterns == parsed.patterns
        assert dic.hd.maxlen == parsed.maxlen
        for word in ("hyphenation", "coordinate", "psychiatric", "a"):
            assert dic.positions(word) == pyphen.Pyphen(filename=path, cache=False).positions(word)
    assert list(own_cache.glob("hyphenation-*.json"))


# -- the collector -------------------------------------------------------------------------


def test_the_library_leaves_the_collector_alone() -> None:
    import gc

    loaded = _modules_after(
        "import gc\n"
        "from jdlint.config import from_dict\n"
        "from jdlint.engine import Linter\n"
        "Linter(from_dict({'select': ['S101']})).lint_text('# Case Manager\\n\\nWe help.\\n', 'a.md')\n"
        "assert gc.isenabled() and gc.get_freeze_count() == 0\n"
    )
    assert "jdlint.engine" in loaded
    assert gc.isenabled()


def test_the_command_turns_the_collector_back_on_before_linting() -> None:
    script = (
        "import gc, sys\n"
        "from jdlint import engine, startup\n"
        "seen = []\n"
        "lint = engine.Linter._lint\n"
        "def spy(self, *args):\n"
        "    seen.append((gc.isenabled(), gc.get_freeze_count() > 0))\n"
        "    return lint(self, *args)\n"
        "engine.Linter._lint = spy\n"
        f"sys.argv = ['jdlint', '--select', 'S101', {str(POSTING)!r}]\n"
        "from jdlint.__main__ import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(seen)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip().splitlines()[-1] == "[(True, True)]"
