import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Sites that must fail, each with the exact diagnostic lines it must give.
@Suite struct FailingSiteTests {
    func build(_ pages: [String: String], brands: [String]? = nil) throws -> BuildReport {
        var files = ["trellis.yml": twoBrandConfig, "brands/alpha.yml": alphaBrand, "brands/beta.yml": betaBrand]
        for (path, text) in pages { files["content/" + path] = text }
        let site = try TestSite(files)
        defer { site.cleanUp() }
        return site.build(brands: brands)
    }

    @Test func undefinedVariableInsideALinkTarget() throws {
        let report = try build(["a.md": "# A\n\nOpen [the panel](https://{{ panel.domian }}/login).\n"])
        #expect(report.outcome == .failed)
        #expect(
            report.lines == [
                "content/a.md:3:35: error: 'panel' has no attribute 'domian'; did you mean 'domain'? [UndefinedVariable]"
            ])
    }

    @Test func undefinedVariableInsideAFencedCodeBlock() throws {
        let report = try build(["a.md": "# A\n\n```sh\nssh admin@{{ brnd }}.example\n```\n"])
        #expect(report.outcome == .failed)
        #expect(
            report.lines == [
                "content/a.md:4:14: error: undefined variable 'brnd'; did you mean 'brand'? [UndefinedVariable]"
            ])
    }

    @Test func undefinedVariableAfterFrontMatterAndAnEarlierMacro() throws {
        let report = try build([
            "a.md": "---\ntitle: A\n---\n# {{ brand }} guide\n\nText {{ brand }} and {{ panel.name | lowr }}.\n"
        ])
        #expect(
            report.lines == [
                "content/a.md:6:38: error: unknown filter 'lowr'; did you mean 'lower'? [UnknownFilter]"
            ])
    }

    @Test func unterminatedMacroAtTheEndOfAFile() throws {
        let report = try build(["a.md": "# A\n\nText {{"])
        #expect(report.outcome == .failed)
        #expect(report.lines == ["content/a.md:3:6: error: unterminated '{{' (expected '}}') [MacroSyntax]"])
    }

    @Test func unknownIconWithASuggestion() throws {
        let report = try build(["a.md": "# A\n\nClick :fontawesome-solid-circle-arow-up: to upgrade.\n"])
        #expect(report.outcome == .failed)
        #expect(
            report.lines == [
                "content/a.md:3:7: error: unknown icon 'fontawesome-solid-circle-arow-up'; did you mean 'fontawesome-solid-circle-arrow-up'? [UnknownIcon]"
            ])
    }

    @Test func unknownIconAfterAMacroOnTheSameLine() throws {
        let report = try build(["a.md": "# A\n\n{{ brand }} :material-chek: done\n"])
        #expect(report.lines.count == 1)
        #expect(report.lines.first?.hasPrefix("content/a.md:3:13: error: unknown icon 'material-chek'") == true)
    }

    @Test func brokenFrontMatterYAML() throws {
        let report = try build(["a.md": "---\ntitle: [unclosed\n---\n# A\n"])
        #expect(report.outcome == .failed)
        #expect(report.lines.count == 1)
        #expect(report.lines.first?.hasPrefix("content/a.md:3:1: error: invalid YAML:") == true)
        #expect(report.lines.first?.hasSuffix("[FrontMatter]") == true)
    }

    @Test func unterminatedFrontMatter() throws {
        let report = try build(["a.md": "---\ntitle: A\n# A\n"])
        #expect(report.lines == ["content/a.md:1:1: error: unterminated front matter (expected a closing '---') [FrontMatter]"])
    }

    @Test func wrongFrontMatterType() throws {
        let report = try build(["a.md": "---\ntitle: [a, b]\n---\n# A\n"])
        #expect(report.lines == ["content/a.md:2:8: error: expected a string for 'title', found a list [FrontMatter]"])
    }

    @Test func linkToAPageFilteredOutOfOneBrand() throws {
        let report = try build([
            "index.md": "# Home\n\nSee [support](support.md).\n",
            "support.md": "---\nbrands: [alpha]\n---\n# Support\n",
        ])
        #expect(report.outcome == .failed)
        #expect(
            report.lines == [
                "content/index.md:3:15: error: 'support.md' links to 'support.md', which is not published for brand 'beta' [BrokenLink]"
            ])
    }

    @Test func linkToAMissingPageAndAMissingAnchor() throws {
        let report = try build(
            [
                "index.md": "# Home\n\n[a](guide.md) [b](setup.md#step-3) [c](#nowhere)\n",
                "setup.md": "# Setup\n\n## Step 2\n",
            ], brands: ["alpha"])
        #expect(
            report.lines == [
                "content/index.md:3:5: error: 'guide.md' does not exist [BrokenLink]",
                "content/index.md:3:19: error: 'setup.md' has no heading or id 'step-3'; did you mean 'step-2'? [MissingAnchor]",
                "content/index.md:3:40: error: this page has no heading or id 'nowhere' [MissingAnchor]",
            ])
    }

    @Test func missingImage() throws {
        let report = try build(["index.md": "# Home\n\n![Flow](img/flow.png)\n"], brands: ["alpha"])
        #expect(report.lines == ["content/index.md:3:9: error: image 'img/flow.png' does not exist [MissingImage]"])
    }

    @Test func linkOutsideTheDocsFolder() throws {
        let report = try build(["index.md": "# Home\n\n[x](../README.md)\n"], brands: ["alpha"])
        #expect(report.lines == ["content/index.md:3:5: error: '../README.md' points outside the docs folder [OutsideRoot]"])
    }

    @Test func unknownBrandInFrontMatter() throws {
        let report = try build(["a.md": "---\nbrands: [alpah]\n---\n# A\n"])
        #expect(report.lines == ["content/a.md:2:10: error: unknown brand 'alpah' in 'brands'; did you mean 'alpha'? [FrontMatter]"])
    }

    @Test func missingConfigIsUnusable() throws {
        let site = try TestSite(["content/index.md": "# Home\n"])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.outcome == .unusable)
        #expect(report.outcome.exitCode == 2)
    }
}

