#!/usr/bin/env python3
"""Build MkDocs sites with MkDocs and with Trellis, and compare what readers rely on.

Usage:
  PYTHON scripts/compare-mkdocs.py SITE_DIR [--trellis BIN] [--mkdocs MKDOCS] [--cache DIR] [--keep DIR]
  PYTHON scripts/compare-mkdocs.py --all [--corpus DIR] [--details] [--jobs N] [--trellis BIN] [--cache DIR] [--keep DIR]

Run it with the Python that has MkDocs installed (for example /work/mkdocs-venv/bin/python): it
asks that Python which plugins are installed, and reads the config with MkDocs' own YAML loader
(so `!ENV` and `INHERIT` work). It needs nothing beyond the standard library and that venv.

SITE_DIR holds an mkdocs.yml. `--all` runs every site of the corpus instead: each folder of
CORPUS/mkdocs-sites/ and each folder of CORPUS/ that holds an mkdocs.yml (CORPUS defaults to
../shared/corpus beside the repository; the script says so and exits 2 when it is absent).

Each site is copied to a temporary folder first (the original is never touched) and both tools
build the copy with the same config: mkdocs.reference.yml where the site has one (MkDocs:
`mkdocs build -f mkdocs.reference.yml -d OUT`; Trellis: `trellis build --config
mkdocs.reference.yml`, both run in the copy's folder), else mkdocs.yml (`trellis build`).
In the copy only, and said each time:
  - plugins that are not installed, that fetch from the network while building (privacy,
    social), or that read git history (git-revision-date-localized: the copy is no repository,
    and MkDocs fails without one) are removed from that config; awesome-pages is made non-strict;
  - a missing theme custom_dir is made empty (with an empty analytics partial if one is named);
  - a symlink that the corpus stores as a small text file holding its target (git's form of a
    symlink on a file system without them: no newline, a relative path to a file of the site)
    is made a symlink again, as in the site's repository (`--no-restore-symlinks` keeps it).
MkDocs writes to OUT; Trellis writes where the config's `site_dir` says (default `site`, relative
to the config's folder), and that is where its pages are looked for.

MkDocs builds are cached in `--cache DIR` (default: a folder under the system's temporary folder),
one folder per site named after the site and a hash of the prepared copy's files and the MkDocs,
Material and pymdown-extensions versions: a re-run only rebuilds with Trellis. `--jobs N` (default
2) sites are built and compared at once.

Compared, for each site:
  - the set of pages (HTML files) each tool writes, at the same paths; a page MkDocs writes that
    Trellis does not is a failure, one only Trellis writes is listed;
  - per page, inside the content only (MkDocs: `article.md-content__inner`, a div on the index
    pages of Material's blog; Trellis: `article.trellis-article`; permalinks, edit buttons, the
    source-file footer, scripts, styles and inline SVG left out):
    - heading ids (h1-h6 with an id), in order;
    - leftovers: occurrences in visible text of `{{`, `{%`, `!!!`, `???`, `=== "`, `--8<--`, `[^`,
      `][` (an unresolved reference link), icon shortcodes (`:material-…:`, `:fontawesome-…:`,
      `:octicons-…:`, `:simple-…:`) and emoji shortcodes (`:memo:`, a name in the twemoji index).
      Text inside <pre>, <code>, <kbd>, <samp> and math is counted apart from the rest. A leftover
      is what Trellis has more of than MkDocs on the same page; the table reports those outside
      code (where a tutorial may show `{{` on purpose), the failing checks both;
    - constructs, each counted the same way in both outputs (Trellis writes Material's classes for
      admonitions, details, tabs, footnotes and icons, and a plain <pre><code> for a code block):
        tables       <table>, except Pygments' line-number tables (table.highlighttable) and
                     anything inside a code block
        admonitions  any element with class admonition (div.admonition)
        details      <details> (collapsible admonitions, `???`)
        tab sets     elements with class tabbed-set
        tabs         <label> directly in .tabbed-labels (alternate style) or .tabbed-set (old style)
        footnotes    <li> directly in the <ol> of div.footnote
        fn refs      <sup> whose id starts with fnref
        emoji        elements with class twemoji, emojione or gemoji (emoji and icon shortcodes)
        links        cross-reference links: <a class="autorefs">, and every other <a href> that is
                     not external (no scheme, not //): links to pages, files and anchors of the
                     site; permalinks, headings' links to themselves (toc anchorlink's a.toclink),
                     footnote links, glightbox image wrappers and links inside code left out
        code         code blocks: div.highlight or div.codehilite, and a <pre> outside those that
                     is not a mermaid block
        titles       code block titles: span.filename (pymdownx.highlight's `title="…"`)
        line nos     code block line numbers: each number of a table (span.normal and span.special
                     in td.linenos) and each inline one (span.linenos)
        mermaid      pre.mermaid or div.mermaid
        math         elements with class arithmatex
      over every page each tool writes (404.html left out), and per common page;
    - in the one-site report and with --details: the page's visible text word by word, and its
      links (href of <a>, src of <img>; glightbox's wrapper links counted apart; edit buttons,
      permalinks, a.toclink and code blocks' line-number anchors left out).
  - sitemap.xml: the URLs each tool's sitemap lists (how many, whether the sets and their order
    are equal, whether the files are equal apart from <lastmod>, the build date) and whether
    Trellis's sitemap.xml.gz decompresses to its sitemap.xml.
  The share of identical heading ids is over the common pages (404.html left out) whose MkDocs
  page has a content article (redirect stubs have none).

Output with SITE_DIR: what was adapted, how the builds went, the differences per page, a
one-line summary, then a table of constructs. With --all: for each site what was adapted, how
the builds went (Trellis's exit code, its error lines) and the one-line summary (--details adds
the per-page differences); then one Markdown table, one row per site (how many common pages'
visible text differs, and constructs as "mkdocs/trellis", in bold where they differ), then each site's failing checks (what is not equal).
`--timeout S` bounds each build (default 600 s).

Exit code 0 when the report ran, even when the tools differ (the differences are the report);
2 when a build could not run at all (MkDocs failed, or the Trellis binary is missing).
"""
import argparse
import collections
import concurrent.futures
import difflib
import gzip
import hashlib
import html.parser
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")

