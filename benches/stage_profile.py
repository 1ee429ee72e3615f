#!/usr/bin/env python3
"""Where a stage's cost grows faster than the work (issue 20): profiles one stage of
`mwm report` with perf at two sizes and lists the functions whose samples grow by more than
the ratio of projects.

Usage:  cargo build --release && python3 benches/stage_profile.py STAGE
                [--small scale-1000] [--large scale-10000] [--runs 5] [--mwm PATH]

STAGE is a line of MWM_TIMINGS (read, check, figures, pages, write). The inputs are folders
under target/bench-data (as made by benches/scaling.py). The small set is profiled `--runs`
times and its samples averaged, the large set once; each run is recorded with
`perf record -k CLOCK_REALTIME` and only the samples inside the stage (from the clock times
MWM_TIMINGS prints) are counted. For each function: samples in the large run, samples per
small run, their ratio, and the excess over the ratio of projects (what grows faster than
the work), largest excess first. Reports go to /dev/shm and are deleted at once (on this
machine's disk, deleting many files slows the next run's writing; see docs/performance.md).
Needs perf (Debian package linux-perf).
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "target" / "bench-data"
LINE = re.compile(r"^(\w[\w-]*)\s+([0-9.]+) ms.*until ([0-9.]+)")


def profile(mwm: str, inputs: Path, stage: str):
    """Samples per function inside `stage` of one run, and the stage's seconds."""
    work = Path(tempfile.mkdtemp(prefix="mwm-profile-", dir="/dev/shm"))
    try:
        data = work / "perf.data"
        run = subprocess.run(
            ["perf", "record", "-q", "-k", "CLOCK_REALTIME", "-F", "4999", "-o", str(data),
             mwm, "report", str(inputs), "-o", str(work / "out"), "--lang", "en", "-q"],
            env=dict(os.environ, MWM_TIMINGS="1"), capture_output=True, text=True,
        )
        if run.returncode != 0:
            sys.exit(f"mwm report failed on {inputs}:\n{run.stderr}")
        window = None
        for line in run.stderr.splitlines():
            m = LINE.match(line.strip())
            if m and m.group(1) == stage:
                end = float(m.group(3))
                window = (end - float(m.group(2)) / 1000, end)
        if window is None:
            sys.exit(f"no stage {stage!r} in MWM_TIMINGS:\n{run.stderr}")
        report = subprocess.run(
            ["perf", "report", "-i", str(data), "--time", f"{window[0]:.6f},{window[1]:.6f}",
             "--no-children", "--sort", "sym", "-F", "sample,sym", "--stdio"],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)
    samples = collections.Counter()
    for line in report.splitlines():
        parts = line.split(None, 1)
        if line.startswith("#") or len(parts) < 2 or not parts[0].isdigit():
            continue
        samples[parts[1].strip()[:110]] += int(parts[0])
    return samples, window[1] - window[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stage")
    ap.add_argument("--small", default="scale-1000")
    ap.add_argument("--large", default="scale-10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--mwm", default=str(ROOT / "target" / "release" / "mwm"))
    args = ap.parse_args()
    small_in, large_in = DATA / args.small, DATA / args.large
    projects = [sum(1 for _ in open(d / "projects.csv")) - 1 for d in (small_in, large_in)]
    scale = projects[1] / projects[0]
    small, small_secs = collections.Counter(), 0.0
    for _ in range(args.runs):
        samples, secs = profile(args.mwm, small_in, args.stage)
        small.update(samples)
        small_secs += secs
    large, large_secs = profile(args.mwm, large_in, args.stage)
    per_run = {k: v / args.runs for k, v in small.items()}
    small_secs /= args.runs
    print(f"{args.stage}: {small_secs * 1000:.0f} ms at {projects[0]} projects, "
          f"{large_secs * 1000:.0f} ms at {projects[1]} (x{large_secs / small_secs:.1f}, "
          f"projects x{scale:g})")
    print(f"{'large':>7} {'small':>8} {'ratio':>7} {'excess':>7}  function")
    excess = {k: large[k] - scale * per_run.get(k, 0.0) for k in large}
    for k in sorted(excess, key=lambda k: -excess[k])[:args.top]:
        s = per_run.get(k, 0.0)
        ratio = f"x{large[k] / s:.1f}" if s else "new"
        print(f"{large[k]:7d} {s:8.1f} {ratio:>7} {excess[k]:7.0f}  {k}")


if __name__ == "__main__":
    main()
