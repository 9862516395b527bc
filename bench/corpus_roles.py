"""Role profiles and missing duties jdlint finds in ../shared/corpus (when present).

    python bench/corpus_roles.py [CORPUS_DIR]

Prints, per posting, the detected profile and how it was chosen, then each missing
required duty or qualification (D101, D102). Skips cleanly without the corpus.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jdlint.config import from_dict
from jdlint.engine import Linter


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpus = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    manifest = corpus / "manifest.jsonl"
    if not manifest.is_file():
        print(f"no corpus at {corpus}; nothing to do")
        return 0
    # --titles: give each posting the title its job board shows (from the manifest), as
    # front matter would, to judge duty matching on postings whose text has no title.
    with_titles = "--titles" in sys.argv
    linter = Linter(from_dict({"select": ["D"]}))
    for line in manifest.read_text().splitlines():
        entry = json.loads(line)
        path = corpus / entry["file"]
        if with_titles:
            text = path.read_text(encoding="utf-8")
            if not text.startswith(("---", "+++")):
                text = f"---\ntitle: {json.dumps(entry['title'])}\n---\n" + text
            report = linter.lint_text(text, str(path))
        else:
            report = linter.lint_file(path)
        profile = report.profile
        print(
            f"{entry['file']:<24} {entry['category']:<30} {profile['id']} ({profile['source']})  title: {entry['title'][:60]}"
        )
        for f in report.findings:
            if f.code in ("D101", "D102"):
                print(f"    {f.code} {f.data.get('concept')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
