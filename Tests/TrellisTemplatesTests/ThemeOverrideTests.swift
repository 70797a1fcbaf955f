import Foundation
import Testing
import TrellisCore
@testable import TrellisTemplates

@Suite struct ThemeOverrideTests {
    /// A fresh folder holding `files` (relative path → text).
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "trellis-theme-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appending(path: path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return url
    }

    @Test func brandPartialReplacesTheDefault() throws {
        let brand = try folder(["partials/header.mustache": "<header class=\"brand-header\">{{brandName}}</header>\n"])
        defer { try? FileManager.default.removeItem(at: brand) }
        let html = try ThemeRenderer(overrides: [brand]).render(page: SamplePage.page())
        #expect(html.contains(#"<header class="brand-header">Acme &lt;Cloud&gt;</header>"#))
        #expect(!html.contains("trellis-palette"))
        #expect(html.contains("trellis-sidebar"))
    }

    @Test func laterOverrideFoldersWin() throws {
        let first = try folder(["partials/footer.mustache": "<footer>first</footer>"])
        let second = try folder(["partials/footer.mustache": "<footer>second</footer>"])
        defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
        let html = try ThemeRenderer(overrides: [first, second]).render(page: SamplePage.page())
        #expect(html.contains("<footer>second</footer>"))
        #expect(!html.contains("<footer>first</footer>"))
    }

    @Test func brandPageCanOverrideOneBlockOfTheBase() throws {
        let brand = try folder([
            "page.mustache": "{{< base}}{{$extrahead}}<meta name=\"brand\" content=\"acme\">{{/extrahead}}{{/base}}"
        ])
        defer { try? FileManager.default.removeItem(at: brand) }
        let html = try ThemeRenderer(overrides: [brand]).render(page: SamplePage.page())
        #expect(html.contains(#"<meta name="brand" content="acme">"#))
        #expect(html.contains(SamplePage.content))
    }

    @Test func brokenTemplateIsATemplateErrorNamingFileAndLine() throws {
        let brand = try folder(["partials/toc.mustache": "<nav>\n{{#hasToc}}\n<ul>{{/toc}}\n"])
        defer { try? FileManager.default.removeItem(at: brand) }
        let error = try #require(throws: DiagnosticError.self) { try ThemeRenderer(overrides: [brand]) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1)
        #expect(diagnostic.id == .templateError)
        #expect(diagnostic.path == brand.relativePath + "/partials/toc.mustache")
        #expect(diagnostic.range?.start.line == 3)
    }

    @Test func missingPartialIsATemplateErrorWithASuggestion() throws {
        let brand = try folder(["partials/footer.mustache": "<footer>\n{{> partials/copyrigth}}</footer>"])
        defer { try? FileManager.default.removeItem(at: brand) }
        let error = try #require(throws: DiagnosticError.self) { try ThemeRenderer(overrides: [brand]) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.id == .templateError)
        #expect(diagnostic.message.contains("'partials/copyrigth'"))
        #expect(diagnostic.range?.start == SourceLocation(line: 2, column: 1))
    }

    /// The engine has no recursion limit: a partial that includes itself would overflow the stack.
    @Test func partialIncludingItselfIsATemplateErrorNotACrash() throws {
        let brand = try folder(["partials/footer.mustache": "<footer>\n  {{> partials/footer}}</footer>"])
        defer { try? FileManager.default.removeItem(at: brand) }
        let error = try #require(throws: DiagnosticError.self) { try ThemeRenderer(overrides: [brand]) }
        #expect(
            error.diagnostics.map(\.formatted) == [
                brand.relativePath + "/partials/footer.mustache:2:3: error: including 'partials/footer' here includes "
                    + "'partials/footer' again without going down a tree ({{#children}} or {{#childBlocks}}), so it "
                    + "would never end [TemplateError]"
            ])
    }

    @Test func recursionThroughAnotherPartialOrASectionThatMayRestartIsRefused() throws {
        let brand = try folder([
            "partials/footer.mustache": "{{#hasToc}}{{> partials/legal}}{{/hasToc}}",
            "partials/legal.mustache": "{{^isActive}}{{> partials/footer}}{{/isActive}}",
            "partials/toc-item.mustache": "<li>{{title}}{{#toc}}{{> partials/toc-item}}{{/toc}}</li>",
        ])
        defer { try? FileManager.default.removeItem(at: brand) }
        let error = try #require(throws: DiagnosticError.self) { try ThemeRenderer(overrides: [brand]) }
        let messages = error.diagnostics.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.filter { $0.contains("without going down a tree") }.count == 2)
        #expect(messages.contains { $0.contains("inside {{#toc}}") })
    }

    /// Walking a tree by recursion is how the theme renders the navigation and the TOC: allowed,
    /// and it ends even where an element has no children of its own (a pre-rendered nav item).
    @Test func recursionDownATreeIsAllowedAndEnds() throws {
        let brand = try folder([
            "partials/nav-item.mustache":
                "<li>{{title}}{{#childBlocks}}<ul>{{> partials/nav-item}}</ul>{{/childBlocks}}</li>",
            "partials/toc-item.mustache": "<li>{{title}}{{#children}}{{> partials/toc-item}}{{/children}}</li>",
        ])
        defer { try? FileManager.default.removeItem(at: brand) }
        let html = try ThemeRenderer(overrides: [brand]).render(page: SamplePage.page())
        #expect(html.contains("<ul><li>"))
        // A pre-rendered run of nav items answers the tree keys itself, so a section on one does
        // not find its parent's list and walk it again.
        let prerendered = PageContext.Prerendered(html: "<li>x</li>")
        for key in TemplateChecks.treeKeys {
            #expect((prerendered.child(named: key) as? [Any])?.isEmpty == true)
        }
    }

    @Test func deeplyNestedTemplateIsRefusedNotCrashed() throws {
        let text = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        let brand = try folder(["partials/footer.mustache": text])
        defer { try? FileManager.default.removeItem(at: brand) }
        let error = try #require(throws: DiagnosticError.self) { try ThemeRenderer(overrides: [brand]) }
        #expect(error.diagnostics.first?.message.contains("nest deeper") == true)
    }

    @Test func templateThatIsNotUTF8IsATemplateError() throws {
        let brand = try folder([:])
        defer { try? FileManager.default.removeItem(at: brand) }
        try FileManager.default.createDirectory(at: brand.appending(path: "partials"), withIntermediateDirectories: true)
        try Data([0x3C, 0xFF, 0xFE, 0x3E]).write(to: brand.appending(path: "partials/footer.mustache"))
        let error = try #require(throws: DiagnosticError.self) { try ThemeRenderer(overrides: [brand]) }
        #expect(error.diagnostics.first?.id == .templateError)
    }

    @Test func missingOverrideFolderIsAnIOError() throws {
        let missing = FileManager.default.temporaryDirectory.appending(path: "trellis-missing-\(UUID().uuidString)")
        let error = try #require(throws: DiagnosticError.self) { try ThemeRenderer(overrides: [missing]) }
        #expect(error.diagnostics.first?.id == .io)
    }

    @Test func brandAssetsReplaceAndExtendTheDefaults() throws {
        let brand = try folder(["trellis.css": "body{}", "images/logo.svg": "<svg/>"])
        defer { try? FileManager.default.removeItem(at: brand) }
        let assets = try ThemeRenderer.assets(overrides: [brand])
        #expect(assets["assets/trellis.css"] == Data("body{}".utf8))
        #expect(assets["assets/images/logo.svg"] == Data("<svg/>".utf8))
        #expect(assets["assets/trellis.js"] != nil)
    }
}

extension ThemeOverrideTests {
    @Test func filesThatAreNotTemplatesAreIgnored() throws {
        let brand = try folder(["partials/header": "not a template", "README.md": "{{#broken"])
        defer { try? FileManager.default.removeItem(at: brand) }
        let html = try ThemeRenderer(overrides: [brand]).render(page: SamplePage.page())
        #expect(html.contains("trellis-palette__toggle"))
        #expect(!html.contains("not a template"))
    }
}
