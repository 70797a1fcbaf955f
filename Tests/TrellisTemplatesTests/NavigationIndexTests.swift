import Testing
@testable import TrellisTemplates

@Suite struct NavigationIndexTests {
    /// `sections` top-level sections of `pages` pages each, plus a home page.
    func bigSite(sections: Int, pages: Int) -> [NavNode] {
        [.page("Home", "index.html")]
            + (0..<sections).map { s in
                .section("Section \(s)", (0..<pages).map { p in .page("Page \(s).\(p)", "s\(s)/p\(p).html") })
            }
    }

    @Test func sidebarSizeGrowsWithTopLevelAndOwnSectionOnly() throws {
        let index = NavigationIndex(bigSite(sections: 1_000, pages: 10))
        #expect(index.count == 1 + 1_000 * 11)
        let sidebar = index.sidebar(for: "s500/p3.html")
        #expect(sidebar.count == 1_001)
        #expect(sidebar.reduce(0) { $0 + $1.totalCount } == 1_001 + 10)

        let html = try ThemeRenderer().render(page: PageView(
            site: SiteView(siteName: "Big"), title: "Page", root: "../", contentHTML: "<p>x</p>", sidebar: sidebar))
        #expect(html.components(separatedBy: "<li class=\"trellis-nav__item").count - 1 == 1_001 + 10)
        #expect(html.contains(#"href="../s500/p9.html""#))
        #expect(!html.contains(#"href="../s501/p1.html""#))
    }

    @Test func expandsEveryAncestorOfANestedPage() throws {
        let index = NavigationIndex(SamplePage.nav)
        let sidebar = index.sidebar(for: "getting-started/config/basics.html")
        let started = try #require(sidebar.first { $0.title == "Getting started" })
        #expect(started.isInActiveTrail && started.isExpanded && !started.isActive && started.url == nil)
        let config = try #require(started.children.first { $0.title == "Configuration" })
        #expect(config.isInActiveTrail && config.isExpanded)
        let basics = try #require(config.children.first)
        #expect(basics.isActive && basics.isInActiveTrail)
        #expect(config.children[1].isActive == false)
        let compute = try #require(sidebar.first { $0.title == "Compute" })
        #expect(compute.isSection && !compute.isExpanded && compute.url == "compute/instances.html")
    }

    @Test func pageOutsideTheNavGetsTheCollapsedTopLevel() {
        let sidebar = NavigationIndex(SamplePage.nav).sidebar(for: "orphan.html")
        #expect(sidebar.count == SamplePage.nav.count)
        #expect(sidebar.allSatisfy { !$0.isExpanded && !$0.isInActiveTrail })
    }

    @Test func neighboursFollowReadingOrderAndSkipExternalLinks() {
        let index = NavigationIndex(SamplePage.nav)
        #expect(index.neighbours(of: "index.html").previous == nil)
        #expect(index.neighbours(of: "index.html").next?.url == "getting-started/install.html")
        #expect(index.neighbours(of: "storage/snapshots.html").next?.url == "api.html")
        #expect(index.neighbours(of: "api.html").next == nil)
        #expect(index.trail(to: "getting-started/config/basics.html") == ["Getting started", "Configuration", "Basics"])
    }

    @Test func expandedSectionWithAnIndexPageLinksToIt() throws {
        let nav = [NavNode(title: "Guide", url: "guide/index.html", children: [.page("One", "guide/one.html")])]
        let guide = try #require(NavigationIndex(nav).sidebar(for: "guide/one.html").first)
        #expect(guide.isExpanded && guide.url == "guide/index.html")
    }

    @Test func sectionWithoutPagesHasNoLink() {
        let sidebar = NavigationIndex([.section("Empty", [.section("Still empty", [])]), .page("A", "a.html")])
            .sidebar(for: "a.html")
        #expect(sidebar[0].url == nil)
    }

    @Test func veryDeepNavIsIndexedAndExpandedOnlyToABound() {
        var node = NavNode.page("Leaf", "leaf.html")
        for level in 0..<5_000 { node = .section("Level \(level)", [node]) }
        let index = NavigationIndex([node])
        #expect(index.count == 5_001)
        var depth = 0
        var items = index.sidebar(for: "leaf.html")
        while let first = items.first, first.isExpanded {
            depth += 1
            items = first.children
        }
        #expect(depth == NavigationIndex.maxExpandedDepth)
        let collapsed = index.sidebar(for: nil)
        #expect(collapsed[0].url == "leaf.html" && !collapsed[0].isExpanded)
    }

    @Test func recognisesExternalURLs() {
        #expect(NavNode.isExternal("https://example.com"))
        #expect(NavNode.isExternal("mailto:a@b.c"))
        #expect(NavNode.isExternal("//cdn.example.com/x.js"))
        #expect(!NavNode.isExternal("guide/a.html"))
        #expect(!NavNode.isExternal("guide/a:b.html"))
        #expect(NavNode.isExternal("HTTPS://example.com"))
        #expect(NavNode.isExternal("git+ssh-1.x:repo"))
        #expect(NavNode.isExternal("/guide/a.html"))
        #expect(NavNode.isExternal("émoji:x"))
        #expect(!NavNode.isExternal("1http://example.com"))
        #expect(!NavNode.isExternal(":x"))
        #expect(!NavNode.isExternal("a b:x"))
        #expect(!NavNode.isExternal("guide/é.html"))
        #expect(!NavNode.isExternal(""))
    }
}
