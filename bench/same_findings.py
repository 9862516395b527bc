"""Findings before and after a change, compared: ``python bench/same_findings.py``.

    python bench/same_findings.py --save before.json     # on the old code
    python bench/same_findings.py --against before.json  # on the new: exit 1 on any change

Lints the examples, ../shared/corpus (when present) and the distinct postings that
``bench/run.py`` measures, each with the default rules and with every rule (``select:
ALL``), and records every finding (code, place, message, suggestions, fix edits) and the
metrics of the report. A speed-up must leave all of it unchanged. The date is fixed, so a
law that starts later does not turn on between two runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

TODAY = dt.date(2026, 1, 15)


def postings(generated: int) -> list[tuple[str, str, str | None]]:
    """(id, text, format or None to detect it) of every posting compared."""
    from run import CORPUS, corpus

    out: list[tuple[str, str, str | None]] = []
    for p in sorted((ROOT / "examples").glob("*/*.md")):
        out.append((str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"), None))
    if CORPUS.is_dir():
        for p in sorted(CORPUS.glob("*.txt")):
            out.append((f"corpus/{p.name}", p.read_text(encoding="utf-8"), None))
    for p in corpus(generated):
        out.append((p["id"] + p.get("suffix", ""), p["text"], p["format"]))
    return out


def snapshot(generated: int) -> dict[str, Any]:
    from jdlint.config import from_dict
    from jdlint.engine import Linter
    from jdlint.reporters.json_report import file_dict

    out: dict[str, Any] = {}
    for name, config in (("default", {}), ("all", {"select": ["ALL"]})):
        linter = Linter(from_dict(config), today=TODAY)
        for ident, text, fmt in postings(generated):
            path = ident if ident.endswith((".md", ".txt")) else ident + ".md"
            report = linter.lint_text(text, path, fmt)
            record = file_dict(report)
            record["edits"] = [
                [f.code, f.start, f.end, [[e.start, e.end, e.text] for e in f.fix or []]]
                for f in report.findings
            ]
            out[f"{name}:{ident}"] = record
    return out


def compare(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What differs; a generated posting saved before but not linted now (a smaller
    --generated) is left out."""
    problems = []
    keys = set(after) | {k for k in before if ":posting-" not in k}
    for key in sorted(keys):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if a is None or b is None:
            problems.append(f"{key}: only {'after' if a is None else 'before'}")
            continue
        for field in sorted(set(a) | set(b)):
            if a.get(field) != b.get(field):
                if field == "findings":
                    fa = {json.dumps(f, sort_keys=True) for f in a["findings"]}
                    fb = {json.dumps(f, sort_keys=True) for f in b["findings"]}
                    for f in sorted(fa - fb):
                        problems.append(f"{key}: lost {f}")
                    for f in sorted(fb - fa):
                        problems.append(f"{key}: new  {f}")
                    if fa == fb:
                        problems.append(f"{key}: findings in another order")
                else:
                    problems.append(f"{key}: {field}: {a.get(field)!r} -> {b.get(field)!r}")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path, help="write the findings here")
    ap.add_argument("--against", type=Path, help="compare with findings saved before")
    ap.add_argument("--generated", type=int, default=300, help="bench postings (default 300)")
    a = ap.parse_args()
    now = snapshot(a.generated)
    if a.save:
        a.save.write_text(json.dumps(now, sort_keys=True) + "\n", encoding="utf-8")
        print(f"saved the findings of {len(now)} lints to {a.save}")
    if a.against:
        problems = compare(json.loads(a.against.read_text(encoding="utf-8")), now)
        for line in problems[:200]:
            print(line)
        findings = sum(len(r["findings"]) for r in now.values())
        if problems:
            print(f"{len(problems)} difference(s)")
            sys.exit(1)
        print(f"identical: {len(now)} lints, {findings} findings")


if __name__ == "__main__":
    main()
