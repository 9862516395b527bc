"""Which sections jdlint finds in the real postings of ../shared/corpus (when present).

    python bench/corpus_sections.py [CORPUS_DIR]

Prints, per posting, its format, title and the canonical sections detected, then how many
case-manager postings had each required section. Skips cleanly without the corpus.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from jdlint.config import from_dict
from jdlint.engine import Linter

REQUIRED = ("overview", "responsibilities", "qualifications", "benefits")


def main() -> int:
    corpus = Path(
        sys.argv[1]
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    )
    manifest = corpus / "manifest.jsonl"
    if not manifest.is_file():
        print(f"no corpus at {corpus}; nothing to do")
        return 0
    entries = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
    linter = Linter(from_dict({}))
    counts: Counter[str] = Counter()
    case_managers = 0
    for entry in entries:
        report = linter.lint_file(corpus / entry["file"])
        if report.error or report.posting is None:
            print(f"{entry['file']}: ERROR {report.error}")
            continue
        keys = [s.key + ("*" if s.implicit else "") for s in report.posting.sections if s.key]
        codes = sorted({f.code for f in report.findings})
        print(
            f"{entry['file']:<26} {report.posting.format:<8} {entry['category']:<14} {','.join(dict.fromkeys(keys))}  {' '.join(codes)}"
        )
        if entry["category"] == "case_manager":
            case_managers += 1
            found = {s.key for s in report.posting.sections}
            counts.update(k for k in REQUIRED if k in found)
    print(f"\ncase-manager postings: {case_managers}")
    for key in REQUIRED:
        print(f"  {key:<18} detected in {counts[key]:>2} of {case_managers}")
    print("(* = overview taken from the opening paragraphs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
