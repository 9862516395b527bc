"""jdlint's benchmarks in one command: ``python bench/run.py`` (about 3-5 minutes).

  cold start   ``jdlint one-posting.md`` as a whole process, median of --runs, beside the
               floor (a process that only imports spaCy and builds the blank pipeline)
  throughput   postings per second on a generated corpus of realistic postings (the
               examples and ../shared/corpus, reshuffled so no two are the same text),
               in one warm process and through ``jdlint --jsonl`` with --jobs 1 and 2,
               with the peak memory of the whole process tree
  stages       milliseconds per posting: reading, spaCy, each rule kind, textstat,
               reporting; the rules' cost beside spaCy's tokenising and sentence splitting
  streaming    ``jdlint --jsonl`` on two stream lengths: peak memory and its slope

Writes bench/out/summary.json and bench/out/summary.md, and prints the Markdown.
Options: --postings N (throughput corpus, default 600), --stream N (longest stream,
default 4000), --runs N (cold-start runs, default 7), --quick (a smoke run).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CORPUS = ROOT.parent / "shared" / "corpus"
ONE = ROOT / "examples" / "psychiatric-case-manager" / "good.md"
PY = sys.executable
FLOOR = "import spacy; spacy.blank('en')"


# -- corpus ---------------------------------------------------------------------------------


def _sources() -> list[tuple[str, str]]:
    """(format, text) of every example and corpus posting."""
    out = []
    for p in sorted((ROOT / "examples").glob("*/*.md")):
        out.append(("markdown", p.read_text(encoding="utf-8")))
    if CORPUS.is_dir():
        for p in sorted(CORPUS.glob("*.txt")):
            text = p.read_text(encoding="utf-8", errors="replace")
            if 200 <= len(text.split()) <= 3000:
                out.append(("text", text))
    return out


_WORDS = [
    "clients",
    "families",
    "referrals",
    "discharge",
    "housing",
    "benefits",
    "recovery",
    "outreach",
]


def corpus(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` postings of realistic length, each a distinct text: a source posting with its
    paragraphs and bullets lightly shuffled and a unique sentence added (so no cache in
    jdlint or textstat can hide the work)."""
    rng = random.Random(seed)
    sources = _sources()
    out = []
    for i in range(n):
        fmt, text = sources[i % len(sources)]
        lines = text.split("\n")
        bullets = [j for j, line in enumerate(lines) if re.match(r"\s*[-*] ", line)]
        for _ in range(min(3, len(bullets) // 2)):
            a, b = rng.sample(bullets, 2)
            lines[a], lines[b] = lines[b], lines[a]
        extra = " ".join(rng.choice(_WORDS) for _ in range(8))
        lines.append(f"\nPosting {i} note: we review {extra} every week.\n")
        out.append({"id": f"posting-{i}", "text": "\n".join(lines), "format": fmt})
    return out


def write_jsonl(path: Path, postings: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for p in postings:
            f.write(json.dumps(p) + "\n")


# -- processes and memory ---------------------------------------------------------------


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="utf-8") as f:
                status = f.read()
        except OSError:
            continue
        pid = int(entry)
        m = re.search(r"^PPid:\s+(\d+)", status, re.M)
        parents[pid] = int(m.group(1)) if m else 0
        m = re.search(r"^VmRSS:\s+(\d+)", status, re.M)
        rss[pid] = int(m.group(1)) if m else 0
    total = 0
    for pid in rss:
        p = pid
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            total += rss[pid]
    return total


def run_measured(args: list[str], stdin: Path | None = None) -> tuple[float, int, int]:
    """(seconds, peak KiB of the process tree, exit status) of a command."""
    with open(stdin or os.devnull, "rb") as inp:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdin=inp, stdout=subprocess.DEVNULL, cwd=ROOT)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.05)
        return time.perf_counter() - start, peak, proc.returncode


