extension Scenario {
    /// The catalogue of the spec's fixture, mirroring the guide: Kubernetes 1.26.12 deprecated
    /// (expiring 2026-12-01), 1.27.8 supported, 1.28.5 preview; `gardenlinux` (strategy major)
    /// 1312.0.0 deprecated and 1312.1.0 supported.
    public static let guideCatalogue = VersionCatalogue(
        kubernetes: [
            CatalogueEntry(KubernetesVersion(1, 26, 12), .deprecated, expiration: CalendarDay(2026, 12, 1)),
            CatalogueEntry(KubernetesVersion(1, 27, 8), .supported),
            CatalogueEntry(KubernetesVersion(1, 28, 5), .preview),
        ],
        machineImages: [
            MachineImage(name: "gardenlinux", updateStrategy: .major, versions: [
                CatalogueEntry(SemanticVersion(1312, 0, 0), .deprecated),
                CatalogueEntry(SemanticVersion(1312, 1, 0), .supported),
            ]),
        ])

    /// Example brand strings for the fixture (a brand passes its own).
    public static let exampleBrand = BrandStrings(
        panelName: "Cloud Management Panel", regionGroup: "Stockholm / Sweden (1:1)",
        shootDomain: "inuvik.p4d2c1.k8s.example.cloud")

    /// The spec's fixture scenario: the guide's catalogue and a cluster `inuvik` at 1.26.12 with
    /// static tokens on, one pool `nwtcan` of 3 nodes (Min. 3 / Max. 5, maxSurge 1,
    /// maxUnavailable 0) on gardenlinux 1312.0.0, Kubernetes patch auto-update on, image
    /// auto-update off, window 22:00–23:00 UTC; clock 2026-11-15, advancing to 2026-12-02 (past
    /// 1.26.12's expiry); the guide upgrades to 1.27.8. Rolls show one step per node by default:
    /// two (creating, then draining) give about 1,860 states and 118 KB of graph JSON, against
    /// about 1,230 states and 81 KB.
    public static func guideFixture(brand: BrandStrings = exampleBrand, clusterName: String = "inuvik",
                                    region: String = "Sto2", detailedRoll: Bool = false) -> Scenario {
        let window = MaintenanceWindow(beginMinutes: 22 * 60, endMinutes: 23 * 60,
                                       autoUpdateKubernetes: true, autoUpdateImage: false)
        let pool = WorkerGroup(name: "nwtcan", flavor: "b.2c4gb",
                               image: MachineImageReference(name: "gardenlinux", version: SemanticVersion(1312, 0, 0)),
                               minimum: 3, maximum: 5, maxSurge: 1, maxUnavailable: 0, zone: "nova")
        let cluster = Cluster(name: clusterName, region: region, kubernetesVersion: KubernetesVersion(1, 26, 12),
                              staticTokenKubeconfig: true, maintenance: window, workerGroups: [pool])
        return Scenario(catalogue: guideCatalogue, cluster: cluster, brand: brand,
                        today: CalendarDay(2026, 11, 15), later: CalendarDay(2026, 12, 2),
                        guideTarget: KubernetesVersion(1, 27, 8), detailedRoll: detailedRoll)
    }
}
