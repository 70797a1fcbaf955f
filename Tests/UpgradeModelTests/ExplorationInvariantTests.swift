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

    @Test(arguments: scenarios)
    func upgradeActionsAreRefusedWhileAnOperationRuns(_ scenario: Scenario) {
        let graph = scenario.explore()
        for (index, state) in graph.states.enumerated() {
            for edge in graph.edges[index] {
                let target = graph.states[edge.target]
                if let operation = state.operation {
                    #expect(edge.event != .maintenanceWindow)
                    if edge.event == .tick { continue }
                    #expect(target.operation == operation, "only ticks move a running operation")
                    if Self.upgradeActions.contains(edge.event) {
                        #expect(target.note == .refusal(.operationRunning))
                    }
                } else if let started = target.operation {
                    #expect(started.step == 0 && scenario.progress(of: started, in: target) == 0)
                }
            }
        }
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

    @Test(arguments: scenarios)
    func iconsMenuItemAndOffersAgree(_ scenario: Scenario) throws {
        let graph = scenario.explore()
        let json = try decodedGraph(scenario)
        let patchItem = try #require(json.text.firstIndex(of: "Kubernetes Patch Available"))
        for (index, state) in graph.states.enumerated() {
            let cluster = json.clusters[json.states[index][2]]
            let offered = !scenario.kubernetesOffer(state).isEmpty
            let menuHasItem = cluster.menu.contains { $0[0] == patchItem }
            #expect((cluster.kUp == 1) == offered)
            #expect(menuHasItem == offered)
            #expect((cluster.iUp == 1) == (scenario.imageOffer(state) != nil))
            #expect((cluster.pool.tip != -1) == (cluster.iUp == 1))
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
