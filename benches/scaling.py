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

The reports are written to target/bench-out/<start time>/ and kept after the run. On ext4
without a journal (as on the development machine) the kernel, making a file, passes over every
inode deleted in the last minute (six while its inode table block is unwritten): 10,000 new
files just after 10,000 were deleted took 2.8 s instead of 0.25 s (a test in Python on that
machine). A benchmark that deleted its previous reports would time the file system, not mwm.
So the reports stay until you delete them (wait six minutes before the next run), or until a
later run finds the disk short of room: it deletes them and waits the six minutes out.

Kept reports are written to disk and dropped from the page cache after each run (and those of
earlier runs at the start), so that every run starts from the same memory: the inputs cached,
no earlier report's gigabyte filling memory. Without that, the tenth 10,000-project report in a
row found 1 to 4 GB free of 24 and its pages took 4.5 to 5.3 s instead of 3.75 to 3.95 s.
Run it on an idle machine, and not within six minutes of anything that deleted many files
(`cargo test`, a build): a run four minutes after them took 4.9 s for the same pages.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "target" / "bench-data"
OUT = ROOT / "target" / "bench-out"
# How long ext4 without a journal passes over a deleted inode while its block is unwritten.
RECENT = 6 * 60
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


def make_room(needed: int) -> Path:
    """A fresh folder under OUT for this run's reports. Earlier runs' reports are kept (see
    the notes at the top) unless fewer than `needed` bytes (and 10 GB to spare) are free:
    then they are deleted and the six minutes waited out, saying so."""
    OUT.mkdir(parents=True, exist_ok=True)
    earlier = sorted(p for p in OUT.iterdir() if p.is_dir())
    if earlier and shutil.disk_usage(OUT).free < needed + (10 << 30):
        for p in earlier:
            shutil.rmtree(p, ignore_errors=True)
        print(f"deleted earlier reports in {OUT} for room; waiting {RECENT} s, as ext4 without "
              "a journal slows the making of new files for minutes after many are deleted",
              file=sys.stderr, flush=True)
        time.sleep(RECENT)
    elif earlier:
        print(f"earlier runs' reports kept in {OUT}: delete them when done benchmarking "
              "(a run just after deleting them would time the file system)", file=sys.stderr)
        for p in earlier:
            drop_from_cache(p)
    fresh = OUT / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    fresh.mkdir()
    return fresh


def drop_from_cache(folder: Path):
    """Writes the files under `folder` to disk and drops them from the page cache."""
    os.sync()
    for root, _, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


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
    # About 100 kB of pages a project and language, a copy per run.
    per_project = 110_000 * (2 if args.lang == "both" else 1)
    scratch = make_room(needed=sum(sizes) * args.runs * per_project + (1 << 30))
    for n in sizes:
        inputs = demo(mwm, n)
        walls, peaks, stages = [], [], {}
        for r in range(args.runs):
            wall, rss, st = one_run(mwm, inputs, scratch / f"{n}-{r}", args.lang)
            walls.append(wall)
            peaks.append(rss)
            for k, v in st.items():
                stages.setdefault(k, []).append(v)
            # Every report is kept, out of the page cache (see the notes at the top).
            drop_from_cache(scratch / f"{n}-{r}")
        results[n] = (
            statistics.median(walls),
            max(peaks),
            {k: statistics.median(v) for k, v in stages.items()},
        )
        wall, peak, st = results[n]
        parts = ", ".join(f"{k} {v / 1000:.2f}" for k, v in st.items())
        print(f"{n:>6} projects: {wall:.2f} s wall (median of {args.runs}), "
              f"peak {peak:.0f} MiB; stages (s): {parts}", flush=True)
    print(f"reports kept in {scratch}", file=sys.stderr)
    for a, b in zip(sizes, sizes[1:]):
        (wa, _, sa), (wb, _, sb) = results[a], results[b]
        ratios = ", ".join(
            f"{k} x{sb[k] / sa[k]:.1f}" for k in sb if k in sa and sa[k] > 0
        )
        print(f"{a} -> {b} projects (x{b / a:g}): wall x{wb / wa:.1f}; {ratios}")


if __name__ == "__main__":
    main()
