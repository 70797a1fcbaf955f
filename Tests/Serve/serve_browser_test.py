#!/usr/bin/env python3
"""Real-browser test of `trellis serve`, in headless Chromium.

Usage: serve_browser_test.py --trellis PATH

Writes a small two-brand site to a temporary folder, starts `trellis serve --port 0` on it and
opens a long page scrolled down (`--open` having started $BROWSER with the preview's address). Then, without a manual refresh: saving the page reloads it with
the new text at the same scroll position; a broken macro shows the overlay with the error's file,
line and rule over the last good page; fixing it takes the overlay away; the brand switcher shows
the other brand on the same page; and the console has no errors. Ctrl-C then stops the server
with exit code 0. Exits 1 with a message on the first failure.
"""
import argparse
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Browser"))
from chromium import Failure, check, make_driver  # noqa: E402  (the browser tests' shared set-up)


FILLER = "\n\n".join("Paragraph %d of the guide, long enough to scroll past." % n for n in range(80))
FILES = {
    "trellis.yml": "site_name: Guides\nbrands: [alpha, beta]\n",
    "brands/alpha.yml": "name: Alpha Cloud\nextra:\n  brand: Alpha Cloud\n",
    "brands/beta.yml": "name: Beta Hosting\nextra:\n  brand: Beta Hosting\n",
    "content/index.md": "# Home\n\nRead [the guide](guide.md).\n",
    "content/guide.md": "# Guide for {{ brand }}\n\n" + FILLER + "\n\nThe end.\n",
}


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def wait_until(what, condition, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if condition():
                return
        except Exception:
            pass
        time.sleep(0.05)
    raise Failure("timed out waiting for " + what)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trellis", required=True)
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="trellis-serve-browser-")
    serve = None
    driver = None
    elsewhere = None
    try:
        for path, text in FILES.items():
            write(root, path, text)
        # --open starts $BROWSER with the preview's address (here, a script that notes it).
        # (Outside the site: serve would see the files change.)
        elsewhere = tempfile.mkdtemp(prefix="trellis-serve-browser-opener-")
        opener = os.path.join(elsewhere, "opener.sh")
        opened = os.path.join(elsewhere, "opened.txt")
        write(elsewhere, "opener.sh", "#!/bin/sh\necho \"$1\" > '%s'\n" % opened)
        os.chmod(opener, 0o755)
        serve = subprocess.Popen([os.path.abspath(args.trellis), "serve", "--port", "0", "--open"], cwd=root,
                                 stderr=subprocess.PIPE, text=True, env=dict(os.environ, BROWSER=opener + " %s"))
        lines = []
        ready = threading.Event()

        def read():
            for line in serve.stderr:
                lines.append(line.rstrip("\n"))
                if "Serving" in line:
                    ready.set()
        threading.Thread(target=read, daemon=True).start()
        check(ready.wait(120), "serve never said where it listens:\n" + "\n".join(lines))
        port = re.search(r"http://127\.0\.0\.1:(\d+)/", "\n".join(lines)).group(1)
        base = "http://127.0.0.1:%s" % port
        wait_until("--open to start the browser", lambda: open(opened).read().strip() == base + "/")

        driver = make_driver(800)
        driver.get(base + "/guide/")
        check("Guide for Alpha Cloud" in driver.page_source, "the page did not load")
        driver.execute_script("window.scrollTo(0, 1200); window.__notReloaded = true;")
        wait_until("the scroll", lambda: driver.execute_script("return window.scrollY") >= 1100)

        # A save: the page reloads by itself, with the new text, where the reader was.
        write(root, "content/guide.md", FILES["content/guide.md"].replace("The end.", "The new end."))
        wait_until("the reload after a save",
                   lambda: driver.execute_script("return window.__notReloaded === undefined")
                   and "The new end." in driver.page_source)
        wait_until("the scroll position to come back",
                   lambda: abs(driver.execute_script("return window.scrollY") - 1200) < 60)

        # A broken macro: the overlay names it, over the last good page.
        write(root, "content/guide.md", FILES["content/guide.md"].replace("The end.", "The {{ broken end."))
        wait_until("the overlay", lambda: driver.find_element(By.ID, "trellis-overlay").is_displayed())
        overlay = driver.find_element(By.ID, "trellis-overlay").text
        check("content/guide.md" in overlay, "the overlay does not name the file: %r" % overlay)
        check("The new end." in driver.page_source, "the last good page is not shown under the overlay")

        # Fixed: the overlay goes.
        write(root, "content/guide.md", FILES["content/guide.md"].replace("The end.", "The fixed end."))
        wait_until("the fixed page", lambda: "The fixed end." in driver.page_source)
        wait_until("the overlay to go", lambda: not driver.find_elements(By.ID, "trellis-overlay")
                   or not driver.find_element(By.ID, "trellis-overlay").is_displayed())

        # The brand switcher: the other brand, on the same page.
        wait_until("the switcher", lambda: driver.find_element(By.ID, "trellis-brand"))
        Select(driver.find_element(By.ID, "trellis-brand")).select_by_value("beta")
        wait_until("the other brand", lambda: "Guide for Beta Hosting" in driver.page_source)
        check(driver.current_url.rstrip("/").endswith("/guide"), "the switch left the page: " + driver.current_url)

        # (The browser asks for /favicon.ico on its own; this site has none.)
        severe = [entry for entry in driver.get_log("browser")
                  if entry.get("level") == "SEVERE" and "/favicon.ico" not in entry.get("message", "")]
        check(not severe, "console errors: %r" % severe)

        serve.send_signal(signal.SIGINT)
        code = serve.wait(timeout=30)
        check(code == 0, "Ctrl-C ended serve with exit code %d" % code)
        serve = None
        print("ok   trellis serve in Chromium: --open, reload on save with the scroll kept, overlay shown and cleared, brand switched")
        return 0
    except Failure as failure:
        print("FAIL trellis serve in Chromium: %s" % failure, file=sys.stderr)
        return 1
    finally:
        if driver:
            driver.quit()
        if serve:
            serve.kill()
        shutil.rmtree(root, ignore_errors=True)
        if elsewhere:
            shutil.rmtree(elsewhere, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