# Plugins that fetch from the network while building; this machine may have none.
NETWORK_PLUGINS = {"privacy", "social"}
# Plugins that read the site's git history: MkDocs fails without a repository, and the copy has none.
GIT_HISTORY_PLUGINS = {"git-revision-date-localized", "git-authors", "git-committers"}

# Bumped when what the cache holds changes.
CACHE_FORMAT = "1"

VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A start tag of one of these closes an open <p> (HTML's implied end tags, as far as they matter here).
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
}
CODE_TAGS = {"pre", "code", "kbd", "samp"}

CONSTRUCTS = ["tables", "admonitions", "details", "tab sets", "tabs", "footnotes", "fn refs", "emoji", "links",
              "code", "titles", "line nos", "mermaid", "math"]


def emoji_names():
    """The emoji shortcodes Material's twemoji index knows (`:memo:`), or none without pymdownx."""
    try:
        import pymdownx.twemoji_db as db
    except ImportError:
        return set()
    return set(db.emoji) | set(db.aliases)


EMOJI = emoji_names()
EMOJI_CANDIDATE = re.compile(r"(?<!\w)(?=(:[a-z0-9_+-]+:))")

LEFTOVERS = [
    ("{{", re.compile(r"\{\{")),
    ("{%", re.compile(r"\{%")),
    ("!!!", re.compile(r"!!!")),
    ("???", re.compile(r"\?\?\?")),
    ('=== "', re.compile(r'=== ["“]')),
    ("--8<--", re.compile(r"--8<--")),
    ("[^", re.compile(r"\[\^")),
    ("][", re.compile(r"\]\[")),
    (":icon:", re.compile(r":(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:")),
]


def count_leftovers(text):
    found = collections.Counter()
    for name, pattern in LEFTOVERS:
        n = len(pattern.findall(text))
        if n:
            found[name] = n
    n = sum(1 for m in EMOJI_CANDIDATE.finditer(text) if m.group(1) in EMOJI)
    if n:
        found[":emoji:"] = n
    return found


class Element:
    __slots__ = ("tag", "classes", "skip", "code", "highlight", "footnote")

    def __init__(self, tag, classes, skip, code, highlight, footnote):
        self.tag, self.classes = tag, classes
        self.skip, self.code, self.highlight, self.footnote = skip, code, highlight, footnote


