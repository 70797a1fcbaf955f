#!/usr/bin/env python3
"""Benchmark (not a test) of `trellis serve`: from a file's save to the browsers' reload event.

Copies a site to a temporary folder, adds a template override to its first brand, starts
`trellis serve --port 0` on it, listens to the server's event stream as a browser does, and for
each kind of change saves a file and measures the time until the reload event arrives, and how
many pages `serve` says it rendered into the theme. Each change is made `--runs` times (undone in
between, itself unmeasured) and the median is printed.

    python3 scripts/bench-serve.py --trellis .build/release/trellis --site . --runs 5
    python3 scripts/bench-serve.py --trellis .build/release/trellis --site /work/synth10k --config trellis.yml

Changes: a one-page text edit, a heading rename (a level-2 heading of the same page), a title
change (its level-1 heading), a new page (added, then deleted), and a template edit (the brand's
footer override).
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def find_pages(docs):
    pages = []
    for folder, _, files in os.walk(docs):
        for name in sorted(files):
            if name.endswith(".md"):
                pages.append(os.path.join(folder, name))
    return sorted(pages)


class EventStream:
    """A browser's view of /__trellis/events: counts reload events as they arrive."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__trellis/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.reloads = []
        self.lock = threading.Condition()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        buffer = b""
        while True:
            chunk = self.sock.recv(65536)
            if not chunk:
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if line.strip() == b"event: reload":
                    with self.lock:
                        self.reloads.append(time.perf_counter())
                        self.lock.notify_all()

    def wait(self, count, timeout=120):
        deadline = time.perf_counter() + timeout
        with self.lock:
            while len(self.reloads) < count:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError("no reload event")
                self.lock.wait(left)
            return self.reloads[count - 1]


