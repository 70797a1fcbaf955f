#!/usr/bin/env python3
"""Generate a synthetic Trellis site of N pages for benchmarks.

Usage: gen-synthetic-site.py PAGES OUTPUT_DIR [--brands 2] [--vocabulary WORDS]

Pages are spread over areas of 20 sections of 50 pages (the shape of a large real docs site:
a few top-level areas, sections inside them), each page a realistic mix of headings,
paragraphs, lists, fenced code with a macro inside, icon shortcodes, and relative links with
anchors to a neighbouring page and to a page in another area, so every stage of the pipeline
has real work to do. With --vocabulary, each page also gets a paragraph of 150 words drawn
from that many made-up words with a Zipf distribution (as natural text uses its words), for
search benchmarks: the template's own text repeats a few dozen words on every page.
"""
import argparse
import os
import random
import shutil

PARA = ("The control plane schedules a rolling replacement of each worker node. "
        "Nodes are drained one at a time, respecting the pool's surge and unavailability limits, "
        "so workloads keep running while {{ service.name }} moves them to fresh machines. ")


SYLLABLES = ["ka", "lo", "mi", "ter", "sun", "da", "ri", "ven", "po", "lu", "shi", "gra", "nel", "fo", "tu", "bar",
             "ex", "qui", "zo", "han", "pe", "dro", "mas", "ci", "al", "ton", "ble", "ru", "wen", "is"]


def vocabulary(n):
    words, seen, rnd = [], set(), random.Random(7)
    while len(words) < n:
        w = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def zipf_paragraph(rnd, words, weights, length=150):
    return " ".join(rnd.choices(words, cum_weights=weights, k=length)) + "."


def page(i, section, count, sections, per_area, words=None, weights=None):
    rnd = random.Random(i)
    nxt = (i + 1) % count
    other = (section + per_area) % sections
    other_path = f"../../area-{other // per_area}/section-{other}/page-0.md"
    lines = [
        "---",
        f"title: Topic {section}-{i}",
        f"description: Synthetic page {i} of section {section}",
        f"weight: {i}",
        "---",
        "",
        f"# Topic {section}-{i}",
        "",
        f"Welcome to {{{{ brand }}}}. This page explains topic {i} :fontawesome-solid-circle-arrow-up:.",
        "",
    ]
    if words:
        lines += [zipf_paragraph(random.Random(section * 100003 + i), words, weights), ""]
    for h in range(4):
        lines += [f"## Step {h + 1}: configure part {h}", ""]
        lines += [PARA * rnd.randint(1, 3), ""]
        lines += ["- first item with `code`", "- second item with **bold** text", "- third :material-check:", ""]
        lines += ["```bash", "curl https://{{ panel.domain }}/api/v1/clusters/" + str(i), "```", ""]
    lines += [f"See [the next topic](page-{nxt}.md#step-2-configure-part-1) and "
              f"[another area]({other_path}#step-1-configure-part-0).", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", type=int)
    ap.add_argument("out")
    ap.add_argument("--brands", type=int, default=2)
    ap.add_argument("--vocabulary", type=int, default=0, help="add a paragraph of words from this many made-up words")
    args = ap.parse_args()
    words = vocabulary(args.vocabulary) if args.vocabulary > 0 else None
    weights = None
    if words:
        total, weights = 0.0, []
        for rank in range(len(words)):
            total += 1.0 / (rank + 1)
            weights.append(total)
    per_section = 50
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "content"))
    os.makedirs(os.path.join(args.out, "brands"))
    brand_ids = [f"brand{b}" for b in range(args.brands)]
    with open(os.path.join(args.out, "trellis.yml"), "w") as f:
        f.write("site_name: Synthetic\nsite_url: https://docs.example.com/\ndocs_dir: content\n")
        f.write("brands: [" + ", ".join(brand_ids) + "]\n")
    for b, bid in enumerate(brand_ids):
        with open(os.path.join(args.out, "brands", bid + ".yml"), "w") as f:
            f.write(f"name: Brand {b}\nsite_url: https://docs.brand{b}.example/\n"
                    f"theme:\n  primary: \"#{b * 40 % 256:02x}6699\"\n"
                    f"extra:\n  brand: Brand {b}\n  panel: {{ domain: panel.brand{b}.example }}\n"
                    f"  service: {{ name: Brand {b} Kubernetes }}\n")
    with open(os.path.join(args.out, "content", "index.md"), "w") as f:
        f.write("# Home\n\nWelcome to {{ brand }}.\n")
    # The index page plus sections of `per_section` pages, the last one possibly shorter.
    remaining = args.pages - 1
    counts = []
    while remaining > 0:
        counts.append(min(per_section, remaining))
        remaining -= counts[-1]
    per_area = 20
    for s, count in enumerate(counts):
        area = os.path.join(args.out, "content", f"area-{s // per_area}")
        folder = os.path.join(area, f"section-{s}")
        os.makedirs(folder)
        if s % per_area == 0:
            with open(os.path.join(area, "index.md"), "w") as f:
                f.write(f"# Area {s // per_area}\n\nOverview of this area of {{{{ brand }}}}.\n")
        for i in range(count):
            with open(os.path.join(folder, f"page-{i}.md"), "w") as f:
                f.write(page(i, s, count, len(counts), per_area, words, weights))
    written = 1 + sum(counts) + (len(counts) + per_area - 1) // per_area
    print(f"wrote {written} pages in {args.out}")


if __name__ == "__main__":
    main()
