import Testing

@testable import TrellisBuild

/// What `StaleVersion` reads as a Kubernetes version, and as an upgrade between two.
@Suite struct VersionMentionsTests {
    func texts(_ text: String) -> [String] { VersionMentions(scanning: text).mentions.map(\.text) }

    @Test func findsVersionsInParagraphsAboutKubernetes() {
        let scan = VersionMentions(scanning: "Your cluster runs v1.26.12; move it to 1.27.\n")
        #expect(scan.mentions == [
            .init(minor: 26, patch: 12, text: "1.26.12", offset: 18),
            .init(minor: 27, patch: nil, text: "1.27", offset: 39),
        ])
    }

    @Test func ignoresParagraphsWithoutKubernetesContext() {
        #expect(texts("Install Go 1.22 first.\n\nThen the cluster on 1.28.\n") == ["1.28"])
    }

    @Test func ignoresPathsURLsAddressesAndOtherNumbers() {
        let text = """
            Kubernetes notes: CHANGELOG-1.30.md, https://k8s.io/v1.29/, 10.1.27.3, 1.27.3.4, TLS 1.2,
            gardenlinux 1312.0.0, 21.27, 1.5 and file_1.28 are not versions; (1.29) and 1.30. are.
            """
        #expect(texts(text) == ["1.29", "1.30"])
    }

    @Test func readsUpgradesBetweenTwoVersions() {
        let scan = VersionMentions(scanning: "Upgrade the cluster from 1.26 to 1.28, or 1.27.8 → 1.28.1, not 1.26 and 1.27.\n")
        #expect(scan.upgrades.map { "\($0.from.text)>\($0.to.text)" } == ["1.26>1.28", "1.27.8>1.28.1"])
    }
}
