import Foundation
import Testing
import TrellisCore
@testable import TrellisTemplates

@Suite struct ThemeRendererTests {
    let html: String

    init() throws {
        html = try ThemeRenderer().render(page: SamplePage.page())
    }

    @Test func writesTitleDescriptionCanonicalAndGenerator() {
        #expect(html.contains("<title>Networking - Acme Cloud Docs</title>"))
        #expect(html.contains(#"<meta name="description" content="Private networks and firewalls for &quot;Acme&quot; instances.">"#))
        #expect(html.contains(#"<link rel="canonical" href="https://docs.acme.example/getting-started/config/networking.html">"#))
        #expect(html.contains(#"<meta name="generator" content="Trellis 0.1">"#))
        #expect(html.contains(#"<html lang="en">"#))
    }

    @Test func escapesBrandNameButNotContent() {
        #expect(html.contains(#"<span class="trellis-brand__name">Acme &lt;Cloud&gt;</span>"#))
        #expect(!html.contains("Acme <Cloud>"))
        #expect(html.contains(SamplePage.content))
        #expect(html.contains("Copyright &copy; 2026 <a href=\"https://acme.example\">Acme</a>"))
    }

    @Test func linksBrandFilesAndAssetsRelativeToThePage() {
        #expect(html.contains(#"<img class="trellis-brand__logo" src="../../assets/images/logo.svg" alt="">"#))
        #expect(html.contains(#"<link rel="icon" href="../../assets/images/favicon.png">"#))
        #expect(html.contains(#"<link rel="stylesheet" href="../../assets/trellis.css">"#))
        #expect(html.contains(#"<script src="../../assets/trellis.js"></script>"#))
        #expect(html.contains(#"<link rel="stylesheet" href="../../css/extra.css">"#))
        #expect(html.contains(#"<a class="trellis-brand" href="../../index.html">"#))
    }

    @Test func setsBrandColoursAsMaterialsCSSVariables() {
        #expect(html.contains("--md-primary-fg-color:#0b5cad;"))
        #expect(html.contains("--md-primary-bg-color:#ffffff;"))
        #expect(html.contains("--md-accent-fg-color:#ff6d00;"))
        // A colour that is not one of Material's names is `custom` for selectors, as in Material.
        #expect(html.contains(#"<body data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">"#))
    }

    @Test func replacesAnUnsafeColourByTheDefault() throws {
        var page = SamplePage.page()
        page.site.primaryColor = "red}</style><script>alert(1)</script>"
        let html = try ThemeRenderer().render(page: page)
        // Left out: Material's default (palette.css) applies.
        #expect(!html.contains("--md-primary-fg-color:"))
        #expect(html.contains("--md-accent-fg-color:#ff6d00;"))
        #expect(!html.contains("alert(1)"))
    }

    @Test func nestsTheTableOfContentsWithEscapedTitles() throws {
        let toc = try #require(section(of: html, from: #"<nav class="trellis-toc""#, to: "</nav>"))
        #expect(!toc.contains("#networking"))
        #expect(toc.contains(##"<a class="trellis-toc__link" href="#firewall-rules">Firewall &lt;rules&gt; &amp; policies</a>"##))
        let inner = try #require(section(of: toc, from: ##"href="#private-networks""##, to: "</ul>"))
        #expect(inner.contains("#create-a-network"))
        #expect(inner.contains("#attach-an-instance"))
        #expect(!inner.contains("#limits"))
    }

    @Test func leavesOutTheTableOfContentsWhenThePageHasNoHeadings() throws {
        var page = SamplePage.page()
        page.toc = []
        #expect(!(try ThemeRenderer().render(page: page)).contains("trellis-toc"))
    }

    @Test func marksTheActivePageAndExpandsOnlyItsSections() throws {
        let sidebar = try #require(section(of: html, from: #"<nav id="trellis-sidebar""#, to: "</nav>"))
        #expect(sidebar.contains(#"<a class="trellis-nav__link" href="../../getting-started/config/networking.html" aria-current="page">Networking</a>"#))
        #expect(sidebar.components(separatedBy: "aria-current").count == 2)
        #expect(sidebar.contains(#"href="../../getting-started/config/basics.html""#))
        #expect(sidebar.contains(#"<span class="trellis-nav__label">Getting started</span>"#))
        // Collapsed sections link to their first page; their other pages are not listed.
        #expect(sidebar.contains(#"<a class="trellis-nav__link" href="../../compute/instances.html">Compute</a>"#))
        #expect(!sidebar.contains("compute/images.html"))
        #expect(sidebar.contains(#"<a class="trellis-nav__link" href="https://status.example.com">Status</a>"#))
        #expect(sidebar.components(separatedBy: "trellis-nav__item--active").count == 4)
    }

    @Test func linksThePreviousAndNextPages() {
        #expect(html.contains(#"href="../../getting-started/config/basics.html" rel="prev""#))
        #expect(html.contains(#"href="../../compute/instances.html" rel="next""#))
    }

    @Test func linksFromTheSiteRootWithoutAPrefix() throws {
        let html = try ThemeRenderer().render(page: SamplePage.page(root: ""))
        #expect(html.contains(#"<link rel="stylesheet" href="assets/trellis.css">"#))
        #expect(html.contains(#"href="index.html""#))
    }

    @Test func rendersIdenticallyFromManyThreads() async throws {
        let renderer = try ThemeRenderer()
        let page = SamplePage.page()
        let expected = try renderer.render(page: page)
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 { group.addTask { try renderer.render(page: page) } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outputs.count == 64)
        #expect(outputs.allSatisfy { $0 == expected })
    }

    @Test func shipsTheStylesheetAndScriptAsAssets() throws {
        let assets = try ThemeRenderer.assets()
        let css = try #require(assets["assets/trellis.css"])
        #expect(String(decoding: css, as: UTF8.self).contains("--trellis-primary"))
        #expect(assets["assets/trellis.js"] != nil)
        #expect(assets.keys.allSatisfy { $0.hasPrefix("assets/") })
    }
}

/// The part of `text` from the first `start` to the next `end` after it.
func section(of text: String, from start: String, to end: String) -> String? {
    guard let lower = text.range(of: start),
        let upper = text.range(of: end, range: lower.upperBound..<text.endIndex)
    else { return nil }
    return String(text[lower.lowerBound..<upper.upperBound])
}
