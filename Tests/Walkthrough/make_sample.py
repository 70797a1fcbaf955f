#!/usr/bin/env python3
"""Writes sample-graph.json and sample.html: a small hand-written walkthrough graph (GRAPH-CONTRACT.md)
for developing the player before the Swift model's real graph exists. Every screen, tab, dialog step,
machine state, cluster status and contract field appears at least once. Run from anywhere."""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
text, text_index = [], {}


def T(s):
    if s not in text_index:
        text_index[s] = len(text)
        text.append(s)
    return text_index[s]


ACTIONS = [("openDetails", "View details", None), ("closeDetails", "Close details", None)]
TABS = ["Details", "Status", "Worker Groups", "Lifecycle", "KubeConfig", "Monitoring"]
ACTIONS += [("selectTab", tab, tab) for tab in TABS]
ACTIONS += [("upgradeImage", "Upgrade worker image", None), ("tick", "Wait a few minutes", None),
            ("openMenu", "Open cluster menu", None), ("closeMenu", "Close menu", None),
            ("chooseKubernetesPatch", "Kubernetes Patch Available", None), ("selectVersion", "1.27.8", "1.27.8"),
            ("selectVersion", "1.28.5", "1.28.5"),
            ("clickUpgrade", "Upgrade", None), ("clickPrepare", "Prepare cluster upgrade", None),
            ("clickRevert", "Revert preparations", None), ("confirmUpgrade", "Upgrade", None), ("back", "Back", None),
            ("maintenanceWindow", "Run maintenance window", None), ("advanceClock", "Advance clock", None),
            ("dismissNote", "Dismiss", None), ("triggerReconcile", "Trigger Reconcile", None)]
actions = []
A = {}
for ident, label, arg in ACTIONS:
    A[(ident, arg) if arg else ident] = len(actions)
    actions.append({"id": ident, "label": T(label), **({"arg": arg} if arg else {})})

MENU_KEYS = ["View details", "Modify Cluster", "Show Kubeconfig", "Kubernetes Patch Available",
             "Trigger Maintenance", "Trigger Reconcile", "Hibernate Cluster", "Delete Cluster"]


clusters, dialogs, pools, menus, states, names = [], [], [], [], [], {}


def cluster(version="1.26.12", image="1312.0.0", tokens=1, status=0, progress=0, operation=None,
            machines=None, k_up=1, i_up=1, clock="Before 1.26 expires (2026-12-01)", last=None):
    menu = {"View details": A["openDetails"], "Trigger Maintenance": A["maintenanceWindow"],
            "Trigger Reconcile": A["triggerReconcile"]}
    if k_up:
        menu["Kubernetes Patch Available"] = A["chooseKubernetesPatch"]
    nodes = machines or [("shoot-worker-a1", 0), ("shoot-worker-a2", 0), ("shoot-worker-a3", 0)]
    return {
        "name": T("inuvik"), "region": T("kna1"), "group": T("Karlskrona / Sweden (1:1)"),
        "domain": T("inuvik.p43597.k8s.example.cloud"), "version": T(version), "kUp": k_up, "workers": 1,
        "iUp": i_up, "status": status, "progress": progress, "operation": T(operation) if operation else -1,
        "pool": intern(pools, {"name": T("nwtcan"), "flavor": T("b.2c4gb"), "image": T("gardenlinux " + image), "min": 3, "max": 5,
                 "surge": 1, "unavailable": 0, "zone": T("nova"),
                 "tip": T("Upgrade Worker image from: 1312.0.0 to 1312.1.0") if i_up else -1}),
        "machines": [[T(n), m] for n, m in nodes], "staticTokens": tokens,
        "kubeconfig": [T("Certificate-based kubeconfig (expires after 24 h)")]
                      + ([T("Static token kubeconfig (no expiry)")] if tokens else []),
        "clock": T(clock), "autoUpdate": [0, 1], "window": T("22:00–23:00 UTC"),
        "menu": intern(menus, [[T(k), menu.get(k, -1)] for k in MENU_KEYS if k != "Kubernetes Patch Available" or k_up]),
        "id": T("d2e51a2d-7c3b-4f0e-9a61-5be0c4d7e812"),
        "last": T(last or ("Reconcile: Processing (%s)" % operation if status == 1 and operation
                           else "Reconcile: Error (%s)" % operation if status == 2 and operation else "Create: Succeeded")),
    }



def intern(table, value):
    if value not in table:
        table.append(value)
    return table.index(value)


def state(name, screen, tab, c, d=None, note=None):
    names[name] = len(states)
    states.append([screen, tab, intern(clusters, c), intern(dialogs, d) if d else -1, T(note) if note else -1])


