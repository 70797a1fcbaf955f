import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The folder of sites that must fail: `FailingSites/<RuleID>/input/` is a site and
/// `expected.txt` the exact diagnostic lines `trellis lint` must give for it, one rule each.
@Suite struct LintRuleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "FailingSites")

    static var rules: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Copies the site into a temporary folder so its output never lands in the source tree.
    func copy(_ rule: String) throws -> TestSite {
        let site = try TestSite([:])
        let input = Self.folder.appending(path: rule).appending(path: "input")
        for item in try FileManager.default.contentsOfDirectory(atPath: input.path) {
            try FileManager.default.copyItem(at: input.appending(path: item), to: site.root.appending(path: item))
        }
        return site
    }

    @Test func everyRuleOfTheCatalogueThatLintReportsHasAFailingSite() {
        let checkedElsewhere: Set<RuleID> = [
            .externalLink, .invalidEncoding, .configSyntax, .configType, .unknownConfigKey, .templateError, .io,
            .unsupportedPlugin, .missingSnippet,
        ]
        let missing = RuleCatalog.all.map(\.id).filter { !checkedElsewhere.contains($0) && !Self.rules.contains($0.rawValue) }
        #expect(missing == [])
    }

    @Test(arguments: rules)
    func lintGivesExactlyTheExpectedDiagnostics(_ rule: String) throws {
        let expected = try String(contentsOf: Self.folder.appending(path: rule).appending(path: "expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let site = try copy(rule)
        defer { site.cleanUp() }
        let report = site.lint()
        #expect(report.lines == expected)
        let hasErrors = expected.contains { $0.contains(": error: ") }
        #expect(report.outcome == (hasErrors ? .failed : .success))
        #expect(!site.exists("site"), "lint must not write output")
    }

    @Test(arguments: rules)
    func buildReportsTheSameProblems(_ rule: String) throws {
        let expected = try String(contentsOf: Self.folder.appending(path: rule).appending(path: "expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let site = try copy(rule)
        defer { site.cleanUp() }
        #expect(site.build().lines == expected)
    }

    @Test func aCleanSiteReportsOnlyTheSummaryLine() throws {
        let site = try copy("BrokenLink")
        defer { site.cleanUp() }
        try site.write("content/setup.md", "# Setup\n")
        let report = site.lint()
        #expect(report.outcome == .success)
        let text = ReportWriter.render(
            ReportInput(diagnostics: report.diagnostics, pageCount: report.pageCount, milliseconds: 7, toolVersion: "test"),
            format: .text)
        #expect(text == "0 errors, 0 warnings in 2 pages (7 ms)\n")
    }

    @Test func strictPromotesWarningsAndFails() throws {
        let site = try copy("ImageWithoutAlt")
        defer { site.cleanUp() }
        let report = site.lint(strict: true)
        #expect(report.outcome == .failed)
        #expect(report.lines.allSatisfy { $0.contains(": error: ") && $0.hasSuffix("[ImageWithoutAlt]") })
    }

    @Test func severitiesAreOverriddenPerRuleInTheSiteConfig() throws {
        let site = try copy("BrokenLink")
        defer { site.cleanUp() }
        try site.write("trellis.yml", "site_name: Docs\nvalidation:\n  BrokenLink: warning\n")
        let report = site.lint()
        #expect(report.outcome == .success)
        #expect(report.lines.map { $0.contains(": warning: ") } == [true])
        try site.write("trellis.yml", "site_name: Docs\nvalidation:\n  BrokenLink: off\n")
        #expect(site.lint().lines == [])
    }

    @Test func theSampleGuidesLintCleanForEveryBrand() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        for item in ["trellis.yml", "brands", "content"] {
            try FileManager.default.copyItem(
                at: SampleSiteTests.repositoryRoot.appending(path: item), to: site.root.appending(path: item))
        }
        let report = site.lint()
        #expect(report.lines == [])
        #expect(report.outcome == .success)
    }

    @Test func aLeakOfOneBrandsNameIntoAnothersPageIsCaught() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        for item in ["trellis.yml", "brands", "content"] {
            try FileManager.default.copyItem(
                at: SampleSiteTests.repositoryRoot.appending(path: item), to: site.root.appending(path: item))
        }
        let page = site.root.appending(path: "content/kubernetes/kubeconfig.md")
        var text = try String(contentsOf: page, encoding: .utf8)
        text += "\nThis service is operated by Northwind Cloud.\n"
        try text.write(to: page, atomically: true, encoding: .utf8)
        let leaks = site.lint().diagnostics.filter { $0.id == .brandLeak }
        #expect(leaks.count == 1)
        #expect(leaks.first?.message == "'Northwind Cloud', the name of brand 'northwind', appears in brand 'whitelabel'")
        #expect(leaks.first?.path == "content/kubernetes/kubeconfig.md")
    }
}
