import Foundation
import Testing
@testable import UpgradeModel

@Suite struct ScenarioRobustnessTests {
    @Test func emptyCatalogueAndPoolStillGiveAConsistentGraph() throws {
        var scenario = Scenario.guideFixture()
        scenario.catalogue = VersionCatalogue(kubernetes: [])
        scenario.cluster.workerGroups = []
        let json = try decodedGraph(scenario)
        #expect(json.goal == -1 && json.guide.isEmpty)
        #expect(!json.states.isEmpty)
        for index in json.states.indices {
            for edge in json.edges(index) { #expect(json.states.indices.contains(edge.target)) }
        }
    }

    @Test func guideThatCannotBeFollowedHasNoGoal() throws {
        var scenario = Scenario.guideFixture()
        scenario.guideTarget = KubernetesVersion(1, 30, 0)
        #expect(scenario.guidePath() == nil)
        #expect(try decodedGraph(scenario).goal == -1)
    }

    @Test func explorationStopsAtTheLimitWithEdgesInRange() {
        let graph = Scenario.guideFixture().explore(limit: 50)
        #expect(graph.truncated)
        #expect(graph.states.count == 50)
        for outgoing in graph.edges { for edge in outgoing { #expect(edge.target < 50) } }
    }

    @Test func largeCataloguesStayBoundedAndDeterministic() throws {
        var scenario = Scenario.guideFixture()
        scenario.catalogue.kubernetes = (20...35).flatMap { minor in
            (0..<3).map { CatalogueEntry(KubernetesVersion(1, minor, $0), $0 == 2 ? .supported : .deprecated) }
        }
        scenario.cluster.kubernetesVersion = KubernetesVersion(1, 20, 0)
        let graph = scenario.explore(limit: 2_000)
        #expect(graph.states.count == 2_000 && graph.truncated)
        let first = try WalkthroughGraph(scenario: scenario, graph: graph).jsonData()
        let second = try WalkthroughGraph(scenario: scenario, graph: scenario.explore(limit: 2_000)).jsonData()
        #expect(first == second)
    }

    @Test func patchUpgradesRestartKubeletsWithoutReplacingNodes() throws {
        var scenario = Scenario.guideFixture()
        scenario.catalogue.kubernetes.append(CatalogueEntry(KubernetesVersion(1, 26, 14), .supported))
        scenario.cluster.staticTokenKubeconfig = false
        var state = scenario.initialState
        for event: PanelEvent in [.openMenu, .chooseKubernetesPatch, .selectVersion(KubernetesVersion(1, 26, 14)), .clickUpgrade, .confirmUpgrade] {
            state = try #require(scenario.transition(state, event), "\(event)")
        }
        let operation = try #require(state.operation)
        #expect(scenario.stepCount(operation.kind, in: state) == 2)
        #expect(scenario.nodeChange(operation.kind, in: state) == .restartKubelet)
    }
}
