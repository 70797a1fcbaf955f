import Testing
@testable import UpgradeModel

/// What the panel offers and shows, checked on every reachable state of the graph JSON and
/// derived from the catalogue (rules 1, 2, 3, 6, 7), not from snapshots.
@Suite struct OfferedVersionsTests {
    /// The guide's fixture, and a wider catalogue: a newer patch in the current minor, a preview
    /// patch and a supported version in the next minors, and a preview two minors further.
    static let scenarios: [Scenario] = {
        var wide = Scenario.guideFixture()
        wide.catalogue.kubernetes = [
            CatalogueEntry(KubernetesVersion(1, 26, 12), .deprecated, expiration: CalendarDay(2026, 12, 1)),
            CatalogueEntry(KubernetesVersion(1, 26, 14), .supported),
            CatalogueEntry(KubernetesVersion(1, 27, 8), .supported),
            CatalogueEntry(KubernetesVersion(1, 27, 9), .preview),
            CatalogueEntry(KubernetesVersion(1, 28, 5), .supported),
            CatalogueEntry(KubernetesVersion(1, 29, 1), .preview),
        ]
        return [Scenario.guideFixture(), wide]
    }()

    /// Rule 1, exactly: the options are the catalogue's versions newer than the cluster's, not
    /// expired, at most one minor up, newest first; each option's value is its version, its label
    /// starts with it; the dialog always has one of them selected.
    @Test(arguments: scenarios)
    func everyOfferedVersionIsNewerNotExpiredAndAtMostOneMinorUp(_ scenario: Scenario) throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        var checked = 0
        for (index, state) in graph.states.enumerated() {
            let dialogIndex = json.states[index][3]
            guard dialogIndex != -1 else { continue }
            let dialog = json.dialogs[dialogIndex]
            let day = scenario.day(state)
            let values = dialog.versions.map { json.text[$0[2]] }
            let expected = scenario.catalogue.kubernetes
                .filter { $0.version > state.kubernetes && !$0.isExpired(on: day) && state.kubernetes.minorDistance(to: $0.version) <= 1 }
                .map(\.version).sorted(by: >).map(\.description)
            #expect(values == expected, "state \(index) on \(state.kubernetes)")
            for option in dialog.versions { #expect(json.text[option[0]].hasPrefix(json.text[option[2]])) }
            #expect(dialog.selected != -1 && values.contains(json.text[dialog.selected]))
            checked += 1
        }
        #expect(checked > 0)
    }

