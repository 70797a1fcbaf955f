/* Trellis walkthrough player. Renders the state graph that the build embeds in every
   div.walkthrough (script.walkthrough-graph, see Tests/Walkthrough/GRAPH-CONTRACT.md) and follows its edges.
   It holds no upgrade rule: every visible string, icon, menu item and refusal comes from the graph.
   Guided mode: only the guide entry's action advances (other controls stay visible but disabled),
   so the callout always matches the screen; Free mode enables every action that has an edge. */
(() => {
  "use strict";
  const TABS = ["Details", "Status", "Worker Groups", "Lifecycle", "KubeConfig", "Monitoring"];
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
  const leadingVersion = (s) => (/^\s*v?(\d+(?:\.\d+)+)/.exec(s || "") || [])[1] || "";

  // Colour arithmetic for the contrast tuning (WCAG 2 relative luminance). Any CSS colour the
  // browser computes (rgb(), color(srgb …), oklch(), color-mix()) is read back through a 1×1 canvas.
  let paint = null;
  const parseColor = (css) => {
    if (!paint) paint = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!paint) return [0, 0, 0, 1];
    paint.canvas.width = paint.canvas.height = 1;
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = "#000";
    paint.fillStyle = css;
    paint.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const mix = (a, b, t) => [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t);
  const over = (top, under) => { const a = top[3] ?? 1; return [...mix(under, top, a), 1]; };
  /// The colour actually behind an element: its and its ancestors' backgrounds blended down to the
  /// canvas (white when the page sets none).
  const effectiveBackground = (el) => {
    const layers = [];
    for (let x = el; x && x.nodeType === 1; x = x.parentElement) {
      const c = parseColor(getComputedStyle(x).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reduceRight((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  /// The least change of `c` toward `toward` that gives text `on` a contrast of `min` on it.
  const shadeFor = (c, on, min, toward) => {
    for (let t = 0; t <= 1.0001; t += 0.02) { const x = mix(c, toward, t); if (contrast(x, on) >= min) return x; }
    return toward;
  };
  /// The least change of text colour `c` toward `toward` that reads at `min` on background `bg`.
  const shadeOn = (c, bg, min, toward) => {
    const solid = over(c, bg);
    for (let t = 0; t <= 1.0001; t += 0.02) { const x = mix(solid, toward, t); if (contrast(x, bg) >= min) return x; }
    return toward;
  };

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
      this.collapsed = new Set();
      this.goals = Array.isArray(graph.goalStates) ? new Set(graph.goalStates) : null;
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
      const unhide = (e) => {
        const tip = e.target.closest(".wt-tipwrap")?.querySelector(".wt-tip");
        // A tooltip coming into view is something the callout must not cover either.
        if (tip) { tip.hidden = false; this.placeTip(tip); this.layout(); }
      };
      this.app.addEventListener("focusin", unhide);
      this.app.addEventListener("mouseover", unhide);
      window.addEventListener("resize", () => this.layout());
      // A palette switch (Material's toggle sets data-md-color-* on <body>) or the system's scheme
      // changes the colours the contrast tuning started from.
      const retune = () => { this.tuned = ""; this.tune(); };
      new MutationObserver(retune).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"] });
      window.matchMedia?.("(prefers-color-scheme: dark)")?.addEventListener?.("change", retune);
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
      if (!spec) { this.disable(el); return el; }
      el.dataset.action = spec.id;
      if (spec.arg != null) el.dataset.arg = spec.arg;
      el.dataset.i = a;
      if (!el.dataset.k) el.dataset.k = spec.id + "|" + (spec.arg ?? "");
      if (!this.allowed(a)) {
        if (tag === "option") el.disabled = true;
        else this.disable(el);
        if (this.edges.has(a)) el.title = "Switch to Free mode to try this";
      }
      if (this.entry && this.entry.action === a) el.classList.add("wt-guided");
      this.rendered.add(a);
      return el;
    }

    /// Shown but not usable: aria-disabled (screen readers still find it) and out of the Tab order,
    /// so keyboard focus only ever lands on a control that does something.
    disable(el) {
      el.setAttribute("aria-disabled", "true");
      el.tabIndex = -1;
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
      // The menu opened on a details tab is drawn over it: the tab stays shown, as in the real panel,
      // but only the menu is usable until it closes (back to that tab).
      const details = screen === 1 || (screen === 2 && tab >= 0) ? this.renderDetails(c, tab) : null;
      if (details) details.inert = screen === 2;
      this.view.replaceChildren(...[h("div", { class: "wt-head" }, h("strong", {}, g.panel), " / Gardener / Shoot Clusters"),
        list, details, screen === 2 ? this.renderMenu(c) : null,
        this.renderNodes(c), d ? this.renderDialog(d) : null].filter(Boolean));
      list.inert = screen === 3;
      this.renderMore();
      this.renderCallout();
      // Screen readers hear the cluster's status change (an operation's progress) in either mode.
      const said = this.t(c.name) + " " + this.t(c.version) + ": " + (c.status === 1 ? this.t(c.operation) + " " + (c.progress | 0) + "%"
        : c.status === 2 ? "error " + this.t(c.operation) : "ready");
      if (this.said.textContent !== said) this.said.textContent = said;
      this.tune();
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
        h("thead", {}, h("tr", {}, ["", "region", "id", "name", "version", "worker groups", "readiness", "shoot domain", ""]
          .map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {},
          h("tr", { class: "wt-group" }, h("th", { colspan: 9, scope: "rowgroup" }, this.t(c.group))),
          h("tr", { class: "wt-row" + (open ? " wt-open" : "") },
            h("td", { class: "wt-status" }, status),
            h("td", {}, this.t(c.region)),
            h("td", { class: "wt-id", title: this.t(c.id) || null }, this.t(c.id)),
            h("td", {}, row),
            h("td", { class: "wt-version" }, this.t(c.version), c.kUp ? this.icon("up", "Kubernetes upgrade available") : null),
            h("td", { class: "wt-workers" }, this.icon("info"), " " + (c.workers | 0), c.iUp ? this.icon("up", "Machine image upgrade available") : null),
            h("td", {}, this.readiness(c)),
            h("td", { class: "wt-domain", title: this.t(c.domain) || null }, this.t(c.domain)),
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
      const hint = this.id + "-tabhint";
      const tabs = TABS.map((name, i) => {
        const a = this.action("selectTab", name);
        const spec = this.g.actions[a];
        const el = this.ctl("button", a, { role: "tab", id: this.id + "-tab" + i, "aria-selected": String(i === tab),
          "aria-controls": this.id + "-panel", class: "wt-tab", "aria-describedby": hint },
          spec && spec.arg === name ? this.t(spec.label) || name : name);
        if (i === tab) el.removeAttribute("aria-disabled");
        return el;
      });
      // Roving tabindex: one Tab stop in the tablist (the guided tab when the guide points at one, else
      // the selected tab); the arrow keys, Home and End move between the usable tabs.
      const stop = tabs.find((x) => x.classList.contains("wt-guided")) || tabs[tab] ||
        tabs.find((x) => !x.hasAttribute("aria-disabled"));
      tabs.forEach((x) => { x.tabIndex = x === stop ? 0 : -1; });
      const close = this.ctl("button", this.action("closeDetails"), { class: "wt-close", "aria-label": "Close details", "data-k": "close" }, "×");
      return h("div", { class: "wt-details" },
        h("div", { class: "wt-tabs" }, h("div", { role: "tablist", "aria-label": "Cluster details" }, tabs), close),
        h("p", { class: "wt-hint", id: hint }, "Tabs: use the \u2190 \u2192 arrow keys, then Enter."),
        h("div", { role: "tabpanel", id: this.id + "-panel", "aria-labelledby": this.id + "-tab" + tab, class: "wt-panel" },
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
          ["Last operation", this.lastOperation(c)],
          ["Progress", c.status === 1 ? (c.progress | 0) + "%" : "100%"], ["Readiness", this.readiness(c)]]);
        case 2: return kv([["Name:", this.t(p.name), this.upButton(p, "name")], ["Flavor :", this.t(p.flavor)],
          ["Image :", this.t(p.image), this.upButton(p, "image")], ["Autoscaler :", "Min. " + p.min + " / Max. " + p.max],
          ["Max. Surge :", String(p.surge)], ["Max. Unavailable :", String(p.unavailable)], ["Zone :", this.t(p.zone)]]);
        case 3: { const [k8s, image] = c.autoUpdate || []; return kv([["Maintenance window", this.t(c.window)],
          ["Auto-update Kubernetes patch", onOff(k8s)], ["Auto-update machine image", onOff(image)], ["Clock", this.t(c.clock)]]); }
        case 4: return [h("p", {}, "Static token kubeconfig: " + (c.staticTokens ? "enabled" : "disabled")),
          h("ul", { class: "wt-lines" }, (c.kubeconfig || []).map((x) => h("li", {}, this.t(x))))];
        // The real panel's two dashboards; opening one (a sign-in pop-up, then the dashboard) is
        // outside the upgrade this walkthrough simulates.
        case 5: return [kv([["Prometheus", "Metrics and alerts of the cluster's control plane and nodes"],
          ["Plutono", "Dashboards of the nodes and workloads, for example during a node roll"],
          ["Sign-in", "User admin, with the cluster's generated password"]]),
          h("p", { class: "wt-hint" }, "Opening a dashboard is not part of this simulation.")];
        default: return null;
      }
    }

    /// The Status tab's "Last operation": the graph's own value (`last`, e.g. "Reconcile: Succeeded
    /// (Kubernetes upgraded to 1.27.8)"); an older graph without it shows the running operation.
    lastOperation(c) {
      if (Number.isInteger(c.last) && c.last >= 0 && this.t(c.last)) return this.t(c.last);
      return c.operation >= 0 ? this.t(c.operation) : "None";
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
        const chosen = this.selectedVersion(d);
        const opts = d.versions.map((entry) => {
          const version = this.versionOf(entry);
          return this.ctl("option", entry[1], { value: version, "data-version": version, selected: chosen != null && version === chosen },
            this.t(entry[0]) || version);
        });
        // Nothing selected (or a selection no option carries): the placeholder shows, never a
        // stale or neighbouring option, and every offered version can be picked from it.
        if (!opts.some((o) => o.selected)) opts.unshift(h("option", { value: "", disabled: true, selected: true }, "Select a version"));
        const select = h("select", { class: "wt-select", "data-k": "version" }, opts);
        if (!opts.some((o) => o.dataset.i != null && !o.disabled)) select.disabled = true;
        body.push(h("label", { class: "wt-field" }, h("span", {}, "Version"), select));
      }
      if (d.step === 2) body.push(h("span", { class: "wt-spin", role: "img", "aria-label": "In progress" }));
      // Kind 5 is the heading of a collapsible section ("Upgrade Notes") holding the lines after it,
      // up to the next heading; open by default, as the real panel shows it.
      let into = body, n = 0;
      for (const [text, kind] of d.lines || []) {
        const s = this.t(text);
        if (kind === 5) {
          const id = this.id + "-sect" + n, key = "sect|" + s, open = !this.collapsed.has(s);
          const content = h("div", { class: "wt-sect-body", id, hidden: !open });
          const toggle = h("button", { type: "button", class: "wt-sect-btn", "aria-expanded": String(open), "aria-controls": id,
            "data-action": "wt-sect", "data-arg": s, "data-k": key }, h("span", { class: "wt-chev", "aria-hidden": "true" }), s);
          body.push(h("div", { class: "wt-sect" }, h("h4", { class: "wt-sect-head" }, toggle), content));
          into = content;
          n++;
          continue;
        }
        if (into === body) body.push(this.line(s, kind)); else into.append(this.line(s, kind));
      }
      const buttons = (d.buttons || []).map(([label, a, style]) => this.ctl("button", a, { class: "wt-btn wt-s" + style }, this.t(label)));
      return h("div", { class: "wt-scrim" }, h("div", { class: "wt-dialog", role: "dialog", "aria-modal": "true",
        "aria-labelledby": title, "data-step": d.step | 0 },
        h("h3", { id: title }, this.t(d.title)), h("div", { class: "wt-body" }, body), h("div", { class: "wt-foot" }, buttons)));
    }

    line(s, kind) {
      return h("p", { class: "wt-line wt-k" + kind },
        kind === 4 && /^https?:\/\//.test(s) ? h("a", { href: s, target: "_blank", rel: "noopener" }, s) : s);
    }

    /// Opens or closes a dialog section in place (no re-render: focus stays on its button); which
    /// sections are closed is remembered while the reader goes on.
    toggleSection(btn) {
      const open = btn.getAttribute("aria-expanded") !== "true";
      btn.setAttribute("aria-expanded", String(open));
      const body = document.getElementById(btn.getAttribute("aria-controls"));
      if (body) body.hidden = !open;
      if (open) this.collapsed.delete(btn.dataset.arg); else this.collapsed.add(btn.dataset.arg);
      this.layout();
    }

    /// The version an option stands for: the entry's own value when the graph gives one (a third
    /// element, a string or a text index), else its selectVersion action's argument, else the
    /// version number its label starts with ("1.28.5 (preview)" is 1.28.5).
    versionOf(entry) {
      const own = entry[2];
      if (typeof own === "string" && own) return own;
      if (Number.isInteger(own) && own >= 0 && this.t(own)) return this.t(own);
      const spec = this.g.actions[entry[1]];
      if (spec && spec.id === "selectVersion" && spec.arg != null && spec.arg !== "") return String(spec.arg);
      return leadingVersion(this.t(entry[0])) || this.t(entry[0]);
    }

    /// The dialog's selected version (d.selected is its text, or a label such as "1.27.8 (default)");
    /// null when nothing is selected.
    selectedVersion(d) {
      if (!(d.selected >= 0)) return null;
      const text = this.t(d.selected);
      const versions = (d.versions || []).map((e) => this.versionOf(e));
      if (versions.includes(text)) return text;
      const byLabel = (d.versions || []).findIndex((e) => this.t(e[0]) === text);
      if (byLabel >= 0) return versions[byLabel];
      return leadingVersion(text) || text;
    }

    renderMore() {
      const extra = this.g.actions.map((spec, a) => a)
        .filter((a) => !this.rendered.has(a) && (!KNOWN.has(this.g.actions[a].id) || this.edges.has(a)));
      this.more.replaceChildren(...(extra.length ? [h("span", { class: "wt-label" }, "More actions")] : []),
        ...extra.map((a) => this.ctl("button", a, { class: "wt-btn" }, this.t(this.g.actions[a].label) || this.g.actions[a].id)));
      this.more.hidden = extra.length === 0;
    }

    renderCallout() {
      // Once the guide reached its goal, looking around afterwards (opening the row to check the
      // result) is not leaving the guided path.
      // The graph lists every state that counts as the goal (goalStates: the goal's cluster seen from
      // any tab or the menu); an older graph only names the goal, and then, once the guide reached
      // it, looking around afterwards (opening the row to check the result) is not leaving the path.
      if (this.guided && this.s === this.g.goal) this.done = true;
      const goal = this.goals ? this.goals.has(this.s) : this.s === this.g.goal || (this.guided && this.done && !this.entry);
      let mark = goal ? "Goal reached" : "", text = "";
      // A goal state the guide still passes (the page's "verify the upgrade" steps): the goal is
      // reported and the guide's next step shown with it.
      if (this.entry) text = this.t(this.entry.text);
      else if (this.s === this.g.goal) text = "the walkthrough is complete. Press Reset to start again.";
      else if (goal) text = "look around freely, or press Reset to start again.";
      else if (this.guided) text = "You are off the guided path: every action is enabled. Press Reset to follow the guide again.";
      const key = mark + "\u0000" + text;
      if (this.callKey !== key) {
        this.callKey = key;
        this.call.replaceChildren(...(mark ? [h("strong", { class: "wt-goalmark" }, mark + (this.entry ? ". " : ": "))] : []), text);
      }
      this.call.hidden = !text && !mark;
      this.call.classList.toggle("wt-goal", goal);
    }

    /// Places what floats: the row menu under its button (outside the scrolling table so it is
    /// never clipped), room for the dialog and the menu, and the callout next to what its step is
    /// about without covering it.
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
      let el = this.app.querySelector(".wt-guided");
      if (el && el.tagName === "OPTION") el = el.closest("select");
      const floating = !!el && !this.call.hidden && visible(el);
      this.call.classList.toggle("wt-float", floating);
      // Room below an open dialog or menu for the callout, so it can sit under it inside the frame.
      const callRoom = floating && (dialog || menu) ? this.call.offsetHeight + 16 : 0;
      const room = dialog ? dialog.offsetTop + dialog.offsetHeight + 16 + (dialog.closest(".wt-scrim")?.offsetTop || 0) + callRoom
        : menu ? menu.offsetTop + menu.offsetHeight + 12 + callRoom : 0;
      this.view.style.minHeight = room ? room + "px" : "";
      this.call.style.top = this.call.style.left = "";
      if (!floating) return;
      const avoid = this.targets(el).map((r) => this.rel(r));
      const box = this.app.getBoundingClientRect();
      const W = box.width, H = box.height, w = this.call.offsetWidth, hgt = this.call.offsetHeight, gap = 8;
      const u = avoid.reduce((a, r) => ({ left: Math.min(a.left, r.left), top: Math.min(a.top, r.top),
        right: Math.max(a.right, r.right), bottom: Math.max(a.bottom, r.bottom) }));
      const clampX = (x) => Math.max(0, Math.min(x, W - w));
      const clampY = (y) => Math.max(0, Math.min(y, H - hgt));
      const below = { left: clampX(u.left), top: u.bottom + gap };
      const above = { left: clampX(u.left), top: u.top - hgt - gap };
      const right = { left: u.right + gap, top: clampY(u.top) };
      const left = { left: u.left - w - gap, top: clampY(u.top) };
      const order = menu && el.closest(".wt-menu") ? [left, right, below, above] : [below, above, right, left];
      const fits = (p) => p.left >= 0 && p.top >= 0 && p.left + w <= W + 0.5 && p.top + hgt <= H + 0.5 &&
        avoid.every((r) => p.left + w + 2 <= r.left || p.left - 2 >= r.right || p.top + hgt + 2 <= r.top || p.top - 2 >= r.bottom);
      const spot = order.find(fits);
      if (!spot) { this.call.classList.remove("wt-float"); return; } // docked under the panel, in the flow
      this.call.style.left = spot.left + "px";
      this.call.style.top = spot.top + "px";
    }

    /// What the guided step is about, in page coordinates: every guided control, its table row and
    /// its tooltip (measured where it shows), the open menu or dialog it sits in, and for a wait
    /// step the status cell whose progress it describes.
    targets(el) {
      const rects = [];
      const add = (x) => { if (x && visible(x)) rects.push(x.getBoundingClientRect()); };
      const guided = [...this.app.querySelectorAll(".wt-guided")].map((x) => (x.tagName === "OPTION" ? x.closest("select") : x));
      for (const x of new Set([el, ...guided])) {
        if (!x || !visible(x)) continue;
        add(x);
        add(x.closest(".wt-dialog"));
        add(x.closest(".wt-menu"));
        if (x.closest(".wt-kv")) add(x.closest("tr"));
        const tip = x.closest(".wt-tipwrap")?.querySelector(".wt-tip");
        if (tip && tip.textContent) {
          const shown = tip.hidden;
          tip.hidden = false;
          tip.classList.add("wt-measure");
          this.placeTip(tip);
          add(tip);
          tip.classList.remove("wt-measure");
          tip.hidden = shown;
        }
        if (x.dataset.action === "tick") add(this.view.querySelector(".wt-status"));
      }
      for (const tip of this.app.querySelectorAll(".wt-tip")) if (!tip.hidden && tip.checkVisibility?.()) add(tip);
      return rects;
    }

    rel(r) {
      const box = this.app.getBoundingClientRect();
      return { left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top };
    }

    /// Keeps a tooltip inside the walkthrough's frame and the window: it wraps when the frame is
    /// narrow and shifts sideways rather than running off an edge.
    placeTip(tip) {
      tip.style.removeProperty("--wt-shift");
      const r = tip.getBoundingClientRect();
      if (!r.width) return;
      const box = this.app.getBoundingClientRect();
      const lo = Math.max(box.left, 0) + 4, hi = Math.min(box.right, document.documentElement.clientWidth) - 4;
      const shift = r.left < lo ? lo - r.left : r.right > hi ? Math.max(lo - r.left, hi - r.right) : 0;
      if (shift) tip.style.setProperty("--wt-shift", shift + "px");
    }

    /// WCAG AA for every text whatever the brand's colours and the scheme: the filled surfaces
    /// (callout, coloured buttons, goal banner, pressed mode button) get a shade of their colour
    /// that white text reads on at ≥ 4.5:1, and coloured text (success, error, muted, links) a
    /// shade that reads on the panel's actual background. Recomputed only when the inputs change.
    tune() {
      const probe = this.probe || (this.probe = h("span", { class: "wt-probe", "aria-hidden": "true" }));
      if (!probe.isConnected) this.app.append(probe);
      const names = ["--wt-accent", "--wt-ok", "--wt-blue", "--wt-bad", "--wt-primary", "--wt-muted", "--wt-fg", "--wt-warn"];
      const raw = names.map((n) => { probe.style.color = `var(${n})`; return getComputedStyle(probe).color; });
      const bg = effectiveBackground(this.view);
      const key = raw.join(";") + "|" + bg.join(",");
      if (key === this.tuned) return;
      this.tuned = key;
      const [accent, ok, blue, bad, primary, muted, fg] = raw.map(parseColor);
      const white = [255, 255, 255];
      const set = (name, rgb) => this.app.style.setProperty(name, `rgb(${rgb.map(Math.round).join(" ")})`);
      const fill = (c) => shadeFor(c, white, 4.8, [0, 0, 0]);
      set("--wt-call-bg", fill(accent));
      set("--wt-ok-bg", fill(ok));
      set("--wt-blue-bg", fill(blue));
      set("--wt-bad-bg", fill(bad));
      set("--wt-primary-bg", fill(primary));
      const dark = luminance(bg) < 0.18;
      const toward = dark ? [255, 255, 255] : [0, 0, 0];
      // Panel surfaces differ a little from the panel (subtle rows, tabs): aim above 4.5 for them.
      const text = (c) => shadeOn(c, bg, 5.2, toward);
      set("--wt-ok-text", text(ok));
      set("--wt-bad-text", text(bad));
      set("--wt-muted-text", text(muted));
      set("--wt-accent-text", text(accent));
      set("--wt-fg-text", text(fg));
    }

    /// After a render that had focus inside the player: the same control if it is still there and
    /// usable; else the next meaningful usable control (the guided one, the dialog's primary button,
    /// the first usable menu item, the ⋯ button after a menu or dialog closes, the clock); never the
    /// container, never a control that just became disabled.
    restoreFocus(key, prev) {
      const usable = (x) => x && visible(x) && !x.disabled && x.getAttribute("aria-disabled") !== "true";
      const dialog = this.app.querySelector(".wt-dialog");
      const menu = this.app.querySelector(".wt-menu");
      const guided = () => {
        let el = this.app.querySelector(".wt-guided");
        if (el && el.tagName === "OPTION") el = el.closest("select");
        return el;
      };
      const inDialog = () => {
        if (!dialog) return null;
        const buttons = [...dialog.querySelectorAll(".wt-foot button")].filter(usable);
        const select = dialog.querySelector("select");
        if (usable(select) && !(select.value)) return select;
        return buttons.filter((b) => !b.matches(".wt-s0")).pop() || (usable(select) ? select : null) ||
          buttons[0] || [...dialog.querySelectorAll(FOCUSABLE)].find(usable);
      };
      const inMenu = () => menu && [...menu.querySelectorAll("[role=menuitem]")].find(usable);
      const same = key ? this.app.querySelector(`[data-k="${CSS.escape(key)}"]`) : null;
      const tick = this.byId.has("tick") ? this.bar.querySelector(`[data-action="tick"]`) : null;
      const candidates = [
        () => (dialog && prev !== 3) || (menu && prev !== 2) ? guided() : null,
        () => (dialog && prev !== 3 ? inDialog() : null),
        () => (menu && prev !== 2 ? inMenu() : null),
        () => same,
        guided,
        inDialog,
        inMenu,
        () => (prev === 2 || prev === 3 ? this.app.querySelector("[data-k=dots]") : null),
        () => tick,
        () => this.app.querySelector("[data-k=row]"),
        () => [...this.app.querySelectorAll(FOCUSABLE)].find((x) => usable(x) && x.tabIndex >= 0),
      ];
      for (const pick of candidates) {
        const el = pick();
        if (usable(el)) { el.focus(); return; }
      }
    }

    onClick(e) {
      const el = e.target.closest("[data-action]");
      if (!el || el.tagName === "OPTION" || el.getAttribute("aria-disabled") === "true") return;
      if (el.dataset.action === "wt-mode") { this.guided = el.dataset.arg === "guided"; this.done = false; this.render(); return; }
      if (el.dataset.action === "wt-sect") { this.toggleSection(el); return; }
      if (el.dataset.action === "wt-reset") { this.s = 0; this.done = false; this.collapsed.clear(); this.render(); return; }
      if (el.dataset.i != null) this.go(Number(el.dataset.i));
    }

    onChange(e) {
      if (e.target.tagName !== "SELECT") return;
      const opt = e.target.selectedOptions[0];
      const a = opt && opt.dataset.i != null ? Number(opt.dataset.i) : -1;
      if (a >= 0 && this.allowed(a)) this.go(a);
      else this.render(); // the drop-down shows the state's selection again, not the refused choice
    }

    onKey(e) {
      const el = e.target;
      const role = el.getAttribute && el.getAttribute("role");
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      if ((role === "tab" || role === "menuitem") && (step || e.key === "Home" || e.key === "End")) {
        if (role === "tab" && (e.key === "ArrowUp" || e.key === "ArrowDown")) return;
        const all = [...el.closest(role === "tab" ? "[role=tablist]" : "[role=menu]").querySelectorAll("[role=" + role + "]")]
          .filter((x) => x === el || x.getAttribute("aria-disabled") !== "true");
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

  // What the graph shares rather than repeats (GRAPH-CONTRACT.md), written out once on load so the
  // player reads c.pool, c.menu and every state's edges directly. A cluster's pool and menu are
  // indices into "pools" and "menus" (an older graph has them inline). In a tab group each state's
  // edges to the group's other tabs are implied: they are appended to its row.
  const shared = (graph) => {
    const pick = (table, x) => (typeof x === "number" ? (Array.isArray(table) ? table[x] : undefined) : x);
    for (const c of graph.clusters || []) {
      c.pool = pick(graph.pools, c.pool);
      c.menu = pick(graph.menus, c.menu);
    }
    const tabAction = TABS.map((name) => graph.actions.findIndex((a) => a.id === "selectTab" && a.arg === name));
    for (const group of Array.isArray(graph.tabGroups) ? graph.tabGroups : []) {
      if (!Array.isArray(group)) continue;
      group.forEach((s, i) => {
        const row = graph.states[s];
        if (!Array.isArray(row)) return;
        group.forEach((to, j) => { if (j !== i && to >= 0 && tabAction[j] >= 0) row.push(tabAction[j], to); });
      });
    }
    return graph;
  };

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
        new Player(root, shared(graph), svgs);
      } catch (err) {
        root.append(h("p", { class: "wt-error", role: "alert" }, "This walkthrough could not be loaded (" + err.message + ")."));
        console.error("walkthrough:", err);
      }
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
