#!/usr/bin/env python3
"""Writes an MkDocs site with one big page, to measure a build's time and peak memory.

    scripts/gen-big-page.py DIR [--kind realistic|paragraph|code|deep|inline|table] [--mb 50]
    scripts/gen-big-page.py DIR --kind joined --from SITE [--mb 50]
    cd DIR && /usr/bin/time -v trellis build

realistic: headings, paragraphs with links and inline code, lists, fenced code, admonitions,
tables and content tabs, repeated (with varying words) to the size; paragraph: one huge
paragraph; code: one huge fenced code block; deep: `!!! note` / `=== "T"` nested one tab
deeper per level, --levels of them (the page grows with the square of the levels); inline:
paragraphs of a line each, dense with emphasis, strong, code spans and links (a node every few
bytes); table: one pipe table of short cells; joined: every Markdown file of a real site (--from, its
docs folder or the folder itself) joined in path order and repeated to the size, so the page is
real content no generator was tuned to (front matter, macros, footnotes, link references and all).
The site enables the extensions real MkDocs sites use, plus the search and macros plugins.
"""
import argparse
import os
import random

EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences", "tables", "footnotes", "attr_list",
              "def_list", "md_in_html", "pymdownx.tasklist"]
CONFIG = ("site_name: Big page\nmarkdown_extensions:\n"
          + "".join(f"  - {name}\n" for name in EXTENSIONS)
          + "  - pymdownx.tabbed:\n      alternate_style: true\n  - toc:\n      permalink: true\n"
          + "plugins:\n  - search\n  - macros\n")

WORDS = ("cluster node volume network policy upgrade image flavor backup region project "
         "quota router subnet key secret token service endpoint load balancer").split()


def sentence(rng, n=12):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def section(rng, i):
    w = lambda: rng.choice(WORDS)
    return f"""## Section {i} {w()} {{ #s{i} }}

{sentence(rng)} See [the {w()} guide](other.md#{w()}) and run `openstack {w()} list`.
{sentence(rng, 20)} More at <https://example.com/{w()}/{i}>.

- {sentence(rng, 6)}
- [ ] {w()} task with `code`
- item with a [link](other.md)

```bash
openstack {w()} create --name {w()}-{i} \\
    --flavor {w()} --image {w()}
```

!!! note "About {w()}"
    {sentence(rng)}

    - nested {w()}

| Name | Value | Notes |
|------|-------|-------|
| {w()} | {i} | {sentence(rng, 4)} |
| {w()} | `{i * 2}` | [x](other.md) |

=== "Linux"
    ```
    {w()} --linux {i}
    ```

=== "macOS"
    {sentence(rng, 8)}

"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--kind", default="realistic", choices=["realistic", "paragraph", "code", "deep", "inline", "table", "joined"])
    parser.add_argument("--from", dest="source", help="the site whose pages the joined kind joins")
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--levels", type=int, default=10000)
    args = parser.parse_args()
    rng = random.Random(1)
    size = int(args.mb * 1_000_000)
    os.makedirs(os.path.join(args.dir, "docs"), exist_ok=True)
    with open(os.path.join(args.dir, "mkdocs.yml"), "w") as f:
        f.write(CONFIG)
    with open(os.path.join(args.dir, "docs", "other.md"), "w") as f:
        f.write("# Other\n")
    parts = ["# Big page\n\n"]
    total = len(parts[0])
    if args.kind == "joined":
        if not args.source:
            parser.error("--kind joined needs --from SITE")
        docs = os.path.join(args.source, "docs")
        root = docs if os.path.isdir(docs) else args.source
        paths = sorted(os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names
                       if name.endswith(".md"))
        text = "".join(open(path, encoding="utf-8", errors="replace").read() + "\n\n" for path in paths)
        if not text:
            parser.error(f"no Markdown files under {root}")
        # Each copy is a page of its own: its front matter is not the page's (only the first is).
        parts = []
        total = 0
        while total < size:
            parts.append(text)
            total += len(text.encode())
    elif args.kind == "deep":
        for level in range(args.levels):
            line = "\t" * level + ("!!! note\n" if level % 2 == 0 else '=== "T"\n')
            parts.append(line)
        parts.append("\t" * args.levels + "deep\n")
    elif args.kind in ("inline", "table"):
        if args.kind == "table":
            parts.append("| Name | Value | Notes |\n|------|-------|-------|\n")
        i = 0
        while total < size:
            w = rng.choice(WORDS)
            chunk = (f"*{w}* **{i}** _{w}_ `{w}` [{w}](other.md) and *{w}*\n\n" if args.kind == "inline"
                     else f"| {w} | `{i}` | *{w}* |\n")
            parts.append(chunk)
            total += len(chunk)
            i += 1
    elif args.kind == "code":
        parts.append("```text\n")
        while total < size:
            line = sentence(rng, 10) + "\n"
            parts.append(line)
            total += len(line)
        parts.append("```\n")
    else:
        i = 0
        while total < size:
            chunk = (sentence(rng) + " `code` [link](other.md) ") if args.kind == "paragraph" else section(rng, i)
            parts.append(chunk)
            total += len(chunk)
            i += 1
        parts.append("\n")
    with open(os.path.join(args.dir, "docs", "index.md"), "w") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
