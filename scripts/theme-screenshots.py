#!/usr/bin/env python3
"""Side-by-side screenshots of one page per corpus site: MkDocs + Material on the left, Trellis
on the right, each at 1280 px wide, to compare the look (colours, tabs, header links, TOC).

Usage: /work/mkdocs-venv/bin/python scripts/theme-screenshots.py [--trellis BIN] [--out DIR]
           [--corpus DIR] [--cache DIR] [--only NAME ...] [--height PX]

- MkDocs output comes from --cache (the folders scripts/compare-mkdocs.py writes, <name>-<hash>/site),
  else MkDocs builds the site into a temporary folder.
- Trellis builds a copy of each site in a temporary folder (never inside the corpus).
- The browser (headless Chromium with chromedriver, as scripts/browser-test.sh installs them)
  cannot reach the network: Material's Google fonts fall back to local fonts on both sides.
- Writes DIR/<name>-mkdocs.png, DIR/<name>-trellis.png and DIR/<name>.png (both side by side),
  outside the repository (default /work/screenshots).
"""
import argparse
import base64
import importlib.util
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# One page per site: deep enough for tabs, breadcrumbs and a table of contents.
PAGES = {
    "archer2": "user-guide/scheduler/",
    "c2sm": "models/icon/",
    "cleura-docs": "tutorials/ansible/",
    "cqasm-spec": "language_specification/statements/instructions/unitary_instructions.html",
    "engineering-playbook": "observability/profiling/",
    "ncar-hpc-docs": "environment-and-software/user-environment/",
    "sqldelight": "multiplatform_sqlite/transactions/",
    "trivy": "getting-started/installation/",
    "uv": "concepts/configuration-files/",
}


def site_folder(corpus, name):
    for base in (corpus / "mkdocs-sites" / name, corpus / name):
        if (base / "mkdocs.yml").exists():
            return base
    return None


def config_name(folder):
    return "mkdocs.reference.yml" if (folder / "mkdocs.reference.yml").exists() else "mkdocs.yml"


def mkdocs_output(name, folder, cache, work):
    if cache:
        for candidate in sorted(cache.glob(name + "-*")):
            if (candidate / "site").is_dir() and not candidate.name.split("-")[-1].startswith("tmp"):
                return candidate / "site"
    out = work / (name + "-mkdocs")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    mkdocs = pathlib.Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "-q", "-f", config_name(folder), "-d", str(out)], cwd=folder, env=env,
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def restore_symlinks(copy):
    """compare-mkdocs.py's: symlinks the corpus stores as text files become symlinks again."""
    spec = importlib.util.spec_from_file_location("compare_mkdocs", ROOT / "scripts" / "compare-mkdocs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.restore_symlinks(copy)


def trellis_output(name, folder, trellis, work):
    copy = work / (name + "-trellis")
    shutil.copytree(folder, copy, symlinks=True)
    restore_symlinks(copy)
    args = [trellis, "build"]
    if config_name(folder) != "mkdocs.yml":
        args += ["--config", config_name(folder)]
    subprocess.run(args, cwd=copy, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # `site_dir` as the config (or a file it inherits) sets it; "site" by default.
    for config in [copy / config_name(folder)] + sorted(copy.glob("*.yml")):
        found = re.search(r"^site_dir:\s*['\"]?([^'\"\n#]+?)['\"]?\s*$", config.read_text(errors="replace"), re.M)
        if found:
            return copy / found.group(1)
    return copy / "site"


def page_file(site, page):
    path = site / page
    return path / "index.html" if page.endswith("/") or path.is_dir() else path


def browser(width, height):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                f"--window-size={width},{height}", "--force-device-scale-factor=1",
                # No network: every host name fails to resolve (file:// pages still load).
                "--host-resolver-rules=MAP * ~NOTFOUND", "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    return driver


def shoot(driver, path, out, width, height):
    driver.set_window_size(width, height)
    driver.get(path.as_uri())
    # The same colour scheme for both: the first (light) one, as a first-time reader sees it.
    driver.execute_script("try{localStorage.clear()}catch(e){}")
    driver.get(path.as_uri())
    driver.save_screenshot(str(out))


def side_by_side(driver, left, right, out, width, height):
    def data(p):
        return "data:image/png;base64," + base64.b64encode(p.read_bytes()).decode()
    page = pathlib.Path(tempfile.mkdtemp()) / "pair.html"
    page.write_text(
        "<!doctype html><body style='margin:0;display:flex;gap:8px;background:#888'>"
        f"<img src='{data(left)}' width={width}><img src='{data(right)}' width={width}></body>")
    driver.set_window_size(2 * width + 8, height)
    driver.get(page.as_uri())
    driver.save_screenshot(str(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trellis", default=str(ROOT / ".build" / "debug" / "trellis"))
    parser.add_argument("--out", default="/work/screenshots")
    parser.add_argument("--corpus", default="/work/shared/corpus")
    parser.add_argument("--cache", default="/work/mkdocs-ref")
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    corpus = pathlib.Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"theme-screenshots: no corpus at {corpus}")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cache = pathlib.Path(args.cache) if args.cache and pathlib.Path(args.cache).is_dir() else None
    work = pathlib.Path(tempfile.mkdtemp(prefix="trellis-shots-"))
    driver = browser(1280, args.height)
    try:
        for name, page in PAGES.items():
            if args.only and name not in args.only:
                continue
            folder = site_folder(corpus, name)
            if folder is None:
                print(f"{name}: not in the corpus, skipped")
                continue
            mk = page_file(mkdocs_output(name, folder, cache, work), page)
            tr = page_file(trellis_output(name, folder, args.trellis, work), page)
            missing = [str(p) for p in (mk, tr) if not p.exists()]
            if missing:
                print(f"{name}: missing {', '.join(missing)}")
                continue
            left, right = out / f"{name}-mkdocs.png", out / f"{name}-trellis.png"
            shoot(driver, mk, left, 1280, args.height)
            shoot(driver, tr, right, 1280, args.height)
            side_by_side(driver, left, right, out / f"{name}.png", 1280, args.height)
            print(f"{name}: {out / (name + '.png')}")
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
