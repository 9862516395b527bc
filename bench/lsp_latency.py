"""Warm latency of ``jdlint server``: from a ``didChange`` to its diagnostics.

``python bench/lsp_latency.py`` (about a minute) starts the server over stdio with pygls's
client (the tests' client, tests/lsp_client.py), opens a typical posting, waits for the
first diagnostics (spaCy's start is not counted), then types: 200 edits, one character
each, a word typed and backspaced again and again in the middle of a paragraph. Each edit
is timed from the moment it is sent to the moment the diagnostics of its version arrive.

Three ways of typing, each over 200 edits (median and 95th percentile):

  each edit at once   ``debounce: 0``; the next edit is sent when the diagnostics of the
                      one before arrive: the server's own work (target: under 50 ms)
  after a pause       the default settings (``debounce`` 100 ms), each edit sent 150 ms
                      after the diagnostics before it: the first edit after a pause is
                      linted at once
  end of a burst      default settings, 5 edits 20 ms apart, timed from the last one: a
                      burst is linted once, when it has been still for 100 ms (40 bursts)

beside the floor: the time ``Linter.lint_text`` takes on the same posting in this process,
measured in four blocks run between the server's rows, so that the floor and the server
see the same machine (a shared machine's load shows in both); each row's median is also
given as a ratio to the floor's. Writes bench/out/lsp.json and bench/out/lsp.md, and prints
the Markdown. ``--edits N`` changes the count; ``--posting FILE`` the posting.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
POSTING = ROOT / "examples" / "psychiatric-case-manager" / "good.md"
sys.path.insert(0, str(ROOT / "tests"))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _typing(text: str, count: int) -> list[tuple[int, int, int, int, str]]:
    """(line, char, end line, end char, new text) of ``count`` one-character edits: " team"
    typed at the end of the longest line, then backspaced, over and over."""
    lines = text.split("\n")
    line = max(range(len(lines)), key=lambda i: len(lines[i]))
    base = len(lines[line].encode("utf-16-le")) // 2
    word = " team"
    edits = []
    typed = 0
    forward = True
    while len(edits) < count:
        if forward:
            edits.append((line, base + typed, line, base + typed, word[typed]))
            typed += 1
            forward = typed < len(word)
        else:
            edits.append((line, base + typed - 1, line, base + typed, ""))
            typed -= 1
            forward = typed == 0
    return edits


def _measure(
    posting: str, edits: list, settings: dict, pause: float, burst: int, workdir: Path
) -> list[float]:
    from lsp_client import Session
    from lsprotocol import types as lsp

    session = Session(workdir, init_options={"jdlint": settings})
    try:
        uri = (workdir / "posting.md").as_uri()
        session.open(uri, posting)
        session.diagnostics(uri)  # warm: packs, spaCy, the first lint
        times = []
        for i in range(0, len(edits), burst):
            group = edits[i : i + burst]
            if pause:
                time.sleep(pause)
            sent = 0.0
            for j, (l1, c1, l2, c2, new) in enumerate(group):
                if j:
                    time.sleep(0.02)
                rng = lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))
                sent = time.perf_counter()
                session.change(uri, [lsp.TextDocumentContentChangePartial(range=rng, text=new)])
            session.diagnostics(uri, session.versions[uri])
            times.append((time.perf_counter() - sent) * 1000)
        return times
    finally:
        session.stop()


def _in_process(linter: Any, posting: str, runs: int) -> list[float]:
    out = []
    for i in range(runs):
        text = posting + (" team" if i % 2 else "")
        t = time.perf_counter()
        linter.lint_text(text, "posting.md")
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--posting", type=Path, default=POSTING)
    args = parser.parse_args()
    posting = args.posting.read_text(encoding="utf-8")
    edits = _typing(posting, args.edits)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    from jdlint.engine import Linter

    linter = Linter()
    linter.lint_text(posting, "posting.md")  # warm, as the server is before it is timed
    block = max(1, args.edits // 4)
    floor: list[float] = []
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / ".git").mkdir()
        floor += _in_process(linter, posting, block)
        rows["each edit at once (debounce 0)"] = _measure(
            posting, edits, {"debounce": 0}, 0, 1, work
        )
        floor += _in_process(linter, posting, block)
        rows["after a pause (default debounce, 150 ms pauses)"] = _measure(
            posting, edits, {}, 0.15, 1, work
        )
        floor += _in_process(linter, posting, block)
        bursts = _typing(posting, max(5, args.edits))
        rows["end of a burst (default debounce, 5 edits 20 ms apart)"] = _measure(
            posting, bursts, {}, 0.15, 5, work
        )
        floor += _in_process(linter, posting, args.edits - 3 * block)
    rows["Linter.lint_text in process (the floor)"] = floor
    floor_median = statistics.median(floor)
    summary: dict = {
        name: {
            "n": len(v),
            "median_ms": statistics.median(v),
            "p95_ms": _p95(v),
            "ratio_to_floor": statistics.median(v) / floor_median,
        }
        for name, v in rows.items()
    }
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    cores = os.cpu_count()
    lines = [
        f"# jdlint server: didChange to diagnostics ({args.posting.name}, {len(posting):,} characters)",
        "",
        # Wall-clock times: on a shared machine, what else runs shows in them.
        f"{cores} cores; load average {load_before:.1f} before, {load_after:.1f} after."
        if load_before is not None and load_after is not None
        else f"{cores} cores.",
        "",
        "Target: under 50 ms from a didChange to its diagnostics (each edit at once).",
        "",
        "| typing | edits | median ms | p95 ms | median / floor's |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, s in summary.items():
        lines.append(
            f"| {name} | {s['n']} | {s['median_ms']:.1f} | {s['p95_ms']:.1f} "
            f"| {s['ratio_to_floor']:.2f}x |"
        )
    text = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    record = {"rows": summary, "cores": cores, "load_before": load_before, "load_after": load_after}
    (OUT / "lsp.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    (OUT / "lsp.md").write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
