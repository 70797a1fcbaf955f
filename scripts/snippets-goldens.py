#!/usr/bin/env python3
"""Write Tests/TrellisBuildTests/Fixtures/snippets/cases.json: the Markdown text pymdownx.snippets
makes of a page (its preprocessor's output, before any other Markdown step), for small file trees,
so SnippetGoldenTests can hold Trellis's IncludeSnippets to it. Each case: the files (relative to
the folder MkDocs runs in, which base_path is relative to), the extension's options, the page's
text, and the expected text, or {"error": message} when pymdownx stops the build.

Nothing here needs the network: URL snippets are only named, never downloaded (url_download off,
or the case expects what Trellis does without a network and is left out of the goldens).

Run with the Python that has Markdown 3.11.3 and pymdown-extensions 13.1.2:
    /work/mkdocs-venv/bin/python scripts/snippets-goldens.py
"""
import json
import os
import random
import tempfile

import markdown
from pymdownx.snippets import SnippetMissingError

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "Tests", "TrellisBuildTests", "Fixtures", "snippets", "cases.json")
# Random lines and paths read by pymdownx's own expressions (notation, section markers, split_path,
# extract_lines), so Trellis's matchers are held to them beyond the hand-written cases.
SYNTAX = os.path.join(os.path.dirname(OUT), "syntax.json")

SECTIONS = (
    "before\n"
    "# --8<-- [start:py]\n"
    "def f():\n"
    "    return 1\n"
    "# --8<-- [end:py]\n"
    "<!-- --8<-- [start:html] -->\n"
    "<p>hi</p>\n"
    "<!-- --8<-- [end:html] -->\n"
    "// --8<-- [start:outer]\n"
    "outer 1\n"
    "// --8<-- [start:inner]\n"
    "inner\n"
    "// --8<-- [end:inner]\n"
    "outer 2\n"
    "// --8<-- [end:outer]\n"
    "after\n"
)
LINES = "".join(f"line {i}\n" for i in range(1, 11))
INDENTED = "top\n    --8<-- [start:ind]\n    indented a\n      indented b\n    --8<-- [end:ind]\n"

