#!/usr/bin/env python3
"""Real-browser test of the walkthrough player (assets/walkthrough.js) in headless Chromium.

Usage: browser_test.py PAGE_OR_SITE_DIR [--screenshots DIR]

For each page holding a div.walkthrough it reads the embedded graph (Tests/Walkthrough/GRAPH-CONTRACT.md) and, at
a phone width (390 px) and a desktop width (1400 px), follows the guide by clicking [data-action][data-arg]
controls; at every step it checks the visible text the state must show (computed from the JSON), the
Version drop-down's selection, the callout's text, that the callout's box overlaps none of its step's
targets and stays inside the walkthrough, the tooltip (hover and focus, not clipped), that only the guided
control is enabled, and the contrast of every visible text (≥ 4.5:1, from computed styles). Then: the goal,
Reset, the ⋯ button and status icon (non-zero, clickable), the whole guided path by keyboard alone (focus
always on an enabled control), every version the guide's dialog offers (chosen → shown selected, Upgrade
acts on it or is refused as the graph says), Free mode (enabled ⇔ edge), keyboard use in Free mode (Tab +
Enter, arrow keys in tabs and menu, Escape on menu and dialog, focus trap), the guide again in the dark
scheme for contrast, no console errors and no network request beyond the page's own files. Exits 1 with a
message on the first failure."""
import argparse
import json
import time
import pathlib
import re
import sys
import urllib.parse

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Browser"))
from chromium import Failure, check, make_driver  # noqa: E402  (the browser tests' shared set-up)

KNOWN_TAB_NAMES = ["Details", "Status", "Worker Groups", "Lifecycle", "KubeConfig", "Monitoring"]
WIDTHS = (390, 1400)
LAYOUT_WIDTHS = (360, 768, 1024)  # the guide again, checking only where the callout goes
MIN_CONTRAST = 4.5
PAYLOAD_BUDGET = 150 * 1000  # graph JSON + walkthrough.js + walkthrough.css (GRAPH-CONTRACT.md)

# Runs in the page: every visible text of the walkthrough with its contrast, from computed styles
# (text colour × the opacity of its ancestors, over the background found by blending the element's and
# its ancestors' background colours down to an opaque one, white at the canvas). Text under the dialog's
# scrim (the inert list) and screen-reader-only text are not visible; a <select> counts with its
# displayed option.
CONTRAST_JS = r"""
const root = arguments[0], min = arguments[1];
const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
const rgba = (css) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
const lum = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
const blend = (top, under, a) => [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a));
const background = (el) => {
  const layers = [];
  for (let x = el; x && x.nodeType === 1; x = x.parentElement) {
    const c = rgba(getComputedStyle(x).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  return layers.reduceRight((under, top) => blend(top, under, top[3]), [255, 255, 255]);
};
const opacity = (el) => { let o = 1; for (let x = el; x && x.nodeType === 1; x = x.parentElement) o *= parseFloat(getComputedStyle(x).opacity); return o; };
const scrim = root.querySelector('.wt-scrim');
const shown = (el) => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) && !el.closest('[inert]') &&
  !(scrim && !scrim.contains(el) && el.closest('.wt-view')) && getComputedStyle(el).clipPath === 'none';
const bad = [], seen = new Set();
let count = 0;
const test = (el, text) => {
  const bg = background(el), fg = rgba(getComputedStyle(el).color);
  const ink = blend(fg, bg, fg[3] * opacity(el));
  const [a, b] = [lum(ink), lum(bg)].sort((x, y) => y - x);
  const ratio = (a + 0.05) / (b + 0.05);
  count++;
  if (ratio < min) bad.push(text.trim().slice(0, 60) + ' @ ' + (el.className || el.tagName) + ': ' + ratio.toFixed(2) +
    ' (' + getComputedStyle(el).color + ' on rgb(' + bg.map(Math.round).join(',') + '))');
};
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!n.textContent.trim() || !el || el.closest('script, style, option, select') || !shown(el)) continue;
  const range = document.createRange(); range.selectNodeContents(n);
  if (!range.getClientRects().length) continue;
  test(el, n.textContent);
}
for (const sel of root.querySelectorAll('select')) if (shown(sel)) test(sel, sel.selectedOptions[0] ? sel.selectedOptions[0].textContent : '');
return [count, bad];
"""