class ContentParser(html.parser.HTMLParser):
    """Collects heading ids, links, visible text and construct counts inside the content element."""

    def __init__(self, content_start):
        super().__init__(convert_charrefs=True)
        self.content_start = content_start
        self.depth = 0
        self.found = False
        self.content_tag = None
        self.ids, self.links = [], []
        self.lightbox_wrappers = 0
        self.text = []
        # Visible text outside code and inside it; "\0" where the two meet, so no pattern spans them.
        self.prose, self.code = [], []
        self.counts = collections.Counter()
        # Open elements inside the content, and how many of them are chrome (scripts, permalinks,
        # edit buttons: text not shown as content), code, code blocks and footnote lists.
        self.stack = []
        self.skipping = self.in_code = self.in_highlight = self.in_footnote = 0

    def push(self, element):
        self.stack.append(element)
        self.skipping += element.skip
        self.in_highlight += element.highlight
        self.in_footnote += element.footnote
        if element.code:
            if not self.in_code:
                self.prose.append("\0")
            self.in_code += 1

    def pop(self):
        element = self.stack.pop()
        self.skipping -= element.skip
        self.in_highlight -= element.highlight
        self.in_footnote -= element.footnote
        if element.code:
            self.in_code -= 1
            if not self.in_code:
                self.code.append("\0")
        return element

    def handle_starttag(self, tag, attrs):
        # A minified page writes an empty attribute bare (`<a href>`): its value is "".
        a = {k: ("" if v is None and k in ("href", "src") else v) for k, v in attrs}
        if self.depth == 0:
            if not self.found and self.content_start(tag, a):
                self.depth = self.found = 1
                self.content_tag = tag
            return
        if tag == self.content_tag:
            self.depth += 1
        classes = (a.get("class") or "").split()
        # Implied end tags, so that the parent of an element is what a browser would make it.
        top = self.stack[-1].tag if self.stack else None
        if top == "p" and tag in BLOCK_TAGS:
            self.pop()
        elif tag == "li" and top == "li":
            self.pop()
        elif tag in ("dt", "dd") and top in ("dt", "dd"):
            self.pop()
        elif tag in ("td", "th") and top in ("td", "th"):
            self.pop()
        elif tag == "tr" and top in ("td", "th", "tr"):
            while self.stack and self.stack[-1].tag in ("td", "th", "tr"):
                self.pop()
        parent = self.stack[-1] if self.stack else None
        if tag in BLOCK_TAGS or tag in ("li", "br", "td", "th", "tr", "dt", "dd"):
            self.prose.append("\n")
        starts_skip = tag in ("script", "style", "svg", "template") or "headerlink" in classes or any(
            c.endswith("__button") or c.startswith("md-source-file") or c.startswith("trellis-edit") for c in classes
        )
        if re.fullmatch(r"h[1-6]", tag) and a.get("id"):
            self.ids.append(a["id"])
        if not self.skipping and not starts_skip:
            self.count(tag, a, classes, parent)
        # The links authors wrote: not the page's chrome (edit buttons), nor code blocks' line anchors.
        authored = not self.skipping and not starts_skip and not self.in_code
        if tag == "a" and a.get("href") is not None and authored and not {"headerlink", "toclink"} & set(classes):
            # glightbox wraps every image in a link to itself, a lightbox rather than a link:
            # counted apart so the link lists compare what authors wrote.
            if "glightbox" in classes:
                self.lightbox_wrappers += 1
            else:
                self.links.append(a["href"])
        if tag == "img" and a.get("src") is not None and authored:
            self.links.append(a["src"])
        if tag not in VOID_TAGS:
            highlight = tag in ("div", "table") and bool({"highlight", "codehilite", "highlighttable"} & set(classes))
            code = tag in CODE_TAGS or "arithmatex" in classes or "mermaid" in classes or highlight
            self.push(Element(tag, classes, starts_skip, code, highlight, tag == "div" and "footnote" in classes))

    def count(self, tag, a, classes, parent):
        c = self.counts
        if tag == "table" and "highlighttable" not in classes and not self.in_highlight and not self.in_code:
            c["tables"] += 1
        if "admonition" in classes:
            c["admonitions"] += 1
        if tag == "details":
            c["details"] += 1
        if "tabbed-set" in classes:
            c["tab sets"] += 1
        if tag == "label" and parent is not None and ({"tabbed-labels", "tabbed-set"} & set(parent.classes)):
            c["tabs"] += 1
        if tag == "li" and self.in_footnote and parent is not None and parent.tag == "ol":
            c["footnotes"] += 1
        if tag == "sup" and (a.get("id") or "").startswith("fnref"):
            c["fn refs"] += 1
        if {"twemoji", "emojione", "gemoji"} & set(classes):
            c["emoji"] += 1
        if tag == "a" and a.get("href") is not None:
            href = a["href"]
            external = re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", href)
            chrome = {"headerlink", "toclink", "footnote-ref", "footnote-backref", "glightbox"} & set(classes)
            if "autorefs" in classes or (not external and not chrome and not self.in_code):
                c["links"] += 1
        if tag in ("div", "pre") and "mermaid" in classes:
            c["mermaid"] += 1
        elif not self.in_highlight and (
            (tag == "div" and {"highlight", "codehilite"} & set(classes)) or (tag == "pre" and not self.in_code)
        ):
            c["code"] += 1
        if "arithmatex" in classes:
            c["math"] += 1
        if tag == "span" and "filename" in classes:
            c["titles"] += 1
        if tag == "span" and ("linenos" in classes or (
                {"normal", "special"} & set(classes) and any("linenos" in e.classes for e in self.stack))):
            c["line nos"] += 1

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in VOID_TAGS:
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                while len(self.stack) > i:
                    self.pop()
                break
        if tag == self.content_tag:
            self.depth -= 1
        if tag in BLOCK_TAGS or tag in ("li", "td", "th", "tr", "dt", "dd"):
            self.prose.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.text.append(data)
            (self.code if self.in_code else self.prose).append(data)

    @property
    def words(self):
        # Joined before splitting: Pygments splits `A=1` into spans, cmark does not.
        return "".join(self.text).split()

    def leftovers(self):
        """Leftover patterns in visible text: (outside code, inside code)."""
        return count_leftovers("".join(self.prose)), count_leftovers("".join(self.code))


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
    # An article, but a div on the index pages of Material's blog.
    return tag in ("article", "div") and "md-content__inner" in (a.get("class") or "").split()


def trellis_content(tag, a):
    return tag == "article" and "trellis-article" in (a.get("class") or "").split()


CONTENT_CLASS = {mkdocs_content: "md-content__inner", trellis_content: "trellis-article"}


def pages(folder):
    found = {}
    for dirpath, dirnames, files in os.walk(folder):
        dirnames.sort()
        for name in files:
            if name.endswith(".html"):
                path = os.path.relpath(os.path.join(dirpath, name), folder)
                found[path] = os.path.join(dirpath, name)
    return found


def parse(path, content_start):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    # Only the content element is parsed: the navigation around it is most of a page.
    m = re.search(r'<(article|div)\b[^>]*\bclass="(?:[^"]*\s)?' + CONTENT_CLASS[content_start] + r'[\s"]', text)
    if m:
        depth, i = 0, m.start()
        for t in re.finditer(r"<!--.*?-->|<(/?)" + m.group(1) + r"\b", text[m.start():], re.S):
            if t.group(0).startswith("<!--"):
                continue
            depth += -1 if t.group(1) else 1
            if depth == 0:
                i = m.start() + t.end()
                break
        else:
            i = len(text)
        text = text[m.start():i] + ">"
    else:
        text = ""
    parser = ContentParser(content_start)
    parser.feed(text)
    parser.close()
    parser.code_blocks = code_blocks(text)
    return parser


# Pygments' code blocks (pymdownx.highlight's markup), and the `language-x` class before each.
# A minifier re-nests a block that Python-Markdown wrote inside an inline code span (an unbalanced
# backtick before a fence swallows the fence's placeholder, ncar-hpc-docs has one) as
# `<pre><code><span></span><code>…</code></code></pre>`: still one highlighted block on the page.
CODE_BLOCK = re.compile(r'class="?language-([^\s">]+)[^">]*\bhighlight\b|<pre>(?:<code>)?<span></span><code>(.*?)</code>(?:</code>)?</pre>', re.S)
# A token span: any classed span but the formatter's own (highlighted lines, line numbers).
TOKEN_SPAN = re.compile(r'<span class="?(?!hll\b|linenos|normal\b|special\b)')
# An attribute value a minifier writes without quotes (ncar-hpc-docs' MkDocs build is minified).
QUOTED_VALUE = re.compile(r'="([^"\s\'=<>`]+)"')


