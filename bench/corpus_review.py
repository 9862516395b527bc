"""jdlint's warnings and errors on ../shared/corpus against the reviewer's verdicts.

    python bench/corpus_review.py [--corpus DIR] [--strict]

Runs jdlint (the command line, default settings, JSON) over the real postings listed in
the corpus manifest and compares what it reports with ``review.tsv`` (one verdict per
finding of jdlint 0.1.0: agree, agree-scrape, disagree, unsure) and with
``bench/corpus_verdicts.tsv`` (this project's own reading of findings the review never
saw, which later finding replaces an agreed one, and findings re-read because their
message changed since the review). It prints:

- agreed findings no longer reported, with their declared replacement or LOST;
- disagree and unsure findings still reported;
- findings review.tsv does not judge, with our verdict or UNREAD;
- findings re-read after a message change, with the review's verdict and ours;
- the agreed share of the warnings and errors reported now, where an unread finding
  counts as not agreed.

``--strict`` exits 1 when an agreed finding is lost without a replacement or a finding is
unread. Skips cleanly (exit 0) when the corpus is absent: users of jdlint do not have it.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
OURS = Path(__file__).with_name("corpus_verdicts.tsv")
AGREED = {"agree", "agree-scrape"}
Key = tuple[str, int, int, str]


@dataclass
class Verdict:
    verdict: str
    reason: str
    replaces: tuple[Key, ...] = ()


def _key(text: str) -> Key:
    """'file.txt:LINE:COL:CODE' as a key."""
    file, line, col, code = text.rsplit(":", 3)
    return file, int(line), int(col), code


def load_verdicts(path: Path) -> dict[Key, Verdict]:
    out: dict[Key, Verdict] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            key = (row["file"], int(row["line"]), int(row["column"]), row["code"])
            replaces = tuple(_key(k) for k in (row.get("replaces") or "").split(",") if k)
            out[key] = Verdict(row["verdict"], row["reason"], replaces)
    return out


def lint(corpus: Path) -> dict[Key, list[dict]]:
    manifest = corpus / "manifest.jsonl"
    files = [json.loads(line)["file"] for line in manifest.read_text().splitlines() if line]
    proc = subprocess.run(
        [sys.executable, "-m", "jdlint", "--format", "json", "--fail-on", "error", *files],
        cwd=corpus,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"jdlint failed ({proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    # Several findings can share a place and a code (two laws' C101 on one heading): each
    # is counted, and they share the verdict of their place.
    found: dict[Key, list[dict]] = {}
    for f in report["files"]:
        name = Path(f["path"]).name
        for x in f.get("findings", []):
            if x["severity"] in ("warning", "error"):
                found.setdefault((name, x["line"], x["column"], x["code"]), []).append(x)
    return found


def fmt(key: Key) -> str:
    return "{}:{}:{} {}".format(*key)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args()
    review_path = args.corpus / "review.tsv"
    if not review_path.is_file() or not (args.corpus / "manifest.jsonl").is_file():
        print(f"no corpus review at {args.corpus}; nothing to do")
        return 0
    review = load_verdicts(review_path)
    ours = load_verdicts(OURS)
    now = lint(args.corpus)

    replaced = {old: k for k, v in ours.items() for old in v.replaces}
    lost, kept = [], 0
    print("== agreed findings no longer reported")
    for key, v in sorted(review.items()):
        if v.verdict not in AGREED:
            continue
        if key in now:
            kept += 1
            continue
        by = replaced.get(key)
        if by is not None and by in now:
            print(f"  {fmt(key)} [{v.verdict}] -> replaced by {fmt(by)}: {ours[by].reason}")
        else:
            lost.append(key)
            print(f"  {fmt(key)} [{v.verdict}] LOST: {v.reason}")

    # A row of ours for a reviewed finding either re-judges it (the message changed) or only
    # declares which findings it replaces (same verdict).
    reread = sorted(
        k for k in now if k in review and k in ours and ours[k].verdict != review[k].verdict
    )
    for label in ("disagree", "unsure"):
        still = [
            k for k, v in review.items() if v.verdict == label and k in now and k not in reread
        ]
        gone = sum(1 for v in review.values() if v.verdict == label) - len(still)
        print(f"== {label} findings: {gone} gone, {len(still)} still reported")
        for key in sorted(still):
            print(f"  {fmt(key)}: {review[key].reason}")

    unread = []
    print("== findings review.tsv does not judge")
    for key in sorted(k for k in now if k not in review):
        v = ours.get(key)
        if v is None:
            unread.append(key)
        verdict = v.verdict if v else "UNREAD"
        for x in now[key]:
            print(f"  {fmt(key)} [{x['severity']}] {verdict}: {x['message'][:110]}")
        if v:
            print(f"      ({v.reason})")

    print("== findings re-read after their message changed (review's verdict -> ours)")
    for key in reread:
        print(f"  {fmt(key)} [{review[key].verdict} -> {ours[key].verdict}]: {ours[key].reason}")

    verdicts = Counter(
        (ours.get(k) or review.get(k) or Verdict("unread", "")).verdict for k in now for _ in now[k]
    )
    agreed = sum(n for v, n in verdicts.items() if v in AGREED)
    total = sum(len(v) for v in now.values())
    share = agreed / total if total else 1.0
    print("\n== summary")
    print(f"  warnings and errors reported: {total} ({dict(sorted(verdicts.items()))})")
    print(f"  agreed: {agreed}/{total} = {share:.1%}")
    print(
        f"  agreed findings kept: {kept}, replaced: {sum(1 for k in replaced if k not in now and replaced[k] in now)}, lost: {len(lost)}"
    )
    print(f"  re-read after a message change: {len(reread)}")
    print(f"  unread new findings: {len(unread)}")
    return 1 if args.strict and (lost or unread) else 0


if __name__ == "__main__":
    raise SystemExit(main())
