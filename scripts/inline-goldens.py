#!/usr/bin/env python3
"""Write the goldens of the inline extension fixtures with the real extensions.

Usage:
  PYTHON scripts/inline-goldens.py [--check]

Run it with a Python that has Python-Markdown 3.11.3 and pymdown-extensions 13.1.2 (for
example /work/mkdocs-venv/bin/python). Each Tests/TrellisMarkdownTests/Fixtures/inline-*/CASE.md
is rendered by Python-Markdown with the extensions FEATURES names for its folder, plus what
MkDocs always adds (`toc` with `permalink: true`, `tables`, `fenced_code`) and `attr_list`, and
written to CASE.html with the final newline Python-Markdown leaves off. `--check` writes
nothing and exits 1 when a golden differs from what the extensions give.

The Swift side (InlineFixtureTests) runs the same folders through Trellis with the same
extensions and options, and compares with these files byte for byte.
"""
import os
import sys

import markdown

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "Tests", "TrellisMarkdownTests", "Fixtures")

# Folder: (extensions, extension_configs). Keep in step with InlineFixtureTests.swift.
FEATURES = {
    "inline-delimiters": (["pymdownx.mark", "pymdownx.caret", "pymdownx.tilde"], {}),
    "inline-delimiter-options": (
        ["pymdownx.mark", "pymdownx.caret", "pymdownx.tilde"],
        {"pymdownx.caret": {"superscript": False}, "pymdownx.tilde": {"delete": False}},
    ),
    "inline-keys": (["pymdownx.keys"], {}),
    "inline-keys-options": (
        ["pymdownx.keys"],
        {
            "pymdownx.keys": {
                "camel_case": True, "strict": True, "separator": " then ", "class": "keys shortcut",
                "key_map": {"hyper": "Hyper", "control": "Strg"},
            }
        },
    ),
    "inline-magiclink": (["pymdownx.magiclink", "pymdownx.tilde"], {}),
    "inline-magiclink-shorthand": (
        ["pymdownx.magiclink"],
        {
            "pymdownx.magiclink": {
                "repo_url_shorthand": True, "social_url_shorthand": True, "user": "squidfunk", "repo": "mkdocs-material",
            }
        },
    ),
    "inline-magiclink-shortener": (
        ["pymdownx.magiclink"],
        {
            "pymdownx.magiclink": {
                "repo_url_shortener": True, "social_url_shortener": True, "hide_protocol": True, "user": "squidfunk",
                "repo": "mkdocs-material", "labels": {"pull": "PR"},
            }
        },
    ),
    "inline-smartsymbols": (["pymdownx.smartsymbols"], {}),
    "inline-smartsymbols-options": (
        ["pymdownx.smartsymbols"], {"pymdownx.smartsymbols": {"fractions": False, "arrows": False}},
    ),
    "inline-abbr": (["abbr"], {}),
    "inline-abbr-glossary": (
        ["abbr"], {"abbr": {"glossary": {"SLA": "Service Level Agreement", "SLO": "Service Level Objective"}}},
    ),
    "inline-betterem": (["pymdownx.betterem"], {"pymdownx.betterem": {"smart_enable": "all"}}),
}

ALWAYS = ["toc", "tables", "fenced_code", "attr_list"]


def render(text, extensions, configs):
    configs = dict(configs)
    configs.setdefault("toc", {"permalink": True})
    md = markdown.Markdown(extensions=ALWAYS + extensions, extension_configs=configs)
    return md.convert(text) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    differing = 0
    for feature, (extensions, configs) in sorted(FEATURES.items()):
        folder = os.path.join(FIXTURES, feature)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                html = render(f.read(), extensions, configs)
            target = os.path.join(folder, name[:-3] + ".html")
            old = open(target, encoding="utf-8").read() if os.path.exists(target) else None
            if old == html:
                continue
            differing += 1
            print(("differs: " if check else "wrote: ") + os.path.relpath(target))
            if not check:
                with open(target, "w", encoding="utf-8") as f:
                    f.write(html)
    return 1 if check and differing else 0


if __name__ == "__main__":
    sys.exit(main())
