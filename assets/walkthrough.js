/* Trellis walkthrough player. Renders the state graph that the build embeds in every
   div.walkthrough (script.walkthrough-graph, see Tests/Walkthrough/GRAPH-CONTRACT.md) and follows its edges.
   It holds no upgrade rule: every visible string, icon, menu item and refusal comes from the graph.
   Guided mode: only the guide entry's action advances (other controls stay visible but disabled),
   so the callout always matches the screen; Free mode enables every action that has an edge. */
(() => {
  "use strict";
  const TABS = ["Details", "Status", "Worker Groups", "Lifecycle", "KubeConfig"];
  const KNOWN = new Set(["openDetails", "closeDetails", "selectTab", "upgradeImage", "tick", "openMenu",
    "closeMenu", "chooseKubernetesPatch", "selectVersion", "clickUpgrade", "clickPrepare", "clickRevert",
    "confirmUpgrade", "back", "maintenanceWindow", "advanceClock", "dismissNote"]);
  const MACHINE = ["ready", "creating", "draining", "deleting"];
  const READY = ["API server", "Control plane", "Nodes", "System components", "Observability"];
  const HEALTH = ["healthy", "progressing", "error"];
  const FOCUSABLE = "button,select,a[href],[tabindex='0']";
  // Material Design Icons (Apache-2.0) paths.
  const PATHS = {
    up: "M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20m0-15-5 5h3v4h4v-4h3z",
    arrow: "M13 20h-2V8l-5.5 5.5-1.42-1.42L12 4.16l7.92 7.92-1.42 1.42L13 8z",
    ok: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8z",
    err: "M13 13h-2V7h2m0 10h-2v-2h2M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20",
    info: "M13 9h-2V7h2m0 10h-2v-6h2m-1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20",
    dots: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20M7 10.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3m5 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3m5 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3",
  };
  let players = 0;

  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "class") el.className = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const kid of kids.flat(4)) if (kid != null && kid !== false) el.append(kid);
    return el;
  };

  /// The brand's own SVGs (script.walkthrough-icons next to the graph), parsed once per player:
  /// every render clones them instead of parsing their markup again.
  const parseIcons = (json) => {
    const svgs = new Map();
    for (const [name, markup] of Object.entries(json || {})) {
      if (typeof markup !== "string") continue;
      const holder = document.createElement("template");
      holder.innerHTML = markup;
      const svg = holder.content.firstElementChild;
      if (svg && svg.localName === "svg") svgs.set(name, svg);
    }
    return svgs;
  };

  const icon = (name, label, brand) => {
    const own = brand.get(name);
    const svg = own ? own.cloneNode(true) : document.createElementNS("http://www.w3.org/2000/svg", "svg");
    if (!own) svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("class", "wt-i wt-i-" + name);
    if (label) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", label); }
    else svg.setAttribute("aria-hidden", "true");
    if (own) return svg;
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", PATHS[name]);
    svg.append(path);
    return svg;
  };

  const visible = (el) => el.getClientRects().length > 0 && !el.closest("[inert]");

  class Player {
    constructor(root, graph, icons) {
      this.root = root;
      this.g = graph;
      this.svgs = icons;
      this.id = "wt" + ++players;
      this.s = 0;
      this.screen = -1;
      this.guided = Array.isArray(graph.guide) && graph.guide.length > 0;
      this.byKey = new Map();
      this.byId = new Map();
      graph.actions.forEach((a, i) => {
        this.byKey.set(a.id + "\u0000" + (a.arg ?? ""), i);
        if (!this.byId.has(a.id)) this.byId.set(a.id, i);
      });
      this.guideAt = new Map();
      for (const entry of graph.guide || []) if (!this.guideAt.has(entry.state)) this.guideAt.set(entry.state, entry);

      this.bar = h("div", { class: "wt-bar", role: "toolbar", "aria-label": "Walkthrough controls" });
      this.noteText = h("span", { role: "alert", class: "wt-note-text" });
      this.note = h("div", { class: "wt-note", hidden: true }, this.noteText);
      this.call = h("div", { class: "wt-call", "aria-live": "polite", id: this.id + "-call" });
      this.said = h("div", { class: "wt-sr", "aria-live": "polite" });
      this.view = h("div", { class: "wt-view" });
      this.more = h("div", { class: "wt-more", role: "group", "aria-label": "More actions" });
      this.app = h("section", { class: "wt", tabindex: "-1", "aria-label": graph.panel + " walkthrough" },
        this.bar, this.note, this.view, this.more, this.call, this.said);
      root.append(this.app);
      this.app.addEventListener("click", (e) => this.onClick(e));
      this.app.addEventListener("change", (e) => this.onChange(e));
      this.app.addEventListener("keydown", (e) => this.onKey(e));
      const unhide = (e) => { const tip = e.target.closest(".wt-tipwrap")?.querySelector(".wt-tip"); if (tip) tip.hidden = false; };
      this.app.addEventListener("focusin", unhide);
      this.app.addEventListener("mouseover", unhide);
      window.addEventListener("resize", () => this.layout());
      this.render();
    }

    icon(name, label) { return icon(name, label, this.svgs); }
    t(i) { return Number.isInteger(i) && i >= 0 && i < this.g.text.length ? this.g.text[i] : ""; }
    action(id, arg) { return this.byKey.get(id + "\u0000" + (arg ?? "")) ?? this.byId.get(id) ?? -1; }

    allowed(a) {
      return this.edges.has(a) && (!this.entry || this.entry.action === a);
    }

    /// A control for action `a`: data-action/data-arg for tests, aria-disabled when it has no usable
    /// edge or `a` is -1 (an item the graph shows but never enables).
    ctl(tag, a, attrs, ...kids) {
      const el = h(tag, attrs, ...kids);
      const spec = this.g.actions[a];
      if (tag === "button") el.type = "button";
      if (!spec) { el.setAttribute("aria-disabled", "true"); return el; }
      el.dataset.action = spec.id;
      if (spec.arg != null) el.dataset.arg = spec.arg;
      el.dataset.i = a;
      if (!el.dataset.k) el.dataset.k = spec.id + "|" + (spec.arg ?? "");
      if (!this.allowed(a)) {
        if (tag === "option") el.disabled = true;
        else el.setAttribute("aria-disabled", "true");
        if (this.edges.has(a)) el.title = "Switch to Free mode to try this";
      }
      if (this.entry && this.entry.action === a) el.classList.add("wt-guided");
      this.rendered.add(a);
      return el;
    }

    go(a) {
      if (!this.allowed(a)) return;
      this.s = this.edges.get(a);
      this.render();
    }

    render() {
      const g = this.g;
      const st = g.states[this.s] || g.states[0];
      const [screen, tab, ci, di, note] = st;
      const active = document.activeElement;
      const had = this.app.contains(active);
      const key = had && active.dataset ? active.dataset.k : null;
      const prev = this.screen;
      this.screen = screen;
      this.edges = new Map();
      for (let i = 5; i + 1 < st.length; i += 2) this.edges.set(st[i], st[i + 1]);
      this.entry = this.guided ? this.guideAt.get(this.s) || null : null;
      this.rendered = new Set();
      const c = g.clusters[ci] || {};
      const d = di >= 0 ? g.dialogs[di] : null;

      this.bar.replaceChildren(...this.renderBar(c));
      this.renderNote(note);
      const list = this.renderList(c, screen);
      this.view.replaceChildren(...[h("div", { class: "wt-head" }, h("strong", {}, g.panel), " / Gardener / Shoot Clusters"),
        list, screen === 1 ? this.renderDetails(c, tab) : null, screen === 2 ? this.renderMenu(c) : null,
        this.renderNodes(c), d ? this.renderDialog(d) : null].filter(Boolean));
      list.inert = screen === 3;
      this.renderMore();
      this.renderCallout();
      // Screen readers hear the cluster's status change (an operation's progress) in either mode.
      const said = this.t(c.name) + " " + this.t(c.version) + ": " + (c.status === 1 ? this.t(c.operation) + " " + (c.progress | 0) + "%"
        : c.status === 2 ? "error " + this.t(c.operation) : "ready");
      if (this.said.textContent !== said) this.said.textContent = said;
      this.layout();
      if (had) this.restoreFocus(key, prev);
    }

    renderBar(c) {
      const mode = (name, on) => h("button", { type: "button", class: "wt-btn", "aria-pressed": on ? "true" : "false",
        "data-action": "wt-mode", "data-arg": name, "data-k": "mode|" + name }, name[0].toUpperCase() + name.slice(1));
      const sim = ["tick", "maintenanceWindow", "advanceClock"].map((id) => this.byId.get(id))
        .filter((a) => a != null).map((a) => this.ctl("button", a, { class: "wt-btn" }, this.t(this.g.actions[a].label)));
      return [
        h("span", { role: "group", "aria-label": "Mode", class: "wt-mode" }, mode("guided", this.guided), mode("free", !this.guided)),
        h("button", { type: "button", class: "wt-btn", "data-action": "wt-reset", "data-k": "reset" }, "Reset"),
        h("span", { class: "wt-clock" }, "Clock: ", h("span", { class: "wt-clock-text" }, this.t(c.clock))),
        ...sim,
      ];
    }

    renderNote(note) {
      const text = this.t(note);
      if (this.noteText.textContent !== text) this.noteText.textContent = text;
      this.note.hidden = note < 0 || !text;
      this.note.querySelector("button")?.remove();
      const a = this.byId.get("dismissNote");
      if (!this.note.hidden && a != null && this.edges.has(a)) {
        this.note.append(this.ctl("button", a, { class: "wt-btn", "aria-label": this.t(this.g.actions[a].label) || "Dismiss" }, "×"));
      }
    }

    renderList(c, screen) {
      const status = c.status === 1
        ? h("span", { class: "wt-pie", style: "--p:" + (c.progress | 0), title: this.t(c.operation) },
          h("span", { class: "wt-pct" }, (c.progress | 0) + "%"))
        : c.status === 2 ? this.icon("err", "Error") : this.icon("ok", "Ready");
      const open = screen === 1;
      const row = this.ctl("button", this.action(open ? "closeDetails" : "openDetails"),
        { class: "wt-name", "aria-expanded": String(open), "data-k": "row" }, this.t(c.name));
      const menuOpen = screen === 2;
      const dots = this.ctl("button", this.action(menuOpen ? "closeMenu" : "openMenu"),
        { class: "wt-dots", "aria-haspopup": "menu", "aria-expanded": String(menuOpen), "aria-label": "Cluster actions", "data-k": "dots" },
        this.icon("dots"));
      return h("div", { class: "wt-scroll" }, h("table", { class: "wt-list" },
        h("thead", {}, h("tr", {}, ["", "region", "name", "version", "worker groups", "readiness", "shoot domain", ""]
          .map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {},
          h("tr", { class: "wt-group" }, h("th", { colspan: 8, scope: "rowgroup" }, this.t(c.group))),
          h("tr", { class: "wt-row" + (open ? " wt-open" : "") },
            h("td", { class: "wt-status" }, status),
            h("td", {}, this.t(c.region)),
            h("td", {}, row),
            h("td", { class: "wt-version" }, this.t(c.version), c.kUp ? this.icon("up", "Kubernetes upgrade available") : null),
            h("td", { class: "wt-workers" }, this.icon("info"), " " + (c.workers | 0), c.iUp ? this.icon("up", "Machine image upgrade available") : null),
            h("td", {}, this.readiness(c)),
            h("td", { class: "wt-domain" }, this.t(c.domain)),
            h("td", {}, dots)))));
    }

    readiness(c) {
      const health = HEALTH[c.status] || HEALTH[0];
      return h("span", { class: "wt-ready wt-" + health },
        READY.map((name) => this.icon(c.status === 2 ? "err" : "ok", name + ": " + health)));
    }

    renderMenu(c) {
      const items = (c.menu || []).map(([label, a], n) => {
        const attrs = { role: "menuitem", tabindex: "-1", class: "wt-item", "data-k": "menu|" + n };
        return h("li", { role: "none" }, this.ctl("button", a, attrs, this.t(label)));
      });
      return h("ul", { class: "wt-menu", role: "menu", "aria-label": "Cluster actions" }, items);
    }

    renderDetails(c, tab) {
      const tabs = TABS.map((name, i) => {
        const a = this.action("selectTab", name);
        const spec = this.g.actions[a];
        const el = this.ctl("button", a, { role: "tab", id: this.id + "-tab" + i, "aria-selected": String(i === tab),
          "aria-controls": this.id + "-panel", tabindex: i === tab ? "0" : "-1", class: "wt-tab" },
          spec && spec.arg === name ? this.t(spec.label) || name : name);
        if (i === tab) el.removeAttribute("aria-disabled");
        return el;
      });
      const close = this.ctl("button", this.action("closeDetails"), { class: "wt-close", "aria-label": "Close details", "data-k": "close" }, "×");
      return h("div", { class: "wt-details" },
        h("div", { class: "wt-tabs" }, h("div", { role: "tablist", "aria-label": "Cluster details" }, tabs), close),
        h("div", { role: "tabpanel", id: this.id + "-panel", "aria-labelledby": this.id + "-tab" + tab, tabindex: "0", class: "wt-panel" },
          this.tabContent(c, tab)));
    }

    tabContent(c, tab) {
      const kv = (rows) => h("table", { class: "wt-kv" }, rows.map(([k, ...v]) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v))));
      const onOff = (x) => (x ? "On" : "Off");
      const p = c.pool || {};
      switch (tab) {
        case 0: return kv([["Name", this.t(c.name)], ["Region", this.t(c.region)], ["Kubernetes version", this.t(c.version)],
          ["Shoot domain", this.t(c.domain)], ["Maintenance window", this.t(c.window)],
          ["Static token kubeconfig", c.staticTokens ? "Enabled" : "Disabled"]]);
        case 1: return kv([["Status", ["Ready", "Operation running", "Error"][c.status] || ""],
          ["Last operation", c.operation >= 0 ? this.t(c.operation) : "None"],
          ["Progress", c.status === 1 ? (c.progress | 0) + "%" : "100%"], ["Readiness", this.readiness(c)]]);
        case 2: return kv([["Name:", this.t(p.name), this.upButton(p, "name")], ["Flavor :", this.t(p.flavor)],
          ["Image :", this.t(p.image), this.upButton(p, "image")], ["Autoscaler :", "Min. " + p.min + " / Max. " + p.max],
          ["Max. Surge :", String(p.surge)], ["Max. Unavailable :", String(p.unavailable)], ["Zone :", this.t(p.zone)]]);
        case 3: { const [k8s, image] = c.autoUpdate || []; return kv([["Maintenance window", this.t(c.window)],
          ["Auto-update Kubernetes patch", onOff(k8s)], ["Auto-update machine image", onOff(image)], ["Clock", this.t(c.clock)]]); }
        case 4: return [h("p", {}, "Static token kubeconfig: " + (c.staticTokens ? "enabled" : "disabled")),
          h("ul", { class: "wt-lines" }, (c.kubeconfig || []).map((x) => h("li", {}, this.t(x))))];
        default: return null;
      }
    }

    upButton(p, which) {
      const a = this.byId.get("upgradeImage");
      if (a == null || (!(p.tip >= 0) && !this.edges.has(a))) return null;
      const tip = this.id + "-tip-" + which;
      return h("span", { class: "wt-tipwrap" },
        this.ctl("button", a, { class: "wt-up", "aria-describedby": tip, "aria-label": this.t(this.g.actions[a].label) || "Upgrade",
          "data-k": "up|" + which }, this.icon("arrow")),
        h("span", { role: "tooltip", id: tip, class: "wt-tip" }, this.t(p.tip)));
    }

    renderNodes(c) {
      return h("div", { class: "wt-nodes" }, h("span", { class: "wt-label" }, "Nodes"),
        h("ul", {}, (c.machines || []).map(([name, m]) => h("li", { class: "wt-m wt-m" + m },
          this.t(name), h("span", { class: "wt-mstate" }, MACHINE[m] || "")))));
    }

    renderDialog(d) {
      const title = this.id + "-title";
      const body = [];
      if ((d.versions || []).length) {
        const opts = d.versions.map(([label, a]) => this.ctl("option", a, { value: a, selected: label === d.selected }, this.t(label)));
        if (!(d.selected >= 0)) opts.unshift(h("option", { value: "", disabled: true, selected: true }, "Select a version"));
        body.push(h("label", { class: "wt-field" }, h("span", {}, "Version"),
          h("select", { class: "wt-select", "data-k": "version" }, opts)));
      }
      if (d.step === 2) body.push(h("span", { class: "wt-spin", role: "img", "aria-label": "In progress" }));
      for (const [text, kind] of d.lines || []) {
        const s = this.t(text);
        body.push(h("p", { class: "wt-line wt-k" + kind },
          kind === 4 && /^https?:\/\//.test(s) ? h("a", { href: s, target: "_blank", rel: "noopener" }, s) : s));
      }
      const buttons = (d.buttons || []).map(([label, a, style]) => this.ctl("button", a, { class: "wt-btn wt-s" + style }, this.t(label)));
      return h("div", { class: "wt-scrim" }, h("div", { class: "wt-dialog", role: "dialog", "aria-modal": "true",
        "aria-labelledby": title, "data-step": d.step | 0 },
        h("h3", { id: title }, this.t(d.title)), h("div", { class: "wt-body" }, body), h("div", { class: "wt-foot" }, buttons)));
    }

    renderMore() {
      const extra = this.g.actions.map((spec, a) => a)
        .filter((a) => !this.rendered.has(a) && (!KNOWN.has(this.g.actions[a].id) || this.edges.has(a)));
      this.more.replaceChildren(...(extra.length ? [h("span", { class: "wt-label" }, "More actions")] : []),
        ...extra.map((a) => this.ctl("button", a, { class: "wt-btn" }, this.t(this.g.actions[a].label) || this.g.actions[a].id)));
      this.more.hidden = extra.length === 0;
    }

    renderCallout() {
      let text = "";
      if (this.s === this.g.goal) text = "Goal reached: the walkthrough is complete. Press Reset to start again.";
      else if (this.entry) text = this.t(this.entry.text);
      else if (this.guided) text = "You are off the guided path: every action is enabled. Press Reset to follow the guide again.";
      if (this.call.textContent !== text) this.call.textContent = text;
      this.call.hidden = !text;
      this.call.classList.toggle("wt-goal", this.s === this.g.goal);
    }

    /// Places what floats: the row menu under its button (outside the scrolling table so it is
    /// never clipped), room for the dialog, and the callout under the guided control.
    layout() {
      const view = this.view.getBoundingClientRect();
      const menu = this.view.querySelector(".wt-menu");
      const dots = this.view.querySelector("[data-k=dots]");
      if (menu && dots) {
        const r = dots.getBoundingClientRect();
        menu.style.top = r.bottom - view.top + "px";
        menu.style.right = Math.max(0, view.right - r.right) + "px";
      }
      const dialog = this.view.querySelector(".wt-dialog");
      const room = dialog ? dialog.offsetHeight + 32 : menu ? menu.offsetTop + menu.offsetHeight + 12 : 0;
      this.view.style.minHeight = room ? room + "px" : "";
      let el = this.app.querySelector(".wt-guided");
      if (el && el.tagName === "OPTION") el = el.closest("select");
      this.call.classList.toggle("wt-float", !!el);
      if (!el || this.call.hidden || !visible(el)) { this.call.style.top = this.call.style.left = ""; return; }
      const box = this.app.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const width = this.call.offsetWidth;
      const list = el.closest(".wt-menu");
      // Beside an open menu rather than below its item, so the other items stay readable.
      const left = list ? list.getBoundingClientRect().left - box.left - width - 10 : r.left - box.left;
      this.call.style.top = (list ? r.top : r.bottom + 10) - box.top + "px";
      this.call.style.left = Math.max(0, Math.min(left, box.width - width)) + "px";
    }

    restoreFocus(key, prev) {
      const dialog = this.app.querySelector(".wt-dialog");
      let target = null;
      if (dialog && prev !== 3) target = [...dialog.querySelectorAll(FOCUSABLE)].find((x) => !x.hasAttribute("aria-disabled")) || dialog;
      else if (this.screen === 2 && prev !== 2) {
        const items = [...this.app.querySelectorAll("[role=menuitem]")];
        target = items.find((x) => !x.hasAttribute("aria-disabled")) || items[0];
      } else if (key) target = this.app.querySelector(`[data-k="${CSS.escape(key)}"]`);
      if (!target && (prev === 2 || prev === 3)) target = this.app.querySelector("[data-k=dots]");
      if (dialog && target === dialog) dialog.tabIndex = -1;
      (target && visible(target) ? target : this.app).focus();
    }

    onClick(e) {
      const el = e.target.closest("[data-action]");
      if (!el || el.tagName === "OPTION" || el.getAttribute("aria-disabled") === "true") return;
      if (el.dataset.action === "wt-mode") { this.guided = el.dataset.arg === "guided"; this.render(); return; }
      if (el.dataset.action === "wt-reset") { this.s = 0; this.render(); return; }
      if (el.dataset.i != null) this.go(Number(el.dataset.i));
    }

    onChange(e) {
      const opt = e.target.tagName === "SELECT" ? e.target.selectedOptions[0] : null;
      if (opt && opt.dataset.i != null) this.go(Number(opt.dataset.i));
    }

    onKey(e) {
      const el = e.target;
      const role = el.getAttribute && el.getAttribute("role");
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      if ((role === "tab" || role === "menuitem") && (step || e.key === "Home" || e.key === "End")) {
        if (role === "tab" && (e.key === "ArrowUp" || e.key === "ArrowDown")) return;
        const all = [...el.closest(role === "tab" ? "[role=tablist]" : "[role=menu]").querySelectorAll("[role=" + role + "]")];
        const i = all.indexOf(el);
        const next = e.key === "Home" ? 0 : e.key === "End" ? all.length - 1 : (i + step + all.length) % all.length;
        all.forEach((x, n) => { x.tabIndex = n === next ? 0 : -1; });
        all[next].focus();
        e.preventDefault();
      } else if (e.key === "Escape" && el.classList.contains("wt-up")) {
        document.getElementById(el.getAttribute("aria-describedby")).hidden = true;
      } else if (e.key === "Escape" && (this.screen === 2 || this.screen === 3)) {
        this.go(this.action(this.screen === 2 ? "closeMenu" : "back"));
        e.preventDefault();
      } else if (e.key === "Tab" && this.screen === 3) {
        // The dialog is modal inside the panel; the toolbar stays reachable so Reset and the
        // simulated clock work while a dialog is open (e.g. ticking a "preparing" step).
        const ring = [...this.bar.querySelectorAll(FOCUSABLE), ...this.note.querySelectorAll(FOCUSABLE),
          ...this.app.querySelector(".wt-dialog").querySelectorAll(FOCUSABLE), ...this.more.querySelectorAll(FOCUSABLE)].filter(visible);
        if (!ring.length) return;
        const i = ring.indexOf(document.activeElement);
        ring[(i + (e.shiftKey ? -1 : 1) + ring.length) % ring.length].focus();
        e.preventDefault();
      }
    }
  }

  const start = () => {
    document.querySelectorAll("div.walkthrough").forEach((root) => {
      if (root.dataset.wtReady) return;
      root.dataset.wtReady = "1";
      const script = root.querySelector("script.walkthrough-graph");
      const icons = root.querySelector("script.walkthrough-icons");
      try {
        const svgs = parseIcons(icons ? JSON.parse(icons.textContent) : null);
        const graph = JSON.parse(script ? script.textContent : "");
        if (graph.format !== 1 || !Array.isArray(graph.states) || !graph.states.length) throw new Error("unsupported graph format");
        new Player(root, graph, svgs);
      } catch (err) {
        root.append(h("p", { class: "wt-error", role: "alert" }, "This walkthrough could not be loaded (" + err.message + ")."));
        console.error("walkthrough:", err);
      }
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