# Runs in the page: rectangles (viewport px) of the callout, the walkthrough frame and the targets of
# the guided step: every guided control (a guided option stands for its drop-down), the menu item, the
# whole dialog it sits in (its notes are what the step asks to read), and any tooltip on show.
LAYOUT_JS = r"""
const wt = arguments[0];
const r = (el) => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
const call = wt.querySelector('.wt-call');
const targets = [];
for (let el of wt.querySelectorAll('.wt-guided')) {
  if (el.tagName === 'OPTION') el = el.closest('select');
  if (!el.getClientRects().length) continue;
  targets.push(['guided ' + (el.dataset.action || el.tagName), r(el)]);
  const dialog = el.closest('.wt-dialog');
  if (dialog) targets.push(['dialog', r(dialog)]);
}
for (const tip of wt.querySelectorAll('.wt-tip')) if (tip.checkVisibility()) targets.push(['tooltip', r(tip)]);
// The goal's callout where no control is guided: it reports on the panel, which it must leave readable.
if (call.classList.contains('wt-goal') && !wt.querySelector('.wt-guided')) targets.push(['panel', r(wt.querySelector('.wt-view'))]);
return {call: call.checkVisibility() ? r(call) : null, frame: r(wt), targets: targets,
        viewport: [document.documentElement.clientWidth, innerHeight]};
"""


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


class Graph:
    def __init__(self, data):
        self.d = data
        self.text = data["text"]
        # A cluster's pool and menu are indices into the shared "pools" and "menus" tables
        # (GRAPH-CONTRACT.md); inline them so checks read c["pool"] and c["menu"].
        for c in data["clusters"]:
            for key, table in (("pool", "pools"), ("menu", "menus")):
                if isinstance(c.get(key), int):
                    c[key] = data[table][c[key]]
        # In a tab group, each state's edges to the group's other tabs are implied: list them.
        tab_action = {x.get("arg"): i for i, x in enumerate(data["actions"]) if x["id"] == "selectTab"}
        for group in data.get("tabGroups", []):
            for i, s in enumerate(group):
                if s >= 0:
                    for j, to in enumerate(group):
                        if j != i and to >= 0 and KNOWN_TAB_NAMES[j] in tab_action:
                            data["states"][s] += [tab_action[KNOWN_TAB_NAMES[j]], to]

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

    def version_of(self, entry):
        """An option's version: its own value when the graph gives one, else its selectVersion argument."""
        if len(entry) > 2:
            own = entry[2]
            if isinstance(own, str) and own:
                return own
            if isinstance(own, int) and self.t(own):
                return self.t(own)
        spec = self.d["actions"][entry[1]] if isinstance(entry[1], int) and 0 <= entry[1] < len(self.d["actions"]) else {}
        if spec.get("id") == "selectVersion" and spec.get("arg"):
            return str(spec["arg"])
        m = re.match(r"\s*v?(\d+(?:\.\d+)+)", self.t(entry[0]))
        return m.group(1) if m else self.t(entry[0])

    def selected_version(self, d):
        """The dialog's selected version (d["selected"] is its text or an option's label), None when none."""
        if d["selected"] < 0:
            return None
        text = self.t(d["selected"])
        for entry in d["versions"]:
            if text in (self.version_of(entry), self.t(entry[0])):
                return self.version_of(entry)
        m = re.match(r"\s*v?(\d+(?:\.\d+)+)", text)
        return m.group(1) if m else text

    def last_operation(self, c):
        """The Status tab's "Last operation": the cluster's `last`, else (older graphs) its operation or "None"."""
        if isinstance(c.get("last"), int) and self.t(c["last"]):
            return self.t(c["last"])
        return self.t(c["operation"]) if c["operation"] >= 0 else "None"

    def goal_states(self):
        """Every state that counts as the goal (goalStates), or just the goal in an older graph."""
        return set(self.d.get("goalStates") or [self.d["goal"]])

    def sections(self, d):
        """A dialog's collapsible sections: [(heading, [line texts])] from its kind-5 lines."""
        out = []
        for x, kind in d["lines"]:
            if kind == 5:
                out.append((self.t(x), []))
            elif out:
                out[-1][1].append(self.t(x))
        return out

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
                    [self.last_operation(c)],
                    [t(pool["name"]), t(pool["flavor"]), t(pool["image"]), t(pool["zone"]),
                     "Min. %d / Max. %d" % (pool["min"], pool["max"])],
                    [t(c["window"]), t(c["clock"])],
                    [t(x) for x in c["kubeconfig"]],
                    ["Prometheus", "Plutono"]][tab]
        if screen == 2:
            out += [t(label) for label, _ in c["menu"]]
        if screen == 3:
            out += [t(d["title"])] + [t(x) for x, _ in d["lines"]] + [t(x) for x, _, _ in d["buttons"]]
        return [x for x in out if x]


def css_string(s):
    return str(s).replace("\\", "\\\\").replace('"', '\\"')


