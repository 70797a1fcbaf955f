#!/usr/bin/env python3
"""Kill test: SIGKILL `trellis build` at random moments and at each step of the output swap, and
check that the output folder always holds, for every brand, the complete previous site or the
complete new one (never a mix of generations or of brands), and that a build run to completion
afterwards leaves nothing beside it.

    python3 scripts/kill-test.py [--count 100] [--pages 300] [--trellis PATH] [--seed N]

It generates a two-brand site in a temporary folder. Each round writes a new generation number
into every page, starts a build, kills it at a random moment, checks the output, then runs a
build to completion and checks again. Then it kills builds exactly between the swap's steps,
with the test-only hooks of Sources/TrellisBuild/Output/AtomicSwap.swift:
TRELLIS_TEST_PAUSE_SWAP=staged|exchanged|parked stops the build there (SIGSTOP), and
TRELLIS_TEST_SWAP_FALLBACK=1 takes the two-rename path of file systems without an atomic
exchange. Last, two builds run at once. Exits 1 on any violation.
"""
import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BRANDS = ["alpha", "beta"]
MARKER = re.compile(rb"TRELLIS-GEN-(\d+)-END")


def generate(root, pages):
    os.makedirs(os.path.join(root, "brands"))
    with open(os.path.join(root, "trellis.yml"), "w") as f:
        f.write("site_name: Kill test\nbrands: [alpha, beta]\nvalidation: {OrphanPage: off, PageNotInNav: off}\n")
    for brand in BRANDS:
        with open(os.path.join(root, "brands", brand + ".yml"), "w") as f:
            f.write(f"name: {brand.title()} Cloud\nextra:\n  brand: {brand.title()} Cloud\n")
    paths = ["index.md"] + [f"area-{i % 6}/page-{i}.md" for i in range(pages - 1)]
    for path in paths:
        os.makedirs(os.path.join(root, "content", os.path.dirname(path)), exist_ok=True)
    return paths


def write_generation(root, paths, generation):
    body = "\n".join(
        f"## Section {n}\n\nParagraph {n} of {{{{ brand }}}} with **bold**, `code` and a list:\n\n- one\n- two\n"
        for n in range(8))
    for i, path in enumerate(paths):
        title = "Home" if path == "index.md" else f"Page {i}"
        with open(os.path.join(root, "content", path), "w") as f:
            f.write(f"# {title}\n\nBuild TRELLIS-GEN-{generation}-END.\n\n{body}")


def generations(folder):
    """Each brand's set of generations and page count, from the pages of `folder`."""
    result = {}
    for brand in BRANDS:
        seen, count = set(), 0
        for dirpath, _, files in os.walk(os.path.join(folder, brand)):
            for name in files:
                if name != "index.html":
                    continue
                count += 1
                with open(os.path.join(dirpath, name), "rb") as f:
                    found = {int(m) for m in MARKER.findall(f.read())}
                seen |= found or {None}
        result[brand] = (seen, count)
    return result


def leftovers(root, kinds=("staging", "old", "trash")):
    return sorted(n for n in os.listdir(root) if any(n.startswith(f".trellis-{k}-") for k in kinds))


class Checker:
    def __init__(self, root, expected_pages):
        self.root, self.expected_pages = root, expected_pages
        self.violations = []
        self.states = {}

    def fail(self, message):
        self.violations.append(message)
        print("VIOLATION:", message, file=sys.stderr)

    def check_output(self, label, old, new, record=True):
        """The output (or, when a kill between the fallback's renames left none, the parked
        output the next build puts back) holds one complete generation for every brand."""
        site = os.path.join(self.root, "site")
        state_prefix = ""
        if not os.path.isdir(site):
            parked = leftovers(self.root, ("old",))
            if not parked:
                return self.fail(f"{label}: no site and no parked output")
            site, state_prefix = os.path.join(self.root, parked[-1]), "parked-"
        found = generations(site)
        gens = set()
        for brand, (seen, count) in found.items():
            if len(seen) != 1 or None in seen:
                self.fail(f"{label}: brand {brand} mixes generations {sorted(map(str, seen))}")
            if count != self.expected_pages:
                self.fail(f"{label}: brand {brand} has {count} pages, expected {self.expected_pages}")
            gens |= seen
        if len(gens) != 1:
            return self.fail(f"{label}: brands from different generations {sorted(map(str, gens))}")
        gen = gens.pop()
        if gen not in (old, new):
            return self.fail(f"{label}: generation {gen}, expected {old} (old) or {new} (new)")
        if record:
            state = state_prefix + ("new" if gen == new and new != old else "old")
            self.states[state] = self.states.get(state, 0) + 1
        return gen

    def check_clean(self, label, wait_for_trash=False):
        """After a completed build: no staging or parked folder. The previous output's trash
        folder is deleted in the background (and by the next build, if still there): with
        `wait_for_trash`, it gets a few seconds to go."""
        stray = leftovers(self.root, ("staging", "old"))
        if stray:
            self.fail(f"{label}: stray folders {stray}")
        if not wait_for_trash:
            return
        deadline = time.monotonic() + 30
        while leftovers(self.root, ("trash",)) and time.monotonic() < deadline:
            time.sleep(0.05)
        if leftovers(self.root, ("trash",)):
            self.fail(f"{label}: trash left {leftovers(self.root)}")


