#!/usr/bin/env python3
"""Benchmark `trellis build` on synthetic sites.

Usage: scripts/bench.py [--sizes 1000,10000] [--brands 2] [--runs 1] [--binary PATH]

Builds the release binary (unless --binary is given), generates each synthetic site with
scripts/gen-synthetic-site.py, builds it, and prints wall time, pages per second and peak
memory (max RSS of the build process); then lints it and prints lint's time, its ratio to the
build's, and its peak memory. Figures are for comparing runs made together on the
same machine, not absolute truths: shared machines are noisy.
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_measured(cmd, cwd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024.0, code, stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--brands", type=int, default=2)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--binary")
    ap.add_argument("--workdir", default=os.path.join(ROOT, "bench-out"))
    args = ap.parse_args()

    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "trellis"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "trellis")

    print(f"{'pages':>7} {'brands':>6} {'seconds':>8} {'pages/s':>9} {'rendered/s':>10} {'peak MiB':>9} "
          f"{'lint s':>7} {'lint/build':>10} {'lint MiB':>9}")
    for size in [int(s) for s in args.sizes.split(",")]:
        site = os.path.join(args.workdir, f"site-{size}")
        subprocess.run([sys.executable, os.path.join(HERE, "gen-synthetic-site.py"), str(size), site,
                        "--brands", str(args.brands)], check=True, stdout=subprocess.DEVNULL)
        for _ in range(args.runs):
            elapsed, peak, code, stderr = run_measured([binary, "build"], site)
            if code != 0:
                print(stderr, file=sys.stderr)
                sys.exit(f"build of the {size}-page site failed with exit code {code}")
            # The summary line says how many pages the site really has.
            match = re.search(r" in (\d+) pages? \(", stderr)
            pages = int(match.group(1)) if match else size
            rendered = pages * args.brands
            lint_elapsed, lint_peak, lint_code, lint_err = run_measured([binary, "lint"], site)
            if lint_code != 0:
                print(lint_err, file=sys.stderr)
                sys.exit(f"lint of the {size}-page site failed with exit code {lint_code}")
            print(f"{pages:>7} {args.brands:>6} {elapsed:>8.2f} {pages / elapsed:>9.0f} "
                  f"{rendered / elapsed:>10.0f} {peak:>9.0f} {lint_elapsed:>7.2f} "
                  f"{lint_elapsed / elapsed:>10.2f} {lint_peak:>9.0f}")


if __name__ == "__main__":
    main()
