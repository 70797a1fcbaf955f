#!/usr/bin/env python3
"""Regenerate the token goldens of Trellis's hand-written lexers from Pygments.

For each sample `Tests/TrellisMarkdownTests/Fixtures/highlight-lexers/<alias>/<case>.txt`, asks
Pygments for the lexer `get_lexer_by_name(<alias>)` and writes what its
`get_tokens_unprocessed` yields for the sample's text to `<case>.tokens`: one JSON array
`[type, text]` per line, the type as its dotted name below `Token` (`Name.Tag`; `""` for
`Token` itself). `HighlightLexerGoldenTests` asserts the Swift lexers yield the same.

Run it with the Python whose Pygments MkDocs uses:
    /work/mkdocs-venv/bin/python scripts/pygments-lexer-goldens.py [folder]

With a folder of the same shape (say code blocks taken from real sites), writes its goldens
instead; run the test on it with TRELLIS_LEXER_SAMPLES=folder.
"""
import json
import os
import sys

import pygments
from pygments.lexers import get_lexer_by_name

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(os.path.dirname(HERE), "Tests", "TrellisMarkdownTests", "Fixtures", "highlight-lexers")


def type_name(token_type):
    return ".".join(token_type)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else ROOT
    written = 0
    for alias in sorted(os.listdir(root)):
        folder = os.path.join(root, alias)
        if not os.path.isdir(folder):
            continue
        lexer = get_lexer_by_name(alias)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
                text = f.read()
            lines = [json.dumps([type_name(t), v], ensure_ascii=False)
                     for _, t, v in lexer.get_tokens_unprocessed(text)]
            out = os.path.join(folder, name[:-len(".txt")] + ".tokens")
            with open(out, "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines) + "\n")
            written += 1
    print(f"{written} goldens written with Pygments {pygments.__version__}")


if __name__ == "__main__":
    main()