CASES = [
    # whole files, markers never show
    {"page": "# P\n\n--8<-- \"sec.txt\"\n"},
    {"page": "# P\n--8<-- \"lines.txt\"\ntail\n"},
    {"page": "  --8<-- \"lines.txt\"\n\t--8<-- 'sec.txt'\n"},
    {"page": "a\n-8<- \"lines.txt\"\n---------8<------- \"lines.txt\"\n"},
    {"page": "--8<--  \"lines.txt\"  \n--8<--\t\"lines.txt\"\n--8<--\"lines.txt\"\n"},
    {"page": "--8<-- \"lines.txt\"\r\n--8<-- \" lines.txt \"\n--8<-- \"\"\n--8<-- \"a\" \"b\"\n"},
    {"page": "text --8<-- \"lines.txt\"\n--8<-- \"lines.txt\" text\n"},
    # sections
    {"page": "--8<-- \"sec.txt:py\"\n"},
    {"page": "--8<-- \"sec.txt:html\"\n--8<-- \"sec.txt:outer\"\n--8<-- \"sec.txt:inner\"\n"},
    {"page": "--8<-- \"sec.txt:nothere\"\nend\n"},
    {"page": "--8<-- \"sec.txt:nothere\"\n", "options": {"check_paths": True}},
    {"page": "--8<-- \"open.txt:a\"\n--8<-- \"open.txt:b\"\n--8<-- \"open.txt\"\n"},
    {"page": "--8<-- \"odd.txt:a\"\n--8<-- \"odd.txt:b\"\n--8<-- \"odd.txt:c\"\n--8<-- \"odd.txt:d\"\n--8<-- \"odd.txt\"\n"},
    {"page": "--8<-- \"ind.txt:ind\"\n"},
    {"page": "--8<-- \"ind.txt:ind\"\n--8<-- \"lines.txt:2:3\"\n", "options": {"dedent_subsections": True}},
    {"page": "before\n--8<-- [start:x]\nkept\n--8<-- [end:x]\n;--8<-- [start:y]\nx --8<-- [END:x] y\nafter\n"},
    {"page": "--8<-- \"esc.txt\"\n--8<-- \"esc.txt:a\"\n"},
    {"page": "--8<-- \"sec.txt:Py\"\n--8<-- \"sec.txt:1py\"\n--8<-- \"sec.txt:p_y-2\"\n"},
    # line ranges
    {"page": "--8<-- \"lines.txt:3\"\n"},
    {"page": "--8<-- \"lines.txt:3:5\"\n--8<-- \"lines.txt::2\"\n"},
    {"page": "--8<-- \"lines.txt:1:3,5:6\"\n"},
    {"page": "--8<-- \"lines.txt:5:3\"\n--8<-- \"lines.txt:0\"\n--8<-- \"lines.txt:0:0\"\n--8<-- \"lines.txt:1:0\"\n"},
    {"page": "--8<-- \"lines.txt:-2\"\n--8<-- \"lines.txt:-3:-2\"\n--8<-- \"lines.txt::-8\"\n--8<-- \"lines.txt:-99:-99\"\n"},
    {"page": "--8<-- \"lines.txt:1:999999999\"\n--8<-- \"lines.txt:999999999\"\n--8<-- \"lines.txt:99999999999999999999999999:3\"\n"},
    {"page": "--8<-- \"lines.txt:-99999999999999999999999\"\n--8<-- \"lines.txt::-99999999999999999999999\"\n"},
    {"page": "--8<-- \"lines.txt:\"\n--8<-- \"lines.txt::\"\n--8<-- \"lines.txt:2,4\"\n--8<-- \"lines.txt:9:,:2\"\n"},
    {"page": "--8<-- \"lines.txt:8:9,1:2,8:9\"\n--8<-- \"lines.txt:3:4,\"\n--8<-- \"lines.txt:1:2:3\"\n"},
    {"page": "--8<-- \":3\"\n--8<-- \"lines.txt:2x\"\n--8<-- \"lines.txt :2\"\n"},
    {"page": "--8<-- \"sec.txt:2:4\"\n--8<-- \"sec.txt:9:11\"\n"},
    {"page": "--8<-- \"empty.txt:2\"\n--8<-- \"empty.txt:x\"\nz\n", "options": {"check_paths": True}},
    # missing files
    {"page": "a\n--8<-- \"gone.md\"\nb\n"},
    {"page": "a\n--8<-- \"gone.md\"\nb\n", "options": {"check_paths": True}},
    {"page": "--8<-- \":3\"\n", "options": {"check_paths": True}},
    {"page": "--8<-- \"https://example.com/x.md\"\nz\n"},
    {"page": "--8<-- \"https://example.com/x.md\"\n", "options": {"check_paths": True}},
    # blocks
    {"page": "a\n--8<--\nlines.txt:1\n\n;sec.txt\nsec.txt:py\n--8<--\nb\n"},
    {"page": "a\n  --8<--\n  lines.txt:2\n  --8<-- \"lines.txt:3\"\n  --8<--\nb\n"},
    {"page": "a\n--8<--\nlines.txt:1\nb\n--8<-- [start:x]\n"},
    {"page": "a\n--8<--\n;--8<-- \"x\"\n--8<--\n"},
    {"page": "--8<--\ngone.md\n--8<--\n", "options": {"check_paths": True}},
    # escapes
    {"page": ";--8<-- \"lines.txt\"\n;;--8<-- \"lines.txt\"\n  ;--8<--\n;x --8<-- \"lines.txt\"\n"},
    # nesting and recursion
    {"page": "--8<-- \"outer.txt\"\n"},
    {"page": "--8<-- \"self.txt\"\n"},
    {"page": "--8<-- \"ping.txt\"\n"},
    {"page": "--8<-- \"nestsec.txt:s\"\n"},
    # options
    {"page": "page\n", "options": {"auto_append": ["lines.txt:1", "sec.txt:py"]}},
    {"page": "page\n--8<--\n", "options": {"auto_append": ["lines.txt:1"]}},
    {"page": "--8<-- \"one.txt\"\n--8<-- \"lines.txt:1\"\n", "options": {"base_path": ["sub", "."]}},
    {"page": "--8<-- \"one.txt\"\n--8<-- \"lines.txt:1\"\n", "options": {"base_path": "sub"}},
    {"page": "--8<-- \"one.txt\"\n--8<-- \"../lines.txt:1\"\n", "options": {"base_path": "sub", "restrict_base_path": False}},
    {"page": "--8<-- \"../lines.txt:1\"\n", "options": {"base_path": "sub"}},
    {"page": "--8<-- \"one.txt\"\n--8<-- \"two.txt\"\n", "options": {"base_path": ["sub/one.txt"]}},
    {"page": "--8<-- \"crlf.txt\"\n--8<-- \"crlf.txt:2\"\n"},
    {"page": "--8<-- \"latin.txt\"\n", "options": {"encoding": "latin-1"}},
    {"page": "--8<-- \"tabs.txt\"\n\t--8<-- \"lines.txt:1:2\"\n \t--8<-- \"lines.txt:1\"\n"},
    {"page": "```sh\n--8<-- \"cmd.sh\"\n```\n\n    --8<-- \"cmd.sh\"\n"},
]

