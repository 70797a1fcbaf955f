extension WalkthroughGraph {
    /// The graph of `scenario`: explores it (or uses `graph`, which must come from
    /// `scenario.explore()`), renders every state, and lays the guide on it.
    public init(scenario: Scenario, graph: StateGraph? = nil) {
        let graph = graph ?? scenario.explore()
        let events = scenario.allEvents
        var actionIndex: [PanelEvent: Int] = [:]
        for (index, event) in events.enumerated() { actionIndex[event] = index }
        var renderer = PanelRenderer(scenario: scenario, actionIndex: actionIndex)
        let actions = events.map { event in
            let label = renderer.label(event)
            return Action(id: event.id, label: renderer.text.id(label), arg: event.argument)
        }
        let tabGroups = Self.tabGroups(of: graph)
        let grouped = Set(tabGroups.joined())
        var states: [[Int]] = []
        states.reserveCapacity(graph.states.count)
        for (index, state) in graph.states.enumerated() {
            var row: [Int]
            switch state.screen {
            case .list: row = [0, -1]
            case .details(let tab): row = [1, tab.rawValue]
            case .menu(let over): row = [2, over?.rawValue ?? -1]
            case .dialog: row = [3, -1]
            }
            row.append(renderer.clusterID(state))
            row.append(renderer.dialogID(state))
            row.append(renderer.text.id(state.note?.message))
            for edge in graph.edges[index] {
                if grouped.contains(index), case .selectTab = edge.event { continue }
                row.append(actionIndex[edge.event] ?? -1)
                row.append(edge.target)
            }
            states.append(row)
        }
        var guide: [GuideStep] = []
        var goal = -1
        var goalStates: [Int] = []
        if let path = scenario.guidePath(), let goalIndex = graph.index(of: path.goal) {
            goal = goalIndex
            goalStates = Self.goalViews(of: path.goal, in: graph)
            for entry in path.entries {
                guard let state = graph.index(of: entry.state), let action = actionIndex[entry.event] else { continue }
                guide.append(GuideStep(state: state, action: action, text: renderer.text.id(entry.text)))
            }
        }
        self.init(scenario: scenario.id, panel: scenario.brand.panelName, text: renderer.text.values,
                  actions: actions, clusters: renderer.clusters.values, dialogs: renderer.dialogs.values,
                  pools: renderer.pools.values, menus: renderer.menus.values, states: states, tabGroups: tabGroups,
                  goal: goal, guide: guide, goalStates: goalStates)
    }

    /// The tab groups: the details states of one cluster state, no banner, indexed by tab. In the
    /// graph a tab goes to each other tab of its group, so those edges are implied rather than
    /// listed (about a fifth of the graph). A group whose states have any other tab edges is
    /// left out, its edges listed.
    static func tabGroups(of graph: StateGraph) -> [[Int]] {
        var groupOf: [PanelState: Int] = [:]
        var groups: [[Int]] = []
        for (index, state) in graph.states.enumerated() where state.note == nil {
            guard case .details(let tab) = state.screen else { continue }
            var view = state
            view.screen = .list
            let group = groupOf[view] ?? {
                groups.append(Array(repeating: -1, count: DetailsTab.allCases.count))
                groupOf[view] = groups.count - 1
                return groups.count - 1
            }()
            groups[group][tab.rawValue] = index
        }
        return groups.filter { group in
            group.enumerated().allSatisfy { tab, index in
                guard index >= 0 else { return true }
                let listed = graph.edges[index].compactMap { edge -> [Int]? in
                    guard case .selectTab(let to) = edge.event else { return nil }
                    return [to.rawValue, edge.target]
                }
                let implied = group.enumerated().filter { $0.offset != tab && $0.element >= 0 }.map { [$0.offset, $0.element] }
                return listed == implied
            }
        }
    }

    /// The states that differ from `goal` only by a screen other than the dialog (no banner).
    static func goalViews(of goal: PanelState, in graph: StateGraph) -> [Int] {
        var result: [Int] = []
        for (index, state) in graph.states.enumerated() where state.note == nil {
            if case .dialog = state.screen { continue }
            var view = state
            view.screen = goal.screen
            if view == goal { result.append(index) }
        }
        return result
    }

    init(scenario: String, panel: String, text: [String], actions: [Action], clusters: [Cluster],
         dialogs: [Dialog], pools: [Pool], menus: [[[Int]]], states: [[Int]], tabGroups: [[Int]], goal: Int,
         guide: [GuideStep], goalStates: [Int]) {
        self.scenario = scenario
        self.panel = panel
        self.text = text
        self.actions = actions
        self.clusters = clusters
        self.dialogs = dialogs
        self.pools = pools
        self.menus = menus
        self.states = states
        self.tabGroups = tabGroups
        self.goal = goal
        self.guide = guide
        self.goalStates = goalStates
    }

    /// The most states a page's walkthrough may have. The guide's scenario has 1,226; a pool of
    /// hundreds of nodes or a catalogue of hundreds of versions multiplies them, and every state
    /// is embedded in the page (100,000 states made a 230 MB page in 70 s).
    public static let maxStates = 5_000

    /// A scenario whose graph is larger than a page can carry.
    public struct TooManyStates: Error, CustomStringConvertible {
        public let limit: Int
        public var description: String {
            "the walkthrough reaches more than \(limit) states, more than a page can carry; "
                + "use a smaller node pool or fewer catalogue versions"
        }
    }

    /// The compact JSON of `scenario`'s graph (see `jsonData()`); throws `TooManyStates` past
    /// `maxStates`.
    public static func json(for scenario: Scenario) throws -> String {
        let graph = scenario.explore(limit: maxStates)
        guard !graph.truncated else { throw TooManyStates(limit: maxStates) }
        return try WalkthroughGraph(scenario: scenario, graph: graph).jsonString()
    }
}
