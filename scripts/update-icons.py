#!/usr/bin/env python3
"""Regenerate Sources/TrellisIcons/Resources/{icons.tsv,LICENSES.md} from mkdocs-material.

Downloads the pinned mkdocs-material wheel with pip (or uses --wheel PATH), reads the icon sets
under material/templates/.icons, and writes one line per icon, sorted bytewise by name so the
Swift side can binary-search the memory-mapped file without an index.

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
"""

import argparse
import collections
import pathlib
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
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources" / "TrellisIcons" / "Resources"


def download(directory):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "-d", directory, f"{PACKAGE}=={VERSION}"],
        check=True,
    )
    wheels = sorted(pathlib.Path(directory).glob("*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {directory}, found {wheels}")
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


def write_licenses(licenses, wheel_name):
    parts = [
        "# Licences of the bundled icons",
        "",
        f"`icons.tsv` holds the SVG icons shipped in the Python package `{PACKAGE}` version "
        f"{VERSION} (`{wheel_name}`, folder `{ICONS}`), generated by `scripts/update-icons.py`. "
        "Each set keeps its own licence, reproduced below verbatim from that wheel.",
    ]
    for set_name, path in LICENSE_FILES.items():
        parts += ["", f"## {set_name}", "", f"From `{ICONS}{path}` in {PACKAGE} {VERSION}:", "",
                  "```text", licenses[set_name].rstrip("\n"), "```"]
    (OUT / "LICENSES.md").write_text("\n".join(parts) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help=f"use this {PACKAGE} {VERSION} wheel instead of downloading")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        wheel = pathlib.Path(args.wheel) if args.wheel else download(directory)
        if f"-{VERSION}-" not in wheel.name:
            sys.exit(f"{wheel.name} is not version {VERSION}")
        icons, licenses, sets, roots = read_icons(wheel)
        names, size = write_icons(icons, sets, roots, wheel.name)
        write_licenses(licenses, wheel.name)
    counts = collections.Counter("(root)" if n in roots else n.split("-", 1)[0] for n in names)
    print(f"wrote {len(names)} icons, {size} bytes: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