def code_blocks(text):
    """The (language, code HTML) of every highlighted code block of a page's content, in order.
    Blocks inside HTML comments are not counted, as the construct counts skip comments: Python-
    Markdown highlights a fence written inside `<!-- … -->` (its fences run before HTML blocks)
    and the block sits in the comment, unseen (archer2 has five)."""
    blocks, language = [], ""
    for m in CODE_BLOCK.finditer(re.sub(r"<!--.*?-->", "", text, flags=re.S)):
        if m.group(1) is not None:
            language = m.group(1)
        else:
            # A minifier also writes a no-break space as `&nbsp;` (cleura-docs): the same character.
            blocks.append((language, QUOTED_VALUE.sub(r"=\1", m.group(2)).replace("&nbsp;", "\xa0")))
            language = ""
    return blocks


def code_text(code):
    """A code block's text, without its markup."""
    return html.unescape(re.sub(r"<[^>]*>", "", code))


def first_difference(a, b):
    """Where two code HTML strings first differ, as a short excerpt of each."""
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    start = max(0, i - 60)
    return f"mkdocs: {a[start:i + 60]!r}\n    trellis: {b[start:i + 60]!r}"


def installed_plugins():
    names = {e.name for e in importlib.metadata.entry_points(group="mkdocs.plugins")}
    return names | {n.split("/", 1)[1] for n in names if n.startswith("material/")}


def in_git_repository(folder):
    try:
        return subprocess.run(["git", "-C", folder, "rev-parse", "--git-dir"], capture_output=True).returncode == 0
    except OSError:
        return False


def strip_missing_plugins(config_path):
    """Drops plugins that are not installed, that use the network, or that need git history
    where there is none, so MkDocs can build; returns their names."""
    installed = installed_plugins()
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
            m = re.match(r"^  - ([\w./-]+):?\s*$", line)
            if m:
                name = m.group(1)
                skipping = (name.split("/")[-1] in NETWORK_PLUGINS or name not in installed
                            or name in GIT_HISTORY_PLUGINS and not in_git_repository(os.path.dirname(config_path)))
                if skipping:
                    removed.append(name)
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


def restore_symlinks(copy):
    """Makes symlinks stored as text files (git's form without symlink support) symlinks again."""
    restored = []
    real_copy = os.path.realpath(copy)
    for dirpath, _, files in os.walk(copy):
        for name in files:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or os.path.getsize(path) > 1024:
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    target = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            if not target or not target.isprintable() or target.strip() != target or os.path.isabs(target):
                continue
            resolved = os.path.realpath(os.path.join(dirpath, target))
            if resolved.startswith(real_copy + os.sep) and os.path.isfile(resolved) and resolved != os.path.realpath(path):
                os.remove(path)
                os.symlink(target, path)
                restored.append(os.path.relpath(path, copy))
    return sorted(restored)


def load_config(config_path):
    """The config as MkDocs reads it (`!ENV`, `INHERIT`), without validating it."""
    from mkdocs.utils import yaml as mkdocs_yaml
    with open(config_path, "rb") as f:
        return mkdocs_yaml.yaml_load(f) or {}


def tree_hash(folder):
    h = hashlib.sha256(CACHE_FORMAT.encode())
    for dist in ("mkdocs", "mkdocs-material", "pymdown-extensions"):
        try:
            h.update(f"{dist}={importlib.metadata.version(dist)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    for dirpath, dirnames, files in os.walk(folder):
        dirnames.sort()
        for name in sorted(files + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]):
            path = os.path.join(dirpath, name)
            h.update(os.path.relpath(path, folder).encode() + b"\0")
            if os.path.islink(path):
                h.update(b"->" + os.readlink(path).encode())
            else:
                with open(path, "rb") as f:
                    h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()[:16]


def last_lines(text, n=3):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-n:]


def trellis_problems(stderr):
    """Trellis's error lines (`file:line:col: error: …`) and its last line (the count), from stderr."""
    errors = [line.strip() for line in stderr.splitlines() if re.search(r"(^|: )error: ", line)]
    tail = last_lines(stderr, 1)
    return [e for e in errors if e not in tail], tail


