import Testing
@testable import UpgradeModel

@Suite struct ImageAndMaintenanceRulesTests {
    let day = CalendarDay(2026, 11, 15)
    let later = CalendarDay(2026, 12, 2)

    func catalogue(_ strategy: UpdateStrategy) -> VersionCatalogue {
        VersionCatalogue(kubernetes: [], machineImages: [
            MachineImage(name: "gardenlinux", updateStrategy: strategy, versions: [
                CatalogueEntry(SemanticVersion(1312, 0, 0), .deprecated),
                CatalogueEntry(SemanticVersion(1312, 0, 3)),
                CatalogueEntry(SemanticVersion(1312, 1, 0), .supported),
                CatalogueEntry(SemanticVersion(1312, 2, 0), .preview),
                CatalogueEntry(SemanticVersion(1443, 0, 0), .supported, kubeletConstraint: VersionConstraint(">= 1.28")),
            ]),
        ])
    }

    let current = MachineImageReference(name: "gardenlinux", version: SemanticVersion(1312, 0, 0))

    @Test(arguments: [(UpdateStrategy.patch, "1312.0.3"), (.minor, "1312.1.0"), (.major, "1312.1.0")])
    func offersTheNewestSupportedVersionTheStrategyAllows(_ strategy: UpdateStrategy, _ expected: String) {
        let offered = catalogue(strategy).offeredImageUpgrade(for: current, kubernetes: KubernetesVersion(1, 27, 8), on: day)
        #expect(offered?.description == expected)
    }

    @Test func kubeletConstraintGatesImageVersions() {
        let offered = catalogue(.major).offeredImageUpgrade(for: current, kubernetes: KubernetesVersion(1, 28, 5), on: day)
        #expect(offered == SemanticVersion(1443, 0, 0))
    }

    @Test func offersNothingAtTheNewestOrForUnknownImages() {
        let newest = MachineImageReference(name: "gardenlinux", version: SemanticVersion(1443, 0, 0))
        #expect(catalogue(.major).offeredImageUpgrade(for: newest, kubernetes: KubernetesVersion(1, 28, 5), on: day) == nil)
        let unknown = MachineImageReference(name: "ubuntu", version: SemanticVersion(22, 4))
        #expect(catalogue(.major).offeredImageUpgrade(for: unknown, kubernetes: KubernetesVersion(1, 28, 5), on: day) == nil)
    }

    @Test func imageAutoUpdateSkipsPreviewVersions() {
        let update = catalogue(.minor).maintenanceImageUpdate(for: current, kubernetes: KubernetesVersion(1, 27, 8), autoUpdate: true, on: day)
        #expect(update == MaintenanceUpdate(target: SemanticVersion(1312, 1, 0), forced: false))
        #expect(catalogue(.minor).maintenanceImageUpdate(for: current, kubernetes: KubernetesVersion(1, 27, 8), autoUpdate: false, on: day) == nil)
    }

    let kubernetes = VersionCatalogue(kubernetes: [
        CatalogueEntry(KubernetesVersion(1, 26, 10), .supported),
        CatalogueEntry(KubernetesVersion(1, 26, 12), .deprecated, expiration: CalendarDay(2026, 12, 1)),
        CatalogueEntry(KubernetesVersion(1, 26, 13), .preview),
        CatalogueEntry(KubernetesVersion(1, 27, 5), .supported),
        CatalogueEntry(KubernetesVersion(1, 27, 8), .supported),
        CatalogueEntry(KubernetesVersion(1, 28, 5), .supported),
    ])

    @Test func autoUpdateMovesOnlyToTheNewestNonPreviewPatch() {
        let update = kubernetes.maintenanceKubernetesUpdate(from: KubernetesVersion(1, 26, 10), autoUpdate: true, on: day)
        #expect(update == MaintenanceUpdate(target: KubernetesVersion(1, 26, 12), forced: false))
        #expect(kubernetes.maintenanceKubernetesUpdate(from: KubernetesVersion(1, 26, 10), autoUpdate: false, on: day) == nil)
        #expect(kubernetes.maintenanceKubernetesUpdate(from: KubernetesVersion(1, 27, 8), autoUpdate: true, on: day) == nil)
    }

