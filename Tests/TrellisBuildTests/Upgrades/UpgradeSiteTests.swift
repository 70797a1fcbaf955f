import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// A brand's `upgrades:` model as the docs see it: macros, `StaleVersion`, the walkthrough.
@Suite struct UpgradeSiteTests {
    static let brand = """
        name: Alpha Cloud
        extra:
          panel:
            name: Alpha Console
        upgrades:
          kubernetes:
            - {version: "1.26.12", classification: deprecated, expiration: "2027-01-01"}
            - {version: "1.27.8"}
            - {version: "1.28.5", classification: preview}
          machine_images:
            - name: gardenlinux
              versions:
                - {version: "1312.0.0", classification: deprecated}
                - {version: "1312.1.0"}
          walkthrough:
            cluster: demo
            region: Bgo1
            region_group: Bergen / Norway (1:1)
            shoot_domain: demo.p1.k8s.alpha.example
            kubernetes: "1.26.12"
            static_token_kubeconfig: true
            pool: {name: pool-a, flavor: b.2c4gb, image: gardenlinux, version: "1312.0.0", min: 3, max: 5, zone: nova}
            today: "2026-11-15"
            later: "2027-01-02"
            target: "1.27.8"
        """

    func site(_ pages: [String: String], brand: String = brand) throws -> TestSite {
        var files = ["trellis.yml": "site_name: Guides\nbrands: [alpha]\n", "brands/alpha.yml": brand]
        for (path, text) in pages { files["content/" + path] = text }
        return try TestSite(files)
    }

    func build(_ site: TestSite, today: String = "2026-11-25", mode: BuildMode = .build) -> BuildReport {
        var options = BuildOptions(root: site.root)
        options.mode = mode
        options.today = ISO8601DateFormatter().date(from: today + "T12:00:00Z")
        return SiteBuilder.build(options)
    }

    @Test func macrosStateVersionsThroughTheModel() throws {
        let s = try site([
            "index.md": """
                # Versions

                Latest {{ kubernetes.latest }}; supported {{ kubernetes.supported | join(', ') }}; preview {{ kubernetes.preview | join(', ') }}.
                Image {{ images.gardenlinux.latest }} ({{ images.gardenlinux.current }} to {{ images.gardenlinux.target }}).
                The tour moves {{ walkthrough.cluster }} from {{ kubernetes.current }} to {{ kubernetes.target }} ({{ kubernetes.current_minor }} → {{ kubernetes.target_minor }}); pool {{ walkthrough.pool.name }} of {{ walkthrough.pool.min }}.
                """
        ])
        defer { s.cleanUp() }
        #expect(build(s).lines == [])
        let html = try #require(s.output("alpha/index.html"))
        #expect(html.contains("Latest 1.27.8; supported 1.27.8, 1.26.12; preview 1.28.5."))
        #expect(html.contains("Image 1312.1.0 (1312.0.0 to 1312.1.0)."))
        #expect(html.contains("The tour moves demo from 1.26.12 to 1.27.8 (1.26 → 1.27); pool pool-a of 3."))
    }

