#!/usr/bin/env python3
"""Scaling benchmark of `mwm report` (issue 20): each stage's time and the peak memory at
250, 1,000 and 10,000 projects of 250 people, so that a stage whose cost grows faster than
the work shows as a ratio above the ratio of projects.

Usage:  cargo build --release && python3 benches/scaling.py [--runs N] [--sizes 250,1000,10000]
                                                           [--lang en] [--mwm PATH]

Inputs are made once with `mwm demo-data --projects N --people 250 --seed 1` (CSV) under
target/bench-data/scale-N/ and reused (10,000 projects is 20 million scores, about 700 MB of
CSV, and takes a few minutes to make). Each size is reported `--runs` times (default 5) into a
fresh folder with MWM_TIMINGS=1, which makes mwm print each stage's time on stderr; the
median of each stage and of the wall time, and the largest peak RSS (GNU time's maximum
resident set size; needs /usr/bin/time, Debian package `time`), are printed, then each
stage's ratio from one size to the next against the ratio of projects. The tidy tables
(`tables`) are made side by side with the pages (`views-render`, which also writes each page
as soon as it is rendered): both are inside `pages`, whose time is the longer of the two.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "target" / "bench-data"
STAGE = re.compile(r"^(\w[\w-]*)\s+([0-9.]+) ms")


def demo(mwm: Path, projects: int) -> Path:
    out = DATA / f"scale-{projects}"
    stamp = out / ".made"
    if stamp.exists():
        return out
    if out.exists():
        shutil.rmtree(out)
    print(f"making {projects} projects of demo data in {out} ...", file=sys.stderr)
    subprocess.run(
        [str(mwm), "demo-data", "-o", str(out), "--projects", str(projects),
         "--people", "250", "--seed", "1"],
        check=True, stdout=subprocess.DEVNULL,
    )
    stamp.write_text("")
    return out


def one_run(mwm: Path, inputs: Path, out: Path, lang: str):
    """Wall seconds, peak RSS in MiB and each stage's milliseconds of one report."""
    rss_file = out.with_suffix(".rss")
    env = dict(os.environ, MWM_TIMINGS="1")
    os.sync()
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", "-o", str(rss_file), str(mwm), "report", str(inputs),
         "-o", str(out), "--lang", lang, "-q"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"mwm report failed on {inputs}:\n{done.stderr}")
    stages = {}
    for line in done.stderr.splitlines():
        m = STAGE.match(line.strip())
        if m:
            stages[m.group(1)] = stages.get(m.group(1), 0.0) + float(m.group(2))
    rss = int(rss_file.read_text().split()[0]) / 1024
    return wall, rss, stages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="250,1000,10000")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--mwm", default=str(ROOT / "target" / "release" / "mwm"))
    args = ap.parse_args()
    mwm = Path(args.mwm)
    if not mwm.exists():
        sys.exit(f"no mwm at {mwm}: cargo build --release first (or --mwm PATH)")
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    scratch = Path(tempfile.mkdtemp(prefix="mwm-scaling-", dir=DATA.parent))
    try:
        for n in sizes:
            inputs = demo(mwm, n)
            walls, peaks, stages = [], [], {}
            for r in range(args.runs):
                wall, rss, st = one_run(mwm, inputs, scratch / f"{n}-{r}", args.lang)
                walls.append(wall)
                peaks.append(rss)
                for k, v in st.items():
                    stages.setdefault(k, []).append(v)
                # Every size is measured the same way: outputs kept, as deleting a folder of
                # 10,000 pages slows the next run's writing of as many files (ext4 looks
                # through recently deleted inodes), unless the disk is short of room for the
                # next run (10,000 projects write about 1 GB a run).
                out = scratch / f"{n}-{r}"
                size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
                if shutil.disk_usage(scratch).free < 3 * size:
                    shutil.rmtree(out, ignore_errors=True)
            results[n] = (
                statistics.median(walls),
                max(peaks),
                {k: statistics.median(v) for k, v in stages.items()},
            )
            wall, peak, st = results[n]
            parts = ", ".join(f"{k} {v / 1000:.2f}" for k, v in st.items())
            print(f"{n:>6} projects: {wall:.2f} s wall (median of {args.runs}), "
                  f"peak {peak:.0f} MiB; stages (s): {parts}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for a, b in zip(sizes, sizes[1:]):
        (wa, _, sa), (wb, _, sb) = results[a], results[b]
        ratios = ", ".join(
            f"{k} x{sb[k] / sa[k]:.1f}" for k in sb if k in sa and sa[k] > 0
        )
        print(f"{a} -> {b} projects (x{b / a:g}): wall x{wb / wa:.1f}; {ratios}")


if __name__ == "__main__":
    main()
