#!/usr/bin/env python3
"""Regenerate Sources/TrellisIcons/Resources/{icons.tsv,emoji.tsv,LICENSES.md}.

Downloads the pinned mkdocs-material and pymdown-extensions wheels with pip (or uses --wheel
PATH and --pymdownx-wheel PATH). From mkdocs-material it reads the icon sets under
material/templates/.icons and writes one line per icon, sorted bytewise by name so the Swift side
can binary-search the memory-mapped file without an index. From pymdown-extensions it reads the
emoji indexes pymdownx.emoji offers (twemoji, gemoji, emojione: the `*_db.py` modules, read as
data with `ast`, never imported) and writes them to emoji.tsv.

Format of icons.tsv (UTF-8, LF line ends):
  Header lines start with '#':
    #format trellis-icons 1
    #source mkdocs-material <version>
    #sets <set> <set> ...        top-level folders; `<set>-` is a known name prefix
    #roots <name> ...            icons directly in .icons (`logo`), known by exact name
    #dict <text>                 the n-th #dict line is the expansion of `\\<n>` (n = 0...9)
  Then `name<TAB>body`, where the SVG is body with these escapes undone:
    \\\\ backslash, \\n LF, \\r CR, \\t TAB, \\0 ... \\9 the #dict texts.
Names are derived as Material does: the path below .icons without `.svg`, `/` replaced by `-`.

Format of emoji.tsv (UTF-8, LF line ends):
  Header lines start with '#':
    #format trellis-emoji 1
    #source pymdown-extensions <version>
  Then one section per index:
    #index <name> <version>            pymdownx's `name` and `version` of the index
    #categories <c0><TAB><c1>...       the index's categories; lines refer to them by number
  and one line per emoji, sorted bytewise by name:
    name<TAB>unicode<TAB>unicode_alt<TAB>category<TAB>long name<TAB>aliases
  Names and aliases are written without their colons; aliases are separated by spaces;
  unicode_alt is empty where the index has none. Keys no shortcode can match (pymdownx looks up
  `:[+\-\w]+:`; twemoji_db has a few keys without colons) are left out.
"""

import argparse
import ast
import collections
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

VERSION = "9.8.2"
PACKAGE = "mkdocs-material"
ICONS = "material/templates/.icons/"
SVG_PREFIX = '<svg xmlns="http://www.w3.org/2000/svg" '
LICENSE_FILES = {
    "fontawesome": "fontawesome/LICENSE.txt",
    "material": "material/LICENSE",
    "octicons": "octicons/LICENSE",
    "simple": "simple/LICENSE.md",
}
PYMDOWNX_VERSION = "13.1.2"
PYMDOWNX_PACKAGE = "pymdown-extensions"
PYMDOWNX_LICENSE = f"pymdown_extensions-{PYMDOWNX_VERSION}.dist-info/licenses/LICENSE.md"
# The sections of pymdown-extensions' LICENSE.md that cover the emoji indexes.
PYMDOWNX_LICENSE_SECTIONS = ["PyMdown Extensions", "Gemoji Index", "EmojiOne Index"]
EMOJI_DATABASES = [
    ("twemoji", "pymdownx/twemoji_db.py"),
    ("gemoji", "pymdownx/gemoji_db.py"),
    ("emojione", "pymdownx/emoji1_db.py"),
]
SHORTCODE = re.compile(r":[+\-\w]+:")
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources" / "TrellisIcons" / "Resources"


