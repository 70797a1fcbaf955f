import Testing
@testable import UpgradeModel

@Suite struct KubernetesRulesTests {
    let before = CalendarDay(2026, 11, 15)
    let after = CalendarDay(2026, 12, 2)
    let wide = VersionCatalogue(kubernetes: [
        CatalogueEntry(KubernetesVersion(1, 26, 12), .deprecated, expiration: CalendarDay(2026, 12, 1)),
        CatalogueEntry(KubernetesVersion(1, 26, 14), .supported),
        CatalogueEntry(KubernetesVersion(1, 27, 3), .deprecated),
        CatalogueEntry(KubernetesVersion(1, 27, 8), .supported),
        CatalogueEntry(KubernetesVersion(1, 28, 5), .supported),
        CatalogueEntry(KubernetesVersion(1, 29, 0), .preview),
    ])

    func v(_ text: String) -> KubernetesVersion { SemanticVersion(text) ?? SemanticVersion(0, 0) }

    @Test func offersNewerPatchesAndTheNextMinorNewestFirst() {
        let offer = wide.offeredKubernetesUpgrades(from: v("1.26.12"), on: before)
        #expect(offer.versions.map(\.version) == [v("1.27.8"), v("1.27.3"), v("1.26.14")])
        #expect(offer.hiddenNote == "cluster upgrades must be performed one minor version at a time")
    }

    @Test func warnsAboutDeprecatedAndPreviewTargets() {
        let offer = wide.offeredKubernetesUpgrades(from: v("1.26.12"), on: before)
        #expect(offer.versions.first { $0.version == v("1.27.3") }?.warning == "1.27.3 is deprecated")
        #expect(offer.versions.first { $0.version == v("1.27.8") }?.warning == nil)
        let fromLatest = wide.offeredKubernetesUpgrades(from: v("1.28.5"), on: before)
        #expect(fromLatest.versions.map(\.version) == [v("1.29.0")])
        #expect(fromLatest.versions[0].warning?.contains("preview") == true)
        #expect(fromLatest.hiddenNote == nil)
    }

    @Test func neverOffersExpiredVersions() {
        let catalogue = VersionCatalogue(kubernetes: [
            CatalogueEntry(KubernetesVersion(1, 26, 10)),
            CatalogueEntry(KubernetesVersion(1, 26, 12), .deprecated, expiration: CalendarDay(2026, 12, 1)),
            CatalogueEntry(KubernetesVersion(1, 26, 13), .expired),
        ])
        #expect(catalogue.offeredKubernetesUpgrades(from: v("1.26.10"), on: before).versions.map(\.version) == [v("1.26.12")])
        #expect(catalogue.offeredKubernetesUpgrades(from: v("1.26.10"), on: after).isEmpty)
    }

    @Test func refusesWithGardenersExactMessages() {
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.27.8"), to: v("1.26.14"), on: before)?.message
                == "kubernetes version downgrade is not supported")
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.26.12"), to: v("1.28.5"), on: before)?.message
                == "kubernetes version upgrade cannot skip a minor version")
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.26.12"), to: v("1.27.9"), on: before)
                == .notInCatalogue(v("1.27.9")))
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.26.10"), to: v("1.26.12"), on: after) == .expired(v("1.26.12")))
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.26.12"), to: v("1.26.12"), on: before) == .sameVersion(v("1.26.12")))
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.26.12"), to: v("1.27.8"), on: before) == nil)
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.26.12"), to: v("1.26.14"), on: before) == nil)
    }

    @Test func downgradeIsReportedBeforeCatalogueMembership() {
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.27.8"), to: v("1.20.0"), on: before) == .downgrade)
        #expect(wide.kubernetesUpgradeRefusal(from: v("1.26.12"), to: v("1.30.0"), on: before) == .skipsMinor)
    }

    @Test func staticTokensMustBeDisabledBeforeMovingTo127() {
        #expect(VersionCatalogue.staticTokenReadiness(staticTokens: true, target: v("1.27.8")) == .mustDisableStaticTokens)
        #expect(VersionCatalogue.staticTokenReadiness(staticTokens: true, target: v("1.26.14")) == .ready)
        #expect(VersionCatalogue.staticTokenReadiness(staticTokens: false, target: v("1.27.8")) == .ready)
    }

    @Test func clusterLevelCheckAddsOperationAndStaticTokenRefusals() {
        var cluster = Scenario.guideFixture().cluster
        #expect(wide.upgradeRefusal(for: cluster, to: v("1.27.8"), on: before) == .staticTokensEnabled)
        cluster.staticTokenKubeconfig = false
        #expect(wide.upgradeRefusal(for: cluster, to: v("1.27.8"), on: before) == nil)
        cluster.lastOperation = Operation(kind: .reconcile, state: .processing, progress: 40)
        #expect(wide.upgradeRefusal(for: cluster, to: v("1.27.8"), on: before)?.message == "an operation is already running")
        cluster.lastOperation = Operation(kind: .reconcile, state: .succeeded, progress: 100)
        #expect(wide.upgradeRefusal(for: cluster, to: v("1.28.5"), on: before) == .skipsMinor)
    }

    @Test func staticTokenKubeconfigsExistOnlyBefore127() {
        var cluster = Scenario.guideFixture().cluster
        #expect(cluster.kubeconfigKinds == [.staticToken, .certificate])
        cluster.staticTokenKubeconfig = false
        #expect(cluster.kubeconfigKinds == [.certificate])
        cluster.kubernetesVersion = v("1.27.8")
        cluster.staticTokenKubeconfig = true
        #expect(cluster.kubeconfigKinds == [.certificate])
        #expect(!cluster.satisfiesStaticTokenRule)
    }

    @Test func docsQueriesPickNewestSupportedAndFlagStaleVersions() {
        #expect(wide.latestKubernetes(on: before) == v("1.28.5"))
        #expect(wide.supportedKubernetes(on: before) == [v("1.28.5"), v("1.27.8"), v("1.27.3"), v("1.26.14"), v("1.26.12")])
        #expect(wide.supportedKubernetes(on: after) == [v("1.28.5"), v("1.27.8"), v("1.27.3"), v("1.26.14")])
        #expect(wide.isOffered(v("1.26.12"), on: before))
        #expect(!wide.isOffered(v("1.26.12"), on: after))
        #expect(!wide.isOffered(v("1.25.0"), on: before))
        #expect(wide.isExpired(v("1.26.12"), on: after))
        #expect(!wide.isExpired(v("1.26.12"), on: before))
        #expect(!wide.isExpired(v("1.25.0"), on: after))
        #expect(VersionCatalogue.skipsMinor(from: v("1.26.12"), to: v("1.28.0")))
        #expect(!VersionCatalogue.skipsMinor(from: v("1.26.12"), to: v("1.27.0")))
        #expect(!VersionCatalogue.skipsMinor(from: v("1.27.8"), to: v("1.26.0")))
        #expect(VersionCatalogue(kubernetes: []).latestKubernetes(on: before) == nil)
    }
}