FILES = {
    "sec.txt": SECTIONS,
    "lines.txt": LINES,
    "ind.txt": INDENTED,
    "open.txt": "x\n--8<-- [start:a]\na1\n--8<-- [start:b]\nb1\n--8<-- [end:a]\nb2\n",
    "odd.txt": "--8<-- [end:a]\na0\n--8<-- [start:a]\na1\n--8<-- [start:a]\na2\n--8<-- [end:a]\na3\n--8<-- [start:a]\na4\n--8<-- [end:a]\n"
               "--8<-- [start:c]\nc1\n--8<-- [START:c]\nc2\n--8<-- [end:c]\n-- 8<-- [start:d]\n--8<--[start:d]\nd\n--8<-- [ start : d ]\nd1\n--8<-- [end:d]x\n",
    "esc.txt": "--8<-- [start:a]\n;--8<-- [start:z]\n;;--8<-- [end:a] tail\n--8<-- [end:a]\n;--8<-- [start:q]\n",
    "empty.txt": "",
    "outer.txt": "outer\n    --8<-- \"lines.txt:1:2\"\n  --8<-- \"sec.txt:py\"\n--8<-- \"gone.txt\"\n",
    "self.txt": "self start\n--8<-- \"self.txt\"\nself end\n",
    "ping.txt": "ping\n--8<-- \"pong.txt\"\n",
    "pong.txt": "pong\n--8<-- \"ping.txt\"\n",
    "nestsec.txt": "--8<-- [start:s]\n--8<-- \"lines.txt:2\"\n--8<-- [start:t]\nin t\n--8<-- [end:t]\n--8<-- [end:s]\n",
    "sub/one.txt": "one in sub\n",
    "sub/two.txt": "two in sub\n",
    "one.txt": "one at root\n",
    "crlf.txt": "a\r\nb\r\nc\rd\n",
    "latin.txt": "caf\u00e9\n".encode("latin-1"),
    "tabs.txt": "\ta\n",
    "cmd.sh": "kubectl get nodes\n",
}


def run_case(case, root):
    options = case.get("options", {})
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})
    try:
        lines = md.preprocessors["snippet"].run(case["page"].split("\n"))
    except SnippetMissingError as e:
        return {"error": str(e)}
    return "\n".join(lines)


TOKENS = [" ", " ", "\t", ";", ";", "-", "-", "--", "8", "<", "8<", "--8<--", "[", "]", "start", "end", "START", ":",
          ":", "a", "x1", "_", "\"", "'", "\\", "f.md", ",", "3", "-2", "\r", "\u00e9", "\u017f", "<!--", "-->"]
NUMBERS = ["", "0", "1", "3", "5", "9", "10", "11", "-1", "-3", "-10", "-11", "999999999999999999999", "-999999999999999999999"]


RANDOM_NAMES = ["sec.txt", "sec.txt:py", "sec.txt:outer", "sec.txt:inner", "lines.txt:2:4", "lines.txt:-3", "lines.txt:1:2,5:",
                "odd.txt:a", "odd.txt:c", "open.txt:b", "esc.txt", "esc.txt:a", "nestsec.txt:s", "outer.txt", "ping.txt",
                "gone.md", "crlf.txt:1:2", "ind.txt:ind", "ind.txt", "sub/one.txt", "one.txt", "tabs.txt", "cmd.sh", "self.txt"]
RANDOM_LINES = ["text", "", "  ", "```", "--8<--", ";--8<--", "  --8<--", "--8<-- [start:py]", "--8<-- [end:py]",
                "<!-- --8<-- [start:x] -->", ";--8<-- [end:x]", "# --8<-- [START:y]", "\tindented", "line\r"]
RANDOM_OPTIONS = [{}, {}, {"dedent_subsections": True}, {"base_path": ["sub", "."]}, {"auto_append": ["lines.txt:1:2", "sec.txt:py"]},
                  {"restrict_base_path": False, "base_path": "sub"}]