def download(directory, package, version):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "-d", directory, f"{package}=={version}"],
        check=True,
    )
    stem = package.replace("-", "_")
    wheels = sorted(pathlib.Path(directory).glob(f"{stem}-{version}-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one {package} wheel in {directory}, found {wheels}")
    return wheels[0]


def escape(svg, dictionary):
    text = (svg.replace("\\", "\\\\").replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    for number, entry in enumerate(dictionary):
        text = text.replace(entry, f"\\{number}")
    return text


def unescape(body, dictionary):
    out, i = [], 0
    simple = {"\\": "\\", "n": "\n", "r": "\r", "t": "\t"}
    while i < len(body):
        c = body[i]
        if c == "\\":
            nxt = body[i + 1]
            out.append(dictionary[int(nxt)] if nxt.isdigit() else simple[nxt])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_icons(wheel):
    icons, licenses, sets, roots = {}, {}, set(), []
    with zipfile.ZipFile(wheel) as archive:
        for entry in archive.namelist():
            if not entry.startswith(ICONS):
                continue
            relative = entry[len(ICONS):]
            if relative.endswith(".svg"):
                name = relative[:-4].replace("/", "-")
                if "/" in relative:
                    sets.add(relative.split("/", 1)[0])
                else:
                    roots.append(name)
                if name in icons:
                    sys.exit(f"duplicate icon name {name}")
                # Material reads icons in text mode, which turns CRLF and CR into LF.
                svg = archive.read(entry).decode("utf-8")
                icons[name] = svg.replace("\r\n", "\n").replace("\r", "\n")
            for set_name, path in LICENSE_FILES.items():
                if relative == path:
                    licenses[set_name] = archive.read(entry).decode("utf-8")
    missing = set(LICENSE_FILES) - set(licenses)
    if missing:
        sys.exit(f"licence files missing from the wheel: {sorted(missing)}")
    return icons, licenses, sorted(sets), sorted(roots)


def most_common_comment(icons):
    counts = collections.Counter()
    for svg in icons.values():
        start = svg.find("<!--")
        end = svg.find("-->", start)
        if start >= 0 and end > start:
            counts[svg[start:end + 3]] += 1
    return [text for text, count in counts.most_common(1) if count > 1]


def write_icons(icons, sets, roots, wheel_name):
    dictionary = [SVG_PREFIX] + most_common_comment(icons)
    for entry in dictionary:
        assert entry.startswith("<") and not any(c in entry for c in "\\\t\r\n")
    names = sorted(icons, key=lambda n: n.encode("utf-8"))
    lines = [
        "#format trellis-icons 1",
        f"#source {PACKAGE} {VERSION} ({wheel_name})",
        "#sets " + " ".join(sets),
        "#roots " + " ".join(roots),
    ] + [f"#dict {entry}" for entry in dictionary]
    for name in names:
        assert not any(c in name for c in "\t\n#") and name, name
        body = escape(icons[name], dictionary)
        assert unescape(body, dictionary) == icons[name]
        lines.append(f"{name}\t{body}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (OUT / "icons.tsv").write_bytes(data)
    return names, len(data)


def read_emoji(wheel):
    """Each index's name, version, emoji and aliases, and the licence text, from the wheel."""
    indexes = []
    with zipfile.ZipFile(wheel) as archive:
        for expected, path in EMOJI_DATABASES:
            values = {}
            for node in ast.parse(archive.read(path).decode("utf-8")).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Name) and target.id in ("name", "version", "emoji", "aliases"):
                        values[target.id] = ast.literal_eval(node.value)
            if set(values) != {"name", "version", "emoji", "aliases"} or values["name"] != expected:
                sys.exit(f"{path} does not define an index named {expected}")
            indexes.append(values)
        license_text = archive.read(PYMDOWNX_LICENSE).decode("utf-8")
    return indexes, license_text


def emoji_lines(index):
    """The section of emoji.tsv for one index, and how many keys were left out."""
    def matchable(key):
        return SHORTCODE.fullmatch(key) is not None

    emoji, aliases = index["emoji"], index["aliases"]
    skipped = sum(not matchable(k) for k in list(emoji) + list(aliases))
    by_target = collections.defaultdict(list)
    for alias, target in aliases.items():
        if not matchable(alias):
            continue
        if target not in emoji or not matchable(target):
            sys.exit(f"{index['name']}: alias {alias} names no emoji ({target})")
        by_target[target].append(alias[1:-1])
    categories = sorted({value["category"] for value in emoji.values()})
    number = {category: n for n, category in enumerate(categories)}
    lines = [f"#index {index['name']} {index['version']}", "#categories " + "\t".join(categories)]
    names = sorted((k for k in emoji if matchable(k)), key=lambda k: k.encode("utf-8"))
    for key in names:
        value = emoji[key]
        if set(value) - {"category", "name", "unicode", "unicode_alt"}:
            sys.exit(f"{index['name']}: {key} has fields this format does not keep: {sorted(value)}")
        fields = [key[1:-1], value["unicode"], value.get("unicode_alt", ""), str(number[value["category"]]),
                  value["name"], " ".join(sorted(by_target[key], key=lambda a: a.encode("utf-8")))]
        for field in fields:
            assert not any(c in field for c in "\t\n\r"), (key, field)
        assert re.fullmatch(r"[0-9a-f]+(-[0-9a-f]+)*", value["unicode"]), key
        lines.append("\t".join(fields))
    return lines, len(names), sum(len(v) for v in by_target.values()), skipped


def write_emoji(indexes, wheel_name):
    lines = ["#format trellis-emoji 1", f"#source {PYMDOWNX_PACKAGE} {PYMDOWNX_VERSION} ({wheel_name})"]
    counts = []
    for index in indexes:
        section, names, aliases, skipped = emoji_lines(index)
        lines += section
        counts.append(f"{index['name']} {names} + {aliases} aliases ({skipped} unmatchable keys left out)")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (OUT / "emoji.tsv").write_bytes(data)
    return counts, len(data)


def license_sections(text, titles):
    """The `## title` sections of a Markdown licence file, in the order asked for."""
    sections, current = {}, None
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    missing = [t for t in titles if t not in sections]
    if missing:
        sys.exit(f"licence sections missing from {PYMDOWNX_LICENSE}: {missing}")
    return {t: "\n".join(sections[t]).strip("\n") for t in titles}


def write_licenses(licenses, wheel_name, emoji_license, pymdownx_wheel_name):
    parts = [
        "# Licences of the bundled icons and emoji indexes",
        "",
        f"`icons.tsv` holds the SVG icons shipped in the Python package `{PACKAGE}` version "
        f"{VERSION} (`{wheel_name}`, folder `{ICONS}`), generated by `scripts/update-icons.py`. "
        "Each set keeps its own licence, reproduced below verbatim from that wheel.",
        "",
        f"`emoji.tsv` holds the emoji indexes (names, aliases, code points, categories, names) of "
        f"the Python package `{PYMDOWNX_PACKAGE}` version {PYMDOWNX_VERSION} (`{pymdownx_wheel_name}`, "
        "`pymdownx/twemoji_db.py`, `gemoji_db.py`, `emoji1_db.py`), generated by the same script. "
        "Their licences are under \"Emoji indexes\" below.",
    ]
    for set_name, path in LICENSE_FILES.items():
        parts += ["", f"## {set_name}", "", f"From `{ICONS}{path}` in {PACKAGE} {VERSION}:", "",
                  "```text", licenses[set_name].rstrip("\n"), "```"]
    parts += [
        "", "## Emoji indexes", "",
        "No emoji graphics are bundled. Pages link to them where pymdownx.emoji links to them: "
        "Twemoji's SVG and PNG files on the jsDelivr CDN (`https://cdn.jsdelivr.net/gh/jdecked/twemoji@…`), "
        "which are Copyright Twitter, Inc. and other contributors, licensed under CC-BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/); EmojiOne's on cdnjs (EmojiOne artwork: "
        "CC-BY 4.0); GitHub's for gemoji. A site that shows them gives the attribution their "
        "licence asks for, as it would with MkDocs.",
        "",
        f"The index data is pymdown-extensions'. From `{PYMDOWNX_LICENSE}` in "
        f"{PYMDOWNX_PACKAGE} {PYMDOWNX_VERSION}, the sections that cover it:",
    ]
    for title, body in emoji_license.items():
        parts += ["", f"### {title}", "", body]
    (OUT / "LICENSES.md").write_text("\n".join(parts) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help=f"use this {PACKAGE} {VERSION} wheel instead of downloading")
    parser.add_argument("--pymdownx-wheel",
                        help=f"use this {PYMDOWNX_PACKAGE} {PYMDOWNX_VERSION} wheel instead of downloading")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        wheel = pathlib.Path(args.wheel) if args.wheel else download(directory, PACKAGE, VERSION)
        if f"-{VERSION}-" not in wheel.name:
            sys.exit(f"{wheel.name} is not version {VERSION}")
        pymdownx_wheel = (pathlib.Path(args.pymdownx_wheel) if args.pymdownx_wheel
                          else download(directory, PYMDOWNX_PACKAGE, PYMDOWNX_VERSION))
        if f"-{PYMDOWNX_VERSION}-" not in pymdownx_wheel.name:
            sys.exit(f"{pymdownx_wheel.name} is not version {PYMDOWNX_VERSION}")
        icons, licenses, sets, roots = read_icons(wheel)
        names, size = write_icons(icons, sets, roots, wheel.name)
        indexes, license_text = read_emoji(pymdownx_wheel)
        emoji_counts, emoji_size = write_emoji(indexes, pymdownx_wheel.name)
        write_licenses(licenses, wheel.name, license_sections(license_text, PYMDOWNX_LICENSE_SECTIONS),
                       pymdownx_wheel.name)
    counts = collections.Counter("(root)" if n in roots else n.split("-", 1)[0] for n in names)
    print(f"wrote {len(names)} icons, {size} bytes: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"wrote emoji indexes, {emoji_size} bytes: " + "; ".join(emoji_counts))


if __name__ == "__main__":
    main()
