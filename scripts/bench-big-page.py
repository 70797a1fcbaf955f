#!/usr/bin/env python3
"""Peak memory of `trellis build` on one big page, as a multiple of the page's size.

Usage: scripts/bench-big-page.py [--mb 50] [--kinds realistic,paragraph,code,deep] [--binary PATH]
       scripts/bench-big-page.py --mb 10 --kinds inline,table   # the dense kinds, far above 10x today
       scripts/bench-big-page.py --kinds joined --from SITE [--from SITE ...]   # real sites' pages joined

Builds the release binary (unless --binary is given), writes a site per kind with
scripts/gen-big-page.py (the deep kind is 10,000 nested `!!!`/`===` levels, about 50 MB, and
ends in a NestingLimit error by design), builds each once and prints the page's size, the
build's wall time, its exit code, its peak memory (max RSS) and that memory divided by the
page's size. The aim is at most 10x. A measurement, not a test: shared machines are noisy, and
only figures taken in one run compare.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--kinds", default="realistic,paragraph,code,deep")
    parser.add_argument("--binary")
    parser.add_argument("--from", dest="sources", action="append", default=[],
                        help="a site whose pages the joined kind joins (repeatable: one row each)")
    args = parser.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "trellis"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "trellis")
    binary = os.path.abspath(binary)
    print(f"{'page':<22} {'page MB':>8} {'seconds':>8} {'exit':>4} {'peak MB':>8} {'ratio':>6}")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="trellis-big-page-") as work:
        runs = []
        for kind in args.kinds.split(","):
            if kind == "joined":
                runs += [(os.path.basename(os.path.normpath(source)), kind, ["--from", source]) for source in args.sources]
            else:
                runs.append((kind, kind, []))
        for label, kind, extra in runs:
            site = os.path.join(work, label)
            subprocess.run([sys.executable, os.path.join(HERE, "gen-big-page.py"), site, "--kind", kind,
                            "--mb", str(args.mb), *extra], check=True)
            page = os.path.getsize(os.path.join(site, "docs", "index.md")) / 1e6
            start = time.perf_counter()
            proc = subprocess.Popen([binary, "build"], cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            peak = usage.ru_maxrss * 1024 / 1e6
            ratio = peak / page
            worst = max(worst, ratio)
            print(f"{label:<22} {page:>8.1f} {elapsed:>8.2f} {os.waitstatus_to_exitcode(status):>4} {peak:>8.0f} "
                  f"{ratio:>5.1f}x", flush=True)
    print(f"worst: {worst:.1f}x the page's size")


if __name__ == "__main__":
    main()
