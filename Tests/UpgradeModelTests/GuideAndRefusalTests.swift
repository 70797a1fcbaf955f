import Testing
@testable import UpgradeModel

@Suite struct GuideAndRefusalTests {
    let scenario = Scenario.guideFixture()

    @Test func guideClickOrderReachesTheGoalState() throws {
        let path = try #require(scenario.guidePath())
        let goal = path.goal
        #expect(goal.kubernetes == KubernetesVersion(1, 27, 8))
        #expect(goal.image == SemanticVersion(1312, 1, 0))
        #expect(!goal.staticTokens && goal.operation == nil && goal.note == nil && goal.screen == .list)
        let events = path.entries.map(\.event).filter { $0 != .tick }
        #expect(events == [.openDetails, .selectTab(.workerGroups), .upgradeImage, .openMenu, .chooseKubernetesPatch,
                           .selectVersion(KubernetesVersion(1, 27, 8)), .clickUpgrade, .clickPrepare, .confirmUpgrade])
        #expect(scenario.explore().index(of: goal) != nil)
    }

    @Test func guideSkipsPreparationWhenStaticTokensAreAlreadyOff() throws {
        var scenario = Scenario.guideFixture()
        scenario.cluster.staticTokenKubeconfig = false
        let path = try #require(scenario.guidePath())
        #expect(!path.entries.contains { $0.event == .clickPrepare })
        #expect(path.goal.kubernetes == KubernetesVersion(1, 27, 8))
    }

    /// Every edge whose target carries a refusal, with the refusal.
    func refusalEdges() -> [(source: PanelState, event: PanelEvent, refusal: UpgradeRefusal)] {
        let graph = scenario.explore()
        var result: [(PanelState, PanelEvent, UpgradeRefusal)] = []
        for (index, state) in graph.states.enumerated() {
            for edge in graph.edges[index] {
                if case .refusal(let refusal)? = graph.states[edge.target].note, state.note != graph.states[edge.target].note || edge.event != .dismissNote {
                    result.append((state, edge.event, refusal))
                }
            }
        }
        return result
    }

    @Test func refusalsAppearExactlyWhereTheRulesSay() {
        let edges = refusalEdges()
        var seen = Set<UpgradeRefusal>()
        for edge in edges {
            seen.insert(edge.refusal)
            switch edge.refusal {
            case .downgrade, .skipsMinor:
                guard case .dialog(let dialog) = edge.source.screen, let selected = dialog.selected else {
                    Issue.record("\(edge.refusal) outside the dialog")
                    continue
                }
                #expect(edge.event == .clickUpgrade && dialog.step == .select)
                if edge.refusal == .downgrade { #expect(selected < edge.source.kubernetes) }
                if edge.refusal == .skipsMinor { #expect(edge.source.kubernetes.minorDistance(to: selected) > 1) }
            case .operationRunning:
                #expect(edge.source.operation != nil)
                #expect([.upgradeImage, .chooseKubernetesPatch, .clickPrepare, .confirmUpgrade].contains(edge.event))
            default:
                Issue.record("unexpected refusal \(edge.refusal.message)")
            }
        }
        #expect(seen == [.downgrade, .skipsMinor, .operationRunning])
    }

    @Test func everyRefusedChoiceInTheDialogShowsItsRefusal() {
        let graph = scenario.explore()
        var checked = 0
        for (index, state) in graph.states.enumerated() {
            guard case .dialog(let dialog) = state.screen, dialog.step == .select, let selected = dialog.selected,
                  let expected = scenario.catalogue.kubernetesUpgradeRefusal(from: state.kubernetes, to: selected, on: scenario.day(state)),
                  let edge = graph.edges[index].first(where: { $0.event == .clickUpgrade }) else { continue }
            #expect(graph.states[edge.target].note == .refusal(expected))
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func messagesThePanelCannotProduceAreAbsentFromTheGraph() throws {
        let json = try decodedGraph(scenario)
        #expect(!json.text.contains { $0.contains("is not in the version catalogue") })
        #expect(!json.text.contains { $0.hasPrefix("the cluster already runs") })
        #expect(json.text.contains("kubernetes version downgrade is not supported"))
        #expect(json.text.contains("kubernetes version upgrade cannot skip a minor version"))
    }

    @Test func oneMinorAtATimeNoteShowsOnlyWhereAVersionIsHidden() throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        let note = try #require(json.text.firstIndex(of: KubernetesUpgradeOffer.oneMinorAtATime))
        for (index, state) in graph.states.enumerated() where json.states[index][3] != -1 {
            let dialog = json.dialogs[json.states[index][3]]
            let shows = dialog.lines.contains { $0[0] == note }
            let hidden = scenario.catalogue.kubernetes.contains {
                state.kubernetes.minorDistance(to: $0.version) > 1 && !$0.isExpired(on: scenario.day(state))
            }
            #expect(shows == (hidden && dialog.step == 0))
        }
    }

    @Test func expiryForcesTheUpgradeAndDisablesStaticTokens() throws {
        var state = scenario.initialState
        state = try #require(scenario.transition(state, .advanceClock))
        state = try #require(scenario.transition(state, .maintenanceWindow))
        #expect(state.note == .forcedUpdate(from: KubernetesVersion(1, 26, 12), to: KubernetesVersion(1, 27, 8)))
        #expect(!state.staticTokens)
        while state.operation != nil { state = try #require(scenario.transition(state, .tick)) }
        #expect(state.kubernetes == KubernetesVersion(1, 27, 8))
        let before = try #require(scenario.transition(scenario.initialState, .maintenanceWindow))
        #expect(before.note == .nothingDue && before.operation == nil)
    }
}
