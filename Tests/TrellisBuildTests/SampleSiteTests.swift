import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The repository's own guides (`content/`, `brands/`, `trellis.yml`) build cleanly for every
/// brand. Built from a copy, so the test never touches the checkout's `site/`.
@Suite struct SampleSiteTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func buildCopy() throws -> (BuildReport, TestSite) {
        let site = try TestSite([:])
        for item in ["trellis.yml", "brands", "content"] {
            try FileManager.default.copyItem(
                at: Self.repositoryRoot.appending(path: item), to: site.root.appending(path: item))
        }
        return (site.build(), site)
    }

    func htmlFiles(_ site: TestSite, brand: String) -> [String: String] {
        var pages: [String: String] = [:]
        for path in site.outputFiles() where path.hasPrefix(brand + "/") && path.hasSuffix(".html") {
            pages[path] = site.output(path)
        }
        return pages
    }

    @Test func buildsEveryBrandWithoutDiagnostics() throws {
        let (report, site) = try buildCopy()
        defer { site.cleanUp() }
        #expect(report.lines == [])
        #expect(report.outcome == .success)
        #expect(report.pagesWritten.keys.sorted() == ["northwind", "whitelabel"])
        #expect((report.pagesWritten["northwind"] ?? 0) >= 5)
    }

    @Test func leavesNoMacroOrIconSyntaxInAnyPage() throws {
        let (_, site) = try buildCopy()
        defer { site.cleanUp() }
        for brand in ["northwind", "whitelabel"] {
            let pages = htmlFiles(site, brand: brand)
            #expect(!pages.isEmpty)
            for (path, html) in pages {
                for leftover in ["{{", "{%", ":fontawesome-"] {
                    #expect(!html.contains(leftover), "\(path) still contains \(leftover)")
                }
            }
        }
    }

    @Test func eachBrandShowsItsOwnNameDomainAndColoursOnly() throws {
        let (_, site) = try buildCopy()
        defer { site.cleanUp() }
        let expectations = [
            ("northwind", "Northwind Cloud", "console.northwind.example", "Skyline"),
            ("whitelabel", "Skyline Hosting", "portal.skyline.example", "Northwind"),
        ]
        for (brand, name, domain, other) in expectations {
            let pages = htmlFiles(site, brand: brand)
            let guide = try #require(pages["\(brand)/kubernetes/rolling-upgrades/index.html"])
            #expect(guide.contains(name))
            #expect(guide.contains(domain))
            for (path, html) in pages {
                #expect(!html.contains(other), "\(path) names the other brand")
            }
        }
        #expect(site.output("northwind/index.html")?.contains("#4b3f9e") == false)
        #expect(site.output("whitelabel/index.html")?.contains("#4b3f9e") == true)
    }
}
