"""jdlint's benchmarks in one command: ``python bench/run.py`` (about 5-10 minutes).

Every comparison is measured side by side in the same run, interleaved, and reported as a
ratio of medians (the machine may be shared and noisy); CPU time (``time.process_time``,
or the children's CPU time for whole processes) is given beside wall time.

  warm         CPU per posting on distinct real-shaped postings (the examples and
               ../shared/corpus, lightly reshuffled, each with a sentence of its own, so
               no cache can hide the work; formats detected as ``jdlint`` detects them):
               jdlint's whole lint beside spaCy's blank English pipeline with a
               sentencizer (the floor) and beside jdlint's own spaCy pipeline, each
               posting run by all three in turn
  stages       exclusive CPU milliseconds per posting by stage (reading, spaCy, each rule
               kind, readability, reporting), on fresh postings never linted before
  cold start   ``jdlint posting.md`` as a whole process beside ``python -c "import spacy;
               spacy.blank('en')"``, median of --runs, interleaved, with jdlint's user
               cache filled (jdlint/cache.py) and its bytecode compiled (as pip installs
               it); beside them a source checkout without bytecode, and apart the first
               run of a version, which finds the cache empty
  jobs         ``jdlint --jobs 0`` beside ``--jobs 1`` on 4, 16 and 400 files
  streaming    ``jdlint --jsonl --jobs 2`` on two stream lengths: peak memory and its slope
  install      ``du -sm`` of a fresh virtual environment with jdlint installed (--install)

Writes bench/out/summary.json and bench/out/summary.md, and prints the Markdown.
Options: --postings N (warm, default 500), --stream N (longest stream, default 4000),
--runs N (cold-start and jobs runs, default 7), --install (also build a venv and measure
it), --quick (a smoke run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CORPUS = Path(os.environ.get("JDLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
ONE = ROOT / "examples" / "psychiatric-case-manager" / "good.md"
PY = sys.executable
FLOOR = "import spacy; spacy.blank('en')"


# -- corpus ---------------------------------------------------------------------------------


def _sources() -> list[tuple[str, str]]:
    """(file extension, text) of every example and corpus posting."""
    out = []
    for p in sorted((ROOT / "examples").glob("*/*.md")):
        out.append((".md", p.read_text(encoding="utf-8")))
    if CORPUS.is_dir():
        for p in sorted(CORPUS.glob("*.txt")):
            text = p.read_text(encoding="utf-8", errors="replace")
            if 200 <= len(text.split()) <= 3000:
                out.append((".txt", text))
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


def corpus(n: int, seed: int = 7, first: int = 0) -> list[dict[str, Any]]:
    """``n`` postings of realistic length, each a distinct text: a source posting with its
    bullets lightly shuffled and a sentence of its own added (so no cache in jdlint or
    textstat can hide the work). ``format`` is None: jdlint detects it, as it does for
    files (``ext`` is the source's file extension, for writing them as files)."""
    rng = random.Random(seed)
    sources = _sources()
    out = []
    for i in range(first, first + n):
        ext, text = sources[i % len(sources)]
        lines = text.split("\n")
        bullets = [j for j, line in enumerate(lines) if re.match(r"\s*[-*] ", line)]
        for _ in range(min(3, len(bullets) // 2)):
            a, b = rng.sample(bullets, 2)
            lines[a], lines[b] = lines[b], lines[a]
        extra = " ".join(rng.choice(_WORDS) for _ in range(8))
        lines.append(f"\nPosting {i} note: we review {extra} every week.\n")
        out.append({"id": f"posting-{i}", "text": "\n".join(lines), "format": None, "ext": ext})
    return out


def write_jsonl(path: Path, postings: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for p in postings:
            f.write(json.dumps({"id": p["id"], "text": p["text"]}) + "\n")


def write_files(folder: Path, postings: list[dict[str, Any]]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for p in postings:
        name = p["id"] + p["ext"]
        (folder / name).write_text(p["text"], encoding="utf-8")
        names.append(name)
    return names


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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_process(
    args: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and everything it started)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


def side_by_side(commands: dict[str, Callable[[], tuple[float, float]]], runs: int) -> dict:
    """Each command ``runs`` times, interleaved (the order turned each round, so all see the
    same machine): median wall and CPU seconds of each."""
    names = list(commands)
    for name in names:  # fills the OS file cache, as any second run finds it
        commands[name]()
    wall: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[float]] = {n: [] for n in names}
    for r in range(runs):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            w, c = commands[name]()
            wall[name].append(w)
            cpu[name].append(c)
    return {
        n: {
            "wall_s": round(statistics.median(wall[n]), 3),
            "cpu_s": round(statistics.median(cpu[n]), 3),
        }
        for n in names
    }


def cold_start(runs: int) -> dict[str, Any]:
    """The cold start of jdlint as installed, and of a source checkout without bytecode.

    pip compiles an installed package's modules to bytecode, spaCy's and jdlint's alike, so
    jdlint is measured with its bytecode compiled (``compileall``, what pip does; a no-op
    once done). Where Python may not write bytecode (``PYTHONDONTWRITEBYTECODE=1``), a
    checkout compiles every module it imports on every start: that is measured too, on a
    copy of the sources without bytecode, run with ``-B`` so it stays without."""
    import compileall
    import shutil

    compileall.compile_dir(str(ROOT / "jdlint"), quiet=1)
    jdlint = [PY, "-m", "jdlint", str(ONE)]
    floor = [PY, "-c", FLOOR]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        # ``python -m`` imports the package of the current folder first.
        skip = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / "jdlint", src / "jdlint", ignore=skip)
        shutil.copytree(ROOT / "rules", src / "rules")
        source = [PY, "-B", "-m", "jdlint", str(ONE)]
        got = side_by_side(
            {
                "jdlint": lambda: timed_process(jdlint),
                "floor": lambda: timed_process(floor),
                "source": lambda: timed_process(source, cwd=src),
            },
            runs,
        )
    j, f, s = got["jdlint"], got["floor"], got["source"]
    # The runs above find the user cache filled (side_by_side's unmeasured first run fills
    # it, as any earlier run of the same version has); the first run of a version fills it.
    first = []
    for _ in range(min(3, runs)):
        with tempfile.TemporaryDirectory() as empty:
            first.append(timed_process(jdlint, env={**os.environ, "XDG_CACHE_HOME": empty})[0])
    return {
        "runs": runs,
        "jdlint": j,
        "floor": f,
        "ratio": round(j["wall_s"] / f["wall_s"], 2),
        "cpu_ratio": round(j["cpu_s"] / f["cpu_s"], 2),
        "source_no_bytecode": s,
        "source_ratio": round(s["wall_s"] / f["wall_s"], 2),
        "empty_cache_wall_s": round(statistics.median(first), 3),
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


# -- in-process: warm side by side, and by stage ---------------------------------------------


def _cpu_wall(fn: Callable[[], Any]) -> tuple[float, float]:
    c, w = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c, time.perf_counter() - w


def warm(postings: list[dict[str, Any]]) -> dict[str, Any]:
    """jdlint's whole lint of a posting (report included) beside spaCy's blank English
    pipeline with a sentencizer, and beside jdlint's own spaCy pipeline, on the same
    distinct texts: each posting is run by all three in turn, the order turned from one
    posting to the next."""
    import spacy

    from jdlint.engine import Linter
    from jdlint.nlp import get_nlp
    from jdlint.reporters.json_report import file_dict

    floor = spacy.blank("en")
    floor.add_pipe("sentencizer")
    own = get_nlp()
    linter = Linter()
    for p in corpus(5, seed=1, first=10**6):  # warm: packs, pipelines, lazy imports
        linter.lint_text(p["text"], p["id"], p["format"])
        list(floor.pipe([p["text"]]))

    def lint(p: dict[str, Any]) -> None:
        json.dumps(file_dict(linter.lint_text(p["text"], p["id"], p["format"])))

    runners: dict[str, Callable[[dict[str, Any]], Any]] = {
        "jdlint": lint,
        "floor": lambda p: floor(p["text"]),
        "own": lambda p: own(p["text"]),
    }
    names = list(runners)
    cpu: dict[str, list[float]] = {n: [] for n in names}
    wall: dict[str, list[float]] = {n: [] for n in names}
    for i, p in enumerate(postings):
        for name in names[i % 3 :] + names[: i % 3]:
            c, w = _cpu_wall(lambda name=name, p=p: runners[name](p))
            cpu[name].append(c)
            wall[name].append(w)
    ms = {
        n: {
            "cpu_ms_median": round(statistics.median(cpu[n]) * 1000, 3),
            "cpu_ms_mean": round(statistics.mean(cpu[n]) * 1000, 3),
            "wall_ms_median": round(statistics.median(wall[n]) * 1000, 3),
        }
        for n in names
    }
    per_posting = [j / f for j, f in zip(cpu["jdlint"], cpu["floor"], strict=True) if f > 0]
    return {
        "postings": len(postings),
        "mean_words": round(sum(len(p["text"].split()) for p in postings) / len(postings)),
        "ms": ms,
        "over_floor": round(statistics.median(cpu["jdlint"]) / statistics.median(cpu["floor"]), 2),
        "over_floor_mean": round(sum(cpu["jdlint"]) / sum(cpu["floor"]), 2),
        "over_floor_per_posting_median": round(statistics.median(per_posting), 2),
        "over_own_pipeline": round(
            statistics.median(cpu["jdlint"]) / statistics.median(cpu["own"]), 2
        ),
        "postings_per_cpu_s": round(len(postings) / sum(cpu["jdlint"]), 1),
    }


def stages(postings: list[dict[str, Any]]) -> dict[str, Any]:
    """Exclusive CPU milliseconds per posting by stage, on postings never linted before in
    this process (so no cache of a whole text hides a stage's cost)."""
    import importlib

    from jdlint import checks, engine
    from jdlint.reporters.json_report import file_dict

    spent: dict[str, float] = {}
    stack: list[float] = []  # CPU spent in nested stages, per open stage

    def wrap(owner: Any, name: str, key: str) -> tuple[Any, str, Any] | None:
        fn = getattr(owner, name, None)
        if fn is None:
            return None

        def timed(*a: Any, **k: Any) -> Any:
            stack.append(0.0)
            t = time.process_time()
            try:
                result = fn(*a, **k)
                return list(result) if hasattr(result, "__next__") else result
            finally:
                total = time.process_time() - t
                inner = stack.pop()
                spent[key] = spent.get(key, 0.0) + total - inner
                if stack:
                    stack[-1] += total

        setattr(owner, name, timed)
        return owner, name, fn

    linter = engine.Linter()
    for p in corpus(5, seed=2, first=2 * 10**6):
        linter.lint_text(p["text"], p["id"], p["format"])
    targets = [
        ("jdlint.readers", "read", "reading"),
        ("jdlint.nlp", "analyse", "spaCy"),
        ("jdlint.readability", "compute", "readability values"),
        ("jdlint.readability", "sentence_units", "readability sentences"),
        ("jdlint.wordlists", "matches_of", "word lists (one pass)"),
        ("jdlint.pay", "find", "pay parsing"),
        ("jdlint.location", "parse", "location parsing"),
        ("jdlint.roles", "measure", "role coverage"),
        ("jdlint.engine", "_metrics", "metrics"),
        ("jdlint.suppress", "parse", "suppressions"),
    ]
    saved = []
    for module, name, key in targets:
        try:
            owner = importlib.import_module(module)
        except ImportError:
            continue
        saved.append(wrap(owner, name, key))
    for kind in checks.KIND_NAMES if hasattr(checks, "KIND_NAMES") else list(checks.KINDS):
        saved.append(wrap(checks.KINDS[kind], "check", f"rule: {kind}"))
    whole = 0.0
    try:
        for p in postings:
            t = time.process_time()
            report = linter.lint_text(p["text"], p["id"], p["format"])
            r = time.process_time()
            json.dumps(file_dict(report))
            spent["reporting"] = spent.get("reporting", 0.0) + time.process_time() - r
            whole += time.process_time() - t
    finally:
        for entry in reversed(saved):
            if entry:
                owner, name, fn = entry
                setattr(owner, name, fn)
    n = len(postings)
    per = {k: round(v / n * 1000, 3) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}
    per["other (engine, posting model, findings)"] = round(
        (whole - sum(spent.values())) / n * 1000, 3
    )
    return {"postings": n, "cpu_ms_per_posting": round(whole / n * 1000, 3), "cpu_ms_by_stage": per}


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


def jobs_ratio(tmp: Path, counts: list[int], runs: int) -> list[dict[str, Any]]:
    """``jdlint --jobs 0 FILES`` beside ``--jobs 1 FILES``, on folders of ``counts`` files."""
    out = []
    for n in counts:
        folder = tmp / f"files-{n}"
        names = write_files(folder, corpus(n, seed=n, first=3 * 10**6))
        rounds = max(3, runs if n <= 16 else min(runs, 3))
        print(f"--jobs 0 vs --jobs 1 on {n} files ...", file=sys.stderr)
        got = side_by_side({f"jobs{j}": _jdlint_files(folder, names, j) for j in (1, 0)}, rounds)
        out.append(
            {
                "files": n,
                "runs": rounds,
                "jobs1": got["jobs1"],
                "jobs0": got["jobs0"],
                "ratio": round(got["jobs0"]["wall_s"] / got["jobs1"]["wall_s"], 2),
            }
        )
    return out


def _jdlint_files(folder: Path, names: list[str], jobs: int) -> Callable[[], tuple[float, float]]:
    cmd = [PY, "-m", "jdlint", "--format", "json", "--jobs", str(jobs), "--", *names]
    return lambda: timed_process(cmd, folder)


def install_size() -> dict[str, Any]:
    """``du -sm`` of a fresh virtual environment with jdlint (and its dependencies) installed
    from this checkout, as a user installs it (no test extras)."""
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([PY, "-m", "venv", str(venv)], check=True)
        empty = _du_mb(venv)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(ROOT)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return {"venv_mb": _du_mb(venv), "empty_venv_mb": empty}


def _du_mb(path: Path) -> int:
    out = subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=int, default=500)
    ap.add_argument("--stream", type=int, default=4000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--install", action="store_true", help="measure a fresh venv's size")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument(
        "--only", default="", help="comma-separated parts: warm,stages,cold,jobs,stream,install"
    )
    a = ap.parse_args()
    if a.quick:
        a.postings, a.stream, a.runs = 100, 400, 3
    parts = set(a.only.split(",")) if a.only else {"warm", "stages", "cold", "jobs", "stream"}
    if a.install:
        parts.add("install")
    OUT.mkdir(parents=True, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    result: dict[str, Any] = {
        "cores": cores,
        "python": sys.version.split()[0],
        "load": round(os.getloadavg()[0], 1),
    }

    if "warm" in parts:
        print(f"warm, side by side on {a.postings} postings ...", file=sys.stderr)
        result["warm"] = warm(corpus(a.postings))
    if "stages" in parts:
        print(f"stages on {a.postings} fresh postings ...", file=sys.stderr)
        result["stages"] = stages(corpus(a.postings, seed=11, first=a.postings))
    if "cold" in parts:
        print("cold start ...", file=sys.stderr)
        result["cold_start"] = cold_start(a.runs)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "jobs" in parts:
            result["jobs"] = jobs_ratio(tmp, [4, 16, 100 if a.quick else 400], a.runs)
            result["machine_parallel_ceiling"] = parallel_ceiling()
        if "stream" in parts:
            stream = []
            for n in sorted({max(1, a.stream // 4), a.stream}):
                path = tmp / f"stream-{n}.jsonl"
                write_jsonl(path, corpus(n, seed=n))
                print(f"streaming {n} postings (--jobs 2) ...", file=sys.stderr)
                stream.append(cli_throughput(path, n, 2))
            result["streaming"] = stream
            (lo, hi) = stream[0], stream[-1]
            if hi["postings"] > lo["postings"]:
                slope = (hi["peak_rss_mb"] - lo["peak_rss_mb"]) / (hi["postings"] - lo["postings"])
                result["streaming_slope_mb_per_1000"] = round(slope * 1000, 2)
    if "install" in parts:
        print("install size (a fresh venv) ...", file=sys.stderr)
        result["install"] = install_size()
    result["load_after"] = round(os.getloadavg()[0], 1)

    (OUT / "summary.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    md = markdown(result)
    (OUT / "summary.md").write_text(md, encoding="utf-8")
    print(md)


def markdown(r: dict[str, Any]) -> str:
    lines = [
        f"# jdlint benchmarks ({r['cores']} cores, Python {r['python']}, load "
        f"{r['load']} -> {r['load_after']})",
        "",
        "| measure | value | target |",
        "|---|---|---|",
    ]
    if "warm" in r:
        w = r["warm"]
        ms = w["ms"]
        lines += [
            f"| warm CPU per posting ({w['postings']} distinct postings, {w['mean_words']} "
            f"words), medians | jdlint {ms['jdlint']['cpu_ms_median']} ms, spaCy blank + "
            f"sentencizer {ms['floor']['cpu_ms_median']} ms, jdlint's pipeline "
            f"{ms['own']['cpu_ms_median']} ms | |",
            f"| jdlint ÷ spaCy blank + sentencizer (CPU) | **{w['over_floor']}x** (means "
            f"{w['over_floor_mean']}x, per posting {w['over_floor_per_posting_median']}x) "
            "| <= 4x |",
            f"| jdlint ÷ jdlint's own spaCy pipeline (CPU) | **{w['over_own_pipeline']}x** | |",
            f"| warm wall per posting, medians | jdlint {ms['jdlint']['wall_ms_median']} ms, "
            f"floor {ms['floor']['wall_ms_median']} ms | |",
        ]
    if "cold_start" in r:
        c = r["cold_start"]
        lines.append(
            f"| cold start, `jdlint one-posting.md` (installed: bytecode compiled) ÷ `{FLOOR}` "
            f"(median of {c['runs']}) | "
            f"{c['jdlint']['wall_s']} s ÷ {c['floor']['wall_s']} s = **{c['ratio']}x** wall, "
            f"{c['jdlint']['cpu_s']} s ÷ {c['floor']['cpu_s']} s = {c['cpu_ratio']}x CPU "
            "| <= 1.15x |"
        )
        if "source_no_bytecode" in c:
            src = c["source_no_bytecode"]
            lines.append(
                "| cold start of a source checkout without bytecode (`python -B`, as under "
                f"PYTHONDONTWRITEBYTECODE=1) ÷ the same floor | {src['wall_s']} s ÷ "
                f"{c['floor']['wall_s']} s = {c['source_ratio']}x wall | |"
            )
        if "empty_cache_wall_s" in c:
            lines.append(
                "| cold start, the first run of a version (an empty user cache, which it "
                f"fills), median of {min(3, c['runs'])} | {c['empty_cache_wall_s']} s wall | |"
            )
    for j in r.get("jobs", []):
        lines.append(
            f"| `--jobs 0` ÷ `--jobs 1`, {j['files']} files (median of {j['runs']}) | "
            f"{j['jobs0']['wall_s']} s ÷ {j['jobs1']['wall_s']} s = **{j['ratio']}x** "
            f"(CPU {j['jobs0']['cpu_s']} s, {j['jobs1']['cpu_s']} s) | <= 1.05x |"
        )
    if "machine_parallel_ceiling" in r:
        lines.append(
            f"| two busy Python processes on this machine | {r['machine_parallel_ceiling']}x "
            "one | |"
        )
    for run in r.get("streaming", []):
        lines.append(
            f"| streaming {run['postings']} postings (--jobs 2) | peak {run['peak_rss_mb']} MB, "
            f"{run['postings_per_s']} postings/s | flat |"
        )
    if "streaming_slope_mb_per_1000" in r:
        lines.append(
            f"| streaming memory slope | **{r['streaming_slope_mb_per_1000']} MB per 1,000 "
            "postings** | ~0 |"
        )
    if "install" in r:
        i = r["install"]
        lines.append(
            f"| install, `du -sm` of a fresh venv | **{i['venv_mb']} MB** (the empty venv "
            f"{i['empty_venv_mb']} MB) | |"
        )
    if "stages" in r:
        s = r["stages"]
        lines += [
            "",
            f"Exclusive CPU milliseconds per posting by stage ({s['postings']} fresh postings, "
            f"{s['cpu_ms_per_posting']} ms each in all):",
            "",
            "| stage | CPU ms per posting |",
            "|---|---|",
        ]
        lines += [f"| {k} | {v} |" for k, v in s["cpu_ms_by_stage"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