    @Test func expiredVersionsAreForcedToTheNextMinorEvenWithAutoUpdateOff() {
        let update = kubernetes.maintenanceKubernetesUpdate(from: KubernetesVersion(1, 26, 12), autoUpdate: false, on: later)
        #expect(update == MaintenanceUpdate(target: KubernetesVersion(1, 27, 8), forced: true))
        // Past the expiry, 1.26.12 is no target: auto-update from 1.26.10 finds nothing in 1.26.
        #expect(kubernetes.maintenanceKubernetesUpdate(from: KubernetesVersion(1, 26, 10), autoUpdate: true, on: later) == nil)
    }

    @Test func expiredVersionsPreferANewerPatchOfTheirMinor() {
        let catalogue = VersionCatalogue(kubernetes: [
            CatalogueEntry(KubernetesVersion(1, 26, 10), .expired),
            CatalogueEntry(KubernetesVersion(1, 26, 14)),
            CatalogueEntry(KubernetesVersion(1, 27, 8)),
        ])
        let update = catalogue.maintenanceKubernetesUpdate(from: KubernetesVersion(1, 26, 10), autoUpdate: false, on: day)
        #expect(update == MaintenanceUpdate(target: KubernetesVersion(1, 26, 14), forced: true))
    }

    @Test func nodeChangeFollowsRuleFive() {
        let k126 = KubernetesVersion(1, 26, 12), image = SemanticVersion(1312, 0, 0)
        #expect(NodeChange.between(kubernetes: k126, KubernetesVersion(1, 26, 14), image: image, image) == .restartKubelet)
        #expect(NodeChange.between(kubernetes: k126, KubernetesVersion(1, 27, 8), image: image, image) == .replaceNodes)
        #expect(NodeChange.between(kubernetes: k126, k126, image: image, SemanticVersion(1312, 1, 0)) == .replaceNodes)
        #expect(NodeChange.between(kubernetes: k126, k126, image: image, image) == .none)
    }

    @Test(arguments: [(3, 1, 0), (3, 0, 1), (5, 2, 0), (4, 0, 2), (1, 1, 1), (3, 0, 0), (6, 4, 0), (7, 3, 0)])
    func rollsReplaceEveryNodeWithinTheBounds(_ nodes: Int, _ surge: Int, _ unavailable: Int) {
        let roll = NodeRoll(nodes: nodes, maxSurge: surge, maxUnavailable: unavailable)
        for detailed in [true, false] {
            let snapshots = roll.snapshots(detailed: detailed)
            #expect(!snapshots.isEmpty)
            #expect(roll.stepCount(detailed: detailed) == snapshots.count)
            for snapshot in snapshots where surge + unavailable > 0 {
                #expect(roll.respectsBounds(snapshot), "\(snapshot)")
            }
            let newCounts = snapshots.map { $0.filter(\.isNew).count }
            #expect(newCounts == newCounts.sorted(), "replacements only accumulate")
        }
        #expect(roll.snapshots(detailed: true).count == 2 * roll.snapshots(detailed: false).count)
        #expect(roll.snapshots(detailed: true).last?.filter(\.isNew).count == nodes)
    }

    @Test func maintenanceWindowsLastHalfAnHourToSixHours() {
        #expect(MaintenanceWindow(begin: "22:00", end: "23:00", autoUpdateKubernetes: true, autoUpdateImage: false)?.description
                == "22:00–23:00 UTC")
        #expect(MaintenanceWindow(begin: "23:30", end: "00:00", autoUpdateKubernetes: true, autoUpdateImage: true) != nil)
        #expect(MaintenanceWindow(begin: "22:00", end: "22:15", autoUpdateKubernetes: true, autoUpdateImage: true) == nil)
        #expect(MaintenanceWindow(begin: "22:00", end: "05:00", autoUpdateKubernetes: true, autoUpdateImage: true) == nil)
        #expect(MaintenanceWindow(begin: "25:00", end: "01:00", autoUpdateKubernetes: true, autoUpdateImage: true) == nil)
    }

    @Test(arguments: ["22:5", "+22:00", "22:+30", "22:-0", "23:000", "022:00"])
    func maintenanceTimesAreHoursAndTwoDigitMinutes(_ begin: String) {
        #expect(MaintenanceWindow(begin: begin, end: "23:50", autoUpdateKubernetes: true, autoUpdateImage: true) == nil)
        #expect(MaintenanceWindow(begin: "9:00", end: "10:00", autoUpdateKubernetes: true, autoUpdateImage: true)?.begin == 540)
    }
}
