#!/usr/bin/env python3
"""Write the emoji fixtures' goldens with Python-Markdown and pymdownx.emoji, as MkDocs renders.

Usage:
  /work/mkdocs-venv/bin/python scripts/emoji-goldens.py [--check] [CONFIG_FOLDER ...]

Run it with a Python that has MkDocs, mkdocs-material and pymdown-extensions (the versions
Trellis reproduces: pymdown-extensions 13.1.2, mkdocs-material 9.8.2). Each folder of
Tests/TrellisBuildTests/Fixtures/emoji/ (or each folder given) holds an mkdocs.yml whose
`markdown_extensions` are read with MkDocs' own YAML loader and its own option type, so
`!!python/name:` tags, the extensions MkDocs always adds (toc, tables, fenced_code) and a
repeated extension come out as MkDocs makes them. Every `<case>.md` beside it is converted with
those extensions and written to `<case>.html` (with the final newline Python-Markdown leaves off).
Each folder is converted in its own process: Material's index changes pymdownx's twemoji table
in place when it loads, so one configuration must not see another's.

`--check` writes nothing and exits 1 if a golden differs from what Python-Markdown writes now.
"""

import argparse
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "TrellisBuildTests" / "Fixtures" / "emoji"

CONVERT = r"""
import pathlib, sys, warnings
warnings.simplefilter("ignore")
import logging
logging.disable(logging.WARNING)
import markdown
from mkdocs.config.config_options import MarkdownExtensions
from mkdocs.utils import yaml_load

folder = pathlib.Path(sys.argv[1])
check = sys.argv[2] == "check"
with open(folder / "mkdocs.yml", encoding="utf-8") as f:
    config = yaml_load(f)
option = MarkdownExtensions(builtins=["toc", "tables", "fenced_code"], configkey="mdx_configs")
extensions = option.validate(config.get("markdown_extensions", []))
different = []
for case in sorted(folder.glob("*.md")):
    md = markdown.Markdown(extensions=extensions, extension_configs=option.configdata)
    html = md.convert(case.read_text(encoding="utf-8")) + "\n"
    golden = case.with_suffix(".html")
    if check:
        if not golden.exists() or golden.read_text(encoding="utf-8") != html:
            different.append(str(golden))
    else:
        golden.write_text(html, encoding="utf-8")
for name in different:
    print(f"differs: {name}")
sys.exit(1 if different else 0)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=pathlib.Path)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    folders = args.folders or sorted(p for p in FIXTURES.iterdir() if (p / "mkdocs.yml").exists())
    failed = False
    for folder in folders:
        result = subprocess.run([sys.executable, "-c", CONVERT, str(folder), "check" if args.check else "write"])
        failed |= result.returncode != 0
        print(f"{'checked' if args.check else 'wrote'} {folder.name}" + (" (differs)" if result.returncode else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
