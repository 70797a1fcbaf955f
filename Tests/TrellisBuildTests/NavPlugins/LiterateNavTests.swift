import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// mkdocs-literate-nav's navs, checked against `mkdocs build` (MkDocs 1.6.1,
/// mkdocs-literate-nav 0.6.3, mkdocs-section-index 0.3.12) on the same files.
@Suite struct LiterateNavTests {
    static let summary = """
        # Site nav

        Some intro text.

        * [Home](index.md)
        * [The Guide](guide/)
        * Reference
            * [API](ref/api.md)
            * *.md
        * [Tutorial](tut/index.md)
            * [Step one](tut/one.md)
        * [Example](https://example.com/)
        * [Missing](nope.md)
        * [Misc](misc/)
        * *.md

        """

    static func site(plugins: String = "  - literate-nav\n") throws -> TestSite {
        try TestSite([
            "mkdocs.yml": "site_name: LN\nplugins:\n" + plugins,
            "docs/SUMMARY.md": summary,
            "docs/index.md": "# Home\n", "docs/about.md": "# About\n", "docs/zeta.md": "# Zeta\n",
            "docs/guide/index.md": "# Guide index\n", "docs/guide/install.md": "# Install\n", "docs/guide/use.md": "# Use\n",
            "docs/guide/SUMMARY.md": "* [Use it](use.md)\n* [Install](install.md)\n* [Deep](deep/)\n",
            "docs/guide/deep/a.md": "# Deep A\n", "docs/guide/deep/b.md": "# Deep B\n",
            "docs/ref/api.md": "# API\n", "docs/ref/cli.md": "# CLI\n",
            "docs/tut/index.md": "# Tut\n", "docs/tut/one.md": "# One\n", "docs/tut/two.md": "# Two\n",
            "docs/misc/m1.md": "# M1\n", "docs/misc/README.md": "# M2\n",
        ])
    }

    /// The nav as an indented outline of titles and URLs.
    static func outline(_ items: [NavItem], depth: Int = 0) -> [String] {
        items.flatMap { item in
            [String(repeating: "  ", count: depth) + item.title + " " + (item.url ?? "-")] + outline(item.children, depth: depth + 1)
        }
    }

    static func nav(_ s: TestSite) throws -> [String] {
        var options = BuildOptions(root: s.root)
        options.mode = .lint
        var site = SiteState(options: options)
        for stage in BuildPipeline.siteStages { try stage.run(&site) }
        var state = BrandState(brand: site.brands[0])
        for stage in BuildPipeline.brandStages.prefix(while: { $0.name != "check links" }) { try stage.run(&state, site: site) }
        return outline(state.nav)
    }

