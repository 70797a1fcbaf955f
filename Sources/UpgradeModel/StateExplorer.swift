/// The reachable state graph of a scenario.
public struct StateGraph: Sendable {
    /// The states; index 0 is the initial state.
    public private(set) var states: [PanelState]
    /// Per state, its outgoing edges (event, target state index) in the scenario's event order.
    public private(set) var edges: [[(event: PanelEvent, target: Int)]]
    /// Whether exploration stopped at the state limit before visiting everything.
    public private(set) var truncated: Bool
    /// Each state's index in `states`, kept from the exploration that built it.
    let indices: [PanelState: Int]

    /// The index of `state`, if reachable.
    public func index(of state: PanelState) -> Int? { indices[state] }
}

extension Scenario {
    /// Explores every state reachable from `initialState` breadth first (iteratively, so deep
    /// graphs cannot exhaust a thread's stack), trying every event in `allEvents` order. The
    /// result is deterministic. Stops at `limit` states and marks the graph truncated.
    public func explore(limit: Int = 100_000) -> StateGraph {
        let events = allEvents
        var indices: [PanelState: Int] = [initialState: 0]
        var states = [initialState]
        var edges: [[(event: PanelEvent, target: Int)]] = []
        var truncated = false
        var cursor = 0
        while cursor < states.count {
            let state = states[cursor]
            var outgoing: [(event: PanelEvent, target: Int)] = []
            for event in events {
                guard let next = transition(state, event) else { continue }
                if let known = indices[next] {
                    outgoing.append((event, known))
                } else if states.count < limit {
                    indices[next] = states.count
                    outgoing.append((event, states.count))
                    states.append(next)
                } else {
                    truncated = true
                }
            }
            edges.append(outgoing)
            cursor += 1
        }
        return StateGraph(states: states, edges: edges, truncated: truncated, indices: indices)
    }
}