def edge(src, action, dst):
    states[names[src]] += [A[action], dst]


TITLE = "Upgrade Kubernetes Version for: inuvik"
PATCH_NOTE = ("Applying a patch to your cluster will increase the Kubernetes version which can lead to "
              "unexpected side effects.", 2)


# The preview option's label is not its version: its value comes as a third element (a text index); the
# other option's value is its selectVersion argument. The player must select both by version.
VERSIONS = [[T("1.28.5 (preview)"), A[("selectVersion", "1.28.5")], T("1.28.5")], [T("1.27.8"), A[("selectVersion", "1.27.8")]]]


def dialog(step, lines, buttons, selected=None, versions=True):
    return {"title": T(TITLE), "step": step, "versions": VERSIONS if versions else [],
            "selected": T(selected) if selected else -1, "lines": [[T(s), k] for s, k in lines],
            "buttons": [[T(label), A[a] if a else -1, style] for label, a, style in buttons]}


start = cluster()
state("list", 0, -1, start)
for i, tab in enumerate(TABS):
    state("tab" + str(i), 1, i, start)
roll = [("shoot-worker-a1", 0), ("shoot-worker-a2", 0), ("shoot-worker-a3", 0)]
state("roll1", 1, 2, cluster(status=1, progress=25, operation="Rolling worker nodes (image 1312.1.0)", i_up=0,
                             machines=roll + [("shoot-worker-b1", 1)]))
state("roll1-refused", 1, 2, cluster(status=1, progress=25, operation="Rolling worker nodes (image 1312.1.0)", i_up=0,
                                     machines=roll + [("shoot-worker-b1", 1)]), note="an operation is already running")
state("roll2", 1, 2, cluster(status=1, progress=60, operation="Rolling worker nodes (image 1312.1.0)", i_up=0,
                             machines=[("shoot-worker-a1", 2), ("shoot-worker-a2", 0), ("shoot-worker-a3", 0),
                                       ("shoot-worker-b1", 0)]))
state("roll3", 1, 2, cluster(status=1, progress=90, operation="Rolling worker nodes (image 1312.1.0)", i_up=0,
                             machines=[("shoot-worker-a1", 3), ("shoot-worker-b1", 0), ("shoot-worker-b2", 0),
                                       ("shoot-worker-b3", 0)]))
newnodes = [("shoot-worker-b1", 0), ("shoot-worker-b2", 0), ("shoot-worker-b3", 0)]
rolled = cluster(image="1312.1.0", i_up=0, machines=newnodes, last="Reconcile: Succeeded (Worker nodes rolled to image 1312.1.0)")
state("rolled", 1, 2, rolled)
state("menu", 2, 2, rolled)  # the menu opened from the details: they stay open under it
state("rolled-list", 0, -1, rolled)
state("menu-list", 2, -1, rolled)
state("select", 3, -1, rolled, dialog(0, [PATCH_NOTE], [("Back", "back", 0), ("Upgrade", None, 1)]))
state("selected", 3, -1, rolled, dialog(0, [PATCH_NOTE], [("Back", "back", 0), ("Upgrade", "clickUpgrade", 1)], "1.27.8"))
state("selected-preview", 3, -1, rolled, dialog(0, [PATCH_NOTE], [("Back", "back", 0), ("Upgrade", "clickUpgrade", 1)], "1.28.5"))
state("refused", 3, -1, rolled, dialog(0, [PATCH_NOTE], [("Back", "back", 0), ("Upgrade", "clickUpgrade", 1)], "1.28.5"),
      note="cluster upgrades must be performed one minor version at a time")
state("notready", 3, -1, rolled, dialog(1, [("Your cluster is not ready for upgrade yet.", 3), ("Details:", 0),
                                           ("enableStaticTokenKubeconfig property has to be disabled (currently enabled)", 0)],
                                        [("Back", "back", 0), ("Prepare cluster upgrade", "clickPrepare", 1)], "1.27.8"))
prepared = cluster(image="1312.1.0", i_up=0, machines=newnodes, tokens=0, last="Reconcile: Succeeded (Static token kubeconfigs disabled)")
state("preparing", 3, -1, cluster(image="1312.1.0", i_up=0, machines=newnodes, status=1, progress=50,
                                  operation="Disabling static token kubeconfig"),
      dialog(2, [("Preparing your cluster for the upgrade (up to 10 minutes).", 0)],
             [("Back", None, 0), ("Upgrade", None, 2)], versions=False))
