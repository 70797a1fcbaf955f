#!/usr/bin/env python3
"""Export Pygments' RegexLexer rule tables as data for Trellis' highlighter.

Usage: PYTHON scripts/update-pygments-rules.py [--all]

PYTHON is the Python whose Pygments MkDocs uses (for example /work/mkdocs-venv/bin/python, with
Pygments 2.21.0). Writes Sources/TrellisMarkdown/Resources/pygments-rules/<Class>.json, one file
per lexer (loaded lazily, when a page first asks for that language), and `index.tsv`: every alias
(lowercased, in Pygments' lookup order) with the class that exports it.

A lexer's file holds Pygments' *processed* token table (`cls._tokens`: includes resolved,
`words(...)` expanded, `inherit` merged, `combined(...)` states created as `_tmp_N`), so the
Swift interpreter runs exactly the rules Pygments runs:

    {"name": "Bash", "class": "BashLexer", "extended": false, "flags": "m",
     "callbacks": [...],                       # named Python callbacks Trellis implements in Swift
     "states": {"root": [[pattern, flags, action, new_state], ...], ...}}

pattern is Python `re` syntax (Trellis translates it to ICU); flags a subset of "imsx".
action: null (no token), "Name.Builtin" (a token type), {"by": [action, ...]} (bygroups),
{"using": alias | "this", "class": "BashLexer", "stack": [...]} (delegation: the exported class,
else the alias of a hand-written lexer; stack absent: root) or
{"callback": "name"} (a Python callback, implemented by name in Swift).
new_state: null, a negative int (#pop:n), "#push", or a list of state names / "#pop" / "#push".

By default the lexers for the languages Trellis sites use (LANGUAGES) and every lexer they delegate
to are exported; `--all` exports every RegexLexer whose rules are all data or known callbacks.
"""
import json
import os
import re
import sys

import pygments
from pygments import lexers as pl
from pygments.lexer import RegexLexer, ExtendedRegexLexer, this
from pygments.token import _TokenType

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "Sources", "TrellisMarkdown", "Resources", "pygments-rules")

LANGUAGES = [
    "bash", "sh", "shell", "zsh", "python", "py", "python3", "go", "javascript", "js", "typescript", "ts",
    "hcl", "terraform", "tf", "toml", "ini", "cfg", "dockerfile", "docker", "sql", "mysql", "postgresql",
    "html", "xml", "css", "diff", "udiff", "powershell", "pwsh", "ps1", "batch", "bat", "cmd", "java",
    "rust", "rs", "c", "cpp", "c++", "ruby", "rb", "php", "kotlin", "swift", "nginx", "text",
    "properties", "jinja", "django", "markdown", "md", "scss", "less", "lua", "perl", "csharp", "c#",
    "groovy", "scala", "haskell", "elixir", "erlang", "r", "nix", "protobuf", "graphql", "vim",
    "jsx", "tsx", "dart", "objective-c", "apacheconf", "systemd", "http", "console", "caddyfile",
    "promql", "hcl", "rego", "cue", "zig", "julia", "latex", "tex", "rst", "xslt", "docker", "sql",
    "plpgsql", "tsql", "csv", "nasm", "gas", "llvm", "wasm", "cmake", "meson", "awk", "sed",
    "json5", "jsonld", "xml+jinja", "html+jinja", "yaml+jinja", "j2", "ocaml", "fsharp", "clojure",
    "lisp", "scheme", "racket", "elm", "purescript", "fortran", "matlab", "octave", "vb.net", "vbnet",
    "coffeescript", "handlebars", "twig", "smarty", "mako", "genshi", "ansi", "output", "gdscript",
]

# Python callbacks implemented by name in Swift (see RuleLexer.swift's `callback` and, for Ruby's
# heredocs, which share the ExtendedRegexLexer context's state stack and end, its run loop).
KNOWN_CALLBACKS = {
    "pygments.lexers.ruby.RubyLexer.heredoc_callback": "ruby-heredoc",
    "pygments.lexers.ruby.RubyLexer.gen_rubystrings_rules.<locals>.intp_regex_callback": "ruby-intp-regex",
    "pygments.lexers.ruby.RubyLexer.gen_rubystrings_rules.<locals>.intp_string_callback": "ruby-intp-string",
    "pygments.lexers.configs.TerraformLexer.heredoc_callback": "terraform-heredoc",
    "pygments.lexers.markup.MarkdownLexer._handle_codeblock": "markdown-codeblock",
    "pygments.lexers.sql.language_callback": "postgres-language",
}