def _timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_start(runs: int) -> dict[str, Any]:
    jdlint = [PY, "-m", "jdlint", str(ONE)]
    floor = [PY, "-c", FLOOR]
    _timed(jdlint)  # fills the pack cache and the OS file cache, as any second run finds them
    _timed(floor)
    j, f = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        j.append(_timed(jdlint))
        f.append(_timed(floor))
    jm, fm = statistics.median(j), statistics.median(f)
    return {
        "runs": runs,
        "jdlint_s": round(jm, 3),
        "floor_s": round(fm, 3),
        "ratio": round(jm / fm, 2),
    }


BURN = "x = 0\nfor i in range(15_000_000):\n    x += i * i"


def parallel_ceiling() -> float:
    """What two CPU-bound Python processes get on this machine, as a speed-up over one
    (2.0 on two real cores; near 1.0 where the "cores" share one physical core or a quota)."""
    start = time.perf_counter()
    subprocess.run([PY, "-c", BURN], check=True)
    one = time.perf_counter() - start
    start = time.perf_counter()
    procs = [subprocess.Popen([PY, "-c", BURN]) for _ in range(2)]
    for proc in procs:
        proc.wait()
    two = time.perf_counter() - start
    return round(2 * one / two, 2)


# -- in-process stages ----------------------------------------------------------------------


def stages(postings: list[dict[str, Any]]) -> dict[str, Any]:
    """Warm single-process throughput and milliseconds per posting by stage."""
    from jdlint import nlp, readability, readers
    from jdlint.checks import KINDS
    from jdlint.engine import Linter
    from jdlint.reporters.json_report import file_dict

    spent: collections.Counter[str] = collections.Counter()
    nested = {"spacy", "textstat"}

    def wrap(owner: Any, name: str, key: str) -> None:
        fn = getattr(owner, name)

        def timed(*a: Any, **k: Any) -> Any:
            inner = sum(spent[n] for n in nested)
            t = time.perf_counter()
            try:
                result = fn(*a, **k)
                return list(result) if hasattr(result, "__next__") else result
            finally:
                spent[key] += time.perf_counter() - t
                if key.startswith("rule:"):
                    spent[key] -= sum(spent[n] for n in nested) - inner

        setattr(owner, name, timed)

    linter = Linter()
    for p in postings[:5]:  # warm: packs, pipeline, textstat
        linter.lint_text(p["text"], p["id"], p["format"])
    # Throughput first, unwrapped.
    start = time.perf_counter()
    for p in postings:
        json.dumps(file_dict(linter.lint_text(p["text"], p["id"], p["format"])))
    elapsed = time.perf_counter() - start
    words = sum(len(p["text"].split()) for p in postings) / len(postings)

    saved = [
        (readers, "read", readers.read),
        (nlp, "analyse", nlp.analyse),
        (readability, "compute", readability.compute),
    ] + [(m, "check", m.check) for m in KINDS.values()]
    wrap(readers, "read", "read")
    wrap(nlp, "analyse", "spacy")
    wrap(readability, "compute", "textstat")
    for kind, module in KINDS.items():
        wrap(module, "check", f"rule:{kind}")
    try:
        start = time.perf_counter()
        for p in postings:
            report = linter.lint_text(p["text"], p["id"] + "-profiled", p["format"])
            t = time.perf_counter()
            json.dumps(file_dict(report))
            spent["reporting"] += time.perf_counter() - t
        profiled = time.perf_counter() - start
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)

    n = len(postings)
    per = {k: round(v / n * 1000, 3) for k, v in spent.most_common()}
    rules = sum(v for k, v in spent.items() if k.startswith("rule:"))
    accounted = sum(spent.values())
    per["other (engine, suppressions, metrics)"] = round((profiled - accounted) / n * 1000, 3)
    return {
        "postings": n,
        "mean_words": round(words),
        "postings_per_s": round(n / elapsed, 1),
        "ms_per_posting": round(elapsed / n * 1000, 2),
        "ms_by_stage": per,
        "rules_ms": round(rules / n * 1000, 3),
        "spacy_ms": round(spent["spacy"] / n * 1000, 3),
        "rules_over_spacy": round(rules / spent["spacy"], 2) if spent["spacy"] else None,
    }


# -- whole-process runs ------------------------------------------------------------------------


