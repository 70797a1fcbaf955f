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
        #expect(!html.contains("trellis-theme-toggle"))
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
        #expect(html.contains("trellis-theme-toggle"))
        #expect(!html.contains("not a template"))
    }
}
