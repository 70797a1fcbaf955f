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

Trellis does not highlight: it writes pymdownx's markup around the code with the code as escaped
text. So the goldens are Python-Markdown's output with Pygments' token spans taken out: every
`<span class="…">` inside `<code>` whose classes are not pymdownx's or the formatter's own
(`hll`, `filename`, `linenos`, `normal`, `special`), with its `</span>`. Everything else (the
wrapping `div`, titles, line-number tables, line spans and anchors, highlighted lines, the
text and its escaping) is kept byte for byte. A lexer that emits no tokens (`text`, or a language
Pygments does not know) gives the same markup with nothing taken out, which the fixtures also use.
"""
import importlib
import json
import os
import re
import sys

import markdown

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "Tests", "TrellisMarkdownTests", "Fixtures")
FOLDERS = ["code-blocks", "code-blocks-options", "code-blocks-plain", "arithmatex", "arithmatex-mathjax", "blocks", "blocks-options", "blocks-manual"]
KEPT_CLASSES = {"hll", "filename", "linenos", "normal", "special"}
TAG = re.compile(r"<(/?)(span|code)\b([^>]*)>")


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


def strip_tokens(html):
    """Drops Pygments' token spans (not nested in one another) from inside <code> elements."""
    out, stack, in_code, last = [], [], 0, 0
    for m in TAG.finditer(html):
        closing, tag, attrs = m.group(1) == "/", m.group(2), m.group(3)
        drop = False
        if tag == "code":
            in_code += -1 if closing else 1
        elif not closing:
            cls = re.search(r'class="([^"]*)"', attrs)
            token = bool(in_code and cls and not (set(cls.group(1).split()) & KEPT_CLASSES))
            stack.append(token)
            drop = token
        elif stack:
            drop = stack.pop()
        out.append(html[last:m.start()])
        if not drop:
            out.append(m.group(0))
        last = m.end()
    out.append(html[last:])
    return "".join(out)


def main(folders):
    for folder in folders or FOLDERS:
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
                f.write(strip_tokens(html) + "\n")
            print(f"{folder}/{name[:-3]}.html")


if __name__ == "__main__":
    main(sys.argv[1:])