    /// The "one minor at a time" note shows in the version choice exactly when a newer,
    /// non-expired version more than one minor up exists (and so is not in the list).
    @Test(arguments: scenarios)
    func skipNoteShowsExactlyWhenANewerMinorIsHidden(_ scenario: Scenario) throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        let note = json.text.firstIndex(of: KubernetesUpgradeOffer.oneMinorAtATime)
        var shown = 0
        for (index, state) in graph.states.enumerated() where json.states[index][3] != -1 {
            let dialog = json.dialogs[json.states[index][3]]
            let hidden = scenario.catalogue.kubernetes.contains {
                $0.version > state.kubernetes && state.kubernetes.minorDistance(to: $0.version) > 1 && !$0.isExpired(on: scenario.day(state))
            }
            let shows = dialog.lines.contains { $0[0] == note }
            #expect(shows == (hidden && dialog.step == DialogStep.select.rawValue), "state \(index)")
            if shows { shown += 1 }
        }
        #expect(shown > 0)
    }

    /// "Kubernetes Patch Available" opens the dialog on the proposed version: the newest supported
    /// one offered.
    @Test(arguments: scenarios)
    func dialogOpensOnTheNewestSupportedOffer(_ scenario: Scenario) {
        let graph = scenario.explore()
        var opened = 0
        for (index, state) in graph.states.enumerated() {
            for edge in graph.edges[index] where edge.event == .chooseKubernetesPatch {
                guard case .dialog(let dialog) = graph.states[edge.target].screen else {
                    Issue.record("the menu item does not open the dialog")
                    continue
                }
                let day = scenario.day(state)
                let newestSupported = scenario.catalogue.kubernetes
                    .filter { $0.version > state.kubernetes && state.kubernetes.minorDistance(to: $0.version) <= 1 && $0.classification(on: day) == .supported }
                    .map(\.version).max()
                #expect(dialog.selected != nil && dialog.selected == newestSupported)
                opened += 1
            }
        }
        #expect(opened > 0)
    }

    /// Like the real panel: during the image roll the pool arrow is gone while the version arrow
    /// stays as it was (screenshot 03); during a Kubernetes upgrade the row shows the target
    /// (screenshot 08), with an arrow only if a supported version beyond it is offered.
    @Test(arguments: scenarios)
    func progressShowsWhatTheRealPanelShows(_ scenario: Scenario) throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        var rolls = 0, upgrades = 0
        for (index, state) in graph.states.enumerated() {
            guard case .update(let kubernetes, let image, _)? = state.operation?.kind else { continue }
            let cluster = json.clusters[json.states[index][2]]
            if let image, kubernetes == nil {
                rolls += 1
                var before = state
                before.operation = nil
                let newestAllowed = scenario.catalogue.offeredImageUpgrade(
                    for: MachineImageReference(name: scenario.pool.image.name, version: image), kubernetes: state.kubernetes,
                    on: scenario.day(state))
                #expect((cluster.iUp == 1) == (newestAllowed != nil))
                #expect((cluster.kUp == 1) == scenario.kubernetesOffer(before).isAnnounced)
            }
            if let kubernetes {
                upgrades += 1
                #expect(json.text[cluster.version] == kubernetes.description)
                let beyond = scenario.catalogue.kubernetes.contains {
                    $0.version > kubernetes && kubernetes.minorDistance(to: $0.version) <= 1 && $0.classification(on: scenario.day(state)) == .supported
                }
                #expect((cluster.kUp == 1) == beyond)
            }
        }
        #expect(rolls > 0 && upgrades > 0)
    }

    /// The guide's goal: check mark, an arrow only if a supported version beyond the target is
    /// offered (none in the guide's catalogue: its 1.28 is a preview), the Status tab's last
    /// operation succeeded with the upgrade; the reader looking around (tabs, menu, closing the
    /// panel) stays at the goal.
    @Test(arguments: scenarios)
    func goalShowsTheFinishedUpgrade(_ scenario: Scenario) throws {
        let json = try decodedGraph(scenario)
        let goal = json.states[json.goal]
        let cluster = json.clusters[goal[2]]
        let target = scenario.guideTarget
        let beyond = scenario.catalogue.kubernetes.contains {
            $0.version > target && target.minorDistance(to: $0.version) <= 1 && $0.classification(on: scenario.today) == .supported
        }
        #expect(cluster.status == 0 && cluster.kUp == (beyond ? 1 : 0) && cluster.iUp == 0)
        if scenario == Scenario.guideFixture() { #expect(!beyond && cluster.kUp == 0) }
        #expect(json.text[cluster.version] == scenario.guideTarget.description)
        let last = json.text[cluster.last]
        #expect(last.contains("Succeeded") && last.contains(scenario.guideTarget.description), "\(last)")
        #expect(json.goalStates.contains(json.goal))
        for state in json.goalStates {
            #expect(json.states[state][2] == goal[2] && json.states[state][4] == -1 && json.states[state][0] != 3)
        }
        for id in ["closeDetails", "openMenu"] {
            let target = try #require(json.target(json.goal, id), "\(id) at the goal")
            #expect(json.goalStates.contains(target), "\(id) leaves the goal")
        }
        let other = try #require(json.edges(json.goal).first { json.actions[$0.action].id == "selectTab" })
        #expect(json.goalStates.contains(other.target))
        // The reader's "click the row to check" right after the upgrade is the guide's own step.
        let last2 = try #require(json.guide.last)
        let before = try #require(json.guide.dropLast().last)
        #expect(json.actions[before.action].id == "openDetails" && json.actions[last2.action].arg == "Status")
        #expect(json.clusters[json.states[before.state][2]].kUp == cluster.kUp)
    }

    /// Rules 3 and 6: the maintenance window's notice of a forced update says that static tokens
    /// were switched off exactly when they were on and the target is 1.27 or later.
    @Test(arguments: scenarios)
    func forcedUpdateNoticeTellsWhenStaticTokensGoOff(_ scenario: Scenario) {
        let graph = scenario.explore()
        var forced = 0
        for (index, state) in graph.states.enumerated() {
            for edge in graph.edges[index] where edge.event == .maintenanceWindow {
                let target = graph.states[edge.target]
                guard case .forcedUpdate(let from, let to, let disables)? = target.note else { continue }
                forced += 1
                #expect(from == state.kubernetes)
                let expected = state.staticTokens && to >= VersionCatalogue.staticTokensRemovedIn
                #expect(disables == expected && target.staticTokens == (state.staticTokens && !expected))
                #expect((target.note?.message.contains("static token") ?? false) == expected)
            }
        }
        #expect(forced > 0)
    }
}
