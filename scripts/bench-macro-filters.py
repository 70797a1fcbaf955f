#!/usr/bin/env python3
"""Times the macro string filters on large inputs, to show they stay linear.

Usage: scripts/bench-macro-filters.py [--binary PATH] [--sizes 100000,200000,1000000,10000000]
                                      [--filters upper,lower,...] [--timeout 120]

For each filter and size it writes a one-page MkDocs site (macros plugin on) whose page is
`{{ '<N characters>' | filter }}`, with the text as a literal so no repetition limit applies,
builds it with the release binary (built first unless --binary is given) and prints the wall
time, the time per million characters and the ratio to the previous size's time. A linear
filter keeps the per-million figure roughly flat; the `none` row (the literal printed as is)
is the cost of reading, expanding and rendering the page around the filter. Timing only: the
figures are for comparing runs made together on the same machine.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FILTERS = [
    "none", "upper", "lower", "title", "capitalize", "replace('b', 'cd')", "trim", "join('-')", "length",
]
# Mixed case, a final sigma, a German sharp s and word separators, so every case rule runs.
UNIT = "Ab cΣ ß-x(yZ) "


def build(binary, size, expression, timeout):
    text = (UNIT * (size // len(UNIT) + 1))[:size]
    with tempfile.TemporaryDirectory() as site:
        os.mkdir(os.path.join(site, "docs"))
        with open(os.path.join(site, "mkdocs.yml"), "w") as f:
            f.write("site_name: Bench\nplugins:\n  - macros\n")
        with open(os.path.join(site, "docs", "index.md"), "w", encoding="utf-8") as f:
            f.write("# Bench\n\n{{ '" + text + "'" + expression + " }}\n")
        start = time.perf_counter()
        try:
            code = subprocess.run([binary, "build"], cwd=site, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            return None, "timeout"
        return time.perf_counter() - start, code


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary")
    ap.add_argument("--sizes", default="100000,200000,1000000,10000000")
    ap.add_argument("--filters", default=";".join(FILTERS), help="';'-separated filter expressions")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "trellis"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "trellis")
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'filter':<22}{'chars':>10}{'seconds':>10}{'s per M':>10}{'ratio':>8}  exit")
    for name in args.filters.split(";"):
        expression = "" if name == "none" else " | " + name
        previous = None
        for size in sizes:
            seconds, code = build(binary, size, expression, args.timeout)
            if seconds is None:
                print(f"{name:<22}{size:>10}{'>' + str(int(args.timeout)):>10}{'':>10}{'':>8}  {code}")
                break  # larger sizes would only take longer
            ratio = f"{seconds / previous:.1f}x" if previous else ""
            print(f"{name:<22}{size:>10}{seconds:>10.3f}{seconds * 1e6 / size:>10.3f}{ratio:>8}  {code}")
            previous = seconds
            sys.stdout.flush()


if __name__ == "__main__":
    main()
