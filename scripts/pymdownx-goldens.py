#!/usr/bin/env python3
"""Regenerate the goldens of the pymdownx fixture folders with the real Python-Markdown.

Usage: PYTHON scripts/pymdownx-goldens.py [FOLDER ...]

PYTHON is a Python with Markdown 3.11.3, pymdown-extensions 13.1.2 and Pygments 2.21 (for
example /work/mkdocs-venv/bin/python, or a venv made with `pip install markdown==3.11.3
pymdown-extensions==13.1.2 pygments==2.21.0`). Each folder of Tests/TrellisMarkdownTests/Fixtures
named below (by default all of FOLDERS) holds a `config.json`:

    {"extensions": ["pymdownx.superfences", ...], "extension_configs": {"pymdownx.highlight": {...}}}

as `mkdocs.yml` would give them (a Python object as the string `!!python/name:module.attr`).
Every `<case>.md` there is converted with those extensions and written to `<case>.html`, with the
final newline `print` adds.

Code is highlighted as Pygments highlights it, for the languages Trellis has lexers for; a
language without one is written as plain text, as Trellis writes it (see
scripts/pygments-goldens.py, `patch_unsupported_lexers`).
"""
import importlib
import importlib.util
import json
import os
import re
import sys

import markdown

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "Tests", "TrellisMarkdownTests", "Fixtures")
FOLDERS = ["code-blocks", "code-blocks-options", "code-blocks-plain", "inlinehilite", "inlinehilite-plain", "arithmatex", "arithmatex-mathjax", "blocks", "blocks-options", "blocks-manual"]
def python_objects(value):
    """`!!python/name:a.b` strings become the objects they name, as MkDocs' YAML loader makes them."""
    if isinstance(value, dict):
        return {k: python_objects(v) for k, v in value.items()}
    if isinstance(value, list):
        return [python_objects(v) for v in value]
    if isinstance(value, str) and value.startswith("!!python/name:"):
        module, _, attr = value[len("!!python/name:"):].rpartition(".")
        return getattr(importlib.import_module(module), attr)
    return value


def main(folders):
    spec = importlib.util.spec_from_file_location("pygments_goldens", os.path.join(HERE, "pygments-goldens.py"))
    pygments_goldens = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pygments_goldens)
    pygments_goldens.patch_unsupported_lexers()
    write_goldens(folders or FOLDERS)


def write_goldens(folders):
    for folder in folders:
        path = os.path.join(FIXTURES, folder)
        with open(os.path.join(path, "config.json"), encoding="utf-8") as f:
            config = json.load(f)
        for name in sorted(os.listdir(path)):
            if not name.endswith(".md"):
                continue
            with open(os.path.join(path, name), encoding="utf-8") as f:
                text = f.read()
            html = markdown.markdown(text, extensions=config["extensions"],
                                     extension_configs=python_objects(config.get("extension_configs", {})))
            with open(os.path.join(path, name[:-3] + ".html"), "w", encoding="utf-8") as f:
                f.write(html + "\n")
            print(f"{folder}/{name[:-3]}.html")


if __name__ == "__main__":
    main(sys.argv[1:])
