/* Trellis search: queries the brand's sharded index under {root}search/ (written by the build's
   IndexSearch stage, format in Sources/TrellisBuild/Search/SearchIndexFiles.swift). Every index
   file is a script that hands its data to window.trellisSearch, so search works from file://
   and offline; only the manifest, the shards a query's words fall in and the pages shown are
   loaded. Words are split exactly as the build split them (SearchTokenizer.swift). */
(function () {
  "use strict";
  var box = document.querySelector("[data-trellis-search]");
  if (!box) return;
  var input = box.querySelector("input");
  var list = box.querySelector("[role=listbox]");
  var status = box.querySelector("[role=status]");
  var root = box.getAttribute("data-root") || "";
  var base = root + "search/";

  var STOP = new Set(["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
    "will", "with"]);
  var MAX_TERM_BYTES = 48;
  var PAGES_SHOWN = 10;
  var SECTIONS_PER_PAGE = 3;
  /* How much a word found by prefix or with one typo counts, against an exact match. */
  var PREFIX_WEIGHT = 0.6, TYPO_WEIGHT = 0.4;
  /* Typo tolerance loads at most this many shards per word. */
  var TYPO_SHARDS = 4;

  var manifest = null;
  var separator = /[\s\-]+/g;
  var english = true;
  var shards = {};
  var blocks = {};
  var pages = {};
  var loading = {};

  window.trellisSearch = {
    manifest: function (data) { manifest = data; },
    shard: function (n, data) { shards[n] = data; },
    ranges: function (k, data) { blocks[k] = data; },
    page: function (n, data) { pages[n] = data; }
  };

  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = function () { resolve(); };
        script.onerror = function () { delete loading[src]; reject(new Error("cannot load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  function loadManifest() {
    return load(base + "index.js").then(function () {
      if (!manifest) throw new Error("no search manifest");
      if (!loadManifest.done) {
        loadManifest.done = true;
        try { separator = new RegExp(manifest.separator, "g"); } catch (e) { separator = /[\s\-]+/g; }
        english = !!manifest.english;
      }
      return manifest;
    });
  }

  function loadBlock(k) { return load(base + "r/" + k + ".js").then(function () { return blocks[k] || []; }); }
  function loadShard(n) { return load(base + "t/" + n + ".js").then(function () { return shards[n] || []; }); }
  function loadPage(n) { return load(base + "p/" + Math.floor(n / 100) + "/" + n + ".js").then(function () { return pages[n]; }); }

  /* Tokenizing: the same steps as SearchTokenizer.swift. */

  function pieces(text) {
    var out = [], start = 0, m;
    separator.lastIndex = 0;
    while ((m = separator.exec(text)) !== null) {
      var end = m.index + m[0].length;
      if (start < m.index) out.push([start, m.index]);
      if (end > start) start = end;
      if (m[0].length === 0) separator.lastIndex++;
    }
    if (start < text.length) out.push([start, text.length]);
    return out;
  }

  var EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  function normalize(s) {
    s = s.toLowerCase();
    if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFKD").replace(/\p{M}/gu, "");
    return s.replace(EDGE, "");
  }

  function utf8Length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }

  function stem(w) {
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
    if (/ies$/.test(w) && !/[ea]ies$/.test(w)) return w.slice(0, -3) + "y";
    if (/es$/.test(w) && !/[aeo]es$/.test(w)) return w.slice(0, -1);
    if (/s$/.test(w) && !/[us]s$/.test(w)) return w.slice(0, -1);
    return w;
  }

  /* A word as the index holds it, or null when the index leaves it out. */
  function indexTerm(word) {
    if (!word || utf8Length(word) > MAX_TERM_BYTES) return null;
    if (!english) return word;
    if (STOP.has(word)) return null;
    return stem(word);
  }

  function queryWords(query) {
    var ps = pieces(query), words = [], seen = new Set();
    ps.forEach(function (p, i) {
      var raw = normalize(query.slice(p[0], p[1]));
      if (!raw || utf8Length(raw) > MAX_TERM_BYTES || seen.has(raw)) return;
      var typing = i === ps.length - 1 && p[1] === query.length;
      var term = indexTerm(raw);
      /* A stop word is only looked for as the start of a longer word still being typed. */
      if (term === null && !typing) return;
      seen.add(raw);
      words.push({ raw: raw, term: term, typing: typing });
    });
    return words;
  }

  /* Shards: manifest.shards[i] = [first term, last term], in UTF-16 order; on a big site the
     manifest has blocks of blockSize such ranges instead, each block in its own file. */

  function overlapping(ranges, lo, hi, offset) {
    var found = [];
    ranges.forEach(function (r, i) { if (r[1] >= lo && r[0] <= hi) found.push(offset + i); });
    return found;
  }

  /* The numbers of the shards whose term range meets [lo, hi]. */
  function shardsFor(lo, hi) {
    if (manifest.shards) return Promise.resolve(overlapping(manifest.shards, lo, hi, 0));
    var wanted = overlapping(manifest.blocks, lo, hi, 0);
    return Promise.all(wanted.map(loadBlock)).then(function (lists) {
      var found = [];
      lists.forEach(function (ranges, j) {
        found = found.concat(overlapping(ranges, lo, hi, wanted[j] * manifest.blockSize));
      });
      return found;
    });
  }

  function prefixShards(prefix) { return shardsFor(prefix, prefix + "\uffff"); }

  /* The shards of the terms sharing the word's first letters (2, more while that is over
     TYPO_SHARDS shards), and how many letters that is. */
  function typoShards(raw) {
    function attempt(fixed) {
      return prefixShards(raw.slice(0, fixed)).then(function (found) {
        if (found.length > TYPO_SHARDS && fixed < raw.length - 1) return attempt(fixed + 1);
        return { fixed: fixed, shards: found };
      });
    }
    return attempt(2);
  }

  /* Whether a and b are at most one edit apart (insert, delete, substitute, swap neighbours). */
  function oneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* The index terms a query word matches, with their weights: exact (the word's index form),
     by prefix (2+ letters), and with one typo (5+ letters; the first letters must be right). */
  function matchWord(word) {
    var plans = [];
    if (word.term) plans.push(shardsFor(word.term, word.term));
    var prefix = word.raw.length >= 2;
    if (prefix) plans.push(prefixShards(word.raw));
    var typo = word.raw.length >= 5, fixed = 2;
    if (typo) plans.push(typoShards(word.raw).then(function (t) { fixed = t.fixed; return t.shards; }));
    return Promise.all(plans).then(function (lists) {
      var wanted = Array.from(new Set([].concat.apply([], lists)));
      return Promise.all(wanted.map(loadShard));
    }).then(function (loaded) {
      var matches = new Map();
      function add(term, postings, weight) {
        var known = matches.get(term);
        if (!known || known.weight < weight) matches.set(term, { postings: postings, weight: weight });
      }
      var fixedPrefix = word.raw.slice(0, fixed);
      var target = word.term || word.raw;
      loaded.forEach(function (entries) {
        for (var k = 0; k < entries.length; k++) {
          var t = entries[k][0];
          if (t === word.term) add(t, entries[k][1], 1);
          else if (prefix && t.lastIndexOf(word.raw, 0) === 0) add(t, entries[k][1], PREFIX_WEIGHT * Math.min(1, (word.raw.length + 2) / t.length));
          else if (typo && t.lastIndexOf(fixedPrefix, 0) === 0) {
            if (oneEdit(target, t)) add(t, entries[k][1], TYPO_WEIGHT);
            else if (word.typing && t.length > word.raw.length && oneEdit(word.raw, t.slice(0, word.raw.length))) add(t, entries[k][1], TYPO_WEIGHT * 0.75);
          }
        }
      });
      return matches;
    });
  }

  /* Runs a query: pages that match every word (else any word), best first, each with its best
     sections. */
  function search(query) {
    return loadManifest().then(function () {
      var words = queryWords(query);
      if (!words.length) return { words: words, results: [], terms: new Set() };
      return Promise.all(words.map(matchWord)).then(function (perWord) {
        var byPage = new Map(), terms = new Set();
        perWord.forEach(function (matches, w) {
          matches.forEach(function (match, term) {
            terms.add(term);
            var p = match.postings, page = 0;
            for (var i = 0; i + 2 < p.length; i += 3) {
              page += p[i];
              var sections = byPage.get(page);
              if (!sections) { sections = new Map(); byPage.set(page, sections); }
              var scores = sections.get(p[i + 1]);
              if (!scores) { scores = new Array(words.length).fill(0); sections.set(p[i + 1], scores); }
              var score = p[i + 2] * match.weight;
              if (score > scores[w]) scores[w] = score;
            }
          });
        });
        function rank(requireAll) {
          var results = [];
          byPage.forEach(function (sections, page) {
            var best = new Array(words.length).fill(0), ranked = [];
            sections.forEach(function (scores, section) {
              var sum = 0;
              scores.forEach(function (s, w) { sum += s; if (s > best[w]) best[w] = s; });
              ranked.push({ section: section, score: sum });
            });
            if (requireAll && best.some(function (s) { return s === 0; })) return;
            ranked.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
            results.push({ page: page, score: best.reduce(function (a, b) { return a + b; }, 0), sections: ranked });
          });
          results.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
          return results;
        }
        var results = rank(true);
        if (!results.length && words.length > 1) results = rank(false);
        return { words: words, results: results, terms: terms };
      });
    });
  }

  /* Rendering */

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]; });
  }

  var WORD_CHAR = /[\p{L}\p{N}]/u;
  /* The spans of text's words whose index form is one of terms. */
  function hits(text, terms) {
    var found = [];
    pieces(text).forEach(function (p) {
      var word = indexTerm(normalize(text.slice(p[0], p[1])));
      if (word === null || !terms.has(word)) return;
      var start = p[0], end = p[1];
      while (start < end && !WORD_CHAR.test(text[start])) start++;
      while (end > start && !WORD_CHAR.test(text[end - 1])) end--;
      found.push([start, end]);
    });
    return found;
  }

  function marked(text, spans, from, to) {
    var html = "", at = from;
    spans.forEach(function (s) {
      if (s[0] < from || s[1] > to) return;
      html += escapeHTML(text.slice(at, s[0])) + "<mark>" + escapeHTML(text.slice(s[0], s[1])) + "</mark>";
      at = s[1];
    });
    return html + escapeHTML(text.slice(at, to));
  }

  /* About 160 characters of text around its first match. */
  function snippet(text, terms) {
    var spans = hits(text, terms), length = 160;
    var from = spans.length ? Math.max(0, spans[0][0] - 50) : 0;
    if (from > 0) {
      var space = text.indexOf(" ", from);
      if (space !== -1 && space < spans[0][0]) from = space + 1;
    }
    var to = Math.min(text.length, from + length);
    if (to < text.length) {
      var cut = text.lastIndexOf(" ", to);
      if (cut > from + length / 2) to = cut;
    }
    return (from > 0 ? "… " : "") + marked(text, spans, from, to) + (to < text.length ? " …" : "");
  }

  function href(page, section) {
    var url = page.u;
    if (location.protocol === "file:" && (url === "" || url.slice(-1) === "/")) url += "index.html";
    if (url === "" && root === "") url = "./";
    return root + url + (section && section[0] && section[1] > 1 ? "#" + section[0] : "");
  }

  var options = [];
  var active = -1;
  var generation = 0;

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) setActive(-1);
  }

  function setActive(i) {
    if (active >= 0 && options[active]) {
      options[active].classList.remove("is-active");
      options[active].setAttribute("aria-selected", "false");
    }
    active = i >= 0 && i < options.length ? i : -1;
    if (active >= 0) {
      var option = options[active];
      option.classList.add("is-active");
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(found, shown) {
    list.textContent = "";
    options = [];
    active = -1;
    if (!found.words.length) { setOpen(false); status.textContent = ""; return; }
    if (!shown.length) {
      var empty = document.createElement("div");
      empty.className = "trellis-search__empty";
      empty.textContent = "No results";
      list.appendChild(empty);
      status.textContent = "No results";
      setOpen(true);
      return;
    }
    shown.forEach(function (entry, g) {
      var page = entry.data;
      var group = document.createElement("div");
      group.className = "trellis-search__group";
      group.setAttribute("role", "group");
      var label = document.createElement("div");
      label.className = "trellis-search__page";
      label.id = "trellis-search-group-" + g;
      label.textContent = page.t;
      group.setAttribute("aria-labelledby", label.id);
      group.appendChild(label);
      entry.result.sections.slice(0, SECTIONS_PER_PAGE).forEach(function (ranked) {
        var section = page.s[ranked.section];
        if (!section) return;
        var option = document.createElement("a");
        option.className = "trellis-search__option";
        option.id = "trellis-search-option-" + options.length;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.tabIndex = -1;
        option.href = href(page, section);
        var heading = document.createElement("span");
        heading.className = "trellis-search__heading";
        var title = section[2] || page.t;
        heading.innerHTML = marked(title, hits(title, found.terms), 0, title.length);
        var text = document.createElement("span");
        text.className = "trellis-search__snippet";
        text.innerHTML = snippet(section[3], found.terms);
        option.appendChild(heading);
        option.appendChild(text);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { setOpen(false); });
        group.appendChild(option);
        options.push(option);
      });
      list.appendChild(group);
    });
    var count = found.results.length;
    status.textContent = count + (count === 1 ? " page found" : " pages found");
    setOpen(true);
    setActive(0);
  }

  /* The index terms of a text, as the build computed them (for tests comparing the two). */
  window.trellisSearch.terms = function (text) {
    return loadManifest().then(function () {
      var out = [];
      pieces(text).forEach(function (p) {
        var term = indexTerm(normalize(text.slice(p[0], p[1])));
        if (term !== null) out.push(term);
      });
      return out;
    });
  };

  var pending = null;
  function update() {
    var query = input.value;
    var mine = ++generation;
    pending = search(query).then(function (found) {
      var top = found.results.slice(0, PAGES_SHOWN);
      return Promise.all(top.map(function (r) { return loadPage(r.page); })).then(function (data) {
        if (mine !== generation) return;
        var shown = [];
        top.forEach(function (r, i) { if (data[i]) shown.push({ result: r, data: data[i] }); });
        render(found, shown);
      });
    }).catch(function () {
      if (mine !== generation) return;
      list.textContent = "";
      options = [];
      var empty = document.createElement("div");
      empty.className = "trellis-search__empty";
      empty.textContent = "Search is not available";
      list.appendChild(empty);
      setOpen(true);
    });
    return pending;
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { timer = 0; update(); }, 60);
  });
  input.addEventListener("focus", function () {
    loadManifest().catch(function () {});
    if (input.value && options.length) setOpen(true);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden && options.length) { setOpen(true); setActive(0); return; }
      if (!options.length) return;
      var step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      var go = function () {
        var option = options[active >= 0 ? active : 0];
        if (option) { setOpen(false); location.href = option.href; }
      };
      if (timer) { clearTimeout(timer); timer = 0; update().then(go); } else if (pending) { pending.then(go); } else { go(); }
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (!list.hidden) setOpen(false);
      else if (input.value) { input.value = ""; update(); }
      else input.blur();
    }
  });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) setOpen(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key !== "/" && event.key !== "s" && event.key !== "S") return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