    @Test func navFilesFolderLinksAndWildcardsMakeTheNav() throws {
        let s = try Self.site()
        defer { s.cleanUp() }
        #expect(try Self.nav(s) == [
            "Home ", "The Guide -", "  Use it guide/use/", "  Install guide/install/", "  Deep -", "    Deep A guide/deep/a/",
            "    Deep B guide/deep/b/", "Reference -", "  API ref/api/", "  About about/", "  Zeta zeta/", "Tutorial -",
            "  Tut tut/", "  Step one tut/one/", "Example https://example.com/", "Missing nope.md", "Misc -", "  M2 misc/",
            "  M1 misc/m1/",
        ])
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.filter { !$0.contains("OrphanPage") } == [
            "docs/SUMMARY.md:13:1: warning: the nav names 'nope.md', which is not found among the documentation files [NavMissingPage]",
            "docs/SUMMARY.md:13:13: warning: 'nope.md' does not exist [BrokenLink]",
            "docs/guide/SUMMARY.md:3:10: warning: 'deep/' does not exist [BrokenLink]",
            "docs/guide/index.md:1:1: note: the page is not in the literate-nav nav [PageNotInNav]",
            "docs/ref/cli.md:1:1: note: the page is not in the literate-nav nav [PageNotInNav]",
            "docs/tut/two.md:1:1: note: the page is not in the literate-nav nav [PageNotInNav]",
        ])
        // MkDocs still writes the nav files as pages.
        #expect(s.output("SUMMARY/index.html") != nil)
        #expect(s.output("guide/SUMMARY/index.html") != nil)
        let api = try #require(s.output("ref/api/index.html"))
        #expect(api.contains(#"<span class="trellis-nav__label">Reference</span><ul class="trellis-nav__list">"#))
        #expect(api.contains(#"<a class="trellis-nav__link" href="../../about/">About</a>"#))
        #expect(api.contains(#"<a class="trellis-nav__link" href="https://example.com/">Example</a>"#))
    }

    @Test func implicitIndexAndSectionIndexMakeSectionsLinkToTheirPage() throws {
        let s = try Self.site(plugins: "  - literate-nav:\n      implicit_index: true\n  - section-index\n")
        defer { s.cleanUp() }
        #expect(try Self.nav(s) == [
            "Home ", "The Guide guide/", "  Use it guide/use/", "  Install guide/install/", "  Deep guide/deep/a/",
            "    Deep B guide/deep/b/", "Reference -", "  API ref/api/", "  About about/", "  Zeta zeta/", "Tutorial tut/",
            "  Step one tut/one/", "Example https://example.com/", "Missing nope.md", "Misc misc/", "  M1 misc/m1/",
        ])
        let report = s.build()
        #expect(!report.lines.contains { $0.contains("guide/index.md") })
        let tutorial = try #require(s.output("tut/index.html"))
        #expect(tutorial.contains("<title>Tutorial - LN</title>"))
        #expect(tutorial.contains(
            #"<a class="trellis-nav__link trellis-nav__link--section" href="../tut/" aria-current="page">Tutorial</a><ul class="trellis-nav__list">"#))
        #expect(tutorial.contains(#"<a class="trellis-nav__link" href="../tut/one/">Step one</a>"#))
    }

    @Test func withoutARootNavFileTheConfigNavIsResolved() throws {
        let s = try Self.site()
        defer { s.cleanUp() }
        try s.remove("docs/SUMMARY.md")
        try s.write("mkdocs.yml", "site_name: LN\nplugins:\n  - literate-nav\nnav:\n  - index.md\n  - Guide: guide/\n  - Refs: ref/*.md\n")
        #expect(try Self.nav(s) == [
            "Home ", "Guide -", "  Use it guide/use/", "  Install guide/install/", "  Deep -", "    Deep A guide/deep/a/",
            "    Deep B guide/deep/b/", "Refs -", "  API ref/api/", "  CLI ref/cli/",
        ])
    }

    @Test func anExcludedNavFileIsStillReadAndExcludedPagesStayInTheNav() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: LX\nexclude_docs: |\n  SUMMARY.md\n  old.md\nplugins:\n  - literate-nav\n",
            "docs/SUMMARY.md": "* [Home](index.md)\n* [Old](old.md)\n* *.md\n",
            "docs/index.md": "# Home\n", "docs/old.md": "# Old\n", "docs/new.md": "# New\n", "docs/gone.md": "# Gone\n",
        ])
        defer { s.cleanUp() }
        #expect(try Self.nav(s) == ["Home ", "Old old/", "Gone gone/", "New new/"])
        let report = s.build()
        #expect(report.lines == [
            "docs/SUMMARY.md:2:1: note: the nav names 'old.md', which is excluded from the built site [ExcludedFileLink]"
        ])
        #expect(s.outputFiles().filter { $0.hasSuffix(".html") } == ["404.html", "gone/index.html", "index.html", "new/index.html"])
    }

    @Test func unsupportedOptionsAreNamedOnce() throws {
        let s = try Self.site(plugins: "  - literate-nav:\n      markdown_extensions: [toc]\n      tab_length: 2\n  - section-index:\n      foo: 1\n")
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines.filter { $0.contains("UnsupportedPlugin") } == [
            "mkdocs.yml:3:5: warning: the literate-nav plugin's option 'markdown_extensions' is not supported; ignored [UnsupportedPlugin]",
            "mkdocs.yml:6:5: warning: the section-index plugin's option 'foo' is not supported; ignored [UnsupportedPlugin]",
        ])
    }
}

/// How a nav file's Markdown list is read, as Python-Markdown and the plugin read it.
@Suite struct LiterateNavFileTests {
    typealias Item = LiterateNavFile.Item

