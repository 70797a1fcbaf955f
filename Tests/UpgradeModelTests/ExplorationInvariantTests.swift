import Testing
@testable import UpgradeModel

/// The spec's invariants, checked on every reachable state and edge of the fixture (both roll
/// granularities) and of a variant where the maintenance window auto-updates the image.
@Suite struct ExplorationInvariantTests {
    static let scenarios: [Scenario] = {
        var autoImage = Scenario.guideFixture()
        autoImage.cluster.maintenance.autoUpdateImage = true
        return [Scenario.guideFixture(), Scenario.guideFixture(detailedRoll: true), autoImage]
    }()

    static let upgradeActions: Set<PanelEvent> = [.upgradeImage, .chooseKubernetesPatch, .clickUpgrade, .clickPrepare, .confirmUpgrade]

    @Test(arguments: scenarios)
    func explorationIsCompleteAndInTheLowThousands(_ scenario: Scenario) {
        let graph = scenario.explore()
        #expect(!graph.truncated)
        #expect(graph.states.count > 100 && graph.states.count < 3_000)
        #expect(graph.states[0] == scenario.initialState)
        #expect(Set(graph.states).count == graph.states.count)
    }

    @Test(arguments: scenarios)
    func kubernetesNeverDecreasesAndRisesAtMostOneMinorPerOperation(_ scenario: Scenario) {
        let graph = scenario.explore()
        for (index, state) in graph.states.enumerated() {
            for edge in graph.edges[index] {
                let target = graph.states[edge.target]
                #expect(target.kubernetes >= state.kubernetes)
                #expect(state.kubernetes.minorDistance(to: target.kubernetes) <= 1)
                if target.kubernetes != state.kubernetes {
                    #expect(edge.event == .tick && state.operation != nil && target.operation == nil)
                }
            }
        }
    }

    @Test(arguments: scenarios)
    func minor27AndLaterHaveStaticTokensOff(_ scenario: Scenario) {
        for state in scenario.explore().states {
            #expect(scenario.cluster(in: state).satisfiesStaticTokenRule)
            if let operation = state.operation, case .update(let target?, _, _) = operation.kind, target >= VersionCatalogue.staticTokensRemovedIn {
                #expect(!state.staticTokens, "an upgrade to \(target) runs with static tokens off")
            }
        }
    }