state("ready", 3, -1, prepared, dialog(3, [
    ("Your cluster is now ready for upgrade.", 1), ("Details:", 0), ("Cluster is ready for upgrade", 0),
    ("Upgrade Notes", 5), ("Existing static token kubeconfigs stop working after the upgrade to 1.27.", 2),
    ("To find more information about introduced changes, visit official documentation:", 0),
    ("https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.27.md", 4),
    ("Deprecated APIs", 5), ("flowcontrol.apiserver.k8s.io/v1beta1 is no longer served.", 0)],
    [("Revert preparations", "clickRevert", 3), ("Upgrade", "confirmUpgrade", 2)], "1.27.8"))
state("k8s1", 0, -1, cluster(image="1312.1.0", i_up=0, k_up=0, tokens=0, status=1, progress=30,
                             operation="Upgrading Kubernetes to 1.27.8",
                             machines=newnodes + [("shoot-worker-c1", 1)]))
state("k8s2", 0, -1, cluster(image="1312.1.0", i_up=0, k_up=0, tokens=0, status=1, progress=70,
                             operation="Upgrading Kubernetes to 1.27.8",
                             machines=[("shoot-worker-b1", 3), ("shoot-worker-b2", 2), ("shoot-worker-c1", 0),
                                       ("shoot-worker-c2", 1)]))
# The goal's cluster, seen from the list, every tab and the menu: all of them count as the goal
# (goalStates); the guide goes on from the list to the Status tab, as the page's verification does.
upgraded = cluster(version="1.27.8", image="1312.1.0", i_up=0, k_up=0, tokens=0,
                   machines=[("shoot-worker-c1", 0), ("shoot-worker-c2", 0), ("shoot-worker-c3", 0)],
                   last="Reconcile: Succeeded (Kubernetes upgraded to 1.27.8)")
state("goal-list", 0, -1, upgraded)
for i in range(len(TABS)):
    state("goal-tab" + str(i), 1, i, upgraded)
state("goal-menu", 2, -1, upgraded)
state("window-note", 0, -1, start, note="auto-update is off for Kubernetes patches: nothing to do in this window")
state("clock-late", 0, -1, cluster(clock="After 1.26 expires (2026-12-01)"))
state("error", 0, -1, cluster(status=2, operation="Reconcile failed: infrastructure quota exceeded"))

for i in range(len(TABS)):
    for j in range(len(TABS)):
        if i != j:
            edge("tab" + str(i), ("selectTab", TABS[j]),
                 names["tab" + str(j)])
    edge("tab" + str(i), "closeDetails", names["list"])
edge("list", "openDetails", names["tab0"])
edge("list", "maintenanceWindow", names["window-note"])
edge("list", "advanceClock", names["clock-late"])
edge("list", "triggerReconcile", names["error"])
edge("tab2", "upgradeImage", names["roll1"])
edge("roll1", "tick", names["roll2"])
edge("roll1", "maintenanceWindow", names["roll1-refused"])
edge("roll1-refused", "dismissNote", names["roll1"])
edge("roll2", "tick", names["roll3"])
edge("roll3", "tick", names["rolled"])
edge("rolled", "openMenu", names["menu"])
edge("rolled", "closeDetails", names["rolled-list"])
edge("rolled-list", "openMenu", names["menu-list"])
edge("menu", "closeMenu", names["rolled"])
edge("menu-list", "closeMenu", names["rolled-list"])
edge("menu-list", "chooseKubernetesPatch", names["select"])
edge("menu", "chooseKubernetesPatch", names["select"])
edge("select", ("selectVersion", "1.27.8"), names["selected"])
edge("select", "back", names["rolled-list"])
edge("select", ("selectVersion", "1.28.5"), names["selected-preview"])
edge("selected", ("selectVersion", "1.28.5"), names["selected-preview"])
edge("selected-preview", ("selectVersion", "1.27.8"), names["selected"])
edge("selected-preview", "back", names["rolled-list"])
edge("selected-preview", "clickUpgrade", names["refused"])
edge("refused", ("selectVersion", "1.27.8"), names["selected"])
edge("refused", "back", names["rolled-list"])
edge("refused", "dismissNote", names["selected-preview"])
edge("selected", "back", names["rolled-list"])
edge("selected", "clickUpgrade", names["notready"])
edge("notready", "back", names["rolled-list"])
edge("notready", "clickPrepare", names["preparing"])
edge("preparing", "tick", names["ready"])
edge("ready", "clickRevert", names["notready"])
edge("ready", "confirmUpgrade", names["k8s1"])
edge("k8s1", "tick", names["k8s2"])
edge("k8s2", "tick", names["goal-list"])
edge("goal-list", "openDetails", names["goal-tab0"])
edge("goal-list", "openMenu", names["goal-menu"])
edge("goal-menu", "closeMenu", names["goal-list"])
for i in range(len(TABS)):
    for j in range(len(TABS)):
        if i != j:
            edge("goal-tab" + str(i), ("selectTab", TABS[j]),
                 names["goal-tab" + str(j)])
    edge("goal-tab" + str(i), "closeDetails", names["goal-list"])