def build(trellis, root, env=None):
    return subprocess.run([trellis, "build", "--root", root], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)


def stopped(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "T"
    except OSError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100, help="random kills (default 100)")
    parser.add_argument("--pages", type=int, default=300, help="pages per brand (default 300)")
    parser.add_argument("--trellis", help="the trellis binary (default: swift build's)")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    trellis = args.trellis
    if not trellis:
        subprocess.run(["swift", "build", "--product", "trellis"], check=True, stdout=subprocess.DEVNULL)
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], check=True, capture_output=True, text=True)
        trellis = os.path.join(bin_path.stdout.strip(), "trellis")
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    root = tempfile.mkdtemp(prefix="trellis-kill-test-")
    try:
        paths = generate(root, args.pages)
        checker = Checker(root, len(paths))
        generation = 0
        write_generation(root, paths, generation)
        start = time.monotonic()
        first = build(trellis, root)
        duration = time.monotonic() - start
        if first.returncode != 0:
            print(first.stderr, file=sys.stderr)
            sys.exit("the generated site does not build")
        # Kills are spread over a rebuild's time, which on a busy machine is longer than the first
        # build's: the slowest of three rebuilds is the measure, so some rounds finish before the kill.
        for _ in range(3):
            start = time.monotonic()
            build(trellis, root)
            duration = max(duration, time.monotonic() - start)
        done = generation
        finished = 0

        def complete(label):
            nonlocal done
            result = build(trellis, root)
            if result.returncode != 0:
                checker.fail(f"{label}: the build after the kill failed: {result.stderr[-500:]}")
            done = generation
            checker.check_clean(label)
            if checker.check_output(label + " (completed)", generation, generation, record=False) != generation:
                checker.fail(f"{label}: the completed build did not publish generation {generation}")

        for round_number in range(args.count):
            previous = done
            generation += 1
            write_generation(root, paths, generation)
            process = subprocess.Popen([trellis, "build", "--root", root], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, duration * 1.5))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            else:
                finished += 1
            process.wait()
            if process.returncode == 0:
                done = generation
            checker.check_output(f"round {round_number}", previous, generation)
            complete(f"round {round_number}")

        for fallback, step in [(False, "staged"), (False, "exchanged"), (True, "staged"), (True, "parked")]:
            generation += 1
            write_generation(root, paths, generation)
            env = dict(os.environ, TRELLIS_TEST_PAUSE_SWAP=step)
            if fallback:
                env["TRELLIS_TEST_SWAP_FALLBACK"] = "1"
            process = subprocess.Popen([trellis, "build", "--root", root], env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            while not stopped(process.pid) and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            label = f"{'fallback' if fallback else 'exchange'} step {step}"
            if not stopped(process.pid):
                checker.fail(f"{label}: the build never reached the step")
            process.send_signal(signal.SIGKILL)
            process.wait()
            gen = checker.check_output(label, done, generation)
            expected = generation if step == "exchanged" else done
            if gen is not None and gen != expected:
                checker.fail(f"{label}: generation {gen}, expected {expected}")
            complete(label)

        # Two builds at once: the output lock makes them take turns.
        generation += 1
        write_generation(root, paths, generation)
        both = [subprocess.Popen([trellis, "build", "--root", root], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL) for _ in range(2)]
        if any(p.wait() != 0 for p in both):
            checker.fail("two builds at once: one failed")
        checker.check_clean("two builds at once", wait_for_trash=True)
        checker.check_output("two builds at once", generation, generation, record=False)

        states = ", ".join(f"{k} {v}" for k, v in sorted(checker.states.items()))
        print(f"kill-test: seed {seed}, {len(paths)} pages x {len(BRANDS)} brands, slowest rebuild {duration:.2f} s")
        print(f"kill-test: {args.count} random rounds ({args.count - finished} killed, {finished} finished before "
              f"the kill), 4 kills at swap steps; states seen: {states}")
        print(f"kill-test: {len(checker.violations)} violations")
        sys.exit(1 if checker.violations else 0)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