class Run:
    def __init__(self, driver, url, shots):
        self.dr = driver
        self.url = url
        self.shots = shots
        self.n = 0
        self.prefix = ""
        self.width = 0
        self.contrast_checked = 0

    def js(self, script, *args):
        return self.dr.execute_script(script, *args)

    def shot(self, name):
        if self.shots:
            self.n += 1
            # The panel, not wherever the last click left the page, is what the artifact shows.
            self.js("const r = arguments[0].getBoundingClientRect();"
                    "if (r.top < 0 || r.bottom > innerHeight) arguments[0].scrollIntoView({block: 'center'});",
                    self.widget())
            self.dr.save_screenshot(str(self.shots / ("%s%02d-%s.png" % (self.prefix, self.n, re.sub(r"[^A-Za-z0-9.-]+", "_", name)))))

    def widget(self):
        return self.dr.find_element(By.CSS_SELECTOR, "div.walkthrough .wt")

    def controls(self, g, a):
        """The visible controls of action a a reader can use: not those under an open menu or dialog (inert)."""
        found = self.widget().find_elements(By.CSS_SELECTOR, g.selector(a))
        behind = self.behind_modal()
        return [e for e in found if (e.tag_name == "option" or e.is_displayed()) and e.id not in behind]

    def behind_modal(self):
        """Ids of the controls inside an inert subtree (under an open menu or dialog)."""
        return {e.id for e in self.widget().find_elements(By.CSS_SELECTOR, "[inert] [data-action]")}

    def enabled(self, el):
        if el.tag_name == "option":
            return el.is_enabled()
        return el.get_attribute("aria-disabled") != "true"

    def assert_state(self, g, s, where):
        screen, tab, c, d, note = g.state(s)
        shown = norm(self.widget().text)
        for want in g.expected_texts(s):
            check(norm(want) in shown, "%s: state %d should show %r; visible text was:\n%s" % (where, s, want, shown))
        if d is not None and d["versions"]:
            self.check_select(g, d, where)
        if isinstance(c.get("id"), int) and g.t(c["id"]):
            ids = self.widget().find_elements(By.CSS_SELECTOR, ".wt-row .wt-id")
            check(ids and norm(ids[0].get_attribute("textContent")) == norm(g.t(c["id"])),
                  "%s: the id column shows %r, expected %r" % (where, ids[0].get_attribute("textContent") if ids else None, g.t(c["id"])))
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
        details = screen == 1 or (screen == 2 and tab >= 0)
        check(present["[role=tablist]"] == details, "%s: tabs present=%s, screen=%d" % (where, present["[role=tablist]"], screen))
        if details:
            sel = self.widget().find_element(By.CSS_SELECTOR, "[role=tab][aria-selected=true]")
            check(norm(sel.text) == norm(g.t(g.action(self.tab_action(g, tab))["label"])) if self.tab_action(g, tab) >= 0
                  else True, "%s: selected tab is %r" % (where, sel.text))
            if tab == 2 and c["pool"]["tip"] >= 0:
                self.check_tooltip(g, c["pool"]["tip"], where)
        note_el = self.widget().find_element(By.CSS_SELECTOR, ".wt-note")
        check(note_el.is_displayed() == (note >= 0), "%s: note banner shown=%s, note=%d" % (where, note_el.is_displayed(), note))

    def check_select(self, g, d, where):
        """The drop-down shows exactly the dialog's selected version (or the placeholder), never blank."""
        value, label, index = self.js("const s=document.querySelector('div.walkthrough .wt-select');"
                                      "return s ? [s.value, s.selectedOptions[0] ? s.selectedOptions[0].textContent : null,"
                                      " s.selectedIndex] : [null, null, -1]")
        check(index >= 0 and label, "%s: the Version drop-down shows nothing" % where)
        want = g.selected_version(d)
        if want is None:
            check(value == "", "%s: nothing is selected in the graph but the drop-down shows %r" % (where, label))
            return
        entry = next((e for e in d["versions"] if g.version_of(e) == want), None)
        check(value == want and (entry is None or norm(label) == norm(g.t(entry[0]))),
              "%s: the drop-down shows %r (value %r) but the selected version is %s" % (where, label, value, want))

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
            clipped = self.js("""const t = arguments[0], wt = arguments[1], b = t.getBoundingClientRect(), f = wt.getBoundingClientRect();
                if (b.left < f.left - 0.5 || b.right > f.right + 0.5 || b.left < 0 || b.right > document.documentElement.clientWidth)
                  return 'outside the frame or the window: ' + [b.left, b.right, f.left, f.right].map(Math.round);
                t.scrollIntoView({block: 'nearest'});
                const c = t.getBoundingClientRect();
                for (const [x, y] of [[c.left + 2, c.top + 2], [c.right - 2, c.top + 2], [c.left + 2, c.bottom - 2], [c.right - 2, c.bottom - 2]]) {
                  const e = document.elementFromPoint(x, y);
                  if (!e || !t.contains(e)) return 'covered or clipped at ' + [x, y].map(Math.round) + ' by ' + (e ? e.outerHTML.slice(0, 80) : 'nothing');
                }
                return '';""", tip_el, self.widget())
            check(not clipped, "%s: tooltip on %s is %s" % (where, how, clipped))
            self.check_layout(where + " (tooltip on %s)" % how)
            self.shot("tooltip-" + how)
        self.press(Keys.ESCAPE)
        check(not tip_el.is_displayed(), "%s: Escape did not dismiss the focused button's tooltip" % where)
        self.js("arguments[0].blur(); arguments[0].focus()", button)
        check(tip_el.is_displayed(), "%s: the tooltip did not come back on focus after Escape" % where)
        self.js("document.activeElement.blur()")
        ActionChains(self.dr).move_to_element(self.dr.find_element(By.TAG_NAME, "h1")).perform()
        check(not tip_el.is_displayed(), "%s: tooltip still shown after hover and focus left" % where)

    def check_sections(self, g, d, where):
        """Each collapsible section of the dialog (kind 5): a real button with aria-expanded, open by
        default (as the real panel shows "Upgrade Notes"), its lines up to the next heading inside it;
        closed and opened again by mouse, then by Enter and Space, focus staying on the button."""
        buttons = [b for b in self.widget().find_elements(By.CSS_SELECTOR, ".wt-dialog button[aria-expanded]") if b.is_displayed()]
        sections = g.sections(d)
        check(len(buttons) == len(sections), "%s: %d section buttons for %d kind-5 headings" % (where, len(buttons), len(sections)))
        for button, (heading, lines) in zip(buttons, sections):
            name = "%s, section %r" % (where, heading)
            check(norm(button.text) == norm(heading) and button.tag_name == "button", "%s: the heading's button reads %r" % (name, button.text))
            body = self.dr.find_element(By.ID, button.get_attribute("aria-controls"))
            shown = lambda: norm(body.text) if body.is_displayed() else ""
            check(button.get_attribute("aria-expanded") == "true" and all(norm(x) in shown() for x in lines),
                  "%s: not open by default (aria-expanded=%s, shows %r)" % (name, button.get_attribute("aria-expanded"), shown()))
            others = [x for h, ls in sections if h != heading for x in ls if x not in lines]
            check(not any(norm(x) in norm(body.text) for x in others), "%s: holds lines of another section" % name)
            for how in ("mouse", "Enter", "Space"):
                for want in ("false", "true"):
                    if how == "mouse":
                        button.click()
                    else:
                        self.js("arguments[0].focus()", button)
                        self.press(Keys.ENTER if how == "Enter" else Keys.SPACE)
                        check(self.focused() == button, "%s: focus left the button after %s" % (name, how))
                    check(button.get_attribute("aria-expanded") == want and (bool(shown()) == (want == "true")),
                          "%s: after %s aria-expanded=%s, lines shown=%r" % (name, how, button.get_attribute("aria-expanded"), shown()))
                    if want == "false":
                        self.check_layout(name + " closed")
                        self.shot("section-closed")
            self.check_contrast(name)

    def check_last_operation(self, g):
        """At the goal the Status tab's last operation reads as the graph says, and as succeeded (the page
        says the Status tab shows the upgrade as succeeded)."""
        screen, tab, c, _, _ = g.state(g.d["goal"])
        if "last" not in c:
            return
        check("Succeeded" in g.t(c["last"]), "graph: the goal's last operation is %r, not succeeded" % g.t(c["last"]))
        if screen == 1 and tab == 1:
            rows = self.js("return [...arguments[0].querySelectorAll('.wt-panel .wt-kv tr')].map(r => [r.cells[0] ? r.cells[0].textContent : r.querySelector('th').textContent, r.querySelector('td').textContent])",
                           self.widget())
            got = next((norm(v) for k, v in rows if norm(k) == "Last operation"), None)
            check(got == norm(g.t(c["last"])), "goal: the Status tab's last operation shows %r, expected %r" % (got, g.t(c["last"])))

    def walk(self, g, s, target, where):
        """Clicks along the shortest path of edges from state s to target; returns target."""
        prev, todo = {s: None}, [s]
        for x in todo:
            for a, y in g.edges(x).items():
                if y not in prev:
                    prev[y] = (x, a)
                    todo.append(y)
        check(target in prev, "%s: graph: state %d is not reachable from %d" % (where, target, s))
        path, y = [], target
        while prev[y] is not None:
            y, a = prev[y]
            path.append(a)
        for a in reversed(path):
            self.click_action(g, a, where, guided=False)
        return target

    def goal_states(self, g):
        """From the goal, every goal state one edge away (the other tabs, the list, the menu), and the ones
        beyond it: each shows its state and "Goal reached", with the callout clear of the panel."""
        goals = g.goal_states()
        seen, todo, s = {g.d["goal"]}, [g.d["goal"]], g.d["goal"]
        # Free mode: a goal state the guide passes on its way (the list before the verification) only
        # lets the guided control be used in guided mode.
        self.set_mode("free")
        while todo:
            x = todo.pop(0)
            for a, y in sorted(g.edges(x).items()):
                if y in goals and y not in seen:
                    seen.add(y)
                    todo.append(y)
                    if s != x:
                        s = self.walk(g, s, x, "goal states")
                    self.click_action(g, a, "goal state %d" % y, guided=False)
                    s = y
                    self.assert_state(g, y, "goal state %d" % y)
                    check("Goal reached" in self.callout(), "goal state %d: callout says %r" % (y, self.callout()))
                    self.check_layout("goal state %d" % y)
        check(seen >= goals or not g.d.get("goalStates"), "goal states %s were not reached from the goal" % sorted(goals - seen))
        self.check_contrast("goal states")
        self.shot("goal-states")
        self.set_mode("guided")
        return len(seen)

    def callout_is(self, g, s, text):
        """The callout in state s of the guide: the entry's text, after "Goal reached" in a goal state."""
        now = self.callout()
        if s in g.goal_states():
            return now.startswith("Goal reached") and now.endswith(norm(g.t(text)))
        return now == norm(g.t(text))

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
        behind = self.behind_modal()
        for el in self.widget().find_elements(By.CSS_SELECTOR, "[data-action]"):
            ident = el.get_attribute("data-action")
            if ident.startswith("wt-") or not (el.tag_name == "option" or el.is_displayed()) or el.id in behind:
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

    def check_layout(self, where):
        """The callout overlaps none of its step's targets and stays inside the walkthrough's frame."""
        info = self.js(LAYOUT_JS, self.widget())
        call = info["call"]
        if call is None:
            return
        fl, ft, fr, fb = info["frame"]
        check(call[0] >= fl - 0.5 and call[2] <= fr + 0.5 and call[1] >= ft - 0.5 and call[3] <= fb + 0.5,
              "%s: the guidance box %s leaves the walkthrough's frame %s" % (where, [round(x) for x in call], [round(x) for x in info["frame"]]))
        for name, (l, t, r, b) in info["targets"]:
            overlap = min(call[2], r) - max(call[0], l) > 0.5 and min(call[3], b) - max(call[1], t) > 0.5
            check(not overlap, "%s: the guidance box %s covers its target (%s %s) at %d px"
                  % (where, [round(x) for x in call], name, [round(x) for x in (l, t, r, b)], self.width))

    def check_contrast(self, where):
        count, bad = self.js(CONTRAST_JS, self.widget(), MIN_CONTRAST)
        self.contrast_checked += count
        check(count > 0, "%s: no visible text found for the contrast check" % where)
        check(not bad, "%s: text below %.1f:1 contrast at %d px:\n  %s" % (where, MIN_CONTRAST, self.width, "\n  ".join(bad)))

    def follow_guide(self, g, upto=None, verify=True, contrast=False, layout=False):
        guide = g.d["guide"]
        for k, entry in enumerate(guide[:upto]):
            s, a = entry["state"], entry["action"]
            where = "guide step %d (%s)" % (k + 1, g.selector(a))
            if verify:
                self.assert_state(g, s, where)
                check(self.callout_is(g, s, entry["text"]),
                      "%s: callout shows %r, expected %r%s" % (where, self.callout(), g.t(entry["text"]),
                                                              " after Goal reached" if s in g.goal_states() else ""))
                if s in g.goal_states():
                    self.check_layout(where + ", the goal")
                self.check_enabled_matches_edges(g, s, where, only=a)
                self.check_layout(where)
                self.check_contrast(where)
                self.shot("step-%s" % g.action(a)["id"])
                if g.state(s)[3] is not None and g.sections(g.state(s)[3]):
                    self.check_sections(g, g.state(s)[3], where)
            elif contrast:
                self.check_contrast(where + ", dark scheme")
            elif layout:
                self.check_layout(where + " at %d px" % self.width)
                tips = [b for b in self.widget().find_elements(By.CSS_SELECTOR, "[aria-describedby]") if b.is_displayed()
                        and "wt-up" in (b.get_attribute("class") or "")]
                for b in tips:
                    ActionChains(self.dr).move_to_element(b).perform()
                    self.check_layout(where + " (tooltip) at %d px" % self.width)
                if tips:
                    ActionChains(self.dr).move_to_element(self.dr.find_element(By.TAG_NAME, "h1")).perform()
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
            usable = self.js("return [...document.querySelectorAll('div.walkthrough [role=menuitem]')]"
                             ".filter(x => x.getAttribute('aria-disabled') !== 'true').length")
            self.press(Keys.ARROW_DOWN)
            # Arrow keys move between the usable items (a disabled one is skipped, focus stays usable).
            check(self.focused().get_attribute("role") == "menuitem" and (self.focused() != first or usable < 2)
                  and self.focused().get_attribute("aria-disabled") != "true",
                  "keyboard: ArrowDown did not move to the next usable menu item")
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

    FOCUS_JS = r"""
    const a = document.activeElement, wt = arguments[0];
    if (!a || !wt.contains(a)) return 'outside the walkthrough: ' + (a ? a.outerHTML.slice(0, 100) : 'none');
    if (a === wt || !a.matches('button, select, a[href], input')) return 'not a control: ' + a.outerHTML.slice(0, 100);
    if (a.disabled || a.getAttribute('aria-disabled') === 'true') return 'a disabled control: ' + a.outerHTML.slice(0, 100);
    if (!a.checkVisibility() || a.closest('[inert]')) return 'a hidden control: ' + a.outerHTML.slice(0, 100);
    const g = wt.querySelector('.wt-guided');
    const target = g && g.tagName === 'OPTION' ? g.closest('select') : g;
    return a === target ? 'guided' : 'ok';
    """

    def focus_state(self, where):
        state = self.js(self.FOCUS_JS, self.widget())
        check(state in ("ok", "guided"), "%s: focus is on %s" % (where, state))
        return state

    def keyboard_guide(self, g):
        """The whole guided path by keyboard alone: Tab to the guided control (Shift+Tab never needed),
        Enter on buttons, arrow keys in the drop-down; after every key focus is on an enabled control."""
        guide = g.d["guide"]
        self.reset()
        self.set_mode("guided")
        self.js("arguments[0].focus()", self.widget().find_element(By.CSS_SELECTOR, '[data-action="wt-mode"][data-arg="guided"]'))
        tabs = 0
        for k, entry in enumerate(guide):
            where = "keyboard guide step %d (%s) at %d px" % (k + 1, g.selector(entry["action"]), self.width)
            check(self.callout_is(g, entry["state"], entry["text"]), "%s: not on this step (callout %r)" % (where, self.callout()))
            for n in range(30):
                if self.focus_state(where) == "guided":
                    break
                self.press(Keys.TAB)
                tabs += 1
            check(self.focus_state(where) == "guided", "%s: 30 Tabs never reached the guided control" % where)
            spec = g.action(entry["action"])
            if spec["id"] == "selectVersion":
                want = str(spec.get("arg"))
                for n in range(12):
                    if self.js("return document.activeElement.value") == want or not self.callout_is(g, entry["state"], entry["text"]):
                        break
                    up_list = self.js("const s = document.activeElement, o = [...s.options].findIndex(x => x.value === arguments[0]);"
                                      "return o >= 0 && o < s.selectedIndex", want)
                    self.press(Keys.ARROW_UP if up_list else Keys.ARROW_DOWN)
                    self.focus_state(where + " (arrow keys in the drop-down)")
            else:
                self.press(Keys.ENTER)
            now = self.callout()
            if k + 1 < len(guide):
                check(self.callout_is(g, guide[k + 1]["state"], guide[k + 1]["text"]),
                      "%s: the key did not lead to the next step (callout %r)" % (where, now))
            else:
                check("Goal reached" in now, "%s: the key did not lead to the goal (callout %r)" % (where, now))
            self.focus_state(where + " (after the action)")
        return tabs

    def versions(self, g):
        """For every version the guide's dialog offers: choosing it shows that version selected, one
        after the other in both orders (no stale selection), and Upgrade acts on it or is refused
        exactly as the graph says."""
        guide = g.d["guide"]
        # The first guide step in a dialog with a drop-down (the dialog may open on a proposed version,
        # with no selectVersion step in the guide).
        k = next((k for k, e in enumerate(guide) if g.state(e["state"])[0] == 3 and g.state(e["state"])[3]
                  and g.state(e["state"])[3]["versions"]), None)
        if k is None:
            return 0
        up = next((i for i, x in enumerate(g.d["actions"]) if x["id"] == "clickUpgrade"), None)
        start = guide[k]["state"]
        entries = g.state(start)[3]["versions"]

        def choose(s, entry, where):
            a, version = entry[1], g.version_of(entry)
            select = Select(self.widget().find_element(By.CSS_SELECTOR, ".wt-select"))
            option = self.widget().find_element(By.CSS_SELECTOR, '.wt-select option[value="%s"]' % css_string(version))
            target = g.edges(s).get(a)
            if option.is_enabled():
                select.select_by_value(version)
            nxt = target if target is not None else s
            self.assert_state(g, nxt, where + " (chose %s)" % version)
            if target is not None:
                check(g.selected_version(g.state(target)[3]) == version,
                      "%s: graph: selecting %s leads to a dialog where %s is selected" % (where, version, g.selected_version(g.state(target)[3])))
            return nxt

        self.reach(g, k)
        s = start
        for order in (entries, list(reversed(entries))):
            for entry in order:
                s = choose(s, entry, "versions at %d px" % self.width)
        for entry in entries:
            self.reach(g, k)
            s = choose(start, entry, "versions at %d px" % self.width)
            if g.edges(s).get(up) is None:
                buttons = [b for b in self.controls(g, up)] if up is not None else []
                check(all(not self.enabled(b) for b in buttons), "versions: Upgrade is enabled after %s without an edge" % g.version_of(entry))
                continue
            where = "versions: Upgrade after choosing %s at %d px" % (g.version_of(entry), self.width)
            button = next((b for b in self.controls(g, up) if self.enabled(b)), None)
            check(button is not None, "%s: no enabled Upgrade button although the graph has an edge" % where)
            self.js("arguments[0].focus()", button)
            self.press(Keys.ENTER)
            s = g.edges(s)[up]
            self.assert_state(g, s, where)
            self.shot("version-%s-upgrade" % g.version_of(entry))
            # Free mode, by keyboard: focus goes on to the next usable control, never the container or a
            # control that just became disabled; where Prepare follows, focus is on it.
            self.focus_state(where + ", focus after Enter")
            prepare = next((a for a in g.edges(s) if g.action(a)["id"] == "clickPrepare"), None)
            if prepare is not None:
                check(self.focused().get_attribute("data-action") == "clickPrepare",
                      "%s: focus is not on Prepare cluster upgrade but on %s" % (where, self.focused().get_attribute("outerHTML")[:100]))
                self.press(Keys.ENTER)
                self.assert_state(g, g.edges(s)[prepare], where + ", then Prepare")
                self.focus_state(where + ", focus after Prepare")
        return len(entries)

    def phone_controls(self, g):
        """At a phone width the ⋯ button and the status icon have a real size and are hit by a tap."""
        self.reset()
        self.set_mode("free")
        for sel, name in (("[data-k=dots]", "the ⋯ button"), (".wt-status > *", "the status icon")):
            res = self.js("""const el = arguments[0].querySelector(arguments[1]);
                if (!el) return 'missing';
                el.scrollIntoView({block: 'center', inline: 'nearest'});
                const b = el.getBoundingClientRect();
                if (b.width < 16 || b.height < 16) return 'too small: ' + Math.round(b.width) + 'x' + Math.round(b.height);
                const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                return hit && (el === hit || el.contains(hit)) ? '' : 'covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing');""",
                          self.widget(), sel)
            check(not res, "%d px: %s is %s" % (self.width, name, res))
        open_a = next((i for i, x in enumerate(g.d["actions"]) if x["id"] == "openMenu"), None)
        if open_a in g.edges(0):
            self.widget().find_element(By.CSS_SELECTOR, "[data-k=dots]").click()
            self.assert_state(g, g.edges(0)[open_a], "%d px: a tap on the ⋯ button" % self.width)
            self.shot("phone-menu")
        self.reset()
        self.set_mode("guided")

    def payload(self):
        """Bytes of the embedded graph plus the player's JS and CSS, for a page read from disk (None otherwise)."""
        graph, js, css = self.js("""const g = document.querySelector('div.walkthrough script.walkthrough-graph');
            const s = document.querySelector('script[src*="walkthrough.js"]'), l = document.querySelector('link[href*="walkthrough.css"]');
            return [new TextEncoder().encode(g.textContent).length, s ? s.src : '', l ? l.href : ''];""")
        files = [urllib.parse.urlsplit(u) for u in (js, css)]
        if not all(f.scheme == "file" for f in files):
            return None
        return graph + sum(pathlib.Path(urllib.parse.unquote(f.path)).stat().st_size for f in files)

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


