"""Postings that cannot be linted: each gets a one-line error naming it, the run goes on."""

from __future__ import annotations

import codecs
import json
import os

import pytest

from jdlint import Linter
from jdlint.config import Config

FLAWED = """\
# Care Coordinator

## Responsibilities

- Meet clients at intake.
- Track referrals.

## Benefits

## How to apply

Send a resume.
"""
# What the good file in every run reports; it must still appear next to a bad file.
GOOD_S201 = (
    "good.md:8:4: warning S201 Section 'Benefits' is empty: add its content or remove the heading."
)

BODY = "# Care Coordinator\n\nSend a resume.\n"

# name -> (file bytes, the error message jdlint gives for it)
BAD_FILES = {
    "binary": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "binary file (contains NUL bytes), not a posting",
    ),
    "invalid-utf8": (
        b"# Care Coordinator\n\nCaf\xe9 staff wanted.\n",
        "not valid UTF-8 on line 3 (byte 0xe9 at offset 23); save the file as UTF-8",
    ),
    "empty": (b"", "file is empty"),
    "whitespace-only": (b"  \n\t\n\r\n   \n", "file is empty"),
    "nul-after-first-8k": (
        ("# Care Coordinator\n\n" + "Text. " * 2000 + "\x00\n").encode("utf-8"),
        "contains NUL characters, not a posting",
    ),
    "broken-yaml-front-matter": (
        ("---\ntitle: Care: Coordinator\n---\n" + BODY).encode("utf-8"),
        "line 2: front matter is not valid YAML: mapping values are not allowed here",
    ),
    "unclosed-front-matter": (
        ("---\ntitle: Care Coordinator\n\n" + BODY).encode("utf-8"),
        "line 1: front matter opened with '---' on line 1 is never closed",
    ),
    "list-front-matter": (
        ("---\n- title\n- salary\n---\n" + BODY).encode("utf-8"),
        "line 2: front matter must be a mapping of keys to values, not a list",
    ),
    "alias-front-matter": (
        ("---\nbase: &b Care Coordinator\ntitle: *b\n---\n" + BODY).encode("utf-8"),
        "line 3: front matter is not valid YAML: YAML aliases are not allowed",
    ),
    "deeply-nested-front-matter": (
        ("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n" + BODY).encode("utf-8"),
        "line 2: front matter is not valid YAML: YAML nested too deeply",
    ),
    "python-tag-front-matter": (
        ("---\nx: !!python/object/apply:os.system [ls]\n---\n" + BODY).encode("utf-8"),
        "line 2: front matter is not valid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    "broken-toml-front-matter": (
        ('+++\ntitle = "Care Coordinator"\nsalary = \n+++\n' + BODY).encode("utf-8"),
        "line 3: front matter is not valid TOML: Invalid value",
    ),
    "front-matter-only": (
        b"---\ntitle: Care Coordinator\n---\n\n",
        "line 3: the posting has no text after its front matter",
    ),
    "bad-utf16": (
        codecs.BOM_UTF16_LE + "# Care".encode("utf-16-le") + b"\x00",
        "not valid UTF-16-LE at byte 14",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_text_report(jdlint_cli, case):
    data, message = BAD_FILES[case]
    jdlint_cli.write("good.md", FLAWED)
    jdlint_cli.write(f"{case}.md", data)
    result = jdlint_cli.lint(f"{case}.md", "good.md")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == f"{case}.md: error: {message}"
    assert GOOD_S201 in lines  # the other file is still linted
    assert lines[-1] == (
        "Found 3 problems (0 errors, 3 warnings, 0 infos) in 2 files; 1 file could not be linted."
    )
    assert result.stderr == ""


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_json_report(jdlint_cli, case):
    data, message = BAD_FILES[case]
    jdlint_cli.write("good.md", FLAWED)
    jdlint_cli.write(f"{case}.md", data)
    result, doc = jdlint_cli.lint_json("good.md", f"{case}.md")
    assert result.exit_code == 2
    bad, good = doc["files"][1], doc["files"][0]
    assert bad == {"path": f"{case}.md", "error": message, "findings": []}
    assert [(f["code"], f["line"]) for f in good["findings"]] == [
        ("S101", 1),
        ("S103", 3),
        ("S201", 8),
    ]
    assert doc["summary"]["files"] == 2
    assert doc["summary"]["unreadable"] == 1
    assert doc["summary"]["errors"] == 1  # deprecated, the same number
    assert doc["summary"]["findings"] == 3
    # The error also reaches stderr, one line, so a CI log shows it next to the JSON.
    assert result.stderr == f"{case}.md: error: {message}\n"


def test_missing_path(jdlint_cli):
    jdlint_cli.write("good.md", FLAWED)
    result = jdlint_cli.lint("nowhere/missing.md", "good.md")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == "nowhere/missing.md: error: no such file"
    assert GOOD_S201 in result.stdout


def test_file_used_as_a_folder(jdlint_cli):
    jdlint_cli.write("good.md", FLAWED)
    result = jdlint_cli.lint("good.md/inner.md", "good.md")
    assert result.exit_code == 2
    first = result.stdout.splitlines()[0]
    assert first.startswith("good.md/inner.md: error: cannot read: ")
    assert GOOD_S201 in result.stdout


def test_a_folder_is_not_a_posting_for_the_api(tmp_path):
    (tmp_path / "postings.md").mkdir()
    report = Linter(Config()).lint_file(tmp_path / "postings.md")
    assert report.error == "is a directory"
    assert report.findings == []
    assert report.score is None


def test_unreadable_folder_is_reported_and_the_run_goes_on(jdlint_cli, monkeypatch):
    import jdlint.commands.paths

    jdlint_cli.write("jobs/locked/x.md", FLAWED)
    jdlint_cli.write("good.md", FLAWED)
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        # As os.walk does for a folder it may not list (permissions cannot be tested as root).
        for root, dirs, files in real_walk(top, onerror=onerror, **kwargs):
            if root.endswith("locked"):
                continue
            if "locked" in dirs:
                err = PermissionError(13, "Permission denied", os.path.join(root, "locked"))
                onerror(err)
                dirs.remove("locked")
            yield root, dirs, files

    monkeypatch.setattr(jdlint.commands.paths.os, "walk", walk)
    result = jdlint_cli.lint("jobs", "good.md")
    assert result.exit_code == 2
    assert "jobs/locked: error: cannot read folder: Permission denied" in result.stdout.splitlines()
    assert GOOD_S201 in result.stdout


def test_file_over_max_file_size(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "max-file-size: 200\n")
    jdlint_cli.write("good.md", FLAWED)  # 126 bytes
    big = "# Care Coordinator\n\n" + "Meet clients at intake. " * 20 + "\n"
    jdlint_cli.write("big.md", big)
    result = jdlint_cli.lint("big.md", "good.md")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        f"big.md: error: file is {len(big):,} bytes, over the 200-byte limit "
        "(max-file-size in config)"
    )
    assert GOOD_S201 in result.stdout