# Lexers whose get_tokens_unprocessed only renames some tokens of the RegexLexer's stream (a
# token of one of `types` whose text is in `words`, or contains `contains`, gets type `to`; the
# first rule that applies wins): Swift does the same with the exported rules.
def c_family_remap(cls):
    words = set(cls.stdlib_types) | set(cls.c99_types) | set(cls.c11_atomic_types) | set(cls.linux_types)
    return {"types": ["Name"], "to": "Keyword.Type", "words": sorted(words)}


def swift_remap(cls):
    from pygments.lexers._cocoa_builtins import COCOA_INTERFACES, COCOA_PROTOCOLS, COCOA_PRIMITIVES
    words = set(COCOA_INTERFACES) | set(COCOA_PROTOCOLS) | set(COCOA_PRIMITIVES)
    return {"types": ["Name", "Name.Class"], "to": "Name.Builtin.Pseudo", "words": sorted(words)}


def php_remap(cls):
    from pygments.lexers._php_builtins import MODULES
    words = {f for key, fs in MODULES.items() if key != "unknown" for f in fs}
    return {"types": ["Name.Other"], "to": "Name.Builtin", "words": sorted(words)}


def slurm_remap(cls):
    return [{"types": ["Text"], "to": "Name.Builtin", "words": sorted(cls.EXTRA_KEYWORDS)},
            {"types": ["Comment.Single"], "to": "Keyword.Pseudo", "contains": "SBATCH"}]


POSTPROCESS = {
    "SlurmBashLexer": slurm_remap,
    "CLexer": c_family_remap, "CppLexer": c_family_remap, "SwiftLexer": swift_remap, "PhpLexer": php_remap,
    # PostgresBase only keeps the text for its language callback (not exported): nothing to redo.
}

# The long Unicode category strings of pygments.unistring, which many patterns embed: written once
# in `unistring.json` and referenced from patterns as NUL name NUL (expanded when loaded).
import pygments.unistring as _uni
MACROS = sorted(((k, v) for k, v in vars(_uni).items() if isinstance(v, str) and len(v) > 100 and not k.startswith("__")),
                key=lambda kv: -len(kv[1]))


def compress(pattern):
    for key, value in MACROS:
        pattern = pattern.replace(value, "\0" + key + "\0")
    return pattern


class Unsupported(Exception):
    pass


# Lexers Trellis writes by hand (Sources/TrellisMarkdown/Highlighting/CustomLexers.swift).
CUSTOM = {"json", "yaml", "console", "shell-session", "pwsh-session", "ps1con", "doscon", "pycon", "make", "makefile"}


class Deps(set):
    current = None


def token_name(ttype):
    return ".".join(ttype)


def flag_letters(flags):
    out = ""
    if flags & re.IGNORECASE:
        out += "i"
    if flags & re.MULTILINE:
        out += "m"
    if flags & re.DOTALL:
        out += "s"
    if flags & re.VERBOSE:
        out += "x"
    return out


def closure(fn):
    return dict(zip(fn.__code__.co_freevars, (c.cell_contents for c in fn.__closure__ or ())))


def export_action(action, deps, pattern=None):
    if action is None:
        return None
    if type(action) is _TokenType:
        return token_name(action)
    name = getattr(action, "__qualname__", "")
    if name.startswith("bygroups."):
        return {"by": [export_action(a, deps) for a in closure(action)["args"]]}
    if name.startswith("using."):
        cells = closure(action)
        kwargs = dict(cells.get("kwargs") or {})
        other = cells.get("_other", this)
        stack = cells.get("gt_kwargs", {}).get("stack")
        if kwargs == {"_startinline": True} and other is this and deps.current.__name__ == "PhpLexer":
            kwargs, stack = {}, ("root", "php")
        if kwargs:
            raise Unsupported(f"using with options {kwargs!r}")
        if other is this:
            out = {"using": "this"}
        else:
            # By class (exported here), else by alias (a lexer Trellis writes by hand).
            out = {"using": other.aliases[0] if other.aliases else "", "class": other.__name__}
            deps.add(other)
        if stack:
            out["stack"] = list(stack)
        return out
    qual = f"{getattr(action, '__module__', '?')}.{name}"
    if qual in KNOWN_CALLBACKS:
        out = {"callback": KNOWN_CALLBACKS[qual]}
        if pattern is not None and pattern.groupindex:
            out["groups"] = dict(pattern.groupindex)
        return out
    raise Unsupported(f"callback {qual}")


def export_state(new_state):
    if new_state is None or isinstance(new_state, int):
        return new_state
    if new_state == "#push":
        return new_state
    if isinstance(new_state, tuple):
        return list(new_state)
    raise Unsupported(f"state {new_state!r}")


