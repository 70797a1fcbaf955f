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
        var states: [[Int]] = []
        states.reserveCapacity(graph.states.count)
        for (index, state) in graph.states.enumerated() {
            var row: [Int]
            switch state.screen {
            case .list: row = [0, -1]
            case .details(let tab): row = [1, tab.rawValue]
            case .menu: row = [2, -1]
            case .dialog: row = [3, -1]
            }
            row.append(renderer.clusterID(state))
            row.append(renderer.dialogID(state))
            row.append(renderer.text.id(state.note?.message))
            for edge in graph.edges[index] {
                row.append(actionIndex[edge.event] ?? -1)
                row.append(edge.target)
            }
            states.append(row)
        }
        var guide: [GuideStep] = []
        var goal = -1
        if let path = scenario.guidePath(), let goalIndex = graph.index(of: path.goal) {
            goal = goalIndex
            for entry in path.entries {
                guard let state = graph.index(of: entry.state), let action = actionIndex[entry.event] else { continue }
                guide.append(GuideStep(state: state, action: action, text: renderer.text.id(entry.text)))
            }
        }
        self.init(scenario: scenario.id, panel: scenario.brand.panelName, text: renderer.text.values,
                  actions: actions, clusters: renderer.clusters.values, dialogs: renderer.dialogs.values, states: states,
                  goal: goal, guide: guide)
    }

    init(scenario: String, panel: String, text: [String], actions: [Action], clusters: [Cluster],
         dialogs: [Dialog], states: [[Int]], goal: Int, guide: [GuideStep]) {
        self.scenario = scenario
        self.panel = panel
        self.text = text
        self.actions = actions
        self.clusters = clusters
        self.dialogs = dialogs
        self.states = states
        self.goal = goal
        self.guide = guide
    }

    /// The compact JSON of `scenario`'s graph (see `jsonData()`).
    public static func json(for scenario: Scenario) throws -> String {
        try WalkthroughGraph(scenario: scenario).jsonString()
    }
}