    @Test func theLastListIsTheNavAndNestingTakesATab() throws {
        let items = try #require(try LiterateNavFile.parse("* [A](a.md)\n\nText.\n\n* B\n    * [C](c.md)\n  * [D](d.md)\n"))
        #expect(items == [
            Item(text: "B", link: nil, children: [Item(text: nil, link: .init(title: "C", href: "c.md"), line: 6)], line: 5),
            Item(text: nil, link: .init(title: "D", href: "d.md"), line: 7),
        ])
        let two = try #require(try LiterateNavFile.parse("* B\n  * [C](c.md)\n", tabLength: 2))
        #expect(two.count == 1 && two[0].children?.count == 1)
    }

    @Test func theFirstListAfterTheMarkerIsTheNav() throws {
        let items = try #require(try LiterateNavFile.parse("* [X](x.md)\n\n<!--nav-->\n* [A](a.md \"title\")\n\n* [B](b.md)\n".replacingOccurrences(of: "\n\n* [B]", with: "\n\nText\n\n* [B]")))
        #expect(items == [Item(text: nil, link: .init(title: "A", href: "a.md"), line: 4)])
    }

    @Test func aLooseListOrTextAfterALinkIsAnError() {
        #expect(throws: LiterateNavFile.ParseError.self) { try LiterateNavFile.parse("* [A](a.md)\n\n* [B](b.md)\n") }
        #expect(throws: LiterateNavFile.ParseError.self) { try LiterateNavFile.parse("* [A](a.md) more\n") }
    }

    @Test func aParagraphBeforeTheListHidesIt() throws {
        #expect(try LiterateNavFile.parse("Intro\n* [A](a.md)\n") == nil)
    }
}

/// Nav files that could exhaust the stack or loop are refused or cut off, never followed.
@Suite struct LiterateNavLimitTests {
    @Test func aListNestedTooDeepIsAnError() {
        let text = (0..<200).map { String(repeating: " ", count: 4 * $0) + "* Level \($0)" }.joined(separator: "\n") + "\n"
        #expect(throws: LiterateNavFile.ParseError.self) { try LiterateNavFile.parse(text) }
    }

    @Test func folderLinksThatLeadBackAreNotFollowed() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Loop\nplugins:\n  - literate-nav\n",
            "docs/SUMMARY.md": "* [A](a/)\n",
            "docs/a/SUMMARY.md": "* [Up](../)\n* [Page](p.md)\n",
            "docs/a/p.md": "# P\n",
        ])
        defer { s.cleanUp() }
        // MkDocs keeps the folder link as a link to where it leads, and warns.
        #expect(try LiterateNavTests.nav(s) == ["A -", "  Up ../", "  Page a/p/"])
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.filter { $0.contains("NavMissingPage") } == [
            "docs/a/SUMMARY.md:1:1: warning: literate-nav: disallowing recursion '.' -> 'a' -> '.' [NavMissingPage]",
            "docs/a/SUMMARY.md:1:1: warning: the nav names '../', which is not found among the documentation files [NavMissingPage]",
        ])
    }
}

/// Arbitrary nav files and patterns are read or refused, never a crash.
@Suite struct NavPluginRobustnessTests {
    /// A small deterministic generator (no dependence on the system's random source).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = [
        "* ", "- ", "1. ", "    ", "\t", "  ", "\n", "\n\n", "[", "]", "(", ")", "<", ">", "*", "/", "../", "a.md",
        "https://x", "<!--nav-->", "# ", "\\", "!", "?", "[!a]", "**", "é", " \"t\"",
    ]

    @Test func randomNavFilesAndPatternsNeverCrash() throws {
        var random = Generator(state: 42)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.next(40) { text += Self.pieces[random.next(Self.pieces.count)] }
            _ = try? LiterateNavFile.parse(text, tabLength: random.next(6))
            _ = try? GitIgnoreSpec(text: text).matches("a/b/c.md")
        }
        let s = try TestSite([
            "mkdocs.yml": "site_name: R\nplugins:\n  - literate-nav\n",
            "docs/SUMMARY.md": "* [A](a/)\n    * *\n* ../*\n* [B](/b.md)\n", "docs/a/SUMMARY.md": "* [[x]](../a/)\n* *\n",
            "docs/a/p.md": "# P\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().outcome != .unusable)
    }
}