def set_width(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900 if width < 600 else 1100, "deviceScaleFactor": 1, "mobile": False})


def test_page(driver, url, shots):
    run = Run(driver, url, shots)
    started = time.monotonic()
    report = []
    for width in WIDTHS:
        set_width(driver, width)
        run.width, run.prefix, run.n = width, "w%d-" % width, 0
        driver.get(url)
        stray = [u for u in run.requests() if not own(u, url)]  # also drains the load's requests
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
        if width == WIDTHS[0]:
            payload = run.payload()
            if payload is not None:
                check(payload < PAYLOAD_BUDGET, "the walkthrough's payload (graph + player JS + CSS) is %d bytes, over %d"
                      % (payload, PAYLOAD_BUDGET))
                report.append("payload %d bytes" % payload)
        if width == WIDTHS[-1]:
            # On a desktop the cluster row fits the frame: columns give way before it scrolls.
            widths = run.js("var s = document.querySelector('div.walkthrough .wt-scroll');"
                            "return s ? [s.scrollWidth, s.clientWidth] : null")
            check(widths is None or widths[0] <= widths[1],
                  "at %d px the cluster row scrolls (%s px wide in %s px)" % (width, widths and widths[0], widths and widths[1]))
        run.shot("initial")
        run.follow_guide(g)
        run.assert_state(g, g.d["goal"], "goal")
        check("Goal reached" in run.callout(), "goal: callout does not report the goal (%r)" % run.callout())
        run.check_contrast("goal")
        run.check_layout("goal")
        run.shot("goal")
        run.check_last_operation(g)
        goals = run.goal_states(g)
        run.reset()
        run.assert_state(g, 0, "after Reset")
        check(run.callout_is(g, 0, g.d["guide"][0]["text"]), "after Reset: callout is not the first guide entry")
        if width < 600:
            run.phone_controls(g)
        tabs = run.keyboard_guide(g)
        run.shot("keyboard-goal")
        versions = run.versions(g)
        run.keyboard(g)
        # The dark scheme (Material's palette toggle sets data-md-color-scheme on <body>): contrast at every step.
        run.js("document.body.setAttribute('data-md-color-scheme', 'slate')")
        run.reset()
        run.set_mode("guided")
        run.check_contrast("dark scheme, initial state")
        run.follow_guide(g, verify=False, contrast=True)
        run.check_contrast("dark scheme, goal")
        run.shot("dark-goal")
        report.append("%d px: %d goal states, %d versions, guide by keyboard in %d Tabs" % (width, goals, versions, tabs))
    for width in LAYOUT_WIDTHS:
        set_width(driver, width)
        run.width = width
        driver.get(url)
        run.requests()
        run.follow_guide(g, verify=False, layout=True)
        run.check_layout("goal at %d px" % width)
    report.append("callout placement at %s px" % ", ".join(map(str, LAYOUT_WIDTHS)))
    # A browser asks an HTTP server for /favicon.ico by itself; a site without one is not the player's fault.
    errors = [e for e in run.logs("browser") if e.get("level") == "SEVERE" and "/favicon.ico " not in e.get("message", "")]
    check(not errors, "console errors: %s" % errors)
    # The page's own icon (<link rel="icon">) is fetched by the browser whenever it gets to it,
    # on a busy machine after the load: the browser's request, not the player's.
    icons = set(run.js("return Array.from(document.querySelectorAll('link[rel~=\"icon\"]')).map(l => l.href)") or [])
    later = [u for u in run.requests() if not u.endswith("/favicon.ico") and u not in icons and u != url]
    check(not later, "the player made network requests while in use: %s" % later)
    return "%d guide steps; %s; %d text contrasts; %.0f s" % (len(g.d["guide"]), "; ".join(report), run.contrast_checked,
                                                             time.monotonic() - started)


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", help="page URL, HTML file, or built site folder")
    parser.add_argument("--screenshots", help="folder for one screenshot per step")
    args = parser.parse_args()
    driver = None
    try:
        urls = pages(args.target)
        driver = make_driver(1200, extra_args=("--allow-file-access-from-files",), performance_log=True)
        for n, url in enumerate(urls):
            shots = None
            if args.screenshots:
                shots = pathlib.Path(args.screenshots) / ("page%d" % n if len(urls) > 1 else "")
                shots.mkdir(parents=True, exist_ok=True)
            summary = test_page(driver, url, shots)
            print("ok   %s: %s" % (url, summary))
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
