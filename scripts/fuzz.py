#!/usr/bin/env python3
"""Builds Trellis's libFuzzer targets (Fuzz/) and runs each for N minutes.

    scripts/fuzz.py                         # every target, 10 minutes each, one at a time
    scripts/fuzz.py --minutes 60 --jobs 2   # an hour each, two targets at once
    scripts/fuzz.py markdown yaml           # only these targets
    scripts/fuzz.py --reproduce FILE --target markdown   # run one input, with a backtrace

Each target runs with AddressSanitizer, a per-input timeout (a hang), an RSS and a malloc limit
(runaway memory), its dictionary (Fuzz/Dictionaries/<target>.dict) and a corpus kept between runs
in .fuzz/corpus/<target>/, seeded from the test fixtures, the sample site and the regression
inputs. Whatever it finds (a crash, a broken invariant, a timeout, an out-of-memory) is minimized
and written to Tests/TrellisBuildTests/FuzzRegressions/<target>/, where `swift test` replays it:
fix the bug, keep the file. Exit status 1 when anything was found.

Statistics (executions, coverage, corpus size) of every run are appended to .fuzz/stats.tsv with
the commit and a hash of the files the target reaches (REACHES), so the total fuzzing time of the
current code can be summed: `scripts/fuzz.py --summary`.
"""

import argparse
import datetime
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "Fuzz"
WORK = ROOT / ".fuzz"
REGRESSIONS = ROOT / "Tests" / "TrellisBuildTests" / "FuzzRegressions"
TARGETS = ["markdown", "macros", "yaml", "html-attributes"]
BUILD_FLAGS = ["-c", "release", "-Xswiftc", "-sanitize=fuzzer,address", "-Xswiftc", "-use-ld=lld"]

# Where each target's seeds come from, as globs under the repository root.
SEEDS = {
    "markdown": ["Tests/TrellisMarkdownTests/Fixtures/**/*.md", "Tests/TrellisBuildTests/FailingSites/**/*.md",
                 "Tests/TrellisBuildTests/Fixtures/emoji/**/*.md", "content/**/*.md"],
    "macros": ["Tests/TrellisMacrosTests/Fixtures/*.md", "Tests/TrellisBuildTests/FailingSites/Macro*/**/*.md",
               "Tests/TrellisBuildTests/FailingSites/UndefinedVariable/**/*.md", "content/**/*.md"],
    "yaml": ["*.yml", "brands/*.yml", "Tests/**/*.yml", "Tests/**/.pages"],
    "html-attributes": ["Tests/TrellisMarkdownTests/Fixtures/md-in-html/*", "Tests/TrellisMarkdownTests/Fixtures/attr-list/*",
                        "Tests/TrellisMarkdownTests/Fixtures/containers/*.html", "templates/**/*.mustache"],
}
MAX_SEED = 64 * 1024

# libFuzzer options shared by every run: what counts as a hang and as runaway memory.
LIMITS = ["-timeout=10", "-rss_limit_mb=2560", "-malloc_limit_mb=1024", "-max_len=16384", "-handle_ill=1",
          "-print_final_stats=1"]


def log(message):
    print(message, flush=True)


def binary(target):
    return FUZZ / ".build" / "release" / f"fuzz-{target}"


def build():
    log("building the fuzz targets (release, AddressSanitizer, libFuzzer)…")
    # SwiftPM reuses its build plan for Fuzz/ while Fuzz/Package.swift is unchanged, and so misses
    # source files added to Trellis since: without the plan it makes a new one.
    (FUZZ / ".build" / "release.yaml").unlink(missing_ok=True)
    subprocess.run(["swift", "build", *BUILD_FLAGS], cwd=FUZZ, check=True)


def environment():
    env = dict(os.environ)
    # libFuzzer reports the crash itself; Swift's backtracer would stall each crash for seconds.
    env["SWIFT_BACKTRACE"] = "enable=no"
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0:allocator_may_return_null=1")
    symbolizer = shutil.which("llvm-symbolizer")
    if symbolizer:
        env.setdefault("ASAN_SYMBOLIZER_PATH", symbolizer)
    return env


def seed_folder(target):
    """The target's seeds, copied fresh from the repository (named by content, so no duplicates)."""
    folder = WORK / "seeds" / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = []
    for pattern in SEEDS[target]:
        paths += ROOT.glob(pattern)
    paths += (REGRESSIONS / target).glob("*") if (REGRESSIONS / target).is_dir() else []
    for path in paths:
        if not path.is_file() or ".build" in path.parts or path.stat().st_size > MAX_SEED:
            continue
        data = path.read_bytes()
        if target == "macros":
            data = b"\x00" + data  # the first byte picks the undefined policy: strict
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return folder


