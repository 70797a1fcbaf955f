#!/usr/bin/env python3
"""Write Tests/TrellisBuildTests/Fixtures/gitignore/cases.json: which docs paths pathspec's
GitIgnoreSpec (the matcher MkDocs uses for exclude_docs, draft_docs and not_in_nav) selects for
each pattern list, so GitIgnoreSpecTests can hold Trellis's matcher to it.

Run with the Python that has MkDocs installed: PYTHON scripts/gitignore-goldens.py
"""
import json
import pathlib

import pathspec

PATHS = [
    "index.md", "a.md", "b.txt", ".hidden.md", "img/logo.png", "img/.keep", "guide/index.md",
    "guide/a.md", "guide/deep/a.md", "guide/deep/b.md", "templates/x.html", "guide/templates/y.md",
    "drafts/one.md", "blog/drafts/two.md", "blog/posts/2024/post.md", "a b.md", "abc.md", "x[1].md",
    "api/v1/ref.md", "api/v2/ref.md", "api/README.md", "notes.markdown",
]

SPECS = [
    [".*", "/templates/"],
    ["*.txt"],
    ["drafts/"],
    ["/drafts/"],
    ["guide/"],
    ["guide/*"],
    ["guide/**"],
    ["guide/**/b.md"],
    ["**/drafts/**"],
    ["a.md"],
    ["/a.md"],
    ["*.md", "!index.md"],
    ["guide/", "!guide/a.md"],
    ["guide/**", "!guide/a.md"],
    ["guide/*", "!guide/deep/"],
    ["api/*/ref.md"],
    ["api/v[12]/ref.md"],
    ["api/v[!1]/*"],
    ["?.md"],
    ["a\\ b.md"],
    ["x\\[1].md"],
    ["x[1].md"],
    ["# comment", "", "b.txt   "],
    ["*"],
    ["**"],
    ["*/"],
    ["**/"],
    ["*/**"],
    ["deep"],
    ["deep/"],
    ["README.md"],
    ["*.markdown", "!notes.*"],
    ["blog/", "!blog/posts/"],
    ["img/*.png"],
    ["[ab]*.md"],
    ["broken[range.md"],
]


def main():
    cases = []
    for lines in SPECS:
        spec = pathspec.gitignore.GitIgnoreSpec.from_lines(lines)
        cases.append({"patterns": lines, "selected": [p for p in PATHS if spec.match_file(p)]})
    out = {"pathspec": pathspec.__version__, "paths": PATHS, "cases": cases}
    target = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrellisBuildTests/Fixtures/gitignore/cases.json"
    target.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