class Serve:
    def __init__(self, trellis, folder, config):
        command = [trellis, "serve", "--port", "0"] + (["--config", config] if config else [])
        self.process = subprocess.Popen(command, cwd=folder, stderr=subprocess.PIPE, text=True)
        self.lines = []
        self.lock = threading.Condition()
        threading.Thread(target=self.read, daemon=True).start()
        self.port = int(self.wait_for(r"Serving (?:brand '.*' )?at http://[^:]+:(\d+)/", 600).group(1))

    def read(self):
        for line in self.process.stderr:
            with self.lock:
                self.lines.append(line.rstrip("\n"))
                self.lock.notify_all()

    def wait_for(self, pattern, timeout=120, after=0):
        deadline = time.time() + timeout
        with self.lock:
            while True:
                for line in self.lines[after:]:
                    match = re.search(pattern, line)
                    if match:
                        return match
                left = deadline - time.time()
                if left <= 0 or self.process.poll() is not None:
                    raise RuntimeError("serve did not print %r:\n%s" % (pattern, "\n".join(self.lines[-20:])))
                self.lock.wait(left)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trellis", default=".build/release/trellis")
    parser.add_argument("--site", default=".")
    parser.add_argument("--config", default=None, help="the config file (default: the site's)")
    parser.add_argument("--docs", default=None, help="the docs folder (default: content, else docs)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pause", type=float, default=2.0,
                        help="seconds between saves (the search index is rebuilt in the background once the writer pauses)")
    parser.add_argument("--only", default="text,heading,title,page,template", help="the changes to make, comma-separated")
    args = parser.parse_args()
    trellis = os.path.abspath(args.trellis)

    work = tempfile.mkdtemp(prefix="trellis-bench-serve-")
    try:
        site = os.path.join(work, "site")
        shutil.copytree(args.site, site, ignore=shutil.ignore_patterns(".build", "site", ".git", ".trellis-cache"))
        docs = os.path.join(site, args.docs or ("content" if os.path.isdir(os.path.join(site, "content")) else "docs"))
        config = args.config
        # The output goes nowhere near the original: serve writes nothing, but keep site_dir local.
        # A template override for every brand file, so a template edit is a change serve sees.
        overrides = os.path.join(site, "bench-overrides")
        os.makedirs(os.path.join(overrides, "partials"), exist_ok=True)
        footer = os.path.join(overrides, "partials", "footer.mustache")
        with open(footer, "w") as f:
            f.write("<footer class=\"bench\">bench 0</footer>\n")
        brands_dir = os.path.join(site, "brands")
        if os.path.isdir(brands_dir):
            for name in os.listdir(brands_dir):
                if name.endswith(".yml"):
                    path = os.path.join(brands_dir, name)
                    text = open(path).read()
                    if "templates:" not in text:
                        if re.search(r"^theme:\s*$", text, re.M):
                            text = re.sub(r"^theme:\s*$", "theme:\n  templates: bench-overrides", text, count=1, flags=re.M)
                        else:
                            text += "\ntheme:\n  templates: bench-overrides\n"
                        open(path, "w").write(text)

        pages = find_pages(docs)
        page = next((p for p in pages if re.search(r"^## ", open(p).read(), re.M)), pages[len(pages) // 2])
        original = open(page).read()
        heading = re.search(r"^## (.+)$", original, re.M)

        started = time.perf_counter()
        serve = Serve(trellis, site, config)
        print("first build and listening: %.0f ms (%s)" % ((time.perf_counter() - started) * 1000, serve.lines[-1]))
        events = EventStream(serve.port)
        time.sleep(0.3)
        seen = 0

        def change(write, undo):
            nonlocal seen
            times, rendered = [], []
            for run in range(args.runs):
                mark = len(serve.lines)
                t0 = time.perf_counter()
                write(run)
                seen += 1
                t1 = events.wait(seen)
                line = serve.wait_for(r"rebuilt (everything|(\d+) pages?) in (\d+) ms", after=mark).group(0)
                times.append((t1 - t0) * 1000)
                count = re.search(r"rebuilt (\d+) pages?", line)
                rendered.append(int(count.group(1)) if count else -1)
                serve.wait_for(r"rebuilt", after=mark)
                time.sleep(args.pause)
                # Undo (its reload is counted, not measured).
                mark = len(serve.lines)
                undo(run)
                seen += 1
                events.wait(seen)
                serve.wait_for(r"rebuilt", after=mark)
                time.sleep(args.pause)
            return statistics.median(times), rendered

        def edit_text(run):
            with open(page, "w") as f:
                f.write(original.replace("\n\n", "\n\nEdited %d.\n\n" % run, 1) if "\n\n" in original else original + "\nEdited.\n")

        def restore(_):
            with open(page, "w") as f:
                f.write(original)

        only = set(args.only.split(","))
        results = []
        if "text" in only:
            results.append(("one-page text edit", *change(edit_text, restore)))
        if heading and "heading" in only:
            def rename(run):
                with open(page, "w") as f:
                    f.write(original.replace(heading.group(0), "## %s renamed %d" % (heading.group(1), run), 1))
            results.append(("heading rename", *change(rename, restore)))
        title = re.search(r"^# (.+)$", original, re.M)
        if title and "title" in only:
            def retitle(run):
                with open(page, "w") as f:
                    f.write(original.replace(title.group(0), "# %s retitled %d" % (title.group(1), run), 1))
            results.append(("title change", *change(retitle, restore)))
        new_page = os.path.join(os.path.dirname(page), "bench-new-page.md")

        def add(run):
            with open(new_page, "w") as f:
                f.write("# Bench page %d\n\nText.\n" % run)

        def delete(_):
            os.remove(new_page)
        if "page" in only:
            results.append(("new page", *change(add, delete)))

        def edit_template(run):
            with open(footer, "w") as f:
                f.write("<footer class=\"bench\">bench %d</footer>\n" % (run + 1))

        def restore_template(_):
            with open(footer, "w") as f:
                f.write("<footer class=\"bench\">bench 0</footer>\n")
        if "template" in only:
            results.append(("template edit", *change(edit_template, restore_template)))

        serve.stop()
        print("%d pages; page edited: %s" % (len(pages), os.path.relpath(page, site)))
        print("%-22s %14s  %s" % ("change", "save→reload", "pages rendered (-1: everything)"))
        for name, median, rendered in results:
            print("%-22s %11.1f ms  %s" % (name, median, rendered))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