    /// Rule 7 in what the panel offers: while an operation runs, no upgrade action has an edge
    /// (the menu item is disabled, the pool arrow and the maintenance window do nothing), and only
    /// ticks move the operation.
    @Test(arguments: scenarios)
    func noUpgradeActionIsOfferedWhileAnOperationRuns(_ scenario: Scenario) throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        let patchItem = try #require(json.text.firstIndex(of: "Kubernetes Patch Available"))
        var running = 0
        for (index, state) in graph.states.enumerated() {
            for edge in graph.edges[index] {
                let target = graph.states[edge.target]
                if let operation = state.operation {
                    #expect(!Self.upgradeActions.contains(edge.event) && edge.event != .maintenanceWindow,
                            "\(edge.event) offered while \(operation.kind) runs")
                    if case .selectVersion = edge.event { Issue.record("a version choice while an operation runs") }
                    if edge.event != .tick { #expect(target.operation == operation, "only ticks move a running operation") }
                } else if let started = target.operation {
                    #expect(started.step == 0 && scenario.progress(of: started, in: target) == 0)
                }
            }
            guard state.operation != nil else { continue }
            running += 1
            let menu = json.menu(of: json.clusters[json.states[index][2]])
            #expect(menu.allSatisfy { $0[0] != patchItem || $0[1] == -1 }, "the menu item is disabled in state \(index)")
        }
        #expect(running > 0)
    }

    @Test(arguments: scenarios)
    func rollsStayWithinSurgeAndUnavailability(_ scenario: Scenario) throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        let pool = scenario.pool
        var rolling = 0
        for row in json.states {
            let machines = json.clusters[row[2]].machines
            let ready = machines.filter { $0[1] == MachinePhase.ready.rawValue }.count
            #expect(machines.count <= pool.nodeCount + pool.maxSurge)
            #expect(ready >= pool.nodeCount - pool.maxUnavailable)
            if machines.count > pool.nodeCount { rolling += 1 }
        }
        #expect(rolling > 0, "some state shows a roll in progress")
        #expect(json.states.count == graph.states.count)
    }

    /// The version shown is the spec's (the target while an upgrade runs, real screenshot 08);
    /// its arrow ⇔ the menu item ⇔ a supported version newer than it, not expired, at most one
    /// minor up exists (derived from the catalogue, not from the offer function); the pool's arrow
    /// ⇔ its tooltip ⇔ an image upgrade from the spec's image.
    @Test(arguments: scenarios)
    func iconsMenuItemAndOffersAgree(_ scenario: Scenario) throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        let patchItem = try #require(json.text.firstIndex(of: "Kubernetes Patch Available"))
        for (index, state) in graph.states.enumerated() {
            let cluster = json.clusters[json.states[index][2]]
            var shown = state.kubernetes, image = state.image
            if case .update(let kubernetes, let newImage, _)? = state.operation?.kind {
                shown = kubernetes ?? shown
                image = newImage ?? image
            }
            #expect(json.text[cluster.version] == shown.description)
            let day = scenario.day(state)
            let announced = scenario.catalogue.kubernetes.contains {
                $0.version > shown && shown.minorDistance(to: $0.version) <= 1 && $0.classification(on: day) == .supported
            }
            let item = json.menu(of: cluster).first { $0[0] == patchItem }
            #expect((cluster.kUp == 1) == announced)
            #expect((item != nil) == announced)
            if let item { #expect((item[1] != -1) == (state.operation == nil)) }
            var spec = state
            spec.image = image
            spec.kubernetes = shown
            #expect((cluster.iUp == 1) == (scenario.imageOffer(spec) != nil))
            #expect((json.pool(of: cluster).tip != -1) == (cluster.iUp == 1))
        }
    }

    @Test(arguments: scenarios)
    func previewAndExpiredVersionsAreNeverAutomaticTargets(_ scenario: Scenario) {
        let graph = scenario.explore()
        var maintenanceRuns = 0
        for (index, state) in graph.states.enumerated() {
            for edge in graph.edges[index] where edge.event == .maintenanceWindow {
                guard let operation = graph.states[edge.target].operation,
                      case .update(let kubernetes, let image, let maintenance) = operation.kind else { continue }
                maintenanceRuns += 1
                #expect(maintenance)
                let day = scenario.day(state)
                if let kubernetes {
                    #expect(scenario.catalogue.kubernetesEntry(kubernetes)?.isAutomaticTarget(on: day) == true)
                }
                if let image {
                    #expect(scenario.catalogue.image(named: scenario.pool.image.name)?.entry(image)?.isAutomaticTarget(on: day) == true)
                }
            }
        }
        #expect(maintenanceRuns > 0, "the maintenance window does something somewhere")
    }

    @Test(arguments: scenarios)
    func progressRisesWithinAnOperationAndEndsAt100(_ scenario: Scenario) {
        let graph = scenario.explore()
        for (index, state) in graph.states.enumerated() {
            guard let operation = state.operation else { continue }
            let ticks = graph.edges[index].filter { $0.event == .tick }
            #expect(ticks.count == 1, "a running operation can always advance")
            guard let tick = ticks.first else { continue }
            let target = graph.states[tick.target]
            if let next = target.operation {
                #expect(next.kind == operation.kind)
                #expect(scenario.progress(of: next, in: target) > scenario.progress(of: operation, in: state))
            } else {
                let finalStep = RunningOperation(kind: operation.kind, step: operation.step + 1)
                #expect(scenario.progress(of: finalStep, in: state) == 100)
            }
        }
    }
}