def mkdocs_build(args, name, copy, config_name, log):
    """The MkDocs output folder for the prepared copy, from the cache or built now; None if it fails."""
    key = f"{name}-{tree_hash(copy)}"
    entry = os.path.join(args.cache, key)
    if os.path.isdir(os.path.join(entry, "site")):
        with open(os.path.join(entry, "build.json"), encoding="utf-8") as f:
            meta = json.load(f)
        log(f"MkDocs output from the cache: {entry} (built in {meta['seconds']:.1f} s, {meta['warnings']} warnings)")
        return os.path.join(entry, "site"), meta
    os.makedirs(args.cache, exist_ok=True)
    tmp = f"{entry}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    start = time.monotonic()
    try:
        mk = subprocess.run([args.mkdocs, "build", "-f", config_name, "-d", os.path.join(tmp, "site")], cwd=copy,
                            capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        shutil.rmtree(tmp, ignore_errors=True)
        return None, {"returncode": "timeout", "stderr": [f"no result after {args.timeout} s"]}
    seconds = time.monotonic() - start
    if mk.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        return None, {"returncode": mk.returncode, "stderr": last_lines(mk.stderr, 15), "seconds": seconds}
    meta = {"returncode": 0, "seconds": seconds, "warnings": len(re.findall(r"^WARNING", mk.stderr, re.M)),
            "stderr": last_lines(mk.stderr, 15)}
    with open(os.path.join(tmp, "build.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f)
    # Older builds of the same site are no longer of use.
    for old in os.listdir(args.cache):
        if old.startswith(name + "-") and ".tmp-" not in old and old != key and re.fullmatch(r"[0-9a-f]{16}", old[len(name) + 1:]):
            shutil.rmtree(os.path.join(args.cache, old), ignore_errors=True)
    try:
        os.rename(tmp, entry)
    except OSError:  # built meanwhile by another run
        shutil.rmtree(tmp, ignore_errors=True)
    log(f"MkDocs built in {seconds:.1f} s ({meta['warnings']} warnings), cached in {entry}")
    return os.path.join(entry, "site"), meta


def make_git_repository(folder):
    """Turns folder into a git repository with everything in one commit at a fixed date, so
    plugins that read git history (git-revision-date-localized) build with both tools and give
    the same dates."""
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-02T03:04:05Z", GIT_COMMITTER_DATE="2026-01-02T03:04:05Z",
               GIT_AUTHOR_NAME="compare", GIT_AUTHOR_EMAIL="compare@example.invalid",
               GIT_COMMITTER_NAME="compare", GIT_COMMITTER_EMAIL="compare@example.invalid")
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "--no-gpg-sign", "-m", "site"]):
        subprocess.run(command, cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def prepare(args, site, work, log):
    """Copies the site into work and adapts the copy; returns (copy, config name, site_dir)."""
    copy = os.path.join(work, "site-src")
    if os.path.exists(copy):
        shutil.rmtree(copy)
    shutil.copytree(site, copy, symlinks=True)
    for dirpath, dirnames, files in os.walk(copy):
        for name in dirnames + files:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, os.stat(path).st_mode | 0o200)
    config_name = "mkdocs.reference.yml" if os.path.exists(os.path.join(copy, "mkdocs.reference.yml")) else "mkdocs.yml"
    config_path = os.path.join(copy, config_name)
    if not args.no_restore_symlinks:
        restored = restore_symlinks(copy)
        if restored:
            log(f"symlinks stored as text files, made symlinks again in the copy: {', '.join(restored)}")
    if not os.path.exists(os.path.join(copy, ".git")):
        make_git_repository(copy)
        log("the copy is not a git repository: made it one (one commit, dated 2026-01-02 03:04:05 UTC) for plugins that read git history")
    removed = strip_missing_plugins(config_path)
    if removed:
        log(f"plugins not installed or using the network, removed from {config_name}: {', '.join(removed)}")
    config = load_config(config_path)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    custom = theme.get("custom_dir")
    if custom and not os.path.exists(os.path.join(copy, str(custom))):
        os.makedirs(os.path.join(copy, str(custom)))
        log(f"theme custom_dir '{custom}' is missing; compared with an empty one")
        # Overrides often supply the analytics partial the config names: stand in an empty one.
        analytics = (config.get("extra") or {}).get("analytics") if isinstance(config.get("extra"), dict) else None
        provider = analytics.get("provider") if isinstance(analytics, dict) else None
        if provider:
            stub = os.path.join(copy, str(custom), "partials", "integrations", "analytics", f"{provider}.html")
            os.makedirs(os.path.dirname(stub), exist_ok=True)
            open(stub, "w").close()
            log(f"analytics partial for '{provider}' stubbed (it lives in the missing overrides)")
    site_dir = os.path.normpath(os.path.join(copy, str(config.get("site_dir") or "site")))
    # Trellis's output is looked for there: nothing may be there before it builds.
    if os.path.exists(site_dir) and site_dir.startswith(copy + os.sep) and not os.path.exists(
            os.path.join(site_dir, "mkdocs.yml")) and site_dir != os.path.normpath(os.path.join(copy, "docs")):
        shutil.rmtree(site_dir)
    return copy, config_name, site_dir


def run_site(args, site, details):
    """Builds and compares one site; returns a dict with the report lines and the numbers."""
    try:
        return build_and_compare(args, site, details)
    except Exception:  # one site's surprise must not hide the others' reports
        name = os.path.basename(os.path.normpath(site))
        trace = traceback.format_exc()
        return {"name": name, "lines": [trace], "broken": "comparison failed",
                "failures": ["the comparison itself failed: " + trace.strip().splitlines()[-1]]}


