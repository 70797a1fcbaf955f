#!/usr/bin/env python3
"""Real-browser test of the search box (assets/search.js) on a built brand site, in headless Chromium,
from file:// (without --allow-file-access-from-files) and with the network blocked.

Usage: search_browser_test.py SITE_DIR [SITE_DIR...]

For each site it picks, from the built HTML, a word that appears in exactly one heading (h2-h6
with an id) of the whole site and in no page title, then: "/" focuses the box; typing the word
lists that page first, its first option deep-linking to the heading, with the word <mark>ed and
the ARIA combobox state right; arrow keys move the active option; Escape closes the list; "s"
focuses the box again; Enter lands on the heading (URL fragment = heading id); the word with one
typo still finds the page first; every request stays inside the site folder and the console has
no errors; and search.js splits every section into exactly the terms the build indexed. Exits 1 with a message on the first failure."""
import html.parser
import json
import pathlib
import re
import sys
import time
import urllib.parse

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Browser"))
from chromium import Failure, check, make_driver  # noqa: E402  (the browser tests' shared set-up)


class Headings(html.parser.HTMLParser):
    """A page's article headings (level, id, text) and its title (the first h1)."""

    def __init__(self):
        super().__init__()
        self.headings, self.current, self.skip, self.in_article = [], None, 0, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article = True
        if self.current is not None and tag == "a" and "headerlink" in (a.get("class") or ""):
            self.skip += 1
        if self.in_article and re.fullmatch(r"h[1-6]", tag):
            self.current = [int(tag[1]), a.get("id") or "", ""]

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False
        if tag == "a" and self.skip:
            self.skip -= 1
        if self.current is not None and re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tuple(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not self.skip:
            self.current[2] += data


def words(text):
    return set(re.findall(r"[a-z]+", text.lower()))


def pick_word(site):
    """(word, page path, heading id): a word of one h2-h6 heading only, in no h1, never a stem of another."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        if "search" in path.relative_to(site).parts:
            continue
        parser = Headings()
        parser.feed(path.read_text(errors="replace"))
        pages[path] = parser.headings
    in_heading, in_title = {}, set()
    for path, headings in pages.items():
        for level, hid, text in headings:
            for w in words(text):
                if level == 1:
                    in_title.add(w)
                elif hid:
                    in_heading.setdefault(w, []).append((path, hid))
    all_words = set()
    for path in pages:
        all_words |= words(re.sub(r"<[^>]+>", " ", path.read_text(errors="replace")))
    candidates = []
    for w, places in in_heading.items():
        if len(places) != 1 or w in in_title or len(w) < 7:
            continue
        # Not a prefix of (or prefixed by) another word: the page must win on this word alone.
        if any(o != w and (o.startswith(w[:6]) or w.startswith(o)) and len(o) >= 3 for o in all_words):
            continue
        candidates.append((w, places[0]))
    check(candidates, "no word of exactly one heading found in %s" % site)
    candidates.sort()
    w, (path, hid) = candidates[0]
    return w, path, hid


def typo(word):
    """The word with two letters after the third swapped (one Damerau edit)."""
    i = 4 if word[4] != word[5] else 5
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


class Run:
    def __init__(self, driver, site):
        self.dr, self.site = driver, site
        self.requested = []

    def js(self, script, *args):
        return self.dr.execute_script(script, *args)

    def requests(self):
        try:
            entries = self.dr.get_log("performance")
        except WebDriverException:
            entries = []
        for entry in entries:
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                self.requested.append(msg["params"]["request"]["url"])
        return self.requested

    def wait(self, condition, what, timeout=5):
        end = time.time() + timeout
        while time.time() < end:
            value = condition()
            if value:
                return value
            time.sleep(0.05)
        raise Failure("timed out waiting for %s" % what)

    def open(self, url):
        # No network: requests to any http(s)/ws host fail, and the browser is offline.
        self.dr.execute_cdp_cmd("Network.enable", {})
        self.dr.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
        self.dr.get(url)

    def key(self, key):
        self.dr.switch_to.active_element.send_keys(key)

    def state(self):
        return self.js("""
            var i = document.getElementById('trellis-search-input'), l = document.getElementById('trellis-search-results');
            var opts = Array.from(l.querySelectorAll('[role=option]'));
            return {focused: document.activeElement === i, expanded: i.getAttribute('aria-expanded'),
                    hidden: l.hidden, active: i.getAttribute('aria-activedescendant'), role: i.getAttribute('role'),
                    options: opts.map(o => ({id: o.id, href: o.href, selected: o.getAttribute('aria-selected'),
                                             marks: Array.from(o.querySelectorAll('mark')).map(m => m.textContent)})),
                    value: i.value};""")

    def type_query(self, text):
        inp = self.dr.find_element(By.ID, "trellis-search-input")
        self.js("arguments[0].value = ''", inp)
        inp.send_keys(text)
        return self.wait(lambda: (lambda s: s if not s["hidden"] and s["options"] and s["value"] == text else None)(self.state()),
                         "results for %r" % text)


# Loads the whole (small) index in the page and checks that search.js splits every section's
# title, heading and text into exactly the terms the build indexed it under.
PARITY = """
var done = arguments[arguments.length - 1], ts = window.trellisSearch, root = document.querySelector('[data-trellis-search]').dataset.root;
function load(src) { return new Promise(function (ok, fail) { var s = document.createElement('script'); s.src = root + 'search/' + src;
  s.onload = ok; s.onerror = fail; document.head.appendChild(s); }); }
var shards = [], pages = [], own = ts.shard, ownPage = ts.page, manifest;
ts.terms('').then(function () {
  return load('index.js');
}).then(function () {
  ts.shard = function (n, d) { shards[n] = d; own(n, d); };
  ts.page = function (n, d) { pages[n] = d; ownPage(n, d); };
  var m = null; var orig = ts.manifest; ts.manifest = function (d) { m = d; orig(d); };
  return load('index.js').then(function () { manifest = m; });
}).then(function () {
  var loads = manifest.shards.map(function (_, n) { return load('t/' + n + '.js'); });
  for (var n = 0; n < manifest.pages; n++) loads.push(load('p/' + Math.floor(n / 100) + '/' + n + '.js'));
  return Promise.all(loads);
}).then(function () {
  var indexed = {};
  shards.forEach(function (entries) { entries.forEach(function (e) { var p = e[1], page = 0;
    for (var i = 0; i + 2 < p.length; i += 3) { page += p[i]; var k = page + ':' + p[i + 1]; (indexed[k] = indexed[k] || []).push(e[0]); } }); });
  var checks = [], mismatches = [];
  pages.forEach(function (page, n) { page.s.forEach(function (s, i) {
    if (new TextEncoder().encode(s[3]).length > 3990) return;  // cut for the snippet (SearchIndexFiles.sectionBytes)
    var text = (i === 0 ? page.t + ' ' : '') + s[2] + ' ' + s[3];
    checks.push(ts.terms(text).then(function (terms) {
      var mine = Array.from(new Set(terms)).sort().join(' '), theirs = (indexed[n + ':' + i] || []).slice().sort().join(' ');
      if (mine !== theirs) mismatches.push({page: page.u, section: s[0], browser: mine, build: theirs});
    }));
  }); });
  return Promise.all(checks).then(function () { done({checked: checks.length, mismatches: mismatches.slice(0, 3)}); });
}).catch(function (e) { done({error: String(e)}); });
"""


def target_of(href):
    parts = urllib.parse.urlsplit(href)
    return urllib.parse.unquote(parts.path), urllib.parse.unquote(parts.fragment)


def test_site(driver, site):
    site = site.resolve()
    word, page, hid = pick_word(site)
    page_path = str(page)
    run = Run(driver, site)
    # Start from empty logs: the previous site's last requests may still be in them.
    for kind in ("performance", "browser"):
        try:
            driver.get_log(kind)
        except WebDriverException:
            pass
    start = (site / "index.html") if page != site / "index.html" else next(p for p in sorted(site.rglob("index.html")) if p != page)
    run.open(start.as_uri())
    check(run.js("return !!document.getElementById('trellis-search-input')"), "no search box on %s" % start)

    run.dr.find_element(By.TAG_NAME, "body").send_keys("/")
    check(run.state()["focused"], "'/' did not focus the search box")
    s = run.type_query(word)
    check(s["role"] == "combobox" and s["expanded"] == "true", "combobox state after typing: %s" % s)
    first = s["options"][0]
    path, fragment = target_of(first["href"])
    check(path == page_path, "%r: the first result is %s, expected %s" % (word, path, page_path))
    check(fragment == hid, "%r: the first result links to #%s, expected #%s" % (word, fragment, hid))
    check(s["active"] == first["id"] and first["selected"] == "true", "the first option is not active: %s" % s)
    check(any(m.lower() == word for m in first["marks"]), "%r is not marked in the first result: %s" % (word, first["marks"]))

    if len(s["options"]) > 1:
        run.key(Keys.ARROW_DOWN)
        check(run.state()["active"] == s["options"][1]["id"], "ArrowDown did not move to the second option")
        run.key(Keys.ARROW_UP)
        check(run.state()["active"] == first["id"], "ArrowUp did not move back to the first option")

    run.key(Keys.ESCAPE)
    s = run.state()
    check(s["hidden"] and s["expanded"] == "false" and not s["active"], "Escape did not close the results: %s" % s)

    run.js("document.activeElement.blur()")
    run.dr.find_element(By.TAG_NAME, "body").send_keys("s")
    check(run.state()["focused"], "'s' did not focus the search box")
    wrong = typo(word)
    s = run.type_query(wrong)
    path, fragment = target_of(s["options"][0]["href"])
    check(path == page_path and fragment == hid, "typo %r: the first result is %s#%s, expected %s#%s" % (wrong, path, fragment, page_path, hid))

    s = run.type_query(word)
    run.key(Keys.ENTER)
    run.wait(lambda: target_of(run.dr.current_url) == (page_path, hid), "Enter to land on %s#%s (at %s)" % (page_path, hid, run.dr.current_url))
    check(run.js("return !!document.getElementById(arguments[0])", hid), "the landing page has no element #%s" % hid)

    stray = [u for u in run.requests() if not u.startswith(site.as_uri() + "/")]
    check(not stray, "requests outside the site folder: %s" % stray)
    index_files = [u for u in run.requested if "/search/" in u]
    check(any(u.endswith("/search/index.js") for u in index_files), "the manifest was never loaded: %s" % run.requested)
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    check(not errors, "console errors: %s" % errors)

    parity = driver.execute_async_script(PARITY)
    check(parity.get("checked", 0) > 0 and not parity.get("mismatches"),
          "the browser splits words differently from the build: %s" % parity)
    return word, wrong, page.relative_to(site), hid, len(index_files)


def main():
    sites = [pathlib.Path(a) for a in sys.argv[1:]]
    if not sites:
        print(__doc__)
        return 2
    driver = make_driver(1000, performance_log=True)
    try:
        for site in sites:
            word, wrong, page, hid, loaded = test_site(driver, site)
            print("search: %s: %r and %r → %s#%s (%d index files loaded)" % (site, word, wrong, page, hid, loaded))
    except Failure as failure:
        print("search browser test FAILED: %s" % failure, file=sys.stderr)
        return 1
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