/// Bad input never crashes: each case gives a diagnostic or renders.
@Suite struct RobustnessTests {
    func build(_ files: [String: Data]) throws -> (BuildReport, TestSite) {
        let site = try TestSite(["trellis.yml": "site_name: Robust\nextra:\n  brand: R\n"])
        for (path, data) in files { try site.write("content/" + path, data) }
        return (site.build(), site)
    }

    @Test func invalidUTF8IsReportedWithItsPosition() throws {
        var bytes = Data("# Title\n\nab".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(Data(" cd\n".utf8))
        let (report, site) = try build(["bad.md": bytes])
        defer { site.cleanUp() }
        #expect(
            report.lines == [
                "content/bad.md:3:3: error: the file is not valid UTF-8; invalid bytes are shown as U+FFFD [InvalidEncoding]"
            ])
    }

    @Test func emptyFileRenders() throws {
        let (report, site) = try build(["empty.md": Data()])
        defer { site.cleanUp() }
        #expect(report.lines == [])
        #expect(site.output("default/empty/index.html") != nil)
    }

    @Test func fiveMegabytePageRenders() throws {
        let paragraph = "A line of text with **bold**, `code` and a {{ brand }} macro.\n\n"
        let text = "# Big\n\n" + String(repeating: paragraph, count: 5_000_000 / paragraph.utf8.count)
        let (report, site) = try build(["big.md": Data(text.utf8)])
        defer { site.cleanUp() }
        #expect(report.lines == [])
        #expect(site.output("default/big/index.html")?.contains("a R macro.") == true)
    }

    @Test func tenThousandDeepNestedListRenders() throws {
        let text = String(repeating: "- ", count: 10_000) + "item\n"
        let (report, site) = try build(["deep.md": Data(text.utf8)])
        defer { site.cleanUp() }
        #expect(report.outcome == .success)
        #expect(site.output("default/deep/index.html")?.contains("<li>item") == true)
    }

    @Test func tenThousandDeepBlockquoteRenders() throws {
        let text = String(repeating: ">", count: 10_000) + " deep\n"
        let (report, site) = try build(["quote.md": Data(text.utf8)])
        defer { site.cleanUp() }
        #expect(report.outcome == .success)
        #expect(site.output("default/quote/index.html")?.contains("deep") == true)
    }
}