def build_and_compare(args, site, details):
    name = os.path.basename(os.path.normpath(site))
    lines = []
    log = lines.append
    result = {"name": name, "lines": lines, "broken": None, "failures": []}
    if args.keep:
        work = os.path.join(args.keep, name) if args.all else args.keep
        os.makedirs(work, exist_ok=True)
    else:
        work = tempfile.mkdtemp(prefix=f"trellis-compare-{name}-")
    try:
        copy, config_name, tr_out = prepare(args, site, work, log)
        mk_out, meta = mkdocs_build(args, name, copy, config_name, log)
        if mk_out is None:
            result["broken"] = "MkDocs failed"
            result["failures"].append(f"MkDocs build failed (exit {meta['returncode']}): " + " / ".join(meta["stderr"][-3:]))
            log(f"MkDocs build failed (exit {meta['returncode']}):\n  " + "\n  ".join(meta["stderr"]))
            return result
        before = set(os.listdir(copy))
        command = [args.trellis, "build"] + (["--config", config_name] if config_name != "mkdocs.yml" else [])
        start = time.monotonic()
        try:
            tr = subprocess.run(command, cwd=copy, capture_output=True, text=True, timeout=args.timeout)
            returncode, stderr = tr.returncode, tr.stderr
        except subprocess.TimeoutExpired:
            returncode, stderr = "timeout", f"no result after {args.timeout} s"
        result["trellis_exit"] = returncode
        result["trellis_seconds"] = time.monotonic() - start
        errors, tail = trellis_problems(stderr)
        log(f"trellis {' '.join(command[1:])} exited {returncode} in {result['trellis_seconds']:.1f} s"
            + "".join(f"\n  {line}" for line in errors[:5] + tail))
        if returncode != 0:
            result["failures"].append(f"trellis exited {returncode}: " + " / ".join(tail + errors[:3])
                                      + (" / …" if len(errors) > 3 else ""))
        if not os.path.isdir(tr_out):
            where = os.path.relpath(tr_out, copy)
            others = sorted(n for n in set(os.listdir(copy)) - before if os.path.isdir(os.path.join(copy, n)))
            message = f"Trellis wrote no output at {where}/ (the config's site_dir)" + (
                f"; new folders: {', '.join(others)}" if others else "")
            log(message)
            if returncode == 0:
                result["failures"].append(message)
        compare(result, pages(mk_out), pages(tr_out) if os.path.isdir(tr_out) else {}, details)
        compare_sitemaps(result, mk_out, tr_out, details)
        return result
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def compare(result, mk_pages, tr_pages, details):
    log = result["lines"].append
    # Both write a 404 page; its text is each theme's own, so only its presence is compared.
    ignore = {"404.html"}
    only_mk = sorted(set(mk_pages) - set(tr_pages))
    only_tr = sorted(set(tr_pages) - set(mk_pages))
    common = sorted(set(mk_pages) & set(tr_pages))
    if details:
        for path in only_mk:
            log(f"page only MkDocs writes: {path}")
        for path in only_tr:
            log(f"page only Trellis writes: {path}")
    totals = {"mkdocs": collections.Counter(), "trellis": collections.Counter()}
    construct_pages = collections.Counter()
    leftovers, leftovers_code, leftover_pages = collections.Counter(), collections.Counter(), collections.Counter()
    id_diffs = link_diffs = lightbox = text_diffs = with_article = 0
    # Highlighted code blocks (with at least one token span) in each, and MkDocs' blocks whose code
    # HTML Trellis writes identically (same page, same position); languages of those that differ.
    highlighted = {"mkdocs": 0, "trellis": 0}
    code_total = code_same = 0
    code_diff_languages = collections.Counter()
    # Differing blocks Trellis left plain (no lexer for the language) and those both highlighted.
    code_plain = code_lexed = code_unpaired = 0
    for path in only_mk:
        if path not in ignore:
            totals["mkdocs"].update(parse(mk_pages[path], mkdocs_content).counts)
    for path in only_tr:
        if path not in ignore:
            totals["trellis"].update(parse(tr_pages[path], trellis_content).counts)
    for path in common:
        if path in ignore:
            continue
        a, b = parse(mk_pages[path], mkdocs_content), parse(tr_pages[path], trellis_content)
        totals["mkdocs"].update(a.counts)
        totals["trellis"].update(b.counts)
        highlighted["mkdocs"] += sum(1 for _, code in a.code_blocks if TOKEN_SPAN.search(code))
        highlighted["trellis"] += sum(1 for _, code in b.code_blocks if TOKEN_SPAN.search(code))
        # Blocks are paired by their text (a block one side lacks must not shift the others).
        pairs = {}
        keys_a, keys_b = ([code_text(c) for _, c in blocks] for blocks in (a.code_blocks, b.code_blocks))
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
            if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
                pairs.update(zip(range(i1, i2), range(j1, j2)))
        for index, (language, code) in enumerate(a.code_blocks):
            code_total += 1
            other = b.code_blocks[pairs[index]][1] if index in pairs else None
            if other == code:
                code_same += 1
                continue
            code_diff_languages[language or "?"] += 1
            if other is None:
                code_unpaired += 1
                if details:
                    log(f"{path}: code block {index + 1} ({language or '?'}) has no counterpart in Trellis' page")
                continue
            if not TOKEN_SPAN.search(other):
                code_plain += 1
                if details:
                    log(f"{path}: code block {index + 1} ({language or '?'}) not highlighted by Trellis: "
                        f"{code_text(code)[:70]!r}")
                continue
            code_lexed += 1
            if details:
                log(f"{path}: code block {index + 1} ({language or '?'}) differs\n    {first_difference(code, other)}")
        lightbox += a.lightbox_wrappers
        if a.found:
            with_article += 1
            if a.ids != b.ids:
                id_diffs += 1
                if details:
                    log(f"{path}: heading ids differ\n  mkdocs:  {a.ids}\n  trellis: {b.ids}")
        differing = [k for k in CONSTRUCTS if a.counts[k] != b.counts[k]]
        construct_pages.update(differing)
        if differing and details:
            log(f"{path}: constructs differ (mkdocs/trellis): "
                + ", ".join(f"{k} {a.counts[k]}/{b.counts[k]}" for k in differing))
        (a_out, a_in), (b_out, b_in) = a.leftovers(), b.leftovers()
        extra_out = {k: b_out[k] - a_out[k] for k in b_out if b_out[k] > a_out[k]}
        extra_in = {k: b_in[k] - a_in[k] for k in b_in if b_in[k] > a_in[k]}
        leftovers.update(extra_out)
        leftovers_code.update(extra_in)
        leftover_pages.update(extra_out.keys())
        if (extra_out or extra_in) and details:
            log(f"{path}: leftovers only Trellis has: "
                + ", ".join([f"{k!r} ×{n}" for k, n in extra_out.items()]
                            + [f"{k!r} ×{n} in code" for k, n in extra_in.items()]))
        if a.links != b.links:
            link_diffs += 1
            if details:
                missing = [l for l in a.links if l not in b.links]
                extra = [l for l in b.links if l not in a.links]
                if missing or extra:
                    log(f"{path}: links differ\n  only mkdocs:  {missing}\n  only trellis: {extra}")
                else:
                    log(f"{path}: same links, different order or count\n  mkdocs:  {a.links}\n  trellis: {b.links}")
        if a.words != b.words:
            text_diffs += 1
            if details:
                log(f"{path}: text differs\n{text_difference(a.words, b.words)}")
    same_ids = 100.0 * (with_article - id_diffs) / with_article if with_article else None
    without = len([p for p in common if p not in ignore]) - with_article
    log(f"summary: {len(mk_pages)} MkDocs pages, {len(tr_pages)} Trellis pages, {len(common)} in common "
        f"({without} of them without content in MkDocs' page: redirect stubs, HTML files of the docs), "
        f"{len(only_mk)} only MkDocs, {len(only_tr)} only Trellis, {id_diffs} with different heading ids, "
        f"{link_diffs} with different links ({lightbox} glightbox image wrappers in MkDocs' pages not counted), "
        f"{text_diffs} with different text, {sum(leftovers.values())} leftovers outside code and "
        f"{sum(leftovers_code.values())} in code only Trellis has")
    log(f"code blocks: {code_total} in MkDocs' common pages, {code_same} with identical code HTML in Trellis "
        f"({code_plain} differing left plain by Trellis, {code_lexed} highlighted differently, "
        f"{code_unpaired} without a counterpart); "
        f"highlighted {highlighted['mkdocs']} MkDocs / {highlighted['trellis']} Trellis"
        + (f"; differing by language: {dict(code_diff_languages.most_common())}" if code_diff_languages else ""))
    result.update(code_plain=code_plain, code_lexed=code_lexed, highlighted=highlighted, code_total=code_total, code_same=code_same, code_diff_languages=code_diff_languages)
    result.update(mk_pages=len(mk_pages), tr_pages=len(tr_pages), only_mk=only_mk, only_tr=only_tr, text_diffs=text_diffs,
                  same_ids=same_ids, leftovers=leftovers, leftovers_code=leftovers_code, totals=totals,
                  construct_pages=construct_pages)
    failures = result["failures"]
    if only_mk:
        failures.append(f"{len(only_mk)} pages MkDocs writes are missing: {', '.join(only_mk[:5])}"
                        + (", …" if len(only_mk) > 5 else ""))
    if only_tr:
        failures.append(f"{len(only_tr)} pages only Trellis writes: {', '.join(only_tr[:5])}"
                        + (", …" if len(only_tr) > 5 else ""))
    if same_ids is not None and same_ids < 99:
        failures.append(f"heading ids identical on {same_ids:.1f} % of {with_article} common pages (< 99 %)")
    if leftovers:
        failures.append("leftovers outside code only Trellis has: "
                        + ", ".join(f"`{k}` ×{n} on {leftover_pages[k]} pages" for k, n in leftovers.most_common()))
    if leftovers_code:
        failures.append("leftovers inside code only Trellis has: "
                        + ", ".join(f"`{k}` ×{n}" for k, n in leftovers_code.most_common()))
    if highlighted["mkdocs"] != highlighted["trellis"]:
        failures.append(f"highlighted code blocks (mkdocs/trellis): {highlighted['mkdocs']}/{highlighted['trellis']}")
    if code_same != code_total:
        failures.append(f"code blocks with different code HTML: {code_total - code_same} of {code_total}, "
                        f"{code_plain} left plain by Trellis, {code_lexed} highlighted differently, "
                        f"{code_unpaired} without a counterpart ("
                        + ", ".join(f"{k} ×{n}" for k, n in code_diff_languages.most_common(8)) + ")")
    unequal = [k for k in CONSTRUCTS if totals["mkdocs"][k] != totals["trellis"][k]]
    if unequal:
        failures.append("constructs in different numbers (mkdocs/trellis): "
                        + ", ".join(f"{k} {totals['mkdocs'][k]}/{totals['trellis'][k]}" for k in unequal))
    hidden = [k for k in CONSTRUCTS if k not in unequal and construct_pages[k]]
    if hidden:
        failures.append("same totals but different per page: "
                        + ", ".join(f"{k} on {construct_pages[k]} pages" for k in hidden))