    @Test func expiredVersionsAreStaleOnlyWhereTheAuthorTypedThem() throws {
        let s = try site([
            "index.md": "# Upgrade\n\nThe cluster runs Kubernetes 1.26.12, shown as {{ kubernetes.current }}.\n"
        ])
        defer { s.cleanUp() }
        #expect(build(s, today: "2026-12-31").lines == [])
        #expect(
            build(s, today: "2027-01-01", mode: .lint).lines == [
                "brands/alpha.yml:6:3: warning: the walkthrough of brand 'alpha' starts at Kubernetes 1.26.12, which has expired; start it at a version the catalogue still offers [StaleVersion]",
                "content/index.md:3:29: warning: Kubernetes 1.26.12 expired on 2027-01-01 for brand 'alpha' (it offers 1.28.5, 1.27.8) [StaleVersion]",
            ])
    }

    @Test func theWalkthroughEmbedsTheModelsGraphAndItsPlayer() throws {
        let s = try site(
            [
                "index.md": "# Home\n\nNo tour here.\n",
                "guide/upgrade.md": "# Upgrade\n\n```walkthrough rolling-upgrade\n```\n",
            ], brand: Self.brand.replacingOccurrences(of: "name: Alpha Cloud\n", with: "name: Alpha Cloud\nicons: icons\n"))
        try s.write("icons/fontawesome/solid/circle-arrow-up.svg", #"<svg class="alpha-up" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>"#)
        defer { s.cleanUp() }
        #expect(build(s).lines == [])
        let page = try #require(s.output("alpha/guide/upgrade/index.html"))
        #expect(page.contains(#"<link rel="stylesheet" href="../../assets/walkthrough.css">"#))
        #expect(page.contains(#"<script src="../../assets/walkthrough.js""#))
        let start = try #require(page.range(of: #"<script type="application/json" class="walkthrough-graph">"#))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["panel"] as? String == "Alpha Console")
        #expect((json["states"] as? [Any])?.isEmpty == false)
        #expect((json["text"] as? [String])?.contains("Bergen / Norway (1:1)") == true)
        // The panel's icons come from the brand's icon library, its own folder first.
        #expect(page.contains(#"<script type="application/json" class="walkthrough-icons">{"arrow":"\u003csvg"#))
        #expect(page.contains(#""up":"\u003csvg class=\"alpha-up\""#))
        let home = try #require(s.output("alpha/index.html"))
        #expect(!home.contains("walkthrough"))
        #expect(s.output("alpha/assets/walkthrough.js") != nil && s.output("alpha/assets/walkthrough.css") != nil)
    }

    /// GRAPH-CONTRACT.md's budget: what a reader downloads for the walkthrough (the embedded
    /// graph, the player's script and its stylesheet) stays under 150 KB for the guide's scenario.
    @Test func theWalkthroughPayloadFitsItsBudget() throws {
        let s = try site(["upgrade.md": "# Upgrade\n\n```walkthrough rolling-upgrade\n```\n"])
        defer { s.cleanUp() }
        #expect(build(s).lines == [])
        let page = try #require(s.output("alpha/upgrade/index.html"))
        let start = try #require(page.range(of: #"<script type="application/json" class="walkthrough-graph">"#))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let graph = page[start.upperBound..<end.lowerBound].utf8.count
        let player = try #require(s.output("alpha/assets/walkthrough.js")).utf8.count
        let styles = try #require(s.output("alpha/assets/walkthrough.css")).utf8.count
        #expect(graph > 10_000 && player > 10_000 && styles > 1_000)
        #expect(graph + player + styles < 150_000, "graph \(graph) + player \(player) + styles \(styles) bytes")
    }

    @Test func configProblemsArePositioned() throws {
        let bad = """
            name: Alpha Cloud
            upgrades:
              kubernetes:
                - {version: "1.27.8"}
                - {version: "1.28.x"}
            """
        let s = try site(["index.md": "# Home\n"], brand: bad)
        defer { s.cleanUp() }
        let report = build(s)
        #expect(report.outcome == .unusable)
        #expect(report.lines.count == 1)
        #expect(report.lines.first?.hasPrefix("brands/alpha.yml:5:17: error: invalid version catalogue: 'kubernetes[1].version': '1.28.x' is not a version") == true)

        let walkthrough = Self.brand.replacingOccurrences(of: "image: gardenlinux", with: "image: ubuntu")
            .replacingOccurrences(of: "    target: \"1.27.8\"", with: "    target: \"1.29.1\"")
        let t = try site(["index.md": "# Home\n"], brand: walkthrough)
        defer { t.cleanUp() }
        #expect(
            build(t).lines == [
                "brands/alpha.yml:22:50: error: machine image 'ubuntu' is not in the brand's 'machine_images' [ConfigType]",
                "brands/alpha.yml:25:13: error: Kubernetes 1.29.1 is not in the brand's catalogue [ConfigType]",
            ])
    }

    /// Every state is embedded in the page: a pool of hundreds of nodes made a page of hundreds of
    /// megabytes; past `WalkthroughGraph.maxStates` the block is a DirectiveError instead.
    @Test func aWalkthroughTooLargeForAPageIsADirectiveError() throws {
        let large = Self.brand.replacingOccurrences(of: "min: 3, max: 5", with: "min: 900, max: 999")
        let s = try site(["index.md": "# Home\n\n```walkthrough rolling-upgrade\n```\n"], brand: large)
        defer { s.cleanUp() }
        #expect(
            build(s).lines == [
                "content/index.md:3:1: error: the walkthrough reaches more than 5000 states, more than a page can carry; "
                    + "use a smaller node pool or fewer catalogue versions (brands/alpha.yml) [DirectiveError]"
            ])
    }

    /// A node count the panel cannot show was dropped with the whole walkthrough, silently.
    @Test func nodeCountsOutOfRangeArePositioned() throws {
        let huge = Self.brand.replacingOccurrences(of: "min: 3, max: 5", with: "min: 3, max: 100000")
            .replacingOccurrences(of: "zone: nova}", with: "max_surge: 1.5, zone: nova}")
        let s = try site(["index.md": "# Home\n"], brand: huge)
        defer { s.cleanUp() }
        #expect(
            build(s).lines == [
                "brands/alpha.yml:22:97: error: 'max' must be a whole number from 0 to 999 [ConfigType]",
                "brands/alpha.yml:22:116: error: 'max_surge' must be a whole number from 0 to 999 [ConfigType]",
            ])
    }
}
