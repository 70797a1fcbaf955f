import TrellisCore
import TrellisIcons
@_spi(Fuzzing) import TrellisMarkdown

/// The fuzz entry of a page: the bytes are `docs/guide/page.md` of a site with every Markdown
/// extension on, the bundled icons, a directive and a few pages and files to link to; front
/// matter is split off and the body rendered as the build renders it. Every diagnostic and link
/// must point into the file, and the page parsed in pieces must give the tree of the whole page.
/// magiclink's shorthands and shortener are on too, with a default user and repository, and
/// `pymdownx.blocks` with block types and caption numbering of the site's own.
enum MarkdownFuzzing {
    static let settings: MarkdownSettings = {
        var inline = InlineExtensionSettings()
        inline.magicLink.repoURLShorthand = true
        inline.magicLink.socialURLShorthand = true
        inline.magicLink.repoURLShortener = true
        inline.magicLink.socialURLShortener = true
        inline.magicLink.hideProtocol = true
        inline.magicLink.user = "user"
        inline.magicLink.repo = "repo"
        inline.glossary = [("HTML", "Hyper Text Markup Language")]
        var settings = MarkdownSettings(
            extensions: Set(MarkdownExtension.allCases), tocLevels: 1...6,
            directives: [
                FencedDirective(name: "walkthrough") { arguments, body in
                    arguments == "fail" ? .failure(DirectiveFailure("no such scenario")) : .success("<div>\(body.count)</div>")
                }
            ])
        settings.inline = inline
        settings.emoji = .material
        // Block types of their own beside the built-in ones, so the fuzzer reaches them too.
        settings.blocks = BlockSettings { name in
            switch name {
            case "pymdownx.blocks.details": return ValueMap([("types", .list([.string("faq"), .map(ValueMap([("name", .string("q")), ("class", .string("question"))]))]))])
            case "pymdownx.blocks.caption": return ValueMap([("auto_level", .int(2)), ("types", .list([.string("caption"), .map(ValueMap([("name", .string("figure-caption")), ("prefix", .string("Fig. {}"))]))]))])
            case "pymdownx.blocks.html": return ValueMap([("custom", .list([.map(ValueMap([("tag", .string("div")), ("mode", .string("raw"))]))]))])
            default: return ValueMap()
            }
        }
        return settings
    }()

    static let resolver = LinkResolver(
        pagePaths: ["index.md", "guide/page.md", "guide/other.md", "guide/index.md", "a b/c.md"],
        publishedPaths: ["index.md", "guide/page.md", "guide/other.md", "a b/c.md"],
        staticFiles: ["img.png", "guide/img.png", "files/a b.pdf"],
        urls: ["index.md": "", "guide/page.md": "guide/page/", "guide/other.md": "guide/other/", "a b/c.md": "a%20b/c/"])

    static func run(_ bytes: [UInt8]) {
        PieceParsingFuzzing.run(bytes)
        let file = SourceFile(path: "docs/guide/page.md", text: String(decoding: bytes, as: UTF8.self))
        let (meta, bodyOffset, problems) = FrontMatter.split(file)
        FuzzTarget.requireInFile(problems, file)
        let page = SourcePage(path: "guide/page.md", file: file, meta: meta, bodyOffset: bodyOffset, isIndex: false)
        let body = String(page.body)
        let text = PageText(text: body, sourceMap: .identity(length: body.utf8.count, sourceOffset: bodyOffset))
        let (rendered, diagnostics) = PageRenderer.render(
            page, text: text, icons: ShortcodeResolver(icons: .bundled, emoji: settings.emoji), resolver: resolver, settings: settings)
        FuzzTarget.requireInFile(diagnostics, file)
        for link in rendered.links + rendered.emptyLinks {
            FuzzTarget.requireInFile(
                [Diagnostic(.brokenLink, path: file.path, at: link.location, message: link.destination)], file)
        }
        for heading in rendered.headings {
            FuzzTarget.requireInFile(
                [Diagnostic(.duplicateHeadingId, path: file.path, at: heading.location, message: heading.id)], file)
        }
    }
}