def read_sitemap(folder):
    """The <loc> URLs of folder/sitemap.xml, its text, and whether sitemap.xml.gz holds the same
    bytes; (None, None, None) when there is no sitemap.xml."""
    path = os.path.join(folder, "sitemap.xml")
    if not os.path.isfile(path):
        return None, None, None
    with open(path, "rb") as f:
        data = f.read()
    try:
        with gzip.open(path + ".gz", "rb") as f:
            same_gz = f.read() == data
    except OSError:
        same_gz = False
    text = data.decode("utf-8", "replace")
    return [html.unescape(u) for u in re.findall(r"<loc>(.*?)</loc>", text)], text, same_gz


def compare_sitemaps(result, mk_out, tr_out, details):
    """Pages listed in each tool's sitemap.xml: how many, whether the URL sets (and their order)
    are equal, and whether the files are equal apart from <lastmod> (the build date)."""
    log = result["lines"].append
    mk_urls, mk_text, _ = read_sitemap(mk_out)
    tr_urls, tr_text, tr_gz = read_sitemap(tr_out) if os.path.isdir(tr_out) else (None, None, None)
    if mk_urls is None:
        result["sitemap"] = None
        return
    if tr_urls is None:
        result["sitemap"] = {"mkdocs": len(mk_urls), "trellis": None, "equal": False}
        result["failures"].append("Trellis wrote no sitemap.xml")
        log("sitemap: Trellis wrote no sitemap.xml")
        return
    lastmod = re.compile(r"<lastmod>[^<]*</lastmod>")
    equal = set(mk_urls) == set(tr_urls)
    same_order = mk_urls == tr_urls
    same_text = lastmod.sub("", mk_text) == lastmod.sub("", tr_text)
    result["sitemap"] = {"mkdocs": len(mk_urls), "trellis": len(tr_urls), "equal": equal, "order": same_order,
                         "text": same_text, "gz": tr_gz}
    log(f"sitemap: {len(mk_urls)} URLs in MkDocs', {len(tr_urls)} in Trellis's; URL sets "
        + ("equal" if equal else "differ") + (", same order" if same_order else ", different order")
        + ("; files equal apart from lastmod" if same_text else "; files differ beyond lastmod")
        + ("; sitemap.xml.gz holds the same bytes" if tr_gz else "; sitemap.xml.gz does NOT hold the same bytes"))
    only_mk, only_tr = sorted(set(mk_urls) - set(tr_urls)), sorted(set(tr_urls) - set(mk_urls))
    if details:
        for url in only_mk:
            log(f"  sitemap URL only MkDocs lists: {url}")
        for url in only_tr:
            log(f"  sitemap URL only Trellis lists: {url}")
    if not equal:
        result["failures"].append(f"sitemap URLs differ: {len(only_mk)} only MkDocs ({', '.join(only_mk[:3])}), "
                                  f"{len(only_tr)} only Trellis ({', '.join(only_tr[:3])})")
    elif not same_order:
        result["failures"].append("sitemap lists the same URLs in a different order")
    elif not same_text:
        result["failures"].append("sitemap.xml differs beyond <lastmod>")
    if not tr_gz:
        result["failures"].append("Trellis's sitemap.xml.gz does not decompress to its sitemap.xml")