def export_lexer(cls, deps):
    deps.current = cls
    for base in cls.__mro__:
        if base in (RegexLexer, ExtendedRegexLexer):
            break
        if "get_tokens_unprocessed" in base.__dict__ and cls.__name__ not in POSTPROCESS and base.__name__ != "PostgresBase":
            raise Unsupported(f"get_tokens_unprocessed of {base.__name__}")
    # Instantiating processes the token table (a lexer with token variants picks its default
    # `unicodelevel` table then).
    table = cls()._tokens
    states = {}
    for state, rules in table.items():
        out = []
        for rexmatch, action, new_state in rules:
            pattern = rexmatch.__self__
            if any(0xD800 <= ord(c) <= 0xDFFF for c in pattern.pattern):
                raise Unsupported("lone surrogates in a pattern")
            if "(?(" in pattern.pattern:
                raise Unsupported("conditional group (ICU has none)")
            out.append([compress(pattern.pattern), flag_letters(pattern.flags), export_action(action, deps, pattern), export_state(new_state)])
        states[state] = out
    data = {
        "name": cls.name, "class": cls.__name__, "aliases": list(cls.aliases),
        "extended": issubclass(cls, ExtendedRegexLexer), "flags": flag_letters(cls.flags), "states": states,
    }
    if cls.__name__ in POSTPROCESS:
        remap = POSTPROCESS[cls.__name__](cls)
        data["remaps"] = remap if isinstance(remap, list) else [remap]
    return data


def main(argv):
    everything = "--all" in argv
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    # Pygments' lookup order: get_lexer_by_name walks LEXERS in its order.
    alias_order = []
    classes = {}
    for module_name, name, aliases, _, _ in pl.LEXERS.values():
        for alias in aliases:
            alias_order.append((alias.lower(), module_name, name))
    wanted = set()
    if everything:
        for alias, module_name, name in alias_order:
            wanted.add(pl.find_lexer_class(name))
    else:
        for lang in LANGUAGES:
            try:
                wanted.add(type(pl.get_lexer_by_name(lang)))
            except pygments.util.ClassNotFound:
                print(f"no lexer for {lang}", file=sys.stderr)
    exported, skipped = {}, {}
    queue = list(wanted)
    while queue:
        cls = queue.pop()
        if cls.__name__ in exported or cls.__name__ in skipped:
            continue
        if not issubclass(cls, RegexLexer):
            skipped[cls.__name__] = "not a RegexLexer"
            continue
        deps = Deps()
        try:
            data = export_lexer(cls, deps)
        except Unsupported as err:
            skipped[cls.__name__] = str(err)
            continue
        except Exception as err:  # a lexer that does not even load
            skipped[cls.__name__] = f"{type(err).__name__}: {err}"
            continue
        exported[cls.__name__] = data
        queue.extend(deps)
    # A lexer delegating to one that is neither exported nor hand-written in Swift falls back to
    # `Other` tokens for that part at run time: reported here.
    for name, data in sorted(exported.items()):
        for dep, alias in dependencies(data):
            if dep not in exported and alias not in CUSTOM:
                print(f"  {name} delegates to {dep}, which is neither exported nor custom", file=sys.stderr)
    total = 0
    with open(os.path.join(OUT, "unistring.json"), "w", encoding="utf-8") as f:
        text = json.dumps(dict(MACROS), separators=(",", ":"), ensure_ascii=False)
        total += len(text.encode())
        f.write(text)
    for name, data in sorted(exported.items()):
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        total += len(text.encode())
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            f.write(text)
    index = []
    seen = set()
    for alias, module_name, name in alias_order:
        if alias in seen:
            continue
        seen.add(alias)
        cls = pl.find_lexer_class(name)
        if cls is not None and cls.__name__ in exported:
            index.append(f"{alias}\t{cls.__name__}")
    with open(os.path.join(OUT, "index.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Generated by scripts/update-pygments-rules.py from Pygments {pygments.__version__}.\n")
        f.write("\n".join(index) + "\n")
    print(f"{len(exported)} lexers ({total} bytes), {len(index)} aliases written to {OUT}")
    for name, why in sorted(skipped.items()):
        if everything and why == "not a RegexLexer":
            continue
        print(f"  skipped {name}: {why}", file=sys.stderr)


def dependencies(data):
    out = set()

    def walk(action):
        if isinstance(action, dict):
            if "class" in action:
                out.add((action["class"], action["using"]))
            for sub in action.get("by", []):
                walk(sub)
    for rules in data["states"].values():
        for rule in rules:
            walk(rule[2])
    return out


if __name__ == "__main__":
    main(sys.argv[1:])
