#!/usr/bin/env python3
"""Renders the TrellisMacros conformance fixtures with real Jinja2.

Each Tests/TrellisMacrosTests/Fixtures/<case>.md is rendered against the shared
Fixtures/context.json and written to <case>.expected. The Jinja Environment is configured
as the MkDocs macros plugin configures it (mkdocs_macros/plugin.py: `Environment(loader=
FileSystemLoader(include_dir), undefined=...)`, every other option at its default, so one
trailing newline is dropped and newlines are normalised to '\n'): `{% include %}` reads
Fixtures/includes/, and undefined names follow `on_undefined: strict` (StrictUndefined), or
`keep` (DebugUndefined, the plugin's default) for cases named <case>.keep.md.

Usage: python3 scripts/jinja-goldens.py   (needs jinja2 3.1)
"""
import json
import pathlib
import sys

import jinja2
from jinja2 import DebugUndefined, Environment, FileSystemLoader, StrictUndefined

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "TrellisMacrosTests" / "Fixtures"


def main() -> int:
    if not jinja2.__version__.startswith("3.1"):
        print(f"warning: goldens are defined by Jinja2 3.1, found {jinja2.__version__}", file=sys.stderr)
    context = json.loads((FIXTURES / "context.json").read_text(encoding="utf-8"))
    loader = FileSystemLoader(FIXTURES / "includes")
    strict = Environment(loader=loader, undefined=StrictUndefined)
    keep = Environment(loader=loader, undefined=DebugUndefined)
    cases = sorted(FIXTURES.glob("*.md"))
    for case in cases:
        env = keep if case.name.endswith(".keep.md") else strict
        # newline='' keeps '\r\n' as written, so Jinja's own newline handling is what is tested.
        with open(case, encoding="utf-8", newline="") as f:
            source = f.read()
        try:
            output = env.from_string(source).render(**context)
        except Exception as error:
            print(f"{case.name}: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        with open(case.with_suffix(".expected"), "w", encoding="utf-8", newline="") as f:
            f.write(output)
    print(f"rendered {len(cases)} fixtures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