edge("window-note", "dismissNote", names["list"])
edge("clock-late", "advanceClock", names["list"])
edge("error", "triggerReconcile", names["list"])

GUIDE = [
    ("list", "openDetails", "Click the cluster name to bring its details into view."),
    ("tab0", ("selectTab", "Worker Groups"), "Select the Worker Groups tab to see the current machine image."),
    ("tab2", "upgradeImage", "Hover over an up-arrow to see the new image version, then click it to start the upgrade."),
    ("roll1", "tick", "The nodes are replaced one by one. Wait a few minutes."),
    ("roll2", "tick", "The old node drains while the new one takes over. Keep waiting."),
    ("roll3", "tick", "Almost done: the last old node is being deleted."),
    ("rolled", "openMenu", "The image is upgraded. Open the ⋯ menu to upgrade Kubernetes."),
    ("menu", "chooseKubernetesPatch", "Choose Kubernetes Patch Available."),
    ("select", ("selectVersion", "1.27.8"), "Select version 1.27.8 from the Version drop-down."),
    ("selected", "clickUpgrade", "Click the blue Upgrade button."),
    ("notready", "clickPrepare", "Static token kubeconfigs must be disabled first: click Prepare cluster upgrade."),
    ("preparing", "tick", "Preparing takes up to ten minutes. Wait."),
    ("ready", "confirmUpgrade", "Read the upgrade notes, then click the green Upgrade button."),
    ("k8s1", "tick", "The Kubernetes upgrade is running. Wait."),
    ("k8s2", "tick", "Nodes roll onto the new version. Wait a little longer."),
    ("goal-list", "openDetails", "Verify the upgrade: click the cluster name."),
    ("goal-tab0", ("selectTab", "Status"), "Select the Status tab: the last operation is the upgrade."),
]
GOAL_STATES = ["goal-list"] + ["goal-tab" + str(i) for i in range(len(TABS))] + ["goal-menu"]
graph = {"format": 1, "scenario": "rolling-upgrade", "panel": "Northwind Console", "text": text, "actions": actions,
         "clusters": clusters, "dialogs": dialogs, "pools": pools, "menus": menus, "states": states, "goal": names["goal-tab1"],
         "goalStates": [names[x] for x in GOAL_STATES],
         "guide": [{"state": names[s], "action": A[a], "text": T(t)} for s, a, t in GUIDE]}
data = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
(HERE / "sample-graph.json").write_text(data + "\n", encoding="utf-8")
embedded = data.replace("</", "<\\/")
(HERE / "sample.html").write_text(f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Walkthrough player sample</title>
<link rel="stylesheet" href="../../assets/palette.css">
<link rel="stylesheet" href="../../assets/trellis.css">
<link rel="stylesheet" href="../../assets/walkthrough.css">
<style>:root{{--md-primary-fg-color:#e8702a;--md-accent-fg-color:#2f54eb;--md-primary-bg-color:#ffffff}}
body{{display:block;max-width:60rem;margin:1rem auto;padding:0 1rem}}</style>
<style>/* A brand stylesheet loaded after the player's that styles whatever sits in the article, as the
theme's table rule does: the walkthrough must look and work the same under it. */
.trellis-article table{{display:inline-block;max-width:100%;overflow-x:auto;border:3px solid red}}
.trellis-article th,.trellis-article td{{padding:1em 2em;border:1px solid red;vertical-align:top;background:#fee}}
.trellis-article tbody tr:hover{{background:#fcc}}
.trellis-article button{{padding:1em 2em;min-width:6rem;opacity:.5}}
.trellis-article svg{{width:0;height:0}}
.trellis-article p,.trellis-article ul,.trellis-article li{{margin:2em 0;color:#bbb}}
.trellis-article h4{{margin:3em 0;font-size:2em;color:#ccc;text-transform:uppercase}}</style>
</head>
<body>
<article class="trellis-article">
<h1>Walkthrough player sample</h1>
<p>Generated by <code>make_sample.py</code> from <code>sample-graph.json</code>; do not edit by hand.</p>
<div class="walkthrough" data-scenario="rolling-upgrade">
<script type="application/json" class="walkthrough-graph">{embedded}</script>
</div>
</article>
<script src="../../assets/walkthrough.js"></script>
</body>
</html>
""", encoding="utf-8")
print(f"{len(states)} states, {len(clusters)} clusters, {len(dialogs)} dialogs, {len(data)} bytes")
