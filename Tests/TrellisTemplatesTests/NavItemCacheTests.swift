import Foundation
import Testing
import TrellisCore
@testable import TrellisTemplates

/// Cached sidebar entries must give exactly the HTML of rendering every entry in place.
@Suite struct NavItemCacheTests {
    /// The sidebar partials as they were before entries were cached: they iterate `sidebar` and
    /// `children`, so every entry goes through `partials/nav-item` on every page.
    static let legacyTemplates = [
        "partials/sidebar.mustache": """
        <nav id="trellis-sidebar" class="trellis-sidebar" aria-label="Site navigation">
        <div class="trellis-sidebar__inner">
        <div class="trellis-sidebar__title">{{siteName}}</div>
        <ul class="trellis-nav">
        {{#sidebar}}
        {{> partials/nav-item}}
        {{/sidebar}}
        </ul>
        </div>
        </nav>

        """,
        "partials/nav-item.mustache": """
        <li class="trellis-nav__item{{#isSection}} trellis-nav__item--section{{/isSection}}{{#isInActiveTrail}} \
        trellis-nav__item--active{{/isInActiveTrail}}">{{#isExpanded}}{{#hasHref}}<a class="trellis-nav__link \
        trellis-nav__link--section" href="{{href}}"{{#isActive}} aria-current="page"{{/isActive}}>{{title}}</a>\
        {{/hasHref}}{{^hasHref}}<span class="trellis-nav__label">{{title}}</span>{{/hasHref}}<ul class="trellis-nav__list">
        {{#children}}
        {{> partials/nav-item}}
        {{/children}}
        </ul>{{/isExpanded}}{{^isExpanded}}{{#hasHref}}<a class="trellis-nav__link" href="{{href}}"{{#isActive}} \
        aria-current="page"{{/isActive}}>{{title}}</a>{{/hasHref}}{{^hasHref}}<span class="trellis-nav__label">\
        {{title}}</span>{{/hasHref}}{{/isExpanded}}</li>

        """,
    ]

    /// Sections of pages, some nested two deep, some with index pages, an external link and a
    /// title that needs escaping.
    static let bigNav: [NavNode] =
        (0..<12).map { section in
            let pages = (0..<4).map { NavNode.page("Page \(section)-\($0) <b>", "s\(section)/p\($0).html") }
            let nested = NavNode.section("Deeper \(section)", (0..<3).map { .page("Deep \($0)", "s\(section)/d/\($0).html") })
            return NavNode(title: "Section \(section)", url: section % 3 == 0 ? "s\(section)/index.html" : nil, children: pages + [nested])
        } + [.page("Home", "index.html"), .page("Status", "https://status.example.com")]

    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "trellis-cache-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appending(path: path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return url
    }

    /// One page per nav URL (plus one missing from the nav), each at its own depth.
    func pages(_ nav: [NavNode]) -> [PageView] {
        let index = NavigationIndex(nav)
        var urls: [String] = ["not-in-nav.html"]
        var stack = nav
        while let node = stack.popLast() {
            if let url = node.url, !NavNode.isExternal(url) { urls.append(url) }
            stack.append(contentsOf: node.children)
        }
        return urls.sorted().map { url in
            var page = SamplePage.page(root: PageView.root(forOutputPath: url))
            page.sidebar = index.sidebar(for: url)
            return page
        }
    }

    @Test(arguments: [SamplePage.nav, bigNav])
    func cachedSidebarIsTheHTMLOfTheLegacyTemplates(nav: [NavNode]) throws {
        let legacy = try folder(Self.legacyTemplates)
        defer { try? FileManager.default.removeItem(at: legacy) }
        let before = try ThemeRenderer(overrides: [legacy])
        let renderer = try ThemeRenderer()
        #expect(renderer.cachesNavItems)
        // Twice: the second pass is served from the cache.
        for _ in 0..<2 {
            for page in pages(nav) {
                let expected = try before.render(page: page, usingCache: false)
                #expect(try renderer.render(page: page) == expected)
                #expect(try renderer.render(page: page, usingCache: false) == expected)
            }
        }
    }

    @Test func brandNavItemAppliesToCachedEntries() throws {
        let brand = try folder([
            "partials/nav-item.mustache": """
            <li class="brand-item"><a href="{{href}}">{{title}}</a>{{#isExpanded}}<ul>
            {{#children}}
            {{> partials/nav-item}}
            {{/children}}
            </ul>{{/isExpanded}}</li>

            """
        ])
        defer { try? FileManager.default.removeItem(at: brand) }
        let renderer = try ThemeRenderer(overrides: [brand])
        #expect(renderer.cachesNavItems)
        let html = try renderer.render(page: SamplePage.page())
        #expect(html.contains(#"<li class="brand-item"><a href="../../compute/instances.html">Compute</a></li>"#))
        #expect(!html.contains("trellis-nav__item"))
        #expect(html == (try renderer.render(page: SamplePage.page(), usingCache: false)))
    }

    @Test func navItemReadingPageFieldsIsRenderedOnEveryPage() throws {
        let brand = try folder([
            "partials/nav-item.mustache": "<li data-page=\"{{documentTitle}}\">{{title}}</li>\n"
        ])
        defer { try? FileManager.default.removeItem(at: brand) }
        let renderer = try ThemeRenderer(overrides: [brand])
        #expect(!renderer.cachesNavItems)
        var other = SamplePage.page()
        other.title = "Other"
        #expect(try renderer.render(page: SamplePage.page()).contains(#"<li data-page="Networking - Acme Cloud Docs">Compute</li>"#))
        #expect(try renderer.render(page: other).contains(#"<li data-page="Other - Acme Cloud Docs">Compute</li>"#))
    }

    @Test func concurrentRendersGiveTheSameHTML() throws {
        let renderer = try ThemeRenderer()
        let pages = pages(Self.bigNav)
        let expected = try pages.map { try renderer.render(page: $0, usingCache: false) }
        let results = Results(count: pages.count * 4)
        DispatchQueue.concurrentPerform(iterations: pages.count * 4) { i in
            results.set(i, try? renderer.render(page: pages[i % pages.count]))
        }
        for i in 0..<(pages.count * 4) {
            #expect(results.get(i) == expected[i % pages.count])
        }
    }

    @Test func onlyPlainEntryNamesQualifyATemplateForCaching() {
        let names = ThemeRenderer.navItemNames
        func check(_ text: String, _ others: [String: String] = [:]) -> Bool {
            TemplateChecks.usesOnlyNames(names, from: "item", in: others.merging(["item": text]) { a, _ in a })
        }
        #expect(check("<li>{{title}}{{{html}}}{{& href}}{{! {{anything}} }}{{#children}}{{> item}}{{/children}}</li>"))
        #expect(!check("<li>{{siteName}}</li>"))
        #expect(!check("<li>{{title.count}}</li>"))
        #expect(!check("<li>{{uppercased(title)}}</li>"))
        #expect(!check("<li>{{.}}</li>"))
        #expect(!check("<li>{{$extra}}{{/extra}}</li>"))
        #expect(!check("{{=<% %>=}}<li><%siteName%></li>"))
        #expect(!check("<li>{{> other}}</li>", ["other": "{{root}}"]))
        #expect(!check("<li>{{> missing}}</li>"))
    }
}

/// Results written from many threads.
private final class Results: @unchecked Sendable {
    // @unchecked: `values` is only touched while holding `lock`.
    private let lock = NSLock()
    private var values: [String?]

    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: String?) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> String? { lock.withLock { values[index] } }
}
