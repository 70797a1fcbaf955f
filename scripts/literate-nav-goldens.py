#!/usr/bin/env python3
"""Write Tests/TrellisBuildTests/Fixtures/literate-nav/cases.json: the nav mkdocs-literate-nav
makes (its resolve_directories_in_nav, as its on_files calls it) for small docs trees, so
LiterateNavGoldenTests can hold Trellis's port to it. Each case: the docs files (nav files with
their text, pages), the plugin's options, an optional config nav, and the resulting nav (items
{"title", "page"} or {"title", "children"}) or "error" when the plugin refuses the nav file.

Run with the Python that has MkDocs and mkdocs-literate-nav: PYTHON scripts/literate-nav-goldens.py
"""
import json
import os
import pathlib
import tempfile

import mkdocs_literate_nav
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs_literate_nav import plugin as literate
from mkdocs_literate_nav.exceptions import LiterateNavError

PAGES = ["index.md", "about.md", "zeta.md", "guide/index.md", "guide/install.md", "guide/use.md",
         "guide/deep/a.md", "guide/deep/b.md", "ref/api.md", "ref/cli.md", "misc/README.md", "misc/m1.md",
         "x/y/z.md", "Upper/page.md"]

CASES = [
    {"SUMMARY.md": "* [Home](index.md)\n* [Guide](guide/)\n* *.md\n"},
    {"SUMMARY.md": "* [Home](index.md)\n    * */\n* [About](about.md)\n"},
    {"SUMMARY.md": "# Nav\n\n* Reference\n    * [API](ref/api.md)\n    * ref/*.md\n* *\n"},
    {"SUMMARY.md": "* [Guide](guide/)\n", "guide/SUMMARY.md": "* [Use](use.md)\n* [Deep](deep/)\n* *.md\n"},
    {"SUMMARY.md": "* [Guide](guide/)\n", "guide/SUMMARY.md": "* [Up](../)\n"},
    {"SUMMARY.md": "* [Tut](guide/index.md)\n    * [Install](guide/install.md)\n"},
    {"SUMMARY.md": "* [Ext](https://example.com/)\n* [Mail](mailto:a@b.c)\n* [Missing](nope.md)\n* [Folder](nothing/)\n"},
    {"SUMMARY.md": "* [A](about.md)\n\n* [Z](zeta.md)\n"},
    {"SUMMARY.md": "* [A](about.md) text\n"},
    {"SUMMARY.md": "* Title only\n"},
    {"SUMMARY.md": "* [X](zeta.md)\n\n<!--nav-->\n* [A](about.md)\n\nText\n\n* [Z](zeta.md)\n"},
    {"SUMMARY.md": "Intro\n* [A](about.md)\n"},
    {"SUMMARY.md": "* [A](about.md)\n\nText.\n\n1. [Z](zeta.md)\n2. Guide\n    - guide/*.md\n"},
    {"SUMMARY.md": "* [A](about.md)\n  * [Z](zeta.md)\n"},
    {"SUMMARY.md": "* [A](about.md)\n  * [Z](zeta.md)\n", "options": {"tab_length": 2}},
    {"SUMMARY.md": "* [Guide](guide/)\n* [Misc](misc/)\n", "guide/SUMMARY.md": "* [Use](use.md)\n",
     "options": {"implicit_index": True}},
    {"guide/SUMMARY.md": "* [Use](use.md)\n* [Install](install.md)\n"},
    {},
    {"nav": ["index.md", {"Guide": "guide/"}, {"Refs": "ref/*.md"}, "misc/*"], "guide/SUMMARY.md": "* [Use](use.md)\n"},
    {"nav": ["index.md", {"Section": ["about.md", "*.md"]}]},
    {"SUMMARY.md": "* [Home](index.md)\n", "nav": ["about.md"]},
    {"SUMMARY.md": "* [Home](index.md)\n* x/\n* [Deep](x/y/)\n* *.md\n"},
    {"SUMMARY.md": "* [**Bold** \\* title](about.md \"t\")\n* <https://example.org/>\n"},
    {"SUMMARY.md": "* [Home](./index.md)\n* [Again](../docs/about.md)\n* [Up](Upper/)\n", "Upper/SUMMARY.md": "* *\n"},
    {"SUMMARY.md": "* [Guide](guide/)\n", "guide/SUMMARY.md": "* [Deep](deep/)\n",
     "guide/deep/SUMMARY.md": "* [Back](../)\n* *.md\n"},
    {"SUMMARY.md": "* Guide\n    * [Use](guide/use.md)\n    * guide/*\n* ?bout.md\n"},
    {"NAV.md": "* [Z](zeta.md)\n* *.md\n", "options": {"nav_file": "NAV.md"}},
]


def normalize(nav):
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append({"page": item})
            continue
        [(title, value)] = item.items()
        if isinstance(value, list):
            out.append({"title": title, "children": normalize(value)})
        else:
            entry = {"page": value}
            if title is not None and title != value:  # Trellis gives an untitled link its address as title
                entry["title"] = title
            out.append(entry)
    return out


def run(case):
    options = {"nav_file": "SUMMARY.md", "implicit_index": False, "tab_length": 4}
    options.update(case.get("options", {}))
    texts = {k: v for k, v in case.items() if k.endswith(".md")}
    with tempfile.TemporaryDirectory() as docs, tempfile.TemporaryDirectory() as site:
        paths = sorted(set(PAGES) | set(texts))
        for path in paths:
            target = pathlib.Path(docs, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(texts.get(path, "# Page\n"), encoding="utf-8")
        files = Files(sorted((File(p, docs, site, True) for p in paths), key=file_sort_key))
        try:
            nav = literate.resolve_directories_in_nav(
                case.get("nav"), files, nav_file_name=options["nav_file"], implicit_index=options["implicit_index"],
                markdown_config=dict(extensions=[], extension_configs={}, tab_length=options["tab_length"]))
        except LiterateNavError:
            return "error"
        return normalize(nav or [])


def main():
    cases = []
    for case in CASES:
        cases.append({
            "files": {k: v for k, v in case.items() if k.endswith(".md")},
            "options": case.get("options", {}),
            "nav": case.get("nav"),
            "expected": run(case),
        })
    target = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrellisBuildTests/Fixtures/literate-nav/cases.json"
    target.write_text(json.dumps({"pages": PAGES, "cases": cases}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
