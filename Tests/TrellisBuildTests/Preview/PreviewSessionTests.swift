import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `trellis serve`'s engine: a clean preview is the build, and after every kind of change, the
/// preview's files and diagnostics equal a clean preview of the same files.
@Suite struct PreviewSessionTests {
    static let files = [
        "trellis.yml": twoBrandConfig,
        "brands/alpha.yml": alphaBrand,
        "brands/beta.yml": betaBrand,
        "content/index.md": "# Home\n\nSee [setup](guide/setup.md#install).\n\n![Logo](img/logo.png)\n",
        "content/guide/index.md": "# Guide\n\nStart with [setup](setup.md).\n",
        "content/guide/setup.md": "# Setup for {{ brand }}\n\n## Install\n\nRun it.\n\n## Configure\n\nSet it.\n",
        "content/faq.md": "---\nbrands: [alpha]\n---\n# FAQ\n\nAsk [home](index.md#home).\n",
        "content/img/logo.png": "png",
    ]

    /// Each brand's files by path as the last (re)build made them, read (a copied file as it is
    /// on disk).
    static func contents(_ snapshot: PreviewSnapshot, session: PreviewSession) -> [String: [String: Data]] {
        var all: [String: [String: Data]] = [:]
        for brand in snapshot.brands {
            guard let files = session.currentFiles(of: brand.id) else { continue }
            var read: [String: Data] = [:]
            for path in files.entries.keys { read[path] = files.contents(of: path) }
            all[brand.id] = read
        }
        return all
    }

    /// A clean preview of the site as it is now.
    static func clean(_ s: TestSite, options: BuildOptions? = nil) -> (PreviewSnapshot, PreviewSession) {
        let session = PreviewSession(options: options ?? BuildOptions(root: s.root))
        return (session.start(), session)
    }

    /// The preview's files and diagnostics equal a clean preview's, once its search index caught up.
    static func expectSameAsClean(
        _ snapshot: PreviewSnapshot, _ session: PreviewSession, _ s: TestSite, _ what: String, options: BuildOptions? = nil
    ) {
        let snapshot = session.refreshSearch() ?? snapshot
        let (cleanSnapshot, cleanSession) = clean(s, options: options)
        let mine = snapshot.diagnostics.map(\.formatted), clean = cleanSnapshot.diagnostics.map(\.formatted)
        if mine != clean {
            let onlyMine = mine.filter { !clean.contains($0) }, onlyClean = clean.filter { !mine.contains($0) }
            Issue.record("\(what): diagnostics differ from a clean build's; only here: \(onlyMine); only there: \(onlyClean)")
        }
        let ours = contents(snapshot, session: session), theirs = contents(cleanSnapshot, session: cleanSession)
        #expect(ours.keys.sorted() == theirs.keys.sorted(), "\(what)")
        for (brand, files) in theirs {
            #expect(ours[brand]?.keys.sorted() == files.keys.sorted(), "\(what): \(brand)")
            for (path, data) in files where ours[brand]?[path] != data {
                Issue.record("\(what): \(brand)/\(path) differs from a clean build")
            }
        }
    }

