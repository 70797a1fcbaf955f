import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Whole small sites built from inline files, asserting on the written HTML.
@Suite struct BuildTests {
    func site(_ pages: [String: String]) throws -> TestSite {
        var files = ["trellis.yml": twoBrandConfig, "brands/alpha.yml": alphaBrand, "brands/beta.yml": betaBrand]
        for (path, text) in pages { files["content/" + path] = text }
        return try TestSite(files)
    }

    @Test func buildsOneThemedSitePerBrandWithItsOwnVariables() throws {
        let s = try site(["index.md": "# Welcome\n\nUse the {{ panel.name }} at `{{ panel.domain }}`.\n"])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [])
        #expect(report.outcome == .success)
        let alpha = try #require(s.output("alpha/index.html"))
        let beta = try #require(s.output("beta/index.html"))
        #expect(alpha.contains("Use the Alpha Panel at <code>panel.alpha.example</code>."))
        #expect(beta.contains("Use the Beta Console at <code>console.beta.example</code>."))
        #expect(alpha.contains("Alpha Cloud") && !alpha.contains("Beta Hosting"))
        #expect(beta.contains("Beta Hosting") && !beta.contains("Alpha Cloud"))
        #expect(alpha.contains("#112233") && beta.contains("#445566"))
        #expect(report.pagesWritten == ["alpha": 1, "beta": 1])
    }

    @Test func writesDirectoryURLsAndRewritesRelativeLinksKeepingFragments() throws {
        let s = try site([
            "index.md": "# Home\n\n[Guide](guides/setup.md#step-two) and [folder](guides/)\n",
            "guides/index.md": "# Guides\n",
            "guides/setup.md": "# Setup\n\n## Step two\n\n[home](../index.md) [self](#step-two) [other](other.md)\n",
            "guides/other.md": "# Other\n",
        ])
        defer { s.cleanUp() }
        let report = s.build(brands: ["alpha"])
        #expect(report.lines == [])
        let home = try #require(s.output("alpha/index.html"))
        #expect(home.contains(#"<a href="guides/setup/#step-two">Guide</a>"#))
        #expect(home.contains(#"<a href="guides/">folder</a>"#))
        let setup = try #require(s.output("alpha/guides/setup/index.html"))
        #expect(setup.contains(#"<a href="../../">home</a>"#))
        #expect(setup.contains(##"<a href="#step-two">self</a>"##))
        #expect(setup.contains(#"<a href="../other/">other</a>"#))
        #expect(s.output("alpha/guides/index.html") != nil)
    }

    @Test func copiesImagesWithTheirLayoutAndRewritesTheirPaths() throws {
        let s = try site(["guides/setup.md": "# Setup\n\n![Diagram](img/flow.svg)\n"])
        try s.write("content/guides/img/flow.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        defer { s.cleanUp() }
        let report = s.build(brands: ["alpha"])
        #expect(report.lines == [])
        let setup = try #require(s.output("alpha/guides/setup/index.html"))
        #expect(setup.contains(#"<img src="../img/flow.svg" alt="Diagram" />"#))
        #expect(s.output("alpha/guides/img/flow.svg") != nil)
    }

    @Test func headingsGetPythonMarkdownIdsPermalinksAndATableOfContents() throws {
        let s = try site(["index.md": "# Title\n\n## Über uns\n\n## Step 1\n\n## Step 1\n"])
        defer { s.cleanUp() }
        #expect(
            s.build(brands: ["alpha"]).lines == [
                "content/index.md:7:1: warning: heading 'Step 1' has the same id as an earlier heading ('step-1'), so it gets 'step-1_1' [DuplicateHeadingId]"
            ])
        let html = try #require(s.output("alpha/index.html"))
        #expect(html.contains(#"<h2 id="uber-uns">"#))
        #expect(html.contains(#"<h2 id="step-1">"#))
        #expect(html.contains(#"<h2 id="step-1_1">"#))
        #expect(html.contains(##"<a class="headerlink" href="#uber-uns" title="Permanent link">&para;</a>"##))
        #expect(html.contains(##"href="#step-1_1""##))
    }

    @Test func iconsBecomeInlineSVGButNotInsideCode() throws {
        let s = try site([
            "index.md": "# Icons\n\nUpgrade :fontawesome-solid-circle-arrow-up: now, not `:material-check:`.\n\n```\n:material-check:\n```\n"
        ])
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        let html = try #require(s.output("alpha/index.html"))
        #expect(html.contains(#"Upgrade <span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg""#))
        #expect(html.contains("<code>:material-check:</code>"))
        // Trellis sites highlight code blocks as pymdownx.highlight does (no language: plain text).
        #expect(html.contains("<div class=\"highlight\"><pre><span></span><code>:material-check:\n</code></pre></div>"))
    }

    @Test func macrosExpandInsideFencedCodeAndLinkTargets() throws {
        let s = try site([
            "index.md": "# Home\n\n[Open](https://{{ panel.domain }}/login)\n\n```sh\ncurl https://{{ panel.domain }}/api\n```\n"
        ])
        defer { s.cleanUp() }
        #expect(s.build(brands: ["beta"]).lines == [])
        let html = try #require(s.output("beta/index.html"))
        #expect(html.contains(#"<a href="https://console.beta.example/login">Open</a>"#))
        #expect(html.contains("<code>curl<span class=\"w\"> </span>https://console.beta.example/api"))
    }

    @Test func renderMacrosFalseLeavesMacrosAsWritten() throws {
        let s = try site(["index.md": "---\nrender_macros: false\n---\n# Raw\n\nShows {{ brand }} literally.\n"])
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        #expect(try #require(s.output("alpha/index.html")).contains("Shows {{ brand }} literally."))
    }

    @Test func pagesPublishedForOneBrandOnlyAreLeftOutOfTheOther() throws {
        let s = try site(["index.md": "# Home\n", "alpha-only.md": "---\nbrands: [alpha]\n---\n# Only alpha\n"])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [])
        #expect(s.output("alpha/alpha-only/index.html") != nil)
        #expect(s.output("beta/alpha-only/index.html") == nil)
        #expect(report.pagesWritten == ["alpha": 2, "beta": 1])
    }

    @Test func deletedPagesDisappearFromTheNextBuild() throws {
        let s = try site(["index.md": "# Home\n", "old.md": "# Old\n"])
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).outcome == .success)
        #expect(s.output("alpha/old/index.html") != nil)
        try s.remove("content/old.md")
        #expect(s.build(brands: ["alpha"]).outcome == .success)
        #expect(s.output("alpha/old/index.html") == nil)
        #expect(s.output("alpha/index.html") != nil)
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let s = try site(["index.md": "# Home\n\nVersion one for {{ brand }}.\n"])
        defer { s.cleanUp() }
        #expect(s.build().outcome == .success)
        let before = s.outputFiles()
        let alphaBefore = s.output("alpha/index.html")
        try s.write("content/index.md", "# Home\n\nVersion two for {{ brnd }}.\n")
        try s.write("content/new.md", "# New\n")
        let report = s.build()
        #expect(report.outcome == .failed)
        #expect(s.outputFiles() == before)
        #expect(s.output("alpha/index.html") == alphaBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.root.appending(path: "site").path)
        #expect(leftovers.sorted() == ["alpha", "beta"])
    }

    @Test func derivesTheNavigationFromFoldersByWeightThenName() throws {
        let s = try site([
            "index.md": "# Home\n",
            "b.md": "---\nweight: 1\n---\n# Bee\n",
            "a.md": "# Ay\n",
            "sec/index.md": "---\nweight: 0\n---\n# Section\n",
            "sec/z.md": "# Zed\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build(brands: ["alpha"]).lines == [])
        let html = try #require(s.output("alpha/index.html"))
        let order = ["Section", "Bee", "Ay"].compactMap { html.range(of: ">\($0)<")?.lowerBound }
        #expect(order.count == 3)
        #expect(order == order.sorted())
    }
}

/// File names are bytes: one that is not UTF-8 cannot round-trip through a String, so it was
/// reported as a failed read (or copy) of a file with another name.
@Suite struct FileNameTests {
    @Test func aNameThatIsNotUTF8IsAnEncodingErrorNamingIt() throws {
        let site = try TestSite(["mkdocs.yml": "site_name: N\n", "docs/index.md": "# Home\n"])
        defer { site.cleanUp() }
        for name: [UInt8] in [Array("docs/bad".utf8) + [0xFF] + Array(".md".utf8), Array("docs/img".utf8) + [0xFE] + Array(".png".utf8)] {
            let path = Array(site.root.path.utf8) + [UInt8(ascii: "/")] + name + [0]
            let fd = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            try #require(fd >= 0)
            close(fd)
        }
        let report = site.build()
        #expect(
            report.lines == [
                "docs/bad\u{FFFD}.md: error: the name 'docs/bad\u{FFFD}.md' is not valid UTF-8, so it cannot be published; rename it [InvalidEncoding]",
                "docs/img\u{FFFD}.png: error: the name 'docs/img\u{FFFD}.png' is not valid UTF-8, so it cannot be published; rename it [InvalidEncoding]",
            ])
    }
}
