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


def one_run(inputs: Path, scratch: Path, n: int) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MiB, pages and CPU seconds (user + system) of one
    `mwm report` into a fresh folder.

    The peak is GNU time's maximum resident set size of that one process. Earlier outputs
    are kept until the whole benchmark is done and the disk is synced before each run: on
    this machine's ext4 (mounted with discard) deleting a 60 MB folder slows the file
    creations that follow for seconds, which would charge one run for the clean-up of the
    last (seen here: 1,050 files took 0.19 s to write on a quiet disk and 1.1 s just after
    a large delete)."""
    out = scratch / f"report-{n}"
    rss_file = scratch / f"rss-{n}"
    subprocess.run(["sync"], check=True)
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M %U %S", "-o", str(rss_file),
         str(MWM), "report", str(inputs), "-o", str(out), "-q"],
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"mwm report {inputs} failed with exit code {proc.returncode}")
    peak_kib, user, system = rss_file.read_text().split()[-3:]
    pages = sum(1 for _ in out.rglob("*.html"))
    return wall, int(peak_kib) / 1024, pages, float(user) + float(system)


def measure(name: str, inputs: Path, runs: int, scratch: Path):
    place = scratch / name
    place.mkdir()
    results = [one_run(inputs, place, n) for n in range(runs)]
    walls = [r[0] for r in results]
    peak = max(r[1] for r in results)
    pages = results[0][2]
    cpu = statistics.median(r[3] for r in results)
    return statistics.median(walls), min(walls), peak, pages, cpu


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
    print(f"{'workload':<12} {'median s':>9} {'best s':>7} {'cpu s':>6} {'peak MiB':>9} {'pages':>6}  target")
    rows = []
    # Every output is kept until the end: see one_run.
    scratch_dir = tempfile.TemporaryDirectory(dir=DATA)
    scratch = Path(scratch_dir.name)
    for name, inputs in sets:
        median, best, peak, pages, cpu = measure(name, inputs, args.runs, scratch)
        target = TARGETS.get(name)
        verdict = ""
        if target:
            ok = median <= target[0] and peak <= target[1]
            verdict = f"<= {target[0]} s, <= {target[1]} MiB: {'met' if ok else 'NOT MET'}"
        print(f"{name:<12} {median:>9.2f} {best:>7.2f} {cpu:>6.2f} {peak:>9.0f} {pages:>6}  {verdict}",
              flush=True)
        rows.append((name, median, cpu))
    for label, col in (("wall", 1), ("cpu", 2)):
        scale = {r[0]: r[col] for r in rows if r[0].startswith("scale-") or r[0] == "large-csv"}
        if len(scale) == 3:
            t250, t500, t1000 = scale["scale-250"], scale["scale-500"], scale["large-csv"]
            print(f"scaling ({label}): 250 -> 500 projects x{t500 / t250:.2f}, "
                  f"500 -> 1,000 x{t1000 / t500:.2f} (2.00 is linear)")
    scratch_dir.cleanup()


if __name__ == "__main__":
    main()
