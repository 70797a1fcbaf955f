import Foundation

/// The walkthrough graph the JavaScript player renders, exactly as `GRAPH-CONTRACT.md` defines
/// it: a string table, the action table, deduplicated cluster and dialog renderings, the states
/// as integer arrays with their outgoing edges, the goal and the guided path.
///
/// Build one with `WalkthroughGraph(scenario:)` and embed `jsonString()` in the page. Every
/// visible string is an index into `text`; every rule decision was taken in Swift.
public struct WalkthroughGraph: Encodable, Sendable {
    /// One action: a contract id, its label and its fixed argument (tab name or version).
    public struct Action: Encodable, Hashable, Sendable {
        public var id: String
        public var label: Int
        public var arg: String?
    }

    /// The worker group as the Worker Groups tab shows it.
    public struct Pool: Encodable, Hashable, Sendable {
        public var name: Int, flavor: Int, image: Int
        public var min: Int, max: Int, surge: Int, unavailable: Int
        public var zone: Int
        /// "Upgrade Worker image from: … to …", -1 when no upgrade is offered.
        public var tip: Int
    }

    /// One cluster rendering (row, details tabs, node strip, menu).
    public struct Cluster: Encodable, Hashable, Sendable {
        public var name: Int, region: Int, group: Int, domain: Int, version: Int
        public var kUp: Int, workers: Int, iUp: Int, status: Int, progress: Int, operation: Int
        public var pool: Pool
        public var machines: [[Int]]
        public var staticTokens: Int
        public var kubeconfig: [Int]
        public var clock: Int
        public var autoUpdate: [Int]
        public var window: Int
        public var menu: [[Int]]
    }

    /// One dialog rendering.
    public struct Dialog: Encodable, Hashable, Sendable {
        public var title: Int, step: Int
        public var versions: [[Int]]
        public var selected: Int
        public var lines: [[Int]]
        public var buttons: [[Int]]
    }

    /// One guided-mode entry: in `state`, highlight `action` with `text`.
    public struct GuideStep: Encodable, Hashable, Sendable {
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
    /// States: `[screen, tab, C, D, note, a0, s0, a1, s1, …]`; state 0 is the initial state.
    public var states: [[Int]]
    /// The guide's goal state (-1 when the scenario's guide cannot be followed).
    public var goal: Int
    /// The guided path; following it in order reaches `goal`.
    public var guide: [GuideStep]

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

/// The string table being built: each distinct string once, in first-use order.
struct TextTable {
    private(set) var strings: [String] = []
    private var indices: [String: Int] = [:]

    mutating func id(_ text: String) -> Int {
        if let known = indices[text] { return known }
        indices[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    mutating func id(_ text: String?) -> Int {
        guard let text else { return -1 }
        return id(text)
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