def test_stdin_over_max_file_size(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "max-file-size: 50\n")
    result = jdlint_cli.lint("-", input=FLAWED)
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        "-: error: standard input is over the 50-byte limit (max-file-size in config)"
    )


def test_binary_on_stdin(jdlint_cli):
    jdlint_cli.write("good.md", FLAWED)
    _, doc = jdlint_cli.lint_json("-", "good.md", input=b"\x00\x01\x02binary")
    assert doc["files"][0] == {
        "path": "-",
        "error": "binary file (contains NUL bytes), not a posting",
        "findings": [],
    }
    assert len(doc["files"][1]["findings"]) == 3


def test_several_bad_files_in_one_run(jdlint_cli):
    jdlint_cli.write("good.md", FLAWED)
    for case in ("binary", "empty", "list-front-matter"):
        jdlint_cli.write(f"{case}.md", BAD_FILES[case][0])
    result = jdlint_cli.lint("binary.md", "good.md", "empty.md", "list-front-matter.md")
    assert result.exit_code == 2
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert [e.split(":")[0] for e in errors] == ["binary.md", "empty.md", "list-front-matter.md"]
    assert result.stdout.splitlines()[-1].endswith("in 4 files; 3 files could not be linted.")


# -- encodings that must lint fine --------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
def test_byte_order_marks_lint_like_plain_utf8(jdlint_cli, encoding, bom):
    jdlint_cli.write("plain.md", FLAWED)
    jdlint_cli.write("bom.md", bom + FLAWED.encode(encoding))
    result, doc = jdlint_cli.lint_json("plain.md", "bom.md")
    assert result.exit_code == 1
    plain, with_bom = doc["files"]
    assert "error" not in with_bom
    # The mark is not a character of the posting: lines and columns do not move.
    assert with_bom["findings"] == plain["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in with_bom["findings"]] == [
        ("S101", 1, 3),
        ("S103", 3, 4),
        ("S201", 8, 4),
    ]


def test_bom_before_front_matter(jdlint_cli):
    text = "---\ntitle: Care Coordinator\n---\n" + FLAWED
    jdlint_cli.write("fm.md", codecs.BOM_UTF8 + text.encode("utf-8"))
    _, doc = jdlint_cli.lint_json("fm.md")
    assert [(f["code"], f["line"]) for f in doc["files"][0]["findings"]] == [
        ("S101", 4),
        ("S103", 6),
        ("S201", 11),
    ]


def test_crlf_line_endings_keep_line_numbers(jdlint_cli):
    jdlint_cli.write("crlf.md", FLAWED.replace("\n", "\r\n").encode("utf-8"))
    result = jdlint_cli.lint("-q", "crlf.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2] == GOOD_S201.replace("good.md", "crlf.md")


def test_front_matter_with_a_wrong_type_is_a_finding_not_an_error(jdlint_cli):
    text = "---\ntitle: Care Coordinator\nsalary:\n  - 48000\n  - 55000\n---\n" + FLAWED
    jdlint_cli.write("typed.md", text)
    result = jdlint_cli.lint("typed.md")
    assert result.exit_code == 1  # S001 is an error
    assert result.stdout.splitlines()[0] == (
        "typed.md:3:1: error S001 front matter 'salary' must be a string or a number or a mapping, "
        "not a list"
    )


def test_no_traceback_for_any_bad_file_in_one_run_via_json(jdlint_cli):
    for case, (data, _) in BAD_FILES.items():
        jdlint_cli.write(f"bad/{case}.md", data)
    result = jdlint_cli.lint("--format", "json", "bad")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert {f["path"]: f["error"] for f in doc["files"]} == {
        os.path.join("bad", f"{case}.md"): message for case, (_, message) in BAD_FILES.items()
    }
