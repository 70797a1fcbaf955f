#!/usr/bin/env python3
"""Regenerate the highlighting goldens: Python-Markdown with pymdownx.highlight/superfences and
Pygments, on the hand-written samples of Tests/TrellisMarkdownTests/Fixtures/highlight-*.

Usage: PYTHON scripts/pygments-goldens.py [FOLDER ...]

PYTHON is a Python with Markdown 3.11.3, pymdown-extensions 13.1.2 and Pygments 2.21.0 (for
example /work/mkdocs-venv/bin/python). Each folder holds a `config.json` (extensions and their
options, as in scripts/pymdownx-goldens.py) and `<case>.md` samples; each `<case>.html` is the
HTML Python-Markdown writes, with the final newline `print` adds.

Trellis highlights with the lexers it has: the rule tables exported from Pygments
(Sources/TrellisMarkdown/Resources/pygments-rules/index.tsv) and the hand-written lexers
registered in Sources/TrellisMarkdown/Highlighting/CustomLexers.swift. A language whose lexer
Trellis does not have is written as plain text (one `Text` token) by both, keeping the lexer's
names for the `language-x` class and titles: `patch_unsupported_lexers` makes Pygments do the same
here, so a golden shows what Trellis is meant to write today (rerun after adding lexers).
"""
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FOLDERS = ["highlight-languages", "highlight-options"]
RULES = os.path.join(ROOT, "Sources", "TrellisMarkdown", "Resources", "pygments-rules", "index.tsv")
CUSTOM = os.path.join(ROOT, "Sources", "TrellisMarkdown", "Highlighting", "CustomLexers.swift")


def supported_aliases():
    aliases = {"text", "output"}  # built into SyntaxLexers
    with open(RULES, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and "\t" in line:
                aliases.add(line.split("\t")[0])
    if os.path.exists(CUSTOM):
        with open(CUSTOM, encoding="utf-8") as f:
            aliases.update(a.lower() for a in re.findall(r'"([^"\s]+)"\s*:', f.read()))
    return aliases


def patch_unsupported_lexers():
    """pymdownx.highlight's lexers for languages Trellis cannot highlight yield one Text token."""
    import pymdownx.highlight as highlight
    from pygments.token import Text

    supported = supported_aliases()
    original = highlight.get_lexer_by_name

    def get_lexer_by_name(alias, **options):
        lexer = original(alias, **options)
        if alias.lower() not in supported:
            lexer.get_tokens_unprocessed = lambda text, *args, **kwargs: iter([(0, Text, text)])
        return lexer

    highlight.get_lexer_by_name = get_lexer_by_name


def main(folders):
    patch_unsupported_lexers()
    spec = importlib.util.spec_from_file_location("pymdownx_goldens", os.path.join(HERE, "pymdownx-goldens.py"))
    goldens = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(goldens)
    goldens.write_goldens(folders or FOLDERS)


if __name__ == "__main__":
    main(sys.argv[1:])
