import Foundation
import Testing

@testable import TrellisBuild

/// The search index a build writes per brand, read back from its files.
@Suite struct SearchIndexTests {
    func site(_ pages: [String: String], config: String = twoBrandConfig) throws -> TestSite {
        var files = ["trellis.yml": config, "brands/alpha.yml": alphaBrand, "brands/beta.yml": betaBrand]
        for (path, text) in pages { files["content/" + path] = text }
        return try TestSite(files)
    }

    @Test func indexesTitlesHeadingsWithIdsAndTheTextUnderEach() throws {
        let s = try site([
            "index.md": "# Welcome\n\nStart here.\n",
            "guides/setup.md": "# Setup guide\n\nIntro words.\n\n## Install the agent\n\nRun the installer on every node.\n\n### Verify\n\nCheck the dashboard.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        let index = try #require(try SearchOutput(s, prefix: "alpha/"))
        let setup = try #require(index.pages.first { $0.url == "guides/setup/" })
        #expect(setup.title == "Setup guide")
        #expect(setup.sections.map(\.id) == ["setup-guide", "install-the-agent", "verify"])
        #expect(setup.sections.map(\.heading) == ["Setup guide", "Install the agent", "Verify"])
        #expect(setup.sections.map(\.level) == [1, 2, 3])
        #expect(setup.sections[1].text == "Run the installer on every node.")
        #expect(setup.sections[2].text == "Check the dashboard.")
        // The permalink symbol is not text.
        #expect(!setup.sections.contains { $0.heading.contains("¶") || $0.text.contains("¶") })
        let terms = index.terms
        // English plurals are stemmed; stop words are left out.
        #expect(index.pageURLs(for: "node") == ["guides/setup/"])
        #expect(terms["the"] == nil && terms["nodes"] == nil)
        // A heading match outranks a text match, and a title match a heading match.
        let installer = try #require(terms["installer"]?.first)
        let install = try #require(terms["install"]?.first)
        let setupTerm = try #require(terms["setup"]?.first)
        #expect(install.section == 1 && installer.section == 1)
        #expect(setupTerm.section == 0)
        #expect(setupTerm.score > install.score && install.score > installer.score)
        // The theme shows a search box that finds the index from the page's folder.
        let html = try #require(s.output("alpha/guides/setup/index.html"))
        #expect(html.contains(#"data-trellis-search data-root="../../""#))
        #expect(html.contains(#"<script src="../../assets/search.js"></script>"#))
        #expect(s.output("alpha/assets/search.js") != nil && s.output("alpha/assets/search.css") != nil)
    }

    @Test func leavesOutPagesExcludedByFrontMatterAndMarkedOrCodeText() throws {
        let s = try site([
            "index.md": "# Home\n\nVisible words.\n\n```\nsecretcodeword\n```\n",
            "hidden.md": "---\nsearch:\n  exclude: true\n---\n# Hidden\n\nUnfindable phrase.\n",
            "marked.md": "# Marked\n\nKept paragraph.\n\nDropped paragraph zebra.\n{ data-search-exclude }\n",
        ], config: twoBrandConfig + "\nmarkdown_extensions: [attr_list]\n")
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        let index = try #require(try SearchOutput(s, prefix: "alpha/"))
        #expect(!index.pages.contains { $0.url == "hidden/" })
        #expect(index.terms["unfindable"] == nil)
        #expect(index.pageURLs(for: "visible") == [""])
        #expect(index.terms["secretcodeword"] == nil)
        #expect(index.pageURLs(for: "kept") == ["marked/"])
        #expect(index.terms["zebra"] == nil)
        // The page itself is still published.
        #expect(s.output("alpha/hidden/index.html") != nil)
    }

    @Test func indexesCodeBlocksWhenAsked() throws {
        let config = twoBrandConfig + "\nsearch:\n  include_code: true\n"
        let s = try site(["index.md": "# Home\n\n```\nsecretcodeword\n```\n"], config: config)
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        let index = try #require(try SearchOutput(s, prefix: "alpha/"))
        #expect(index.pageURLs(for: "secretcodeword") == [""])
    }

    @Test func eachBrandIndexesOnlyItsOwnPages() throws {
        let s = try site([
            "index.md": "# Home\n\nShared words.\n",
            "alpha-only.md": "---\nbrands: [alpha]\n---\n# Alpha pricing\n\nPlatinum tier.\n",
            "panel.md": "# Panel\n\nOpen the {{ panel.name }}.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let alpha = try #require(try SearchOutput(s, prefix: "alpha/"))
        let beta = try #require(try SearchOutput(s, prefix: "beta/"))
        #expect(alpha.pageURLs(for: "platinum") == ["alpha-only/"])
        #expect(beta.terms["platinum"] == nil)
        #expect(!beta.pages.contains { $0.url == "alpha-only/" })
        // Each brand's index holds its own variables' text.
        #expect(alpha.pageURLs(for: "console").isEmpty && beta.pageURLs(for: "console") == ["panel/"])
        #expect(alpha.pageURLs(for: "shared") == [""] && beta.pageURLs(for: "shared") == [""])
    }

    @Test func searchCanBeTurnedOff() throws {
        let s = try site(["index.md": "# Home\n"], config: twoBrandConfig + "\nsearch: false\n")
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        #expect(try SearchOutput(s, prefix: "alpha/") == nil)
        #expect(s.output("alpha/index.html")?.contains("trellis-search") == false)
    }

    @Test func mkdocsSiteSplitsWithTheSearchPluginsSeparator() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nplugins:\n  - search:\n      separator: '[\\s\\-\\.]+'\n",
            "docs/index.md": "# Home\n\nOpen example.config now.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let index = try #require(try SearchOutput(s, prefix: ""))
        #expect(index.manifest["separator"] as? String == #"[\s\-\.]+"#)
        #expect(index.pageURLs(for: "example") == [""] && index.pageURLs(for: "config") == [""])
        #expect(index.terms["example.config"] == nil)
    }

    @Test func mkdocsDefaultSeparatorKeepsDottedWordsAndCamelCaseSplitsWhenAsked() throws {
        let plain = try TestSite(["mkdocs.yml": "site_name: Docs\n", "docs/index.md": "# Home\n\nOpen example.config now.\n"])
        defer { plain.cleanUp() }
        #expect(plain.build().lines == [])
        #expect(try SearchOutput(plain, prefix: "")?.pageURLs(for: "example.config") == [""])
        // Material's documented separator splits camelCase with a lookahead.
        let camel = try TestSite([
            "mkdocs.yml": "site_name: Docs\nplugins:\n  - search:\n      separator: '[\\s\\-,:!=\\[\\]()\"/]+|(?!\\b)(?=[A-Z][a-z])|\\.(?!\\d)|&[lg]t;'\n",
            "docs/index.md": "# Home\n\nCall getUserName on v1.2 objects.\n",
        ])
        defer { camel.cleanUp() }
        #expect(camel.build().lines == [])
        let index = try #require(try SearchOutput(camel, prefix: ""))
        #expect(index.pageURLs(for: "user") == [""] && index.pageURLs(for: "get") == [""])
        #expect(index.pageURLs(for: "v1.2") == [""])
    }

    @Test func mkdocsSiteWithoutTheSearchPluginHasNoSearch() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nplugins:\n  - tags\n",
            "docs/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().outcome == .success)
        #expect(try SearchOutput(s, prefix: "") == nil)
        #expect(s.output("index.html")?.contains("trellis-search") == false)
    }

    @Test func reportsAnInvalidSeparatorAndUsesTheDefault() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nplugins:\n  - search:\n      separator: '[unclosed'\n",
            "docs/index.md": "# Home\n\nsome-thing here.\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines.contains { $0.hasPrefix("mkdocs.yml:3:5: warning: the search separator '[unclosed'") && $0.hasSuffix("[ConfigType]") })
        let index = try #require(try SearchOutput(s, prefix: ""))
        #expect(index.pageURLs(for: "thing") == [""])
    }

    @Test func shardsAreBoundedSortedAndCoverEveryTerm() throws {
        // 300 pages of 40 words no other page has: far more terms than one shard holds.
        var pages: [String: String] = [:]
        for p in 0..<300 {
            let words = (0..<40).map { "w\(p)x\($0)yz" }.joined(separator: " ")
            pages["p\(p).md"] = "# Page \(p)\n\n\(words) common.\n"
        }
        let s = try site(pages)
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        let index = try #require(try SearchOutput(s, prefix: "alpha/"))
        let ranges = try #require(index.manifest["shards"] as? [[String]])
        #expect(ranges.count > 5)
        let limit = SearchIndexFiles().shardBytes + 200
        #expect(index.shardSizes.allSatisfy { $0 <= limit })
        var previousLast: String?
        for (n, shard) in index.shards.enumerated() {
            let terms = shard.map(\.term)
            #expect(terms.first == ranges[n][0] && terms.last == ranges[n][1])
            #expect(zip(terms, terms.dropFirst()).allSatisfy { $0.utf16.lexicographicallyPrecedes($1.utf16) })
            if let previousLast, let first = terms.first { #expect(previousLast.utf16.lexicographicallyPrecedes(first.utf16)) }
            previousLast = terms.last
        }
        #expect(index.pageURLs(for: "w17x3yz") == ["p17/"])
        #expect(index.pageURLs(for: "common").count == 300)
    }
}
