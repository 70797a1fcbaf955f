import Testing

@testable import TrellisMarkdown

/// `toc`'s `toc_depth` and `slugify` options; expected ids are Python-Markdown 3.11.3 +
/// pymdown-extensions 13.1.2 output for the same page.
struct TOCOptionTests {
    static let page = "# Über Straße\n\n## Hello  World_x - Ça va?\n\n### `<b>` tags & 1½ ÉTÉ\n\n#### Deep\n\n## Hello  World_x - Ça va?\n"

    static func ids(_ style: HeadingSlugStyle) -> [String] {
        MarkdownPage.process(text: page, pipeline: .standard(slugStyle: style)).headingIDs
    }

    @Test func slugStylesMatchPythonMarkdownAndPymdownx() {
        #expect(Self.ids(.pythonMarkdown) == ["uber-strae", "hello-world_x-ca-va", "b-tags-112-ete", "deep", "hello-world_x-ca-va_1"])
        #expect(Self.ids(.pythonMarkdownUnicode) == ["über-straße", "hello-world_x-ça-va", "b-tags-1½-été", "deep", "hello-world_x-ça-va_1"])
        #expect(Self.ids(.pymdownx(case: .lower)) == ["über-straße", "hello-world_x---ça-va", "tags--1½-été", "deep", "hello-world_x---ça-va_1"])
        #expect(Self.ids(.pymdownx(case: .none)) == ["Über-Straße", "Hello-World_x---Ça-va", "tags--1½-ÉTÉ", "Deep", "Hello-World_x---Ça-va_1"])
        #expect(Self.ids(.pymdownx(case: .lowerASCII)) == ["Über-straße", "hello-world_x---Ça-va", "tags--1½-ÉtÉ", "deep", "hello-world_x---Ça-va_1"])
        #expect(Self.ids(.pymdownx(case: .fold)) == ["über-strasse", "hello-world_x---ça-va", "tags--1½-été", "deep", "hello-world_x---ça-va_1"])
    }

    @Test func slugStylesAreNamedAsInMkDocsConfig() {
        #expect(HeadingSlugStyle(pythonName: "pymdownx.slugs.slugify", keywords: ["case": "lower"]) == .pymdownx(case: .lower))
        #expect(HeadingSlugStyle(pythonName: "pymdownx.slugs.slugify") == .pymdownx(case: .none))
        #expect(HeadingSlugStyle(pythonName: "markdown.extensions.toc.slugify") == .pythonMarkdown)
        #expect(HeadingSlugStyle(pythonName: "markdown.extensions.toc.slugify_unicode") == .pythonMarkdownUnicode)
        #expect(HeadingSlugStyle(pythonName: "pymdownx.slugs.slugify", keywords: ["case": "upper"]) == nil)
        #expect(HeadingSlugStyle(pythonName: "my.own.slugify") == nil)
    }

    @Test func tocDepthIsReadAsPythonMarkdownReadsIt() {
        #expect(HeadingIDRewriter.tocLevels(tocDepth: "2-3") == 2...3)
        #expect(HeadingIDRewriter.tocLevels(tocDepth: "3") == 1...3)
        #expect(HeadingIDRewriter.tocLevels(tocDepth: "6") == 1...6)
        #expect(HeadingIDRewriter.tocLevels(tocDepth: "4-2") == 7...7)
        #expect(HeadingIDRewriter.tocLevels(tocDepth: "deep") == nil)
    }

    @Test func headingsOutsideTheDepthKeepTheirIdsAndPermalinks() throws {
        let levels = try #require(HeadingIDRewriter.tocLevels(tocDepth: "2-3"))
        let page = MarkdownPage.process(text: Self.page, pipeline: .standard(tocLevels: levels, slugStyle: .pymdownx(case: .lower)))
        #expect(page.toc.map(\.id) == ["hello-world_x---ça-va", "tags--1½-été", "hello-world_x---ça-va_1"])
        #expect(page.html.contains("<h1 id=\"über-straße\">Über Straße<a class=\"headerlink\" href=\"#über-straße\""))
        #expect(page.html.contains("<h4 id=\"deep\">Deep<a class=\"headerlink\""))
        #expect(page.pageIDs.isSuperset(of: ["über-straße", "deep"]))
    }
}
