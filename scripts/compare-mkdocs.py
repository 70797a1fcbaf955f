#!/usr/bin/env python3
"""Build one MkDocs site with MkDocs and with Trellis, and compare what readers rely on.

Usage: PYTHON scripts/compare-mkdocs.py SITE_DIR [--trellis BIN] [--mkdocs MKDOCS] [--keep DIR]

Run it with the Python that has MkDocs installed (it checks which plugins that Python has).

SITE_DIR holds an mkdocs.yml. The site is copied to a temporary folder first (the original is
never touched). MkDocs comes from PyPI (`pip install mkdocs-material mkdocs-macros-plugin
mkdocs-awesome-pages-plugin mkdocs-redirects mkdocs-glightbox`); plugins that are not
installed, or that fetch from the network while building (privacy, social), are removed from
the copy's mkdocs.yml, and the script says which.

It compares, page by page:
  - the set of pages (HTML files) each tool writes, at the same paths;
  - each page's heading ids (h1-h6 inside the page content);
  - each page's visible text, word by word (permalinks, edit buttons and scripts left out);
  - each page's links (href of <a> and src of <img> inside the page content; the links
    glightbox wraps around each image are counted apart).
and prints the differences, then a one-line summary. Exit code 0 even when they differ: the
differences are the report; 2 when a build fails to run at all.
"""
import argparse
import difflib
import html.parser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PLUGIN_MODULES = {
    "search": "mkdocs", "macros": "mkdocs_macros", "awesome-pages": "mkdocs_awesome_pages_plugin",
    "redirects": "mkdocs_redirects", "glightbox": "mkdocs_glightbox", "git-authors": "mkdocs_git_authors_plugin",
    "git-revision-date-localized": "mkdocs_git_revision_date_localized_plugin", "tags": "material",
    "social": "material", "blog": "material", "privacy": "material", "offline": "material",
}


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Plugins that fetch from the network while building; this machine may have none.
NETWORK_PLUGINS = {"privacy", "social"}


class ContentParser(html.parser.HTMLParser):
    """Collects heading ids and link targets inside the content element."""

    def __init__(self, content_start):
        super().__init__(convert_charrefs=True)
        self.content_start = content_start
        self.depth = 0
        self.ids, self.links = [], []
        self.lightbox_wrappers = 0
        self.text = []
        # Open elements whose text is chrome, not content (scripts, permalinks, edit buttons).
        self.skip = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth == 0:
            if self.content_start(tag, a):
                self.depth = 1
            return
        if tag == "article":
            self.depth += 1
        classes = (a.get("class") or "").split()
        if self.skip or tag in ("script", "style", "svg") or "headerlink" in classes or any(
            c.endswith("__button") or c.startswith("md-source-file") or c.startswith("trellis-edit") for c in classes
        ):
            if tag not in VOID_TAGS:
                self.skip.append(tag)
        if re.fullmatch(r"h[1-6]", tag) and a.get("id"):
            self.ids.append(a["id"])
        classes = (a.get("class") or "").split()
        if tag == "a" and a.get("href") is not None and "headerlink" not in classes:
            # glightbox wraps every image in a link to itself, a lightbox rather than a link:
            # counted apart so the link lists compare what authors wrote.
            if "glightbox" in classes:
                self.lightbox_wrappers += 1
            else:
                self.links.append(a["href"])
        if tag == "img" and a.get("src") is not None:
            self.links.append(a["src"])

    def handle_endtag(self, tag):
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        if self.depth and tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)

    @property
    def words(self):
        # Joined before splitting: Pygments splits `A=1` into spans, cmark does not.
        return "".join(self.text).split()


