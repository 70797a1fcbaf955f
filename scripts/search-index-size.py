#!/usr/bin/env python3
"""Measures a built brand's search index (written by the IndexSearch stage under search/).

Usage: search-index-size.py BRAND_SITE_DIR [WORD...]

Prints the index's size (manifest, term shards, page fragments) in total and per page, the
largest shard, and for each WORD the bytes its first query downloads in the browser: the
manifest, the range blocks (on a site with many shards) and the shards assets/search.js loads for it (the exact term's, the prefix range's, and,
for words of 5+ letters, the typo range's, at most 4 shards by narrowing the fixed prefix), and
the fragments of the (up to 10) pages shown. The shard choice mirrors search.js; words are
taken as already normalized (lowercase, no punctuation)."""
import json
import pathlib
import re
import sys

TYPO_SHARDS = 4
PAGES_SHOWN = 10


def payload(path, call):
    text = path.read_text()
    m = re.match(r"trellisSearch\.%s\((?:\d+,)?(.*)\);\s*$" % call, text, re.S)
    return json.loads(m.group(1))


def stem(w):
    if len(w) <= 3 or not re.fullmatch(r"[a-z]+", w):
        return w
    if w.endswith("ies") and not re.search(r"[ea]ies$", w):
        return w[:-3] + "y"
    if w.endswith("es") and not re.search(r"[aeo]es$", w):
        return w[:-1]
    if w.endswith("s") and not re.search(r"[us]s$", w):
        return w[:-1]
    return w


def utf16(s):
    return s.encode("utf-16-be")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    site = pathlib.Path(sys.argv[1])
    folder = site / "search"
    manifest_path = folder / "index.js"
    manifest = payload(manifest_path, "manifest")
    shard_files = sorted((folder / "t").glob("*.js"), key=lambda p: int(p.stem))
    page_files = list((folder / "p").glob("*.js"))
    block_files = sorted((folder / "r").glob("*.js"), key=lambda p: int(p.stem))
    size = lambda paths: sum(p.stat().st_size for p in paths)
    pages = manifest["pages"]
    m, t, p, r = manifest_path.stat().st_size, size(shard_files), size(page_files), size(block_files)
    print("%s: %d pages, %d shards in %d blocks; manifest %d B, blocks %d B, shards %d B, fragments %d B; total %.1f KB = %.2f KB/page; largest shard %d B"
          % (site, pages, len(shard_files), len(block_files), m, r, t, p, (m + r + t + p) / 1024,
             (m + r + t + p) / 1024 / max(1, pages), max((f.stat().st_size for f in shard_files), default=0)))
    blocks_used = set()

    def overlapping(ranges, lo, hi, offset):
        return [offset + i for i, (first, last) in enumerate(ranges) if utf16(last) >= utf16(lo) and utf16(first) <= utf16(hi)]

    def shards_for(lo, hi):
        if "shards" in manifest:
            return overlapping(manifest["shards"], lo, hi, 0)
        found = []
        for k in overlapping(manifest["blocks"], lo, hi, 0):
            blocks_used.add(k)
            found += overlapping(payload(block_files[k], "ranges"), lo, hi, k * manifest["blockSize"])
        return found

    def prefix_shards(prefix):
        return shards_for(prefix, prefix + "\uffff")

    for word in sys.argv[2:]:
        blocks_used.clear()
        term = stem(word) if manifest.get("english") else word
        wanted = set(shards_for(term, term))
        if len(word) >= 2:
            wanted |= set(prefix_shards(word))
        if len(word) >= 5:
            fixed = 2
            typo = prefix_shards(word[:fixed])
            while len(typo) > TYPO_SHARDS and fixed < len(word) - 1:
                fixed += 1
                typo = prefix_shards(word[:fixed])
            wanted |= set(typo)
        shard_bytes = sum(shard_files[i].stat().st_size for i in wanted) + sum(block_files[k].stat().st_size for k in blocks_used)
        best = {}
        for i in wanted:
            for entry_term, postings in payload(shard_files[i], "shard"):
                if entry_term == term or entry_term.startswith(word):
                    page = 0
                    for k in range(0, len(postings) - 2, 3):
                        page += postings[k]
                        best[page] = max(best.get(page, 0), postings[k + 2])
        shown = sorted(best, key=lambda pg: (-best[pg], pg))[:PAGES_SHOWN]
        fragment_bytes = sum((folder / "p" / ("%d.js" % pg)).stat().st_size for pg in shown)
        print("  query %r: manifest %d B + %d block(s) and %d shard(s) %d B = %.1f KB before results; + %d page fragments %d B = %.1f KB in all"
              % (word, m, len(blocks_used), len(wanted), shard_bytes, (m + shard_bytes) / 1024, len(shown), fragment_bytes,
                 (m + shard_bytes + fragment_bytes) / 1024))
    return 0


if __name__ == "__main__":
    sys.exit(main())