    @Test func aCleanPreviewHoldsWhatTheBuildWrites() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let (snapshot, session) = Self.clean(s)
        #expect(snapshot.diagnostics.isEmpty)
        #expect(snapshot.brands.map(\.id) == ["alpha", "beta"])
        let contents = Self.contents(snapshot, session: session)
        for brand in ["alpha", "beta"] {
            let written = s.outputFiles().filter { $0.hasPrefix(brand + "/") }.map { String($0.dropFirst(brand.count + 1)) }
            #expect(contents[brand]?.keys.sorted() == written.sorted())
            for path in written {
                #expect(contents[brand]?[path] == FileManager.default.contents(atPath: s.root.appending(path: "site/\(brand)/\(path)").path), "\(brand)/\(path)")
            }
        }
        #expect(!s.exists("site/.trellis-staging"))
    }

    @Test func aTextEditRerendersOnlyThatPageAndEqualsACleanBuild() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        let first = session.start()
        #expect(first.diagnostics.isEmpty)
        try s.write("content/guide/setup.md", "# Setup for {{ brand }}\n\n## Install\n\nRun it now, on {{ brand }}.\n\n## Configure\n\nSet it.\n")
        let snapshot = session.apply(["content/guide/setup.md"])
        #expect(!session.lastWasFull)
        #expect(session.lastRendered == 2)
        #expect(snapshot.generation > first.generation)
        let page = snapshot.text(of: "guide/setup/index.html") ?? ""
        #expect(page.contains("Run it now, on Alpha Cloud."))
        // The search index follows the reload, and only then.
        let index = "search/p/0/2.js"
        #expect(session.currentFiles(of: "alpha")?.contents(of: index).map { String(decoding: $0, as: UTF8.self) }?.contains("now") == false)
        #expect(session.refreshSearch() != nil)
        #expect(session.currentFiles(of: "alpha")?.contents(of: index).map { String(decoding: $0, as: UTF8.self) }?.contains("now") == true)
        #expect(session.refreshSearch() == nil)
        Self.expectSameAsClean(snapshot, session, s, "text edit")
    }

    @Test func renamingAHeadingThatAnotherPageLinksToReportsThatPagesLink() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        _ = session.start()
        try s.write("content/guide/setup.md", "# Setup for {{ brand }}\n\n## Installation\n\nRun it.\n\n## Configure\n\nSet it.\n")
        let snapshot = session.apply(["content/guide/setup.md"])
        #expect(!session.lastWasFull)
        #expect(
            snapshot.diagnostics.map(\.formatted) == [
                "content/index.md:3:13: error: 'guide/setup.md' has no heading or id 'install' [MissingAnchor]"
            ])
        // The build failed: the last good pages stay.
        let page = snapshot.text(of: "guide/setup/index.html") ?? ""
        #expect(page.contains("id=\"install\""))
        Self.expectSameAsClean(snapshot, session, s, "heading rename")
        // Fixing the link clears it.
        try s.write("content/index.md", "# Home\n\nSee [setup](guide/setup.md#installation).\n\n![Logo](img/logo.png)\n")
        let fixed = session.apply(["content/index.md"])
        #expect(fixed.diagnostics.isEmpty)
        #expect(fixed.text(of: "guide/setup/index.html")?.contains("id=\"installation\"") == true)
        Self.expectSameAsClean(fixed, session, s, "link fixed")
    }

    @Test func everyOtherKindOfChangeEqualsACleanBuild() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        _ = session.start()
        let changes: [(String, Set<String>, () throws -> Void)] = [
            ("broken macro", ["content/guide/setup.md"], { try s.write("content/guide/setup.md", "# Setup\n\nUse {{ brand.\n") }),
            ("fixed macro", ["content/guide/setup.md"], { try s.write("content/guide/setup.md", "# Setup\n\nUse {{ brand }}.\n") }),
            ("new title", ["content/guide/setup.md"], { try s.write("content/guide/setup.md", "# Installing\n\nUse {{ brand }}.\n") }),
            ("new page", ["content/guide/new.md"], { try s.write("content/guide/new.md", "# New page\n\nText.\n") }),
            ("deleted page", ["content/faq.md"], { try s.remove("content/faq.md") }),
            ("front matter", ["content/guide/new.md"], { try s.write("content/guide/new.md", "---\nbrands: [beta]\n---\n# New page\n") }),
            ("static file", ["content/img/logo.png"], { try s.write("content/img/logo.png", "png2") }),
            ("new image", ["content/img/new.png"], { try s.write("content/img/new.png", "png") }),
            ("brand file", ["brands/beta.yml"], { try s.write("brands/beta.yml", betaBrand.replacingOccurrences(of: "Beta Hosting", with: "Beta Cloud")) }),
            ("config", ["trellis.yml"], { try s.write("trellis.yml", twoBrandConfig.replacingOccurrences(of: "Guides", with: "Handbook")) }),
        ]
        for (what, paths, change) in changes {
            try change()
            let snapshot = session.apply(paths)
            Self.expectSameAsClean(snapshot, session, s, what)
        }
    }

    @Test func aSearchJobOvertakenByARebuildIsDropped() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        _ = session.start()
        #expect(session.searchJob() == nil)
        try s.write("content/guide/setup.md", "# Setup for {{ brand }}\n\n## Install\n\nRun it quickly.\n")
        _ = session.apply(["content/guide/setup.md"])
        let overtaken = try #require(session.searchJob())
        try s.write("content/guide/setup.md", "# Setup for {{ brand }}\n\n## Install\n\nRun it slowly.\n")
        let snapshot = session.apply(["content/guide/setup.md"])
        #expect(session.apply(overtaken.run()) == nil)
        let current = try #require(session.searchJob())
        let searched = try #require(session.apply(current.run()))
        #expect(searched.generation == snapshot.generation)
        #expect(session.searchJob() == nil)
        Self.expectSameAsClean(searched, session, s, "search job")
    }

    @Test func anMkDocsFolderPreviewsAsItBuilds() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Docs
                theme:
                  name: material
                markdown_extensions: [admonition, attr_list]
                plugins:
                  - search
                  - macros
                extra:
                  product: Nimbus
                """,
            "docs/index.md": "# Home\n\n!!! note\n    Use {{ product }}.\n\nSee [setup](setup.md#install).\n",
            "docs/setup.md": "# Setup\n\n## Install\n\nRun it.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let session = PreviewSession(options: BuildOptions(root: s.root))
        let first = session.start()
        #expect(first.brands.map(\.id) == ["default"])
        let contents = Self.contents(first, session: session)["default"] ?? [:]
        for path in s.outputFiles() {
            #expect(contents[path] == FileManager.default.contents(atPath: s.root.appending(path: "site/" + path).path), "\(path)")
        }
        try s.write("docs/setup.md", "# Setup\n\n## Installing\n\nRun {{ product }}.\n")
        let snapshot = session.apply(["docs/setup.md"])
        #expect(!session.lastWasFull)
        // On an MkDocs site a missing anchor is a note, as MkDocs reports it (at info level).
        #expect(snapshot.diagnostics.map(\.formatted) == ["docs/index.md:6:13: note: 'setup.md' has no heading or id 'install' [MissingAnchor]"])
        #expect(snapshot.text(of: "setup/index.html")?.contains("Run Nimbus.") == true)
        Self.expectSameAsClean(snapshot, session, s, "MkDocs page edit")
    }

    @Test func aBrandFileOverAnMkDocsSitePreviewsThatBrand() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nplugins:\n  - macros\nextra:\n  brand: Upstream\n",
            "docs/index.md": "# {{ brand }} docs\n\nText.\n",
            "brands/acme.yml": "name: Acme\nextra:\n  brand: Acme Cloud\n",
        ])
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.brandFiles = [s.root.appending(path: "brands/acme.yml")]
        let session = PreviewSession(options: options)
        let first = session.start()
        #expect(first.brands.map(\.id) == ["acme"])
        #expect(first.text(of: "index.html")?.contains("Acme Cloud docs") == true)
        try s.write("docs/index.md", "# {{ brand }} docs\n\nNew text.\n")
        let snapshot = session.apply(["docs/index.md"])
        #expect(!session.lastWasFull)
        #expect(snapshot.text(of: "index.html")?.contains("New text.") == true)
        #expect(!s.exists("site"))
    }

    /// The site's files with a template override folder for brand alpha.
    static let themedFiles = files.merging([
        "brands/alpha.yml": alphaBrand.replacingOccurrences(of: "theme:\n", with: "theme:\n  templates: overrides/alpha\n"),
        "overrides/alpha/partials/footer.mustache": "<footer class=\"custom\">Alpha footer</footer>\n",
        "overrides/alpha/extra.css": "body { color: red; }\n",
    ]) { _, new in new }

    @Test func aTemplateEditRendersTheBrandsPagesWithoutParsingThemAgain() throws {
        let s = try TestSite(Self.themedFiles)
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        let first = session.start()
        #expect(first.diagnostics.isEmpty)
        #expect(first.text(of: "index.html")?.contains("Alpha footer") == true)
        // A template is not published with the theme's assets.
        #expect(first.files.contents(of: "assets/partials/footer.mustache") == nil)
        #expect(first.files.contents(of: "assets/extra.css") != nil)

        try s.write("overrides/alpha/partials/footer.mustache", "<footer class=\"custom\">New footer</footer>\n")
        var snapshot = session.apply(["overrides/alpha/partials/footer.mustache"])
        #expect(!session.lastWasFull)
        // Alpha's four pages (beta has its own theme, untouched).
        #expect(session.lastRendered == 4)
        #expect(snapshot.text(of: "faq/index.html")?.contains("New footer") == true)
        Self.expectSameAsClean(snapshot, session, s, "template edit")

        // A broken template: the overlay says so, the last good pages stay, as in a clean build.
        try s.write("overrides/alpha/partials/footer.mustache", "<footer>{{#open}}</footer>\n")
        snapshot = session.apply(["overrides/alpha/partials/footer.mustache"])
        #expect(!session.lastWasFull)
        #expect(snapshot.diagnostics.contains { $0.severity == .error && $0.path == "overrides/alpha/partials/footer.mustache" })
        #expect(snapshot.text(of: "index.html")?.contains("New footer") == true)
        Self.expectSameAsClean(snapshot, session, s, "broken template")

        // A new partial, then the fix.
        try s.write("overrides/alpha/partials/copyright.mustache", "<p>(c) Alpha</p>\n")
        try s.write("overrides/alpha/partials/footer.mustache", "<footer>{{> partials/copyright}}</footer>\n")
        snapshot = session.apply(["overrides/alpha/partials/footer.mustache", "overrides/alpha/partials/copyright.mustache"])
        #expect(!session.lastWasFull)
        #expect(snapshot.diagnostics.isEmpty)
        #expect(snapshot.text(of: "index.html")?.contains("(c) Alpha") == true)
        Self.expectSameAsClean(snapshot, session, s, "template fixed")

        // A theme asset edit writes the asset and renders nothing.
        try s.write("overrides/alpha/extra.css", "body { color: blue; }\n")
        snapshot = session.apply(["overrides/alpha/extra.css"])
        #expect(!session.lastWasFull)
        #expect(session.lastRendered == 0)
        #expect(snapshot.text(of: "assets/extra.css") == "body { color: blue; }\n")
        Self.expectSameAsClean(snapshot, session, s, "asset edit")

        // A new asset claims an output path: everything again.
        try s.write("overrides/alpha/more.css", "p {}\n")
        snapshot = session.apply(["overrides/alpha/more.css"])
        #expect(session.lastWasFull)
        Self.expectSameAsClean(snapshot, session, s, "new asset")
    }

    @Test func aTemplateFolderPagesReadFromRebuildsEverything() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nmarkdown_extensions:\n  - pymdownx.snippets\n",
            "docs/index.md": "# Home\n\n--8<-- \"overrides/extra.css\"\n",
            "brands/acme.yml": "name: Acme\ntheme:\n  templates: overrides\n",
            "overrides/extra.css": "body { color: red; }\n",
            "overrides/partials/footer.mustache": "<footer>Acme</footer>\n",
        ])
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.brandFiles = [s.root.appending(path: "brands/acme.yml")]
        let session = PreviewSession(options: options)
        let first = session.start()
        #expect(first.diagnostics.isEmpty)
        #expect(first.text(of: "index.html")?.contains("color: red") == true)
        // A template no page reads: the pages in the theme again.
        try s.write("overrides/partials/footer.mustache", "<footer>Acme Cloud</footer>\n")
        var snapshot = session.apply(["overrides/partials/footer.mustache"])
        #expect(!session.lastWasFull)
        #expect(snapshot.text(of: "index.html")?.contains("Acme Cloud") == true)
        // A file a page reads as a snippet: everything again.
        try s.write("overrides/extra.css", "body { color: green; }\n")
        snapshot = session.apply(["overrides/extra.css"])
        #expect(session.lastWasFull)
        #expect(snapshot.text(of: "index.html")?.contains("color: green") == true)
        #expect(snapshot.text(of: "assets/extra.css")?.contains("color: green") == true)
        Self.expectSameAsClean(snapshot, session, s, "snippet in the template folder", options: options)
        // A file added there could be the snippet a page was missing.
        try s.write("overrides/partials/new.mustache", "x\n")
        _ = session.apply(["overrides/partials/new.mustache"])
        #expect(session.lastWasFull)
    }

    @Test func aNewTitleRendersThePagesWhoseNavigationShowsIt() throws {
        let s = try TestSite(
            Self.files.merging([
                "content/deep/index.md": "# Deep\n",
                "content/deep/a.md": "# Deep A\n",
                "content/deep/b.md": "# Deep B\n",
            ]) { _, new in new })
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        let first = session.start()
        #expect(first.diagnostics.isEmpty)
        // A page in a collapsed section: its section's pages and its neighbours show it.
        try s.write("content/deep/a.md", "# Deeper A\n")
        var snapshot = session.apply(["content/deep/a.md"])
        #expect(!session.lastWasFull)
        let rendered = session.lastRendered
        // Fewer than every page of both brands (7 + 6) and the 404 pages, more than the page.
        #expect(rendered > 2 && rendered < 15)
        #expect(snapshot.text(of: "deep/b/index.html")?.contains("Deeper A") == true)
        Self.expectSameAsClean(snapshot, session, s, "new title in a section")
        // A top-level page's title is in every page's nav.
        try s.write("content/faq.md", "---\nbrands: [alpha]\n---\n# Questions\n\nAsk [home](index.md#home).\n")
        snapshot = session.apply(["content/faq.md"])
        #expect(!session.lastWasFull)
        #expect(snapshot.text(of: "deep/a/index.html")?.contains("Questions") == true)
        Self.expectSameAsClean(snapshot, session, s, "new top-level title")
        // A title in the front matter, then a description: the page and its title only.
        try s.write("content/deep/b.md", "---\ntitle: Topic B\n---\n# Deep B\n")
        snapshot = session.apply(["content/deep/b.md"])
        #expect(!session.lastWasFull)
        #expect(snapshot.text(of: "deep/a/index.html")?.contains("Topic B") == true)
        Self.expectSameAsClean(snapshot, session, s, "front matter title")
        try s.write("content/deep/b.md", "---\ntitle: Topic B\ndescription: About B\n---\n# Deep B\n")
        snapshot = session.apply(["content/deep/b.md"])
        #expect(!session.lastWasFull)
        #expect(session.lastRendered == 2)
        Self.expectSameAsClean(snapshot, session, s, "front matter description")
        // A weight orders the nav: everything again.
        try s.write("content/deep/b.md", "---\ntitle: Topic B\nweight: -1\n---\n# Deep B\n")
        snapshot = session.apply(["content/deep/b.md"])
        #expect(session.lastWasFull)
        Self.expectSameAsClean(snapshot, session, s, "front matter weight")
    }

    @Test func aNewOrDeletedPageChangesTheNavAndTheLinksWithoutARebuild() throws {
        let s = try TestSite(
            Self.files.merging([
                "content/deep/index.md": "# Deep\n",
                "content/deep/a.md": "# Deep A\n\nSee [the next one](c.md).\n\nAnd [installing](../guide/setup.md#install).\n",
                "content/deep/b.md": "# Deep B\n",
            ]) { _, new in new })
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        let first = session.start()
        #expect(
            first.diagnostics.map(\.formatted) == ["content/deep/a.md:3:20: error: 'c.md' does not exist; did you mean 'deep/a.md' or 'deep/b.md'? [BrokenLink]"])
        // The page a link was missing: the link works, the page is in its section's nav.
        try s.write("content/deep/c.md", "# Deep C\n\n## Part\n")
        var snapshot = session.apply(["content/deep/c.md"])
        #expect(!session.lastWasFull)
        #expect(snapshot.diagnostics.isEmpty)
        #expect(snapshot.files.contents(of: "deep/c/index.html") != nil)
        #expect(snapshot.text(of: "deep/b/index.html")?.contains("Deep C") == true)
        #expect(snapshot.text(of: "deep/a/index.html")?.contains("href=\"../c/\"") == true)
        // Not every page: those elsewhere do not show the section's pages.
        #expect(session.lastRendered < 13)
        Self.expectSameAsClean(snapshot, session, s, "new page")
        // Deleted again: gone from the nav and the output, the link broken again.
        try s.remove("content/deep/c.md")
        snapshot = session.apply(["content/deep/c.md"])
        #expect(!session.lastWasFull)
        #expect(
            snapshot.diagnostics.map(\.formatted) == ["content/deep/a.md:3:20: error: 'c.md' does not exist; did you mean 'deep/a.md' or 'deep/b.md'? [BrokenLink]"])
        #expect(session.currentFiles(of: "alpha")?.contents(of: "deep/c/index.html") == nil)
        Self.expectSameAsClean(snapshot, session, s, "deleted page")
        // A page several others link to, deleted and put back; a new top-level page.
        let setup = try String(contentsOf: s.root.appending(path: "content/guide/setup.md"), encoding: .utf8)
        try s.remove("content/guide/setup.md")
        snapshot = session.apply(["content/guide/setup.md"])
        #expect(!session.lastWasFull)
        Self.expectSameAsClean(snapshot, session, s, "linked page deleted")
        try s.write("content/guide/setup.md", setup)
        try s.write("content/zebra.md", "# Zebra\n")
        snapshot = session.apply(["content/guide/setup.md", "content/zebra.md"])
        #expect(!session.lastWasFull)
        Self.expectSameAsClean(snapshot, session, s, "pages added back and new")
        // A broken link's suggestions name the pages there are.
        try s.write("content/deep/a.md", "# Deep A\n\nSee [the next one](zebr.md).\n")
        _ = session.apply(["content/deep/a.md"])
        try s.write("content/deep/zebr2.md", "# Zebra two\n")
        snapshot = session.apply(["content/deep/zebr2.md"])
        #expect(!session.lastWasFull)
        Self.expectSameAsClean(snapshot, session, s, "new page a broken link may mean")
        // A new static file is not a page: everything again.
        try s.write("content/deep/data.csv", "a,b\n")
        snapshot = session.apply(["content/deep/data.csv"])
        #expect(session.lastWasFull)
        Self.expectSameAsClean(snapshot, session, s, "new static file")
    }

    @Test func aLinkIsResolvedAgainOnlyWhenItMayLeadToTheNewOrDeletedPage() {
        #expect(PreviewSession.linkHints(["a/new-page.md", "b/Other.markdown"]).map(Set.init) == ["new-page", "other"])
        // An index page is reached by its folder's links; other names may be spelled otherwise.
        #expect(PreviewSession.linkHints(["a/index.md"]) == nil)
        #expect(PreviewSession.linkHints(["a/README.md"]) == nil)
        #expect(PreviewSession.linkHints(["a/Ünïcode.md"]) == nil)
        #expect(PreviewSession.linkHints(["a/two words.md"]) == nil)
        #expect(PreviewSession.mayLead("../A/New-Page/", to: ["new-page"]))
        #expect(PreviewSession.mayLead("n%65w-page.md#part", to: ["new-page"]))
        #expect(!PreviewSession.mayLead("other.md#new", to: ["new-page"]))
        #expect(PreviewSession.mayLead("../", to: nil))
    }

    @Test func aLiterateNavFileEditChangesTheNav() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nplugins:\n  - literate-nav\n",
            "docs/SUMMARY.md": "- [Home](index.md)\n- [Setup](setup.md)\n",
            "docs/index.md": "# Home\n",
            "docs/setup.md": "# Setup\n",
        ])
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        _ = session.start()
        try s.write("docs/SUMMARY.md", "- [Start](index.md)\n- [Installing](setup.md)\n")
        let snapshot = session.apply(["docs/SUMMARY.md"])
        #expect(snapshot.text(of: "index.html")?.contains("Installing") == true)
        Self.expectSameAsClean(snapshot, session, s, "literate nav file")
    }

    @Test func switchingBrandShowsItsFiles() throws {
        let s = try TestSite(Self.files)
        defer { s.cleanUp() }
        let session = PreviewSession(options: BuildOptions(root: s.root))
        let alpha = session.start()
        #expect(alpha.brand == "alpha")
        #expect(alpha.files.contents(of: "faq/index.html") != nil)
        let beta = try #require(session.switchBrand(to: "beta"))
        #expect(beta.brand == "beta")
        #expect(beta.files.contents(of: "faq/index.html") == nil)
        #expect(beta.text(of: "index.html")?.contains("Beta Hosting") == true)
        #expect(session.switchBrand(to: "gamma") == nil)
    }
}

extension PreviewSnapshot {
    /// A file of the brand shown, as text; nil when there is none.
    fileprivate func text(of path: String) -> String? {
        files.contents(of: path).map { String(decoding: $0, as: UTF8.self) }
    }
}