# The code each target reaches (git pathspecs): its statistics count for the current code only
# while none of these change.
REACHES = {
    "markdown": ["Sources/TrellisMarkdown", "Sources/TrellisCore", "Sources/TrellisIcons", "Sources/TrellisBuild",
                 "Sources/UpgradeModel"],
    "macros": ["Sources/TrellisMacros", "Sources/TrellisCore", "Sources/TrellisBuild/Fuzzing"],
    "yaml": ["Sources/TrellisCore", "Sources/UpgradeModel", "Sources/TrellisBuild/Fuzzing",
             "Sources/TrellisBuild/Config", "Sources/TrellisBuild/*Config*", "Sources/TrellisBuild/Compat/MkDocs",
             "Sources/TrellisBuild/Model/FrontMatter*", "Sources/TrellisBuild/NavPlugins/AwesomePages*",
             "Sources/TrellisBuild/NavPlugins/PagesFile*", "Sources/TrellisBuild/Upgrades/BrandUpgrades*"],
    "html-attributes": ["Sources/TrellisMarkdown"],
}


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def code_version(target):
    """The commit, and a hash of the files the target reaches, marked when they have local changes."""
    paths = REACHES[target]
    listing = git("ls-files", "-s", "--", *paths)
    version = hashlib.sha1(listing.encode()).hexdigest()[:12] if listing else "unknown"
    if git("status", "--porcelain", "--", *paths):
        version += "+dirty"
    return git("rev-parse", "--short=12", "HEAD") or "unknown", version


def start(target, minutes):
    corpus = WORK / "corpus" / target
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts = WORK / "artifacts" / target
    artifacts.mkdir(parents=True, exist_ok=True)
    logs = WORK / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    log_path = logs / f"{target}-{stamp}.log"
    command = [str(binary(target)), f"-max_total_time={int(minutes * 60)}", *LIMITS,
               f"-dict={FUZZ / 'Dictionaries' / (target + '.dict')}", f"-artifact_prefix={artifacts}/",
               str(corpus), str(seed_folder(target))]
    log(f"[{target}] {minutes:g} min → {log_path.relative_to(ROOT)}")
    handle = open(log_path, "w")
    process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=environment(), cwd=ROOT)
    return {"target": target, "process": process, "log": log_path, "handle": handle, "minutes": minutes,
            "started": time.time(), "artifacts": artifacts, "corpus": corpus,
            # The code fuzzed is the code when the run starts (the checkout may move on meanwhile).
            "version": code_version(target)}


def stats(run):
    text = run["log"].read_text(errors="replace")
    result = {"execs": 0, "cov": 0, "ft": 0, "corpus": len(list(run["corpus"].iterdir()))}
    if m := re.search(r"stat::number_of_executed_units:\s*(\d+)", text):
        result["execs"] = int(m.group(1))
    for line in reversed(text.splitlines()):
        if m := re.match(r"#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+)", line):
            result["cov"], result["ft"] = int(m.group(2)), int(m.group(3))
            result["execs"] = result["execs"] or int(m.group(1))
            break
    return result


