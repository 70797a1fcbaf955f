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
        for cluster in json.clusters {
            [cluster.name, cluster.region, cluster.group, cluster.domain, cluster.version, cluster.clock, cluster.window,
             cluster.pool.name, cluster.pool.flavor, cluster.pool.image, cluster.pool.zone].forEach { text($0) }
            text(cluster.operation, optional: true)
            text(cluster.pool.tip, optional: true)
            cluster.kubeconfig.forEach { text($0) }
            cluster.machines.forEach { #expect($0.count == 2 && (0...3).contains($0[1])); text($0[0]) }
            cluster.menu.forEach { #expect($0.count == 2); text($0[0]); action($0[1], optional: true) }
            #expect((cluster.status == 1) == (cluster.operation != -1))
            #expect((0...100).contains(cluster.progress))
        }
        for dialog in json.dialogs {
            text(dialog.title)
            text(dialog.selected, optional: true)
            dialog.versions.forEach { text($0[0]); action($0[1]); #expect(json.actions[$0[1]].id == "selectVersion") }
            dialog.lines.forEach { text($0[0]); #expect((0...4).contains($0[1])) }
            dialog.buttons.forEach { text($0[0]); action($0[1], optional: true); #expect((0...3).contains($0[2])) }
        }
        for (index, row) in json.states.enumerated() {
            #expect(row.count >= 5 && row.count % 2 == 1)
            #expect((0...3).contains(row[0]))
            #expect(row[1] == -1 ? row[0] != 1 : row[0] == 1 && (0...4).contains(row[1]))
            #expect(json.clusters.indices.contains(row[2]))
            #expect(row[3] == -1 ? row[0] != 3 : row[0] == 3 && json.dialogs.indices.contains(row[3]))
            text(row[4], optional: true)
            for edge in json.edges(index) {
                action(edge.action)
                #expect(states.contains(edge.target))
            }
        }
        #expect(states.contains(json.goal))
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
        #expect(json.states[json.goal][0] == 0 && json.states[json.goal][4] == -1)
    }

    @Test func goalIsReachableFromEveryState() throws {
        let json = try decodedGraph(scenario)
        var reverse = Array(repeating: [Int](), count: json.states.count)
        for index in json.states.indices { for edge in json.edges(index) { reverse[edge.target].append(index) } }
        var seen = Set([json.goal]), queue = [json.goal], cursor = 0
        while cursor < queue.count {
            for source in reverse[queue[cursor]] where seen.insert(source).inserted { queue.append(source) }
            cursor += 1
        }
        // The clock only moves forward and 1.28.5 cannot come back down to 1.27.8: the goal is
        // reachable from every other state.
        let graph = scenario.explore()
        var stranded: [Int] = []
        for (index, state) in graph.states.enumerated() where !state.clockAdvanced && state.kubernetes.minor < 28 {
            if case .update(let target?, _, _)? = state.operation?.kind, target.minor >= 28 { continue }
            if !seen.contains(index) { stranded.append(index) }
        }
        #expect(stranded.isEmpty, "states that cannot reach the goal: \(stranded.prefix(10))")
        #expect(seen.count > json.states.count / 4)
    }
}
