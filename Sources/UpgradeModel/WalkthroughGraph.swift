import Foundation

/// The walkthrough graph the JavaScript player renders, exactly as `Tests/Walkthrough/GRAPH-CONTRACT.md` defines
/// it: a string table, the action table, deduplicated cluster and dialog renderings, the states
/// as integer arrays with their outgoing edges, the goal and the guided path.
///
/// Build one with `WalkthroughGraph(scenario:)` and embed `jsonString()` in the page. Every
/// visible string is an index into `text`; every rule decision was taken in Swift.
public struct WalkthroughGraph: Encodable, Sendable {
    /// One action: a contract id, its label and its fixed argument (tab name or version).
    public struct Action: Encodable, Hashable, Sendable {
        /// The contract's action id ("selectTab").
        public var id: String
        /// T: the action's label.
        public var label: Int
        /// The fixed argument, omitted when the action has none.
        public var arg: String?
    }

    /// The worker group as the Worker Groups tab shows it.
    public struct Pool: Encodable, Hashable, Sendable {
        /// T: pool name, flavor, and image with version ("gardenlinux 1312.0.0").
        public var name: Int, flavor: Int, image: Int
        /// Autoscaler bounds, maxSurge and maxUnavailable.
        public var min: Int, max: Int, surge: Int, unavailable: Int
        /// T: the zone.
        public var zone: Int
        /// "Upgrade Worker image from: … to …", -1 when no upgrade is offered.
        public var tip: Int
    }

    /// One cluster rendering (row, details tabs, node strip, menu).
    public struct Cluster: Encodable, Hashable, Sendable {
        /// T: cluster name, region, region group header, shoot domain, current Kubernetes version.
        public var name: Int, region: Int, group: Int, domain: Int, version: Int
        /// Arrows (0/1), worker group count, status (0 ready, 1 running, 2 error), pie percentage,
        /// and T of the running operation (-1 when idle).
        public var kUp: Int, workers: Int, iUp: Int, status: Int, progress: Int, operation: Int
        /// P: the Worker Groups tab, an index into `pools`.
        public var pool: Int
        /// The node strip: `[T name, phase]`, phase 0 ready, 1 creating, 2 draining, 3 deleting.
        public var machines: [[Int]]
        /// 1 while static token kubeconfigs are enabled.
        public var staticTokens: Int
        /// T per KubeConfig tab line.
        public var kubeconfig: [Int]
        /// T: the clock label.
        public var clock: Int
        /// `[Kubernetes patch, machine image]` auto-update flags (0/1).
        public var autoUpdate: [Int]
        /// T: the maintenance window.
        public var window: Int
        /// M: the row menu, an index into `menus`.
        public var menu: Int
        /// T: the id column (the shoot's UID).
        public var id: Int
        /// T: the Status tab's "Last operation" ("Reconcile: Succeeded (Kubernetes upgraded to 1.27.8)").
        public var last: Int
    }

    /// One dialog rendering.
    public struct Dialog: Encodable, Hashable, Sendable {
        /// T of the title; the step (0 select, 1 not ready, 2 preparing, 3 ready).
        public var title: Int, step: Int
        /// Drop-down options: `[T label, A of selectVersion, T value]`; the value is the plain
        /// version string, equal to `selected` for the selected option.
        public var versions: [[Int]]
        /// T of the selected version, -1 when none.
        public var selected: Int
        /// `[T, kind]`: kind 0 plain, 1 success, 2 warning, 3 error, 4 link, 5 the heading of a
        /// collapsible section holding the lines after it ("Upgrade Notes").
        public var lines: [[Int]]
        /// `[T, A or -1, style]`: style 0 plain, 1 blue, 2 green, 3 red.
        public var buttons: [[Int]]
    }

    /// One guided-mode entry: in `state`, highlight `action` with `text`.
    public struct GuideStep: Encodable, Hashable, Sendable {
        /// S, A and T of the entry.
        public var state: Int, action: Int, text: Int
    }

    /// The contract's format version.
    public var format = 1
    /// The `data-scenario` id.
    public var scenario: String
    /// The brand's panel name.
    public var panel: String
    /// The string table.
    public var text: [String]
    /// The actions, in the scenario's fixed event order.
    public var actions: [Action]
    /// Deduplicated cluster renderings.
    public var clusters: [Cluster]
    /// Deduplicated dialog renderings.
    public var dialogs: [Dialog]
    /// Deduplicated Worker Groups tabs (a few distinct ones serve every cluster rendering).
    public var pools: [Pool]
    /// Deduplicated row menus: `[T, A or -1]` per item.
    public var menus: [[[Int]]]
    /// States: `[screen, tab, C, D, note, a0, s0, a1, s1, …]`; state 0 is the initial state.
    public var states: [[Int]]
    /// Tab groups: per group, S of its details state on each tab (-1 when none). From a state of a
    /// group, `selectTab` of every other tab of the group leads to that tab's state; those edges
    /// are implied, not listed in `states`.
    public var tabGroups: [[Int]]
    /// The guide's goal state (-1 when the scenario's guide cannot be followed).
    public var goal: Int
    /// The guided path; following it in order reaches `goal`.
    public var guide: [GuideStep]
    /// S of every state that still counts as the goal: the goal's cluster, idle, no banner, on
    /// any screen (the reader checking the result by opening tabs or the menu stays at the goal).
    /// Contains `goal`; empty when `goal` is -1.
    public var goalStates: [Int]

    /// The compact JSON: keys sorted, no whitespace, so the same scenario gives the same bytes.
    /// Slashes stay escaped (`<\/script>` cannot end the embedding script element early).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// `jsonData()` as a string, ready to embed in
    /// `<script type="application/json" class="walkthrough-graph">`.
    public func jsonString() throws -> String {
        String(decoding: try jsonData(), as: UTF8.self)
    }
}

/// A table of deduplicated values, each given an index in first-use order.
struct DedupTable<Value: Hashable> {
    private(set) var values: [Value] = []
    private var indices: [Value: Int] = [:]

    mutating func id(_ value: Value) -> Int {
        if let known = indices[value] { return known }
        indices[value] = values.count
        values.append(value)
        return values.count - 1
    }
}

/// The string table being built: each distinct string once, in first-use order.
typealias TextTable = DedupTable<String>

extension DedupTable where Value == String {
    /// The index of `text`, -1 for nil (the contract's "none").
    mutating func id(_ text: String?) -> Int {
        guard let text else { return -1 }
        return id(text)
    }
}