def construct_table(result):
    totals = result["totals"]
    out = ["| construct | MkDocs | Trellis | common pages differing |", "|---|---:|---:|---:|"]
    for k in CONSTRUCTS:
        out.append(f"| {k} | {totals['mkdocs'][k]} | {totals['trellis'][k]} | {result['construct_pages'][k]} |")
    return "\n".join(out)


def corpus_sites(corpus):
    sites = []
    for parent in (os.path.join(corpus, "mkdocs-sites"), corpus):
        if os.path.isdir(parent):
            for name in sorted(os.listdir(parent)):
                if os.path.exists(os.path.join(parent, name, "mkdocs.yml")):
                    sites.append(os.path.join(parent, name))
    return sites


def all_table(results):
    head = ["site", "trellis exit", "MkDocs pages", "Trellis pages", "missing", "only Trellis", "same ids",
            "text differs", "leftovers", "sitemap URLs (MkDocs/Trellis)", "sitemap equal", "highlighted", "same code"] + CONSTRUCTS
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        if r["broken"]:
            out.append(f"| {r['name']} | {r['broken']} |" + " |" * (len(head) - 2))
            continue
        ids = f"{r['same_ids']:.1f} %" if r["same_ids"] is not None else "–"
        cells = [r["name"], str(r.get("trellis_exit")), str(r["mk_pages"]), str(r["tr_pages"]), str(len(r["only_mk"])),
                 str(len(r["only_tr"])), ids, str(r["text_diffs"]), str(sum(r["leftovers"].values()))]
        sm = r.get("sitemap")
        if sm is None:
            cells += ["–", "–"]
        else:
            cells.append(f"{sm['mkdocs']}/{sm['trellis'] if sm['trellis'] is not None else '–'}")
            cells.append("yes" if sm["equal"] and sm.get("order") and sm.get("text") else
                         "URLs" if sm["equal"] else "**no**")
        hm, ht = r["highlighted"]["mkdocs"], r["highlighted"]["trellis"]
        cells.append(f"{hm}/{ht}" if hm == ht else f"**{hm}/{ht}**")
        cells.append(f"{r['code_same']}/{r['code_total']}")
        for k in CONSTRUCTS:
            m, t = r["totals"]["mkdocs"][k], r["totals"]["trellis"][k]
            cells.append(f"{m}/{t}" if m == t else f"**{m}/{t}**")
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description="Compare MkDocs' and Trellis's builds of MkDocs sites.")
    ap.add_argument("site", nargs="?")
    ap.add_argument("--all", action="store_true", help="run every site of the corpus")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--details", action="store_true", help="with --all, print each site's per-page differences")
    ap.add_argument("--trellis", default=os.path.join(ROOT, ".build", "debug", "trellis"))
    # The mkdocs next to this Python (a venv's), else the one on PATH.
    beside = os.path.join(os.path.dirname(sys.executable), "mkdocs")
    ap.add_argument("--mkdocs", default=beside if os.path.exists(beside) else "mkdocs")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "trellis-compare-mkdocs-cache"))
    ap.add_argument("--keep", help="build in this folder (one subfolder per site with --all) and leave it")
    ap.add_argument("--jobs", type=int, default=2, help="sites built at once with --all (default 2)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds one build may take")
    ap.add_argument("--no-restore-symlinks", action="store_true")
    args = ap.parse_args()
    if bool(args.site) == args.all:
        ap.error("give either SITE_DIR or --all")
    # The builds run in a copy of the site: paths given relative to here must still work.
    for name in ("trellis", "mkdocs", "cache", "keep"):
        value = getattr(args, name)
        if value and (os.sep in value or name in ("cache", "keep")):
            setattr(args, name, os.path.abspath(value))
    if importlib.util.find_spec("mkdocs") is None:
        print(f"{sys.executable} has no MkDocs: run this script with the Python of MkDocs' venv", file=sys.stderr)
        sys.exit(2)
    if not os.path.exists(args.trellis):
        print(f"no Trellis binary at {args.trellis}", file=sys.stderr)
        sys.exit(2)
    if args.site:
        if not os.path.exists(os.path.join(args.site, "mkdocs.yml")):
            sys.exit(f"no mkdocs.yml in {args.site}")
        result = run_site(args, os.path.abspath(args.site), True)
        print("\n".join(result["lines"]))
        if result["broken"]:
            sys.exit(2)
        print()
        print(construct_table(result))
        return
    if not os.path.isdir(args.corpus):
        print(f"no corpus at {args.corpus}: nothing to compare (pass --corpus DIR)", file=sys.stderr)
        sys.exit(2)
    sites = corpus_sites(args.corpus)
    start = time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, min(args.jobs, len(sites)))) as pool:
        results = list(pool.map(run_site, [args] * len(sites), sites, [args.details] * len(sites)))
    for r in results:
        print(f"## {r['name']}\n")
        print("\n".join(r["lines"]))
        print()
    print(all_table(results))
    print()
    print("Failing checks (what is not equal):\n")
    for r in results:
        print(f"- {r['name']}: " + ("all equal" if not r["failures"] else ""))
        for failure in r["failures"]:
            print(f"  - {failure}")
    print(f"\n{len(sites)} sites in {time.monotonic() - start:.0f} s")
    if any(r["broken"] for r in results):
        sys.exit(2)


if __name__ == "__main__":
    main()