def text_difference(a, b, context=6):
    """The first few places where two word lists differ, with a little context."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        before = " ".join(a[max(0, i1 - context):i1])
        out.append(f"  …{before} [mkdocs: {' '.join(a[i1:i2])!r} | trellis: {' '.join(b[j1:j2])!r}]")
        if len(out) == 5:
            out.append("  …")
            break
    return "\n".join(out)


def mkdocs_content(tag, a):
    return tag == "article" and "md-content__inner" in (a.get("class") or "")


def trellis_content(tag, a):
    return tag == "article" and "trellis-article" in (a.get("class") or "")


def pages(folder):
    found = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                path = os.path.relpath(os.path.join(dirpath, name), folder)
                found[path] = os.path.join(dirpath, name)
    return found


def parse(path, content_start):
    parser = ContentParser(content_start)
    with open(path, encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    return parser


def strip_missing_plugins(config_path):
    """Drops plugins whose module is not installed, so MkDocs can build; returns their names."""
    with open(config_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, removed, in_plugins, skipping = [], [], False, False
    for line in lines:
        if re.match(r"^plugins:\s*$", line):
            in_plugins = True
            out.append(line)
            continue
        if in_plugins and re.match(r"^\S", line):
            in_plugins = False
        if in_plugins:
            m = re.match(r"^  - ([\w.-]+):?\s*$", line)
            if m:
                module = PLUGIN_MODULES.get(m.group(1), m.group(1).replace("-", "_"))
                skipping = m.group(1) in NETWORK_PLUGINS or importlib.util.find_spec(module) is None
                if skipping:
                    removed.append(m.group(1))
            elif not line.startswith("    ") and line.strip():
                skipping = False
            if skipping:
                continue
        out.append(line)
    text = "\n".join(out)
    # An excerpt of a site names sections that are not there: let awesome-pages warn, not fail.
    text = re.sub(r"^  - awesome-pages\s*$", "  - awesome-pages:\n      strict: false", text, flags=re.M)
    with open(config_path, "w", encoding="utf-8") as f:
        f.write(text)
    return removed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--trellis", default=os.path.join(ROOT, ".build", "debug", "trellis"))
    # The mkdocs next to this Python (a venv's), else the one on PATH.
    beside = os.path.join(os.path.dirname(sys.executable), "mkdocs")
    ap.add_argument("--mkdocs", default=beside if os.path.exists(beside) else "mkdocs")
    ap.add_argument("--keep")
    args = ap.parse_args()
    # The builds run in a copy of the site: tool paths given relative to here must still work.
    for name in ("trellis", "mkdocs"):
        value = getattr(args, name)
        if os.sep in value:
            setattr(args, name, os.path.abspath(value))
    if not os.path.exists(os.path.join(args.site, "mkdocs.yml")):
        sys.exit(f"no mkdocs.yml in {args.site}")
    work = args.keep or tempfile.mkdtemp(prefix="trellis-compare-")
    copy = os.path.join(work, "site-src")
    if os.path.exists(copy):
        shutil.rmtree(copy)
    shutil.copytree(args.site, copy)
    removed = strip_missing_plugins(os.path.join(copy, "mkdocs.yml"))
    with open(os.path.join(copy, "mkdocs.yml"), encoding="utf-8") as f:
        custom = re.search(r"^\s+custom_dir:\s*(\S+)", f.read(), re.M)
    if custom and not os.path.exists(os.path.join(copy, custom.group(1))):
        os.makedirs(os.path.join(copy, custom.group(1)))
        print(f"theme custom_dir '{custom.group(1)}' is missing; compared with an empty one")
        # Overrides often supply the analytics partial the config names: stand in an empty one.
        with open(os.path.join(copy, "mkdocs.yml"), encoding="utf-8") as f:
            provider = re.search(r"^  analytics:\s*\n(?:    .*\n)*?    provider:\s*(\w+)", f.read(), re.M)
        if provider:
            stub = os.path.join(copy, custom.group(1), "partials", "integrations", "analytics", provider.group(1) + ".html")
            os.makedirs(os.path.dirname(stub), exist_ok=True)
            open(stub, "w").close()
            print(f"analytics partial for '{provider.group(1)}' stubbed (it lives in the missing overrides)")
    if removed:
        print(f"plugins not installed, removed for the MkDocs build: {', '.join(removed)}")
    mk_out = os.path.join(work, "mkdocs-out")
    mk = subprocess.run([args.mkdocs, "build", "-q", "-d", mk_out], cwd=copy, capture_output=True, text=True)
    if mk.returncode != 0:
        print(mk.stderr[-3000:], file=sys.stderr)
        sys.exit(2)
    tr = subprocess.run([args.trellis, "build"], cwd=copy, capture_output=True, text=True)
    print(f"trellis build exited {tr.returncode}: {tr.stderr.strip().splitlines()[-1] if tr.stderr.strip() else ''}")
    tr_out = os.path.join(copy, "site")
    mk_pages, tr_pages = pages(mk_out), pages(tr_out)
    # Both write a 404 page; its text is each theme's own, so only its presence is compared.
    ignore = {"404.html"}
    only_mk = sorted(set(mk_pages) - set(tr_pages))
    only_tr = sorted(set(tr_pages) - set(mk_pages))
    for path in only_mk:
        print(f"page only MkDocs writes: {path}")
    for path in only_tr:
        print(f"page only Trellis writes: {path}")
    id_diffs = link_diffs = lightbox = text_diffs = 0
    for path in sorted(set(mk_pages) & set(tr_pages) - ignore):
        a, b = parse(mk_pages[path], mkdocs_content), parse(tr_pages[path], trellis_content)
        lightbox += a.lightbox_wrappers
        if a.ids != b.ids:
            id_diffs += 1
            print(f"{path}: heading ids differ\n  mkdocs:  {a.ids}\n  trellis: {b.ids}")
        if a.links != b.links:
            link_diffs += 1
            missing = [l for l in a.links if l not in b.links]
            extra = [l for l in b.links if l not in a.links]
            if missing or extra:
                print(f"{path}: links differ\n  only mkdocs:  {missing}\n  only trellis: {extra}")
            else:
                print(f"{path}: same links, different order or count\n  mkdocs:  {a.links}\n  trellis: {b.links}")
        if a.words != b.words:
            text_diffs += 1
            print(f"{path}: text differs\n{text_difference(a.words, b.words)}")
    common = len(set(mk_pages) & set(tr_pages))
    print(f"summary: {len(mk_pages)} MkDocs pages, {len(tr_pages)} Trellis pages, {common} in common, "
          f"{len(only_mk)} only MkDocs, {len(only_tr)} only Trellis, {id_diffs} with different heading ids, "
          f"{link_diffs} with different links ({lightbox} glightbox image wrappers in MkDocs' pages not counted), "
          f"{text_diffs} with different text")


if __name__ == "__main__":
    main()
