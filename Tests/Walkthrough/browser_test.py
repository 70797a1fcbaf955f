#!/usr/bin/env python3
"""Real-browser test of the walkthrough player (assets/walkthrough.js) in headless Chromium.

Usage: browser_test.py PAGE_OR_SITE_DIR [--screenshots DIR]

For each page holding a div.walkthrough it reads the embedded graph (Tests/Walkthrough/GRAPH-CONTRACT.md), follows
the guide by clicking [data-action][data-arg] controls, and at every step checks the visible text
the state must show (computed from the JSON), the callout, the tooltip (hover and focus), that only
the guided control is enabled, then checks the goal, Reset, Free mode (enabled ⇔ edge), keyboard use
(Tab + Enter, arrow keys in tabs and menu, Escape on menu and dialog, focus trap), no console errors
and no network request beyond the page's own files. Exits 1 with a message on the first failure."""
import argparse
import json
import pathlib
import re
import shutil
import sys
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

KNOWN_TAB_NAMES = ["Details", "Status", "Worker Groups", "Lifecycle", "KubeConfig"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


class Graph:
    def __init__(self, data):
        self.d = data
        self.text = data["text"]

    def t(self, i):
        return self.text[i] if isinstance(i, int) and 0 <= i < len(self.text) else ""

    def state(self, s):
        st = self.d["states"][s]
        return st[0], st[1], self.d["clusters"][st[2]], (self.d["dialogs"][st[3]] if st[3] >= 0 else None), st[4]

    def edges(self, s):
        st = self.d["states"][s]
        return {st[i]: st[i + 1] for i in range(5, len(st) - 1, 2)}

    def action(self, a):
        return self.d["actions"][a]

    def selector(self, a):
        spec = self.action(a)
        sel = '[data-action="%s"]' % css_string(spec["id"])
        if spec.get("arg") is not None:
            sel += '[data-arg="%s"]' % css_string(spec["arg"])
        return sel

    def expected_texts(self, s):
        """Strings the state must show, computed only from the graph."""
        screen, tab, c, d, note = self.state(s)
        t = self.t
        out = [t(c["group"]), t(c["region"]), t(c["name"]), t(c["version"]), t(c["domain"]), t(c["clock"])]
        out += [t(name) for name, _ in c["machines"]]
        if c["status"] == 1:
            out.append("%d%%" % c["progress"])
        if note >= 0:
            out.append(t(note))
        pool = c["pool"]
        if screen == 1:
            out += [[t(c["name"]), t(c["version"]), t(c["domain"]), t(c["window"])],
                    [t(c["operation"])] if c["operation"] >= 0 else [],
                    [t(pool["name"]), t(pool["flavor"]), t(pool["image"]), t(pool["zone"]),
                     "Min. %d / Max. %d" % (pool["min"], pool["max"])],
                    [t(c["window"]), t(c["clock"])],
                    [t(x) for x in c["kubeconfig"]]][tab]
        if screen == 2:
            out += [t(label) for label, _ in c["menu"]]
        if screen == 3:
            out += [t(d["title"])] + [t(x) for x, _ in d["lines"]] + [t(x) for x, _, _ in d["buttons"]]
            if d["selected"] >= 0:
                out.append(t(d["selected"]))
        return [x for x in out if x]


def css_string(s):
    return str(s).replace("\\", "\\\\").replace('"', '\\"')


class Run:
    def __init__(self, driver, url, shots):
        self.dr = driver
        self.url = url
        self.shots = shots
        self.n = 0

    def js(self, script, *args):
        return self.dr.execute_script(script, *args)

    def shot(self, name):
        if self.shots:
            self.n += 1
            # The panel, not wherever the last click left the page, is what the artifact shows.
            self.js("const r = arguments[0].getBoundingClientRect();"
                    "if (r.top < 0 || r.bottom > innerHeight) arguments[0].scrollIntoView({block: 'center'});",
                    self.widget())
            self.dr.save_screenshot(str(self.shots / ("%02d-%s.png" % (self.n, re.sub(r"[^A-Za-z0-9.-]+", "_", name)))))

    def widget(self):
        return self.dr.find_element(By.CSS_SELECTOR, "div.walkthrough .wt")

    def controls(self, g, a):
        found = self.widget().find_elements(By.CSS_SELECTOR, g.selector(a))
        return [e for e in found if (e.tag_name == "option" or e.is_displayed())]

    def enabled(self, el):
        if el.tag_name == "option":
            return el.is_enabled()
        return el.get_attribute("aria-disabled") != "true"

    def assert_state(self, g, s, where):
        screen, tab, c, d, note = g.state(s)
        shown = norm(self.widget().text)
        select_text = self.js("const s=document.querySelector('div.walkthrough .wt-select');"
                              "return s ? s.selectedOptions[0].textContent : ''")
        for want in g.expected_texts(s):
            check(norm(want) in shown or norm(want) == norm(select_text),
                  "%s: state %d should show %r; visible text was:\n%s" % (where, s, want, shown))
        version = self.widget().find_element(By.CSS_SELECTOR, ".wt-version")
        check(norm(version.text) == norm(g.t(c["version"])),
              "%s: version cell shows %r, expected %r" % (where, version.text, g.t(c["version"])))
        for cell, flag in ((".wt-version", "kUp"), (".wt-workers", "iUp")):
            icons = self.widget().find_elements(By.CSS_SELECTOR, cell + " .wt-i-up")
            check(bool(icons) == bool(c[flag]), "%s: %s arrow shown=%s but %s=%s" % (where, cell, bool(icons), flag, c[flag]))
        present = {sel: bool(self.widget().find_elements(By.CSS_SELECTOR, sel))
                   for sel in ("[role=dialog]", "[role=menu]", "[role=tablist]")}
        check(present["[role=dialog]"] == (screen == 3), "%s: dialog present=%s, screen=%d" % (where, present["[role=dialog]"], screen))
        check(present["[role=menu]"] == (screen == 2), "%s: menu present=%s, screen=%d" % (where, present["[role=menu]"], screen))
        check(present["[role=tablist]"] == (screen == 1), "%s: tabs present=%s, screen=%d" % (where, present["[role=tablist]"], screen))
        if screen == 1:
            sel = self.widget().find_element(By.CSS_SELECTOR, "[role=tab][aria-selected=true]")
            check(norm(sel.text) == norm(g.t(g.action(self.tab_action(g, tab))["label"])) if self.tab_action(g, tab) >= 0
                  else True, "%s: selected tab is %r" % (where, sel.text))
            if tab == 2 and c["pool"]["tip"] >= 0:
                self.check_tooltip(g, c["pool"]["tip"], where)
        note_el = self.widget().find_element(By.CSS_SELECTOR, ".wt-note")
        check(note_el.is_displayed() == (note >= 0), "%s: note banner shown=%s, note=%d" % (where, note_el.is_displayed(), note))

    def tab_action(self, g, tab):
        for i, a in enumerate(g.d["actions"]):
            if a["id"] == "selectTab" and a.get("arg") == KNOWN_TAB_NAMES[tab]:
                return i
        return -1

    def check_tooltip(self, g, tip, where):
        buttons = [b for b in self.widget().find_elements(By.CSS_SELECTOR, '[data-action="upgradeImage"]') if b.is_displayed()]
        check(buttons, "%s: no upgradeImage button although pool.tip is set" % where)
        for how in ("hover", "focus"):
            button = buttons[-1] if how == "focus" else buttons[0]
            tip_el = self.dr.find_element(By.ID, button.get_attribute("aria-describedby"))
            if how == "hover":
                ActionChains(self.dr).move_to_element(button).perform()
            else:
                ActionChains(self.dr).move_to_element(self.dr.find_element(By.TAG_NAME, "h1")).perform()
                self.js("arguments[0].focus()", button)
            check(tip_el.is_displayed() and norm(tip_el.text) == norm(g.t(tip)),
                  "%s: tooltip on %s shows %r (displayed=%s), expected %r" % (where, how, tip_el.text, tip_el.is_displayed(), g.t(tip)))
            self.shot("tooltip-" + how)
        self.press(Keys.ESCAPE)
        check(not tip_el.is_displayed(), "%s: Escape did not dismiss the focused button's tooltip" % where)
        self.js("arguments[0].blur(); arguments[0].focus()", button)
        check(tip_el.is_displayed(), "%s: the tooltip did not come back on focus after Escape" % where)
        self.js("document.activeElement.blur()")
        ActionChains(self.dr).move_to_element(self.dr.find_element(By.TAG_NAME, "h1")).perform()
        check(not tip_el.is_displayed(), "%s: tooltip still shown after hover and focus left" % where)

    def callout(self):
        el = self.widget().find_element(By.CSS_SELECTOR, ".wt-call")
        return norm(el.text) if el.is_displayed() else ""

    def set_mode(self, mode):
        self.widget().find_element(By.CSS_SELECTOR, '[data-action="wt-mode"][data-arg="%s"]' % mode).click()

    def reset(self):
        self.widget().find_element(By.CSS_SELECTOR, '[data-action="wt-reset"]').click()

    def click_action(self, g, a, where, guided):
        els = self.controls(g, a)
        check(els, "%s: no visible control %s" % (where, g.selector(a)))
        usable = [e for e in els if self.enabled(e)]
        check(usable, "%s: control %s is disabled" % (where, g.selector(a)))
        if guided:
            check(any("wt-guided" in (e.get_attribute("class") or "") for e in usable),
                  "%s: control %s is not highlighted as the guided action" % (where, g.selector(a)))
        usable[0].click()

    def check_enabled_matches_edges(self, g, s, where, only=None):
        """Free mode: enabled ⇔ edge. Guided mode (only=a): only the guided control is enabled."""
        edges = g.edges(s)
        keyed = {(x["id"], x.get("arg")): i for i, x in enumerate(g.d["actions"])}
        for el in self.widget().find_elements(By.CSS_SELECTOR, "[data-action]"):
            ident = el.get_attribute("data-action")
            if ident.startswith("wt-") or not (el.tag_name == "option" or el.is_displayed()):
                continue
            a = keyed.get((ident, el.get_attribute("data-arg")))
            if a is None:
                a = keyed.get((ident, None))
            check(a is not None, "%s: control data-action=%r data-arg=%r is not in the graph's actions"
                  % (where, ident, el.get_attribute("data-arg")))
            selected_tab = el.get_attribute("role") == "tab" and el.get_attribute("aria-selected") == "true"
            if selected_tab:
                continue
            want = (a in edges) and (only is None or a == only)
            check(self.enabled(el) == want, "%s: control %s enabled=%s but should be %s"
                  % (where, g.selector(a), self.enabled(el), want))
        for a in edges:
            if only is None or a == only:
                check(self.controls(g, a), "%s: action %s has an edge but no visible control" % (where, g.selector(a)))

    def follow_guide(self, g, upto=None, verify=True):
        guide = g.d["guide"]
        for k, entry in enumerate(guide[:upto]):
            s, a = entry["state"], entry["action"]
            where = "guide step %d (%s)" % (k + 1, g.selector(a))
            if verify:
                self.assert_state(g, s, where)
                check(self.callout() == norm(g.t(entry["text"])),
                      "%s: callout shows %r, expected %r" % (where, self.callout(), g.t(entry["text"])))
                self.check_enabled_matches_edges(g, s, where, only=a)
                self.shot("step-%s" % g.action(a)["id"])
            self.click_action(g, a, where, guided=True)

    def focused(self):
        return self.dr.switch_to.active_element

    def press(self, *keys):
        ActionChains(self.dr).send_keys(*keys).perform()

    def keyboard(self, g):
        guide = g.d["guide"]
        self.reset()
        self.set_mode("free")
        self.check_enabled_matches_edges(g, 0, "free mode, initial state")
        open_a = next((i for i, x in enumerate(g.d["actions"]) if x["id"] == "openDetails"), -1)
        if open_a in g.edges(0):
            self.js("document.activeElement.blur(); window.scrollTo(0, 0)")
            for _ in range(60):
                self.press(Keys.TAB)
                if self.focused().get_attribute("data-action") == "openDetails":
                    break
            check(self.focused().get_attribute("data-action") == "openDetails", "keyboard: Tab never reached the cluster row")
            self.press(Keys.ENTER)
            target = g.edges(0)[open_a]
            self.assert_state(g, target, "keyboard: Enter on the cluster row")
            self.check_enabled_matches_edges(g, target, "free mode, details")
            if g.state(target)[0] == 1:
                self.js("document.querySelector('div.walkthrough [role=tab][aria-selected=true]').focus()")
                before = self.focused().text
                self.press(Keys.ARROW_RIGHT)
                after = self.focused()
                name = after.text
                check(after.get_attribute("role") == "tab" and name != before,
                      "keyboard: ArrowRight in the tablist did not move focus to the next tab")
                self.press(Keys.ENTER)
                now = self.focused()
                check(now.get_attribute("aria-selected") == "true" and now.text == name,
                      "keyboard: Enter did not select the focused tab %r" % name)
                self.shot("keyboard-tabs")
        self.escape_checks(g, guide)

    def reach(self, g, k):
        self.reset()
        self.set_mode("guided")
        self.follow_guide(g, upto=k, verify=False)
        self.set_mode("free")

    def escape_checks(self, g, guide):
        def edge_id(s, ident):
            return next((g.edges(s)[a] for a in g.edges(s) if g.action(a)["id"] == ident), None)
        menu_k = next((k for k, e in enumerate(guide) if g.action(e["action"])["id"] == "openMenu"), None)
        if menu_k is not None:
            self.reach(g, menu_k)
            self.js("document.querySelector('div.walkthrough [data-k=dots]').focus()")
            self.press(Keys.ENTER)
            menu_state = g.edges(guide[menu_k]["state"])[guide[menu_k]["action"]]
            self.assert_state(g, menu_state, "keyboard: Enter on the row menu button")
            first = self.focused()
            check(first.get_attribute("role") == "menuitem", "keyboard: focus did not move into the opened menu")
            self.press(Keys.ARROW_DOWN)
            check(self.focused().get_attribute("role") == "menuitem" and self.focused() != first,
                  "keyboard: ArrowDown did not move to the next menu item")
            self.shot("keyboard-menu")
            closed = edge_id(menu_state, "closeMenu")
            if closed is not None:
                self.press(Keys.ESCAPE)
                self.assert_state(g, closed, "keyboard: Escape in the menu")
                check(self.focused().get_attribute("data-k") == "dots", "keyboard: focus did not return to the menu button")
        dialog_k = next((k for k, e in enumerate(guide) if g.state(e["state"])[0] == 3 and edge_id(e["state"], "back") is not None), None)
        if dialog_k is not None:
            self.reach(g, dialog_k)
            s = guide[dialog_k]["state"]
            self.assert_state(g, s, "dialog reached for keyboard checks")
            self.js("document.querySelector('div.walkthrough [role=dialog] button, div.walkthrough [role=dialog] select').focus()")
            for _ in range(12):
                self.press(Keys.TAB)
                inside = self.js("const a=document.activeElement;return !!(a.closest('.wt-dialog')||a.closest('.wt-bar')"
                                 "||a.closest('.wt-note')||a.closest('.wt-more'))")
                check(inside, "keyboard: Tab left the open dialog (focus on %r)" % self.focused().get_attribute("outerHTML")[:120])
            self.js("document.querySelector('div.walkthrough [role=dialog] button').focus()")
            self.press(Keys.ESCAPE)
            self.assert_state(g, edge_id(s, "back"), "keyboard: Escape in the dialog")
            self.shot("keyboard-dialog-escape")

    def logs(self, kind):
        try:
            return self.dr.get_log(kind)
        except WebDriverException:
            return []

    def requests(self):
        urls = []
        for entry in self.logs("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                urls.append(msg["params"]["request"]["url"])
        return urls


def own(url, page):
    if url.startswith("data:"):
        return True
    a, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(page)
    return a.scheme == b.scheme and a.netloc == b.netloc


def test_page(driver, url, shots):
    run = Run(driver, url, shots)
    driver.get(url)
    first = run.requests()
    stray = [u for u in first if not own(u, url)]
    check(not stray, "page load requested other origins: %s" % stray)
    if not driver.find_elements(By.CSS_SELECTOR, "div.walkthrough .wt"):
        raise Failure("the player did not render (no div.walkthrough .wt); is walkthrough.js included? console: %s"
                      % [e.get("message") for e in run.logs("browser")])
    g = Graph(run.js("return JSON.parse(document.querySelector('div.walkthrough script.walkthrough-graph').textContent)"))
    check(g.d.get("guide"), "the graph has no guide entries")
    check(g.d["guide"][0]["state"] == 0, "the guide must start in state 0")
    for k, entry in enumerate(g.d["guide"]):
        nxt = g.d["guide"][k + 1]["state"] if k + 1 < len(g.d["guide"]) else g.d["goal"]
        check(g.edges(entry["state"]).get(entry["action"]) == nxt,
              "graph: guide entry %d's action does not lead to the next entry's state" % (k + 1))
    run.shot("initial")
    run.follow_guide(g)
    run.assert_state(g, g.d["goal"], "goal")
    check("Goal reached" in run.callout(), "goal: callout does not report the goal (%r)" % run.callout())
    run.shot("goal")
    run.reset()
    run.assert_state(g, 0, "after Reset")
    check(run.callout() == norm(g.t(g.d["guide"][0]["text"])), "after Reset: callout is not the first guide entry")
    run.keyboard(g)
    # A browser asks an HTTP server for /favicon.ico by itself; a site without one is not the player's fault.
    errors = [e for e in run.logs("browser") if e.get("level") == "SEVERE" and "/favicon.ico " not in e.get("message", "")]
    check(not errors, "console errors: %s" % errors)
    # The page's own icon (<link rel="icon">) is fetched by the browser whenever it gets to it,
    # on a busy machine after the load: the browser's request, not the player's.
    icons = set(run.js("return Array.from(document.querySelectorAll('link[rel~=\"icon\"]')).map(l => l.href)") or [])
    later = [u for u in run.requests() if not u.endswith("/favicon.ico") and u not in icons]
    check(not later, "the player made network requests while in use: %s" % later)
    return len(g.d["guide"])


def pages(target):
    if re.match(r"^[a-z]+://", target):
        return [target]
    path = pathlib.Path(target).resolve()
    if path.is_file():
        return [path.as_uri()]
    check(path.is_dir(), "no such page or folder: %s" % target)
    found = [p.as_uri() for p in sorted(path.rglob("*.html")) if 'class="walkthrough"' in p.read_text(errors="replace")]
    check(found, "no page under %s contains a div.walkthrough" % target)
    return found


def make_driver():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1200",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    check(chromium, "chromium is not installed (apt-get install -y chromium)")
    check(pathlib.Path(driver_path).exists(), "chromedriver is not installed (apt-get install -y chromium-driver)")
    options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(driver_path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", help="page URL, HTML file, or built site folder")
    parser.add_argument("--screenshots", help="folder for one screenshot per step")
    args = parser.parse_args()
    driver = None
    try:
        urls = pages(args.target)
        driver = make_driver()
        for n, url in enumerate(urls):
            shots = None
            if args.screenshots:
                shots = pathlib.Path(args.screenshots) / ("page%d" % n if len(urls) > 1 else "")
                shots.mkdir(parents=True, exist_ok=True)
            steps = test_page(driver, url, shots)
            print("ok   %s: %d guide steps, goal, Reset, Free mode, keyboard" % (url, steps))
    except (Failure, WebDriverException) as failure:
        print("FAIL %s" % (failure if isinstance(failure, Failure) else "browser: " + failure.msg), file=sys.stderr)
        if driver and args.screenshots:
            driver.save_screenshot(str(pathlib.Path(args.screenshots) / "failure.png"))
        return 1
    finally:
        if driver:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
