import Testing

@testable import UpgradeModel

/// What the docs list as "offered": every version that is not expired, newest first.
@Suite struct OfferedKubernetesTests {
    @Test func listsEveryUnexpiredVersionNewestFirstIncludingPreview() {
        let catalogue = VersionCatalogue(kubernetes: [
            CatalogueEntry(KubernetesVersion(1, 26, 12), .deprecated, expiration: CalendarDay(2026, 12, 1)),
            CatalogueEntry(KubernetesVersion(1, 28, 5), .preview),
            CatalogueEntry(KubernetesVersion(1, 27, 8), .supported),
        ])
        #expect(catalogue.offeredKubernetes(on: CalendarDay(2026, 11, 30)).map(\.description) == ["1.28.5", "1.27.8", "1.26.12"])
        #expect(catalogue.offeredKubernetes(on: CalendarDay(2026, 12, 1)).map(\.description) == ["1.28.5", "1.27.8"])
    }
}
