import Foundation
import Testing
@testable import UpgradeModel

@Suite struct WalkthroughGraphTests {
    let scenario = Scenario.guideFixture()

    @Test func fixtureGraphFitsTheBudget() throws {
        let data = try WalkthroughGraph(scenario: scenario).jsonData()
        #expect(data.count < 100_000, "graph JSON is \(data.count) bytes")
    }

    @Test func sameScenarioGivesTheSameBytes() throws {
        let first = try WalkthroughGraph.json(for: scenario)
        let second = try WalkthroughGraph.json(for: Scenario.guideFixture())
        #expect(first == second)
    }

    @Test func clusterRenderingIgnoresScreenAndBanner() {
        var renderer = PanelRenderer(scenario: scenario, actionIndex: [:])
        for state in scenario.explore().states where state.screen != .list || state.note != nil {
            var view = state
            view.screen = .list
            view.note = nil
            #expect(renderer.cluster(state) == renderer.cluster(view))
        }
    }

    @Test func brandStringsReachTheGraph() throws {
        let brand = BrandStrings(panelName: "Northwind Console", regionGroup: "Bergen / Norway (1:1)", shootDomain: "k.example.no")
        let json = try decodedGraph(Scenario.guideFixture(brand: brand, clusterName: "fjord", region: "Bgo1"))
        #expect(json.panel == "Northwind Console")
        #expect(json.text.contains("Upgrade Kubernetes Version for: fjord"))
        #expect(json.text.contains("Bergen / Norway (1:1)") && json.text.contains("Bgo1"))
        #expect(!json.text.contains("inuvik"))
    }