def cli_throughput(path: Path, count: int, jobs: int) -> dict[str, Any]:
    args = [PY, "-m", "jdlint", "--jsonl", "-", "--jobs", str(jobs)]
    seconds, peak, status = run_measured(args, stdin=path)
    return {
        "jobs": jobs,
        "postings": count,
        "seconds": round(seconds, 2),
        "postings_per_s": round(count / seconds, 1),
        "peak_rss_mb": round(peak / 1024, 1),
        "exit": status,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=int, default=600)
    ap.add_argument("--stream", type=int, default=4000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    if a.quick:
        a.postings, a.stream, a.runs = 100, 400, 3
    OUT.mkdir(parents=True, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    result: dict[str, Any] = {"cores": cores, "python": sys.version.split()[0]}

    print("cold start ...", file=sys.stderr)
    result["cold_start"] = cold_start(a.runs)

    postings = corpus(a.postings)
    print(f"stages on {len(postings)} postings ...", file=sys.stderr)
    result["warm_single_process"] = stages(postings)

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "postings.jsonl"
        write_jsonl(data, postings)
        runs = []
        for jobs in (1, 2):
            print(f"jdlint --jsonl --jobs {jobs} ...", file=sys.stderr)
            runs.append(cli_throughput(data, len(postings), jobs))
        result["cli_jsonl"] = runs
        result["jobs_speedup"] = round(runs[1]["postings_per_s"] / runs[0]["postings_per_s"], 2)
        result["machine_parallel_ceiling"] = parallel_ceiling()

        stream = []
        for n in sorted({max(1, a.stream // 4), a.stream}):
            path = Path(tmp) / f"stream-{n}.jsonl"
            write_jsonl(path, corpus(n, seed=n))
            print(f"streaming {n} postings (--jobs 2) ...", file=sys.stderr)
            stream.append(cli_throughput(path, n, 2))
        result["streaming"] = stream
        (lo, hi) = stream[0], stream[-1]
        if hi["postings"] > lo["postings"]:
            slope = (hi["peak_rss_mb"] - lo["peak_rss_mb"]) / (hi["postings"] - lo["postings"])
            result["streaming_slope_mb_per_1000"] = round(slope * 1000, 2)

    (OUT / "summary.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    md = markdown(result)
    (OUT / "summary.md").write_text(md, encoding="utf-8")
    print(md)


def markdown(r: dict[str, Any]) -> str:
    c, w = r["cold_start"], r["warm_single_process"]
    lines = [
        f"# jdlint benchmarks ({r['cores']} cores, Python {r['python']})",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| cold start, `jdlint one-posting.md` (median of {c['runs']}) | {c['jdlint_s']} s "
        f"vs floor {c['floor_s']} s = **{c['ratio']}x** | <= 1.5x |",
        f"| warm throughput, one process ({w['mean_words']} words/posting) | "
        f"**{w['postings_per_s']} postings/s** ({w['ms_per_posting']} ms each) | >= 200/s/core |",
        f"| rules vs spaCy (tokenise + sentences) | {w['rules_ms']} ms vs {w['spacy_ms']} ms = "
        f"**{w['rules_over_spacy']}x** | <= 3x |",
    ]
    for run in r["cli_jsonl"]:
        lines.append(
            f"| `jdlint --jsonl --jobs {run['jobs']}`, {run['postings']} postings | "
            f"{run['postings_per_s']} postings/s, peak {run['peak_rss_mb']} MB | |"
        )
    lines.append(
        f"| --jobs 2 speed-up | **{r['jobs_speedup']}x** (two busy Python processes get "
        f"{r['machine_parallel_ceiling']}x on this machine) | close to 2x |"
    )
    for run in r["streaming"]:
        lines.append(
            f"| streaming {run['postings']} postings (--jobs 2) | peak {run['peak_rss_mb']} MB, "
            f"{run['postings_per_s']} postings/s | flat |"
        )
    if "streaming_slope_mb_per_1000" in r:
        lines.append(
            f"| streaming memory slope | **{r['streaming_slope_mb_per_1000']} MB per 1,000 "
            "postings** | ~0 |"
        )
    lines += ["", "Milliseconds per posting by stage (warm, one process):", ""]
    lines += [f"- {k}: {v}" for k, v in w["ms_by_stage"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
