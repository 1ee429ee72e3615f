#!/usr/bin/env python3
"""End-to-end benchmark of `mwm report` (issue 5): wall time and peak memory of the whole
report folder (every project page, funder pages, index, tables) on the workloads of SPEC 7.

Usage:  cargo build --release && python3 benches/end_to_end.py [--quick] [--runs N]

Workloads are made once with `mwm demo-data` (deterministic, seed 1) under
target/bench-data/ and reused:
  large-csv   1,000 projects x 250 people: ~2 million outcome rows, 120,000 output rows,
              62,500 stories, 30,000 audit rows, as one CSV file per table
  workbooks   200 xlsx workbooks, one per project, ~1,000 outcome rows each
  scale-250 / scale-500 / scale-1000   the large set at 250, 500 and 1,000 projects
Each is reported `--runs` times (default 3); the median wall time and the largest peak RSS
(GNU time's maximum resident set size of the mwm process) are printed with the targets of
the issue. Needs /usr/bin/time (Debian package `time`).
--quick runs only 100 projects (for a smoke check).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MWM = ROOT / "target" / "release" / "mwm"
DATA = ROOT / "target" / "bench-data"

TARGETS = {
    "large-csv": (2.5, 1024),
    "workbooks": (1.5, 1024),
}


def demo(name: str, projects: int, people: int, fmt: str) -> Path:
    out = DATA / name
    stamp = out / ".made"
    if stamp.exists():
        return out
    if out.exists():
        shutil.rmtree(out)
    subprocess.run(
        [str(MWM), "demo-data", "-o", str(out), "--projects", str(projects),
         "--people", str(people), "--seed", "1", "--format", fmt],
        check=True,
    )
    stamp.write_text("")
    return out


def one_run(inputs: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB and pages of one `mwm report` into a fresh folder.

    The peak is GNU time's maximum resident set size of that one process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report"
        rss_file = Path(tmp) / "rss"
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", str(rss_file),
             str(MWM), "report", str(inputs), "-o", str(out), "-q"],
            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
        )
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"mwm report {inputs} failed with exit code {proc.returncode}")
        peak_kib = int(rss_file.read_text().split()[-1])
        pages = sum(1 for _ in out.rglob("*.html"))
    return wall, peak_kib / 1024, pages


def measure(name: str, inputs: Path, runs: int):
    results = [one_run(inputs) for _ in range(runs)]
    walls = [r[0] for r in results]
    peak = max(r[1] for r in results)
    pages = results[0][2]
    return statistics.median(walls), min(walls), peak, pages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not MWM.exists():
        sys.exit("build first: cargo build --release")
    DATA.mkdir(parents=True, exist_ok=True)
    if args.quick:
        sets = [("quick-100", demo("quick-100", 100, 250, "csv"))]
    else:
        sets = [
            ("workbooks", demo("workbooks", 200, 125, "xlsx")),
            ("scale-250", demo("scale-250", 250, 250, "csv")),
            ("scale-500", demo("scale-500", 500, 250, "csv")),
            ("large-csv", demo("large-csv", 1000, 250, "csv")),
        ]
    print(f"{'workload':<12} {'median s':>9} {'best s':>7} {'peak MiB':>9} {'pages':>6}  target")
    rows = []
    for name, inputs in sets:
        median, best, peak, pages = measure(name, inputs, args.runs)
        target = TARGETS.get(name)
        verdict = ""
        if target:
            ok = median <= target[0] and peak <= target[1]
            verdict = f"<= {target[0]} s, <= {target[1]} MiB: {'met' if ok else 'NOT MET'}"
        print(f"{name:<12} {median:>9.2f} {best:>7.2f} {peak:>9.0f} {pages:>6}  {verdict}", flush=True)
        rows.append((name, median, peak))
    scale = {n: m for n, m, _ in rows if n.startswith("scale-") or n == "large-csv"}
    if len(scale) == 3:
        t250, t500, t1000 = scale["scale-250"], scale["scale-500"], scale["large-csv"]
        print(f"scaling: 250 -> 500 projects x{t500 / t250:.2f}, 500 -> 1,000 x{t1000 / t500:.2f} "
              "(2.00 is linear)")


if __name__ == "__main__":
    main()
