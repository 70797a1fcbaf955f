import Testing
@testable import TrellisTemplates

/// Tabs, breadcrumbs, open sections and the table of contents as Material shows them.
@Suite struct MaterialNavigationTests {
    let index = NavigationIndex([
        .page("Home", ""),
        .section("Guide", [.page("Overview", "guide/"), .section("Deep", [.page("Tuning", "guide/deep/tuning/")])]),
        NavNode(title: "Reference", url: "ref/", children: [.page("API", "ref/api/")]),
        .page("Status", "https://status.example/"),
    ])

    @Test func tabsAreTheTopLevelLinkingToTheirFirstPage() {
        let tabs = index.tabs(for: "guide/deep/tuning/")
        #expect(tabs.map(\.title) == ["Home", "Guide", "Reference", "Status"])
        #expect(tabs.map(\.url) == ["", "guide/", "ref/", "https://status.example/"])
        #expect(tabs.map(\.isActive) == [false, true, false, false])
        #expect(index.tabs(for: nil).allSatisfy { !$0.isActive })
    }

    @Test func pathListsHomeAndTheSectionsAboveThePage() {
        #expect(index.path(to: "guide/deep/tuning/", homeURL: "").map(\.title) == ["Home", "Guide", "Deep"])
        #expect(index.path(to: "guide/deep/tuning/", homeURL: "").map(\.url) == ["", "guide/", "guide/deep/tuning/"])
        // A section's index page is under that section.
        #expect(index.path(to: "ref/", homeURL: "").map(\.title) == ["Home", "Reference"])
        // Fewer than two entries: none.
        #expect(index.path(to: "", homeURL: "").isEmpty)
        #expect(index.path(to: "nowhere/", homeURL: "").isEmpty)
        // Without the home page in the nav, a page one section down has no trail.
        #expect(index.path(to: "guide/", homeURL: "index.html").isEmpty)
        // A home page inside a section is not MkDocs' homepage.
        let nested = NavigationIndex([
            NavNode(title: "Start", url: "", children: [.page("Intro", "intro/")]), .section("Models", [.page("Icon", "models/icon/")]),
        ])
        #expect(nested.path(to: "models/icon/", homeURL: "").map(\.title) == [])
        #expect(nested.path(to: "intro/", homeURL: "").map(\.title) == [])
    }

    @Test func sectionsOpenTheTopLevelOnlyAndExpandOpensAll() {
        let closed = index.sidebar(for: "ref/api/")
        #expect(closed[1].children.isEmpty)
        let sections = index.sidebar(for: "ref/api/", options: SidebarOptions(sectionDepth: 0))
        #expect(sections[1].children.map(\.title) == ["Overview", "Deep"])
        #expect(sections[1].children[1].children.isEmpty)
        let all = index.sidebar(for: "ref/api/", options: SidebarOptions(expandAll: true))
        #expect(all[1].children[1].children.map(\.title) == ["Tuning"])
        // With tabs, the groups are one level down, under the active tab.
        #expect(SidebarOptions(ThemeFeatures(material: ["navigation.tabs", "navigation.sections"])).sectionDepth == 1)
    }

    @Test func tocNestsAsPythonMarkdownAndDropsTheTitleHeading() {
        let flat = [
            TocEntry(level: 1, id: "t", title: "T"), TocEntry(level: 2, id: "a", title: "A"),
            TocEntry(level: 4, id: "a4", title: "A4"), TocEntry(level: 3, id: "a3", title: "A3"),
            TocEntry(level: 5, id: "a5", title: "A5"), TocEntry(level: 2, id: "b", title: "B"),
        ]
        let toc = TocEntry.nest(flat, levels: 1...6)
        #expect(toc.map(\.id) == ["a", "b"])
        #expect(toc[0].children.map(\.id) == ["a4", "a3"])
        #expect(toc[0].children[1].children.map(\.id) == ["a5"])
        // A page without an h1 keeps every entry at the top.
        #expect(TocEntry.nest(Array(flat.dropFirst()), levels: 1...6).map(\.id) == ["a", "b"])
        #expect(TocEntry.nest(flat, levels: 1...2).flatMap(\.children).isEmpty)
    }

    @Test func featureNamesForTheScriptKeepAFixedOrder() {
        let features = ThemeFeatures(material: ["content.code.copy", "navigation.top", "navigation.tabs.sticky", "unknown.feature"])
        // Sticky tabs need tabs.
        #expect(features.scriptNames == "navigation.top content.code.copy")
        #expect(ThemeFeatures(material: ["navigation.tabs", "navigation.tabs.sticky"]).scriptNames == "navigation.tabs.sticky")
    }
}

@Suite struct MaterialLookRenderTests {
    @Test func stickyTabsSitInTheHeader() throws {
        var page = SamplePage.page()
        page.site.features = ThemeFeatures(material: ["navigation.tabs", "navigation.tabs.sticky"])
        page.tabs = [NavTab(title: "Guide", url: "guide/", isActive: true)]
        let html = try ThemeRenderer().render(page: page)
        let header = try #require(section(of: html, from: "<header", to: "</header>"))
        #expect(header.contains(#"<a class="trellis-tabs__link" href="../../guide/" aria-current="true">Guide</a>"#))
        #expect(header.contains("trellis-header--lifted"))
        page.site.features.tabsSticky = false
        let loose = try ThemeRenderer().render(page: page)
        #expect(!(try #require(section(of: loose, from: "<header", to: "</header>"))).contains("trellis-tabs"))
        #expect(loose.contains("trellis-tabs__link"))
    }

    @Test func theToggleShowsTheFirstSchemeAndPointsToTheNext() throws {
        let html = try ThemeRenderer().render(page: SamplePage.page())
        let form = try #require(section(of: html, from: #"<form class="trellis-palette""#, to: "</form>"))
        #expect(form.contains(#"data-trellis-palette-next="1" title="Switch to dark mode" aria-label="Switch to dark mode"><svg id="moon"></svg></button>"#))
        #expect(form.contains(#"data-trellis-palette-next="0" title="Switch to light mode" aria-label="Switch to light mode" hidden><svg id="sun"></svg>"#))
        var single = SamplePage.page()
        single.site.palette = [PaletteScheme(scheme: "slate")]
        let one = try ThemeRenderer().render(page: single)
        #expect(!one.contains("trellis-palette"))
        #expect(one.contains(#"data-md-color-scheme="slate""#))
    }

    @Test func aMaterialColourNameIsAnAttributeNotAVariable() throws {
        var page = SamplePage.page()
        page.site.primaryColor = "Deep Purple"
        page.site.accentColor = nil
        let html = try ThemeRenderer().render(page: page)
        #expect(html.contains(#"data-md-color-primary="deep-purple""#))
        #expect(!html.contains("--md-primary-fg-color:"))
    }
}
