"""The JSON report follows its published schema, for clean, flawed and unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from jdlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "jdlint" / "schemas" / "report.schema.json").read_text())


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_report_on_examples_and_a_broken_file_validates(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe\x00\x00binary")
    result = CliRunner().invoke(main, ["--format", "json", str(ROOT / "examples"), str(broken)])
    assert result.exit_code == 2, result.output
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert doc["summary"]["files"] == 17
    errors = [f for f in doc["files"] if "error" in f]
    assert [Path(f["path"]).name for f in errors] == ["broken.md"]
    flawed = next(f for f in doc["files"] if f["path"].endswith("rn-case-manager/flawed.md"))
    assert {x["code"] for x in flawed["findings"]} >= {"S202", "K202"}
    assert flawed["metrics"]["words"] > 100 and flawed["metrics"]["sentences"] > 5
    total = sum(len(f["findings"]) for f in doc["files"])
    assert doc["summary"]["findings"] == total == sum(doc["summary"]["by_severity"].values())


def test_schema_rejects_a_report_that_breaks_the_contract() -> None:
    bad = {
        "schema_version": 1,
        "tool": {"name": "jdlint", "version": "0.1.0"},
        "summary": {
            "files": 1,
            "findings": 1,
            "by_severity": {"error": 0, "warning": 1, "info": 0},
        },
        "files": [
            {
                "path": "a.md",
                "profile": {"id": "general", "source": "default"},
                "score": 90,
                "metrics": {"words": 1, "sentences": 1},
                "findings": [
                    {
                        "code": "X1",
                        "name": "n",
                        "category": "structure",
                        "severity": "warning",
                        "message": "m",
                        "line": 0,
                        "column": 1,
                        "end_line": 1,
                        "end_column": 1,
                        "suggestions": [],
                        "fixable": False,
                    }
                ],
            }
        ],
    }
    try:
        jsonschema.validate(bad, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an invalid code and line 0 were accepted")