def minimize(target, artifact):
    """Shrinks a finding, stores it as a regression input, and returns its path."""
    kind = artifact.name.split("-")[0]
    minimized = artifact.with_name(artifact.name + ".min")
    subprocess.run([str(binary(target)), "-minimize_crash=1", "-max_total_time=120", *LIMITS,
                    f"-exact_artifact_path={minimized}", str(artifact)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment(), cwd=ROOT)
    data = (minimized if minimized.exists() and minimized.stat().st_size else artifact).read_bytes()
    folder = REGRESSIONS / target
    folder.mkdir(parents=True, exist_ok=True)
    destination = folder / f"{kind}-{hashlib.sha1(data).hexdigest()[:12]}"
    destination.write_bytes(data)
    return destination


def record(run, found):
    figures = stats(run)
    commit, tree = run["version"]
    minutes = (run["ended"] - run["started"]) / 60
    line = "\t".join(str(v) for v in [
        datetime.datetime.now().isoformat(timespec="seconds"), commit, tree, run["target"], f"{minutes:.1f}",
        figures["execs"], figures["cov"], figures["ft"], figures["corpus"], len(found)])
    path = WORK / "stats.tsv"
    new = not path.exists()
    with open(path, "a") as f:
        if new:
            f.write("date\tcommit\tcode\ttarget\tminutes\texecs\tcov\tft\tcorpus\tfindings\n")
        f.write(line + "\n")
    log(f"[{run['target']}] {minutes:.1f} min, {figures['execs']:,} executions, cov {figures['cov']}, "
        f"ft {figures['ft']}, corpus {figures['corpus']}, {len(found)} finding(s)")


def finish(run):
    run["process"].wait()
    run["ended"] = time.time()
    run["handle"].close()
    found = []
    for artifact in sorted(run["artifacts"].iterdir()):
        if artifact.name.endswith(".min") or not artifact.name.split("-")[0] in ("crash", "timeout", "oom", "leak"):
            continue
        stored = minimize(run["target"], artifact)
        found.append(stored)
        artifact.unlink()
        for extra in run["artifacts"].glob(artifact.name + ".min"):
            extra.unlink()
        log(f"[{run['target']}] FOUND {artifact.name.split('-')[0]}: {stored.relative_to(ROOT)} "
            f"(reproduce: scripts/fuzz.py --reproduce {stored.relative_to(ROOT)} --target {run['target']})")
    if found:
        tail = run["log"].read_text(errors="replace").splitlines()
        start = next((i for i, l in enumerate(tail) if "ERROR: libFuzzer" in l or "ERROR: AddressSanitizer" in l
                      or "Fatal error" in l or "fuzz invariant" in l), max(0, len(tail) - 40))
        log("\n".join(tail[max(0, start - 5):start + 40]))
    record(run, found)
    return found


def summary():
    path = WORK / "stats.tsv"
    if not path.exists():
        log("no fuzzing recorded yet (.fuzz/stats.tsv)")
        return
    rows = [l.split("\t") for l in path.read_text().splitlines()[1:] if l.strip()]
    log("fuzzing of the current code (the files each target reaches, as committed):")
    log(f"{'target':<16}{'code':<14}{'minutes':>9}{'executions':>15}{'max cov':>9}{'max ft':>9}{'corpus':>8}"
        f"{'findings':>9}")
    for target in TARGETS:
        _, version = code_version(target)
        mine = [r for r in rows if r[3] == target and r[2] == version]
        if not mine:
            log(f"{target:<16}{version:<14}{0:>9}")
            continue
        log(f"{target:<16}{version:<14}{sum(float(r[4]) for r in mine):>9.1f}{sum(int(r[5]) for r in mine):>15,}"
            f"{max(int(r[6]) for r in mine):>9}{max(int(r[7]) for r in mine):>9}{mine[-1][8]:>8}"
            f"{sum(int(r[9]) for r in mine):>9}")


def reproduce(path, target):
    env = environment()
    env["SWIFT_BACKTRACE"] = "enable=yes,interactive=no"
    result = subprocess.run([str(binary(target)), *LIMITS, str(path)], env=env, cwd=ROOT)
    return result.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help=f"targets to run (default: all of {', '.join(TARGETS)})")
    parser.add_argument("--minutes", type=float, default=10, help="how long each target runs (default 10)")
    parser.add_argument("--jobs", type=int, default=1, help="how many targets run at once (default 1)")
    parser.add_argument("--no-build", action="store_true", help="use the fuzz targets already built")
    parser.add_argument("--summary", action="store_true", help="total fuzzing of the current code, per target")
    parser.add_argument("--reproduce", metavar="FILE", help="run one input through --target, with a backtrace")
    parser.add_argument("--target", choices=TARGETS, help="the target for --reproduce")
    args = parser.parse_args()
    if unknown := [t for t in args.targets if t not in TARGETS]:
        parser.error(f"unknown target {', '.join(unknown)}; the targets are {', '.join(TARGETS)}")
    if args.summary:
        summary()
        return 0
    if not args.no_build:
        build()
    if args.reproduce:
        if not args.target:
            parser.error("--reproduce needs --target")
        return reproduce(Path(args.reproduce).resolve(), args.target)
    pending = list(args.targets or TARGETS)
    running, found = [], []
    while pending or running:
        while pending and len(running) < max(1, args.jobs):
            running.append(start(pending.pop(0), args.minutes))
        time.sleep(1)
        for run in [r for r in running if r["process"].poll() is not None]:
            running.remove(run)
            found += finish(run)
    if found:
        log(f"{len(found)} finding(s) stored as regression inputs; `swift test --filter FuzzRegression` replays them")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
