import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// A build session loads the site once and keeps, per brand, one record per published page:
/// its text, its rendered body, what it references and what was reported about it. A rebuild of
/// one page (a preview's) reruns the page stages on that record alone.
@Suite struct BuildSessionTests {
    static let files = [
        "trellis.yml": twoBrandConfig,
        "brands/alpha.yml": alphaBrand,
        "brands/beta.yml": betaBrand,
        "content/index.md": "# Home\n\nSee [the guide](guide.md).\n",
        "content/guide.md": "# {{ brand }} guide\n\nA [broken](missing.md) link.\n\n## Setup\n\nSee [setup](#setup).\n",
        "content/alpha-only.md": "---\nbrands: [alpha]\n---\n# Only Alpha\n\n[Home](index.md)\n",
    ]

    static func session(_ s: TestSite) -> (BuildSession, BuildReport) {
        var options = BuildOptions(root: s.root)
        options.mode = .lint
        let session = BuildSession(options: options, keepsBrands: true)
        let report = session.run()
        return (session, report)
    }

    @Test func aSessionKeepsOneRecordPerPublishedPageWithWhatWasReportedAboutIt() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        let (session, report) = Self.session(s)
        // The broken link is reported once, though both brands publish the page.
        #expect(report.lines == ["content/guide.md:3:12: error: 'missing.md' does not exist [BrokenLink]"])
        #expect(session.brands.map(\.brand.id) == ["alpha", "beta"])
        let alpha = session.brands[0], beta = session.brands[1]
        #expect(alpha.pages.map(\.path) == ["alpha-only.md", "guide.md", "index.md"])
        #expect(beta.pages.map(\.path) == ["guide.md", "index.md"])
        for brand in session.brands {
            for record in brand.pages {
                #expect(session.site.pages[record.index].path == record.path)
                #expect(record.diagnostics.map(\.id) == (record.path == "guide.md" ? [.brokenLink] : []), "\(record.path)")
            }
        }
        #expect(alpha.pages[1].rendered.title == "Alpha Cloud guide")
        #expect(beta.pages[0].rendered.title == "Beta Hosting guide")
        #expect(beta.pages[0].rendered.ids == ["beta-hosting-guide", "setup"])
        #expect(alpha.pages[0].references.pages == ["index.md"])
        #expect(alpha.linkedFrom["index.md"] == ["alpha-only.md"])
        #expect(beta.linkedFrom["index.md"] == nil)
        // Every brand's links, merged in the site's usage sink.
        #expect(session.site.usage.recorded.linkedFrom == ["index.md": ["alpha-only.md"], "guide.md": ["index.md"]])
    }

    @Test func aBuildSessionLetsEachBrandGoUnlessAskedToKeepIt() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.mode = .lint
        let session = BuildSession(options: options)
        var seen: [String] = []
        let report = session.run { state, _ in seen.append(state.brand.id) }
        #expect(report.outcome == .failed)
        #expect(seen == ["alpha", "beta"])
        #expect(session.brands.isEmpty)
    }

    /// Reruns one page stage on one record, as a rebuild of that page does.
    static func rerun<Stage: PageStage>(_ stage: Stage, _ record: inout PageRecord, brand: BrandState, site: SiteState) {
        guard let context = stage.prepare(brand, site: site) else { return }
        record.diagnosticsByStage[stage.name] = stage.update(&record, context: context, site: site)
    }

    @Test func rerunningThePageStagesOnOneRecordGivesTheBuildsRecord() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        let (session, _) = Self.session(s)
        for brand in session.brands {
            let built = try #require(brand.pages.first { $0.path == "guide.md" })
            var record = PageRecord(index: built.index, source: built.source)
            #expect(record.rendered.html.isEmpty && record.text.text.isEmpty)
            Self.rerun(ExpandMacros(), &record, brand: brand, site: session.site)
            Self.rerun(IncludeSnippets(), &record, brand: brand, site: session.site)
            Self.rerun(RenderMarkdown(), &record, brand: brand, site: session.site)
            Self.rerun(CheckLinks(), &record, brand: brand, site: session.site)
            #expect(record.text.text == built.text.text)
            #expect(record.rendered.html == built.rendered.html)
            #expect(record.rendered.html.contains(">" + brand.brand.name + " guide<a"))
            #expect(record.rendered.ids == built.rendered.ids)
            #expect(record.diagnostics == built.diagnostics)
        }
    }
}