    @Test func everyIndexIsInRange() throws {
        let json = try decodedGraph(scenario)
        #expect(json.format == 1 && json.scenario == "rolling-upgrade")
        let texts = json.text.indices, actions = json.actions.indices, states = json.states.indices
        func text(_ value: Int, optional: Bool = false) { #expect(texts.contains(value) || (optional && value == -1)) }
        func action(_ value: Int, optional: Bool = false) { #expect(actions.contains(value) || (optional && value == -1)) }
        json.actions.forEach { text($0.label) }
        for pool in json.pools {
            [pool.name, pool.flavor, pool.image, pool.zone].forEach { text($0) }
            text(pool.tip, optional: true)
        }
        for menu in json.menus {
            menu.forEach { #expect($0.count == 2); text($0[0]); action($0[1], optional: true) }
        }
        for cluster in json.clusters {
            [cluster.name, cluster.region, cluster.group, cluster.domain, cluster.version, cluster.clock, cluster.window,
             cluster.id, cluster.last].forEach { text($0) }
            text(cluster.operation, optional: true)
            #expect(json.pools.indices.contains(cluster.pool) && json.menus.indices.contains(cluster.menu))
            cluster.kubeconfig.forEach { text($0) }
            cluster.machines.forEach { #expect($0.count == 2 && (0...3).contains($0[1])); text($0[0]) }
            #expect((cluster.status == 1) == (cluster.operation != -1))
            #expect((0...100).contains(cluster.progress))
        }
        for dialog in json.dialogs {
            text(dialog.title)
            text(dialog.selected, optional: true)
            dialog.versions.forEach {
                #expect($0.count == 3)
                text($0[0]); action($0[1]); text($0[2])
                #expect(json.actions[$0[1]].id == "selectVersion" && json.actions[$0[1]].arg == json.text[$0[2]])
            }
            dialog.lines.forEach { text($0[0]); #expect((0...5).contains($0[1])) }
            dialog.buttons.forEach { text($0[0]); action($0[1], optional: true); #expect((0...3).contains($0[2])) }
        }
        for (index, row) in json.states.enumerated() {
            #expect(row.count >= 5 && row.count % 2 == 1)
            #expect((0...3).contains(row[0]))
            // A tab for the details panel, and for the menu opened over it; none elsewhere.
            #expect(row[1] == -1 ? row[0] != 1 : (row[0] == 1 || row[0] == 2) && (0...5).contains(row[1]))
            #expect(json.clusters.indices.contains(row[2]))
            #expect(row[3] == -1 ? row[0] != 3 : row[0] == 3 && json.dialogs.indices.contains(row[3]))
            text(row[4], optional: true)
            for edge in json.edges(index) {
                action(edge.action)
                #expect(states.contains(edge.target))
            }
        }
        #expect(states.contains(json.goal))
        #expect(json.goalStates.contains(json.goal))
        json.goalStates.forEach { #expect(states.contains($0)) }
    }

    /// The JSON's edges, listed and implied by tab groups, are exactly the explored graph's, and
    /// the groups imply most tab edges (each group holds every tab of one cluster state).
    @Test func listedAndImpliedEdgesAreTheExploredGraph() throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        #expect(json.states.count == graph.states.count)
        for index in graph.states.indices {
            let want = graph.edges[index].map { "\($0.event.id) \($0.event.argument ?? "") → \($0.target)" }.sorted()
            let have = json.edges(index).map { "\(json.actions[$0.action].id) \(json.actions[$0.action].arg ?? "") → \($0.target)" }.sorted()
            #expect(have == want, "state \(index)")
        }
        #expect(!json.tabGroups.isEmpty)
        for group in json.tabGroups {
            #expect(group.count == DetailsTab.allCases.count && group.allSatisfy { $0 >= 0 })
            #expect(group.enumerated().allSatisfy { json.states[$0.element][0...1] == [1, $0.offset] })
        }
        #expect(Set(json.tabGroups.joined()).count == json.tabGroups.count * DetailsTab.allCases.count, "a state in two groups")
    }

    @Test func everyEnabledControlHasAnEdge() throws {
        let json = try decodedGraph(scenario)
        for (index, row) in json.states.enumerated() where row[0] == 3 {
            let actions = Set(json.edges(index).map(\.action))
            for button in json.dialogs[row[3]].buttons where button[1] != -1 {
                let label = json.text[button[0]]
                if label == "Upgrade" && json.dialogs[row[3]].step == 0 || label != "Upgrade" {
                    #expect(actions.contains(button[1]), "button \(label) in state \(index)")
                }
            }
        }
    }

    /// The real panel keeps the details open under the row menu: the menu opened on a tab is
    /// drawn over that tab, stays over it while time passes, and closing it (or its Trigger
    /// Maintenance) comes back to the same tab. From the list it is over the list, as before.
    @Test func theRowMenuKeepsTheDetailsOpenUnderIt() throws {
        let json = try decodedGraph(scenario)
        var overEachTab = Set<Int>()
        for (index, row) in json.states.enumerated() {
            switch row[0] {
            case 0, 1:
                let menu = try #require(json.target(index, "openMenu"), "state \(index) can open the menu")
                #expect(Array(json.states[menu][0...2]) == [2, row[1], row[2]], "menu opened from state \(index)")
            case 2:
                overEachTab.insert(row[1])
                let closed = try #require(json.target(index, "closeMenu"))
                #expect(Array(json.states[closed][0...2]) == [row[1] == -1 ? 0 : 1, row[1], row[2]], "menu state \(index) closes")
                if let ticked = json.target(index, "tick") { #expect(Array(json.states[ticked][0...1]) == [2, row[1]]) }
                if let maintained = json.target(index, "maintenanceWindow") {
                    #expect(Array(json.states[maintained][0...1]) == [row[1] == -1 ? 0 : 1, row[1]])
                }
            default:
                break
            }
        }
        #expect(overEachTab == Set(-1...5))
    }

    @Test func guideEntriesAreEdgesAndReachTheGoal() throws {
        let json = try decodedGraph(scenario)
        #expect(!json.guide.isEmpty)
        #expect(json.guide.first?.state == 0)
        var current = 0
        for step in json.guide {
            #expect(step.state == current)
            #expect(json.text.indices.contains(step.text))
            let next = json.edges(current).first { $0.action == step.action }
            let target = try #require(next, "guide action \(json.actions[step.action].id) is an edge of state \(current)")
            current = target.target
        }
        #expect(current == json.goal)
        // The guide ends on the page's "Verify the upgrade": the Status tab, no banner.
        #expect(json.states[json.goal][0] == 1 && json.states[json.goal][1] == DetailsTab.status.rawValue)
        #expect(json.states[json.goal][4] == -1)
    }

    /// A free-mode reader can always still get the cluster where the guide takes it: the goal's
    /// versions and static-token flag, idle. (How it got there, which the Status tab tells, may
    /// differ: the maintenance window may have done part of it.)
    @Test func goalClusterIsReachableFromEveryState() throws {
        let graph = scenario.explore()
        let goal = try #require(scenario.guidePath()).goal
        func isGoalCluster(_ state: PanelState) -> Bool {
            state.kubernetes == goal.kubernetes && state.image == goal.image && state.staticTokens == goal.staticTokens
                && state.operation == nil
        }
        var reverse = Array(repeating: [Int](), count: graph.states.count)
        for index in graph.states.indices { for edge in graph.edges[index] { reverse[edge.target].append(index) } }
        var queue = graph.states.indices.filter { isGoalCluster(graph.states[$0]) }
        var seen = Set(queue), cursor = 0
        while cursor < queue.count {
            for source in reverse[queue[cursor]] where seen.insert(source).inserted { queue.append(source) }
            cursor += 1
        }
        // The clock only moves forward, and no version comes back down: from states on the
        // goal's minor or below, before the expiry, the goal's cluster stays reachable.
        var stranded: [Int] = []
        for (index, state) in graph.states.enumerated() where !state.clockAdvanced && state.kubernetes <= goal.kubernetes {
            if !seen.contains(index) { stranded.append(index) }
        }
        #expect(stranded.isEmpty, "states that cannot reach the goal's cluster: \(stranded.prefix(10))")
        #expect(seen.count > graph.states.count / 4)
    }
}