def random_cases(count=150):
    """Random pages of snippet lines, blocks, markers and text over the golden files."""
    rng = random.Random(13)
    cases = []
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 12)):
            r = rng.random()
            if r < 0.45:
                q = rng.choice(["\"", "'"])
                lines.append(rng.choice(["", "  ", "\t", "    ", " \t"]) + rng.choice(["--8<-- ", "-8<-\t", ";--8<-- ", "---8<--- "])
                             + q + rng.choice(RANDOM_NAMES) + q + rng.choice(["", "", "\r"]))
            elif r < 0.6:
                lines.append(rng.choice(["", "  "]) + rng.choice(RANDOM_NAMES + [";" + RANDOM_NAMES[0]]))
            else:
                lines.append(rng.choice(RANDOM_LINES))
        cases.append({"page": "\n".join(lines) + rng.choice(["", "\n"]), "options": rng.choice(RANDOM_OPTIONS)})
    return cases


def syntax_cases(pp, count=800):
    """Random lines and paths, with how pymdownx's own expressions and split_path read them."""
    rng = random.Random(8)
    lines, specs, ranges = [], [], []
    for _ in range(count):
        line = "".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 14)))
        if rng.random() < 0.3:
            line = rng.choice(["", "  ", ";", "<!-- "]) + "--8<-- " + rng.choice(["[start:x]", "[end:x]", "\"f.md\"", "'f.md'"]) + line
        elif rng.random() < 0.6:
            q = rng.choice(["\"", "'"])
            body = "".join(rng.choice(["a", "a", "f.md", "f.md", ":3", " ", "\\", "\\\"", "\"", "'", "\r", "\u00e9"])
                           for _ in range(rng.randint(0, 3)))
            odd = rng.randrange(8)  # which part, if any, is written wrong
            line = "".join([rng.choice(["", " ", "\t", "  \t"]), rng.choice(["", "", ";", ";;"]),
                            "" if odd == 0 else rng.choice(["-", "--", "---"]), "8" if odd == 1 else "8<",
                            "" if odd == 2 else rng.choice(["-", "--"]), rng.choice(["", " ", "\t", "  "]),
                            rng.choice([q + body, body + q]) if odd == 3 else rng.choice([q + body + q, q + body + q, ""]),
                            rng.choice([" ", "x"]) if odd == 4 else rng.choice(["", "", "\r"])])
        m = pp.RE_ALL_SNIPPETS.match(line)
        notation = None if not m else {
            "space": m.group("space"), "escaped": bool(m.group("escape")),
            "quoted": m.group("snippet") if m.group("inline_marker") else None}
        m2 = pp.match_section(line)
        section = None if not m2 else {
            "type": m2.group("type"), "name": m2.group("name"), "escaped": bool(m2.group("escape")),
            "unescaped": m2.group("pre") + m2.group("escape").replace(";", "", 1) + m2.group("inline_marker")
            + m2.group("section") + m2.group("post")}
        lines.append({"line": line, "notation": notation, "section": section})
        spec = "".join(rng.choice(TOKENS[17:]) for _ in range(rng.randint(1, 10)))
        specs.append({"spec": spec, "split": list(pp.split_path(spec))})
        rs = []
        for _ in range(rng.randint(1, 3)):
            rs.append(":" + rng.choice(NUMBERS) + (":" + rng.choice(NUMBERS) if rng.random() < 0.7 else ""))
        spec = "f.txt" + ",".join(r[1:] if i else r for i, r in enumerate(rs))
        target = pp.parse_snippet_target(spec)
        picked = pp.extract_lines(target["start"], target["end"], list(range(10))) if target["start"] else None
        ranges.append({"spec": spec, "lines": picked})
    return {"lines": lines, "specs": specs, "ranges": ranges}


def main():
    out = {"files": {k: (v.decode("latin-1") if isinstance(v, bytes) else v) for k, v in FILES.items()},
           "latin1": [k for k, v in FILES.items() if isinstance(v, bytes)], "cases": []}
    with tempfile.TemporaryDirectory() as root:
        for name, text in FILES.items():
            path = os.path.join(root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        cwd = os.getcwd()
        os.chdir(root)
        try:
            for case in CASES + random_cases():
                out["cases"].append({**case, "options": case.get("options", {}), "expected": run_case(case, root)})
        finally:
            os.chdir(cwd)
    pp = markdown.Markdown(extensions=["pymdownx.snippets"]).preprocessors["snippet"]
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    syntax = syntax_cases(pp)
    with open(SYNTAX, "w", encoding="utf-8") as f:
        f.write("{\n")
        for n, (key, items) in enumerate(syntax.items()):
            f.write(f' "{key}": [\n' + ",\n".join("  " + json.dumps(i, ensure_ascii=False) for i in items) + "\n ]")
            f.write(",\n" if n < len(syntax) - 1 else "\n")
        f.write("}\n")
    print(f"{len(out['cases'])} cases written to {OUT}")


if __name__ == "__main__":
    main()
