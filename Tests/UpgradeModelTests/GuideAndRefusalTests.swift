import Testing
@testable import UpgradeModel

@Suite struct GuideAndRefusalTests {
    let scenario = Scenario.guideFixture()

    @Test func guideClickOrderReachesTheGoalState() throws {
        let path = try #require(scenario.guidePath())
        let goal = path.goal
        #expect(goal.kubernetes == KubernetesVersion(1, 27, 8))
        #expect(goal.image == SemanticVersion(1312, 1, 0))
        #expect(!goal.staticTokens && goal.operation == nil && goal.note == nil && goal.screen == .details(.status))
        #expect(goal.lastOperation == .update(kubernetes: KubernetesVersion(1, 27, 8), image: nil, maintenance: false))
        // The dialog opens on the proposed 1.27.8, so the guide's "select 1.27.8" has nothing to do.
        let events = path.entries.map(\.event).filter { $0 != .tick }
        #expect(events == [.openDetails, .selectTab(.workerGroups), .upgradeImage, .openMenu, .chooseKubernetesPatch,
                           .clickUpgrade, .clickPrepare, .confirmUpgrade, .openDetails, .selectTab(.status)])
        #expect(scenario.explore().index(of: goal) != nil)
    }

    @Test func guideSkipsPreparationWhenStaticTokensAreAlreadyOff() throws {
        var scenario = Scenario.guideFixture()
        scenario.cluster.staticTokenKubeconfig = false
        let path = try #require(scenario.guidePath())
        #expect(!path.entries.contains { $0.event == .clickPrepare })
        #expect(path.goal.kubernetes == KubernetesVersion(1, 27, 8))
    }

    @Test func guideChoosesTheTargetWhenTheDialogProposesAnother() throws {
        var scenario = Scenario.guideFixture()
        scenario.catalogue.kubernetes.append(CatalogueEntry(KubernetesVersion(1, 27, 9), .supported))
        let path = try #require(scenario.guidePath())
        #expect(path.entries.contains { $0.event == .selectVersion(KubernetesVersion(1, 27, 8)) })
        #expect(path.goal.kubernetes == KubernetesVersion(1, 27, 8))
    }

    /// The panel offers only what rules 1 and 2 allow, so no click anywhere in the graph meets a
    /// refusal banner: every selected version is one the blue Upgrade accepts.
    @Test func thePanelOffersNothingTheRulesRefuse() {
        let graph = scenario.explore()
        var dialogs = 0
        for state in graph.states {
            if case .refusal(let refusal)? = state.note { Issue.record("refusal reachable: \(refusal.message)") }
            guard case .dialog(let dialog) = state.screen else { continue }
            dialogs += 1
            let selected = dialog.selected
            #expect(selected != nil, "the dialog always has a version selected")
            if let selected, dialog.step == .select {
                #expect(scenario.catalogue.kubernetesUpgradeRefusal(from: state.kubernetes, to: selected, on: scenario.day(state)) == nil)
            }
        }
        #expect(dialogs > 0)
    }

    @Test func messagesThePanelCannotProduceAreAbsentFromTheGraph() throws {
        let json = try decodedGraph(scenario)
        for refusal in [UpgradeRefusal.downgrade, .skipsMinor, .operationRunning, .expired(KubernetesVersion(1, 26, 12))] {
            #expect(!json.text.contains(refusal.message), "\(refusal.message)")
        }
        #expect(!json.text.contains { $0.contains("is not in the version catalogue") })
        #expect(!json.text.contains { $0.hasPrefix("the cluster already runs") })
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
        #expect(state.note == .forcedUpdate(from: KubernetesVersion(1, 26, 12), to: KubernetesVersion(1, 27, 8), disablesStaticTokens: true))
        #expect(state.note?.message.contains("static token kubeconfigs off") == true)
        #expect(!state.staticTokens)
        while state.operation != nil { state = try #require(scenario.transition(state, .tick)) }
        #expect(state.kubernetes == KubernetesVersion(1, 27, 8))
        let before = try #require(scenario.transition(scenario.initialState, .maintenanceWindow))
        #expect(before.note == .nothingDue && before.operation == nil)
    }
}
