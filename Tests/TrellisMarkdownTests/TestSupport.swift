import TrellisCore
import TrellisMarkdown

/// A tiny icon set: `material-*` and `fontawesome-*` names are icon-like; a few are known.
struct FakeIcons: IconResolving {
    static let known = ["material-check", "material-close", "fontawesome-brands-github"]

    func lookup(_ name: String) -> IconLookup {
        if Self.known.contains(name) { return .html("<span class=\"icon\" data-icon=\"\(name)\"></span>") }
        guard name.hasPrefix("material-") || name.hasPrefix("fontawesome-") else { return .notAnIcon }
        return .unknown(suggestions: Self.known.filter { $0.hasPrefix(String(name.prefix(12))) })
    }
}

/// MkDocs-style directory URLs: `a/b.md` → `a/b/`, `a/index.md` → `a/`; others untouched.
let mkdocsLinks: LinkRewriter.Resolve = { target in
    guard target.path.hasSuffix(".md"), !target.path.hasPrefix("/") else { return nil }
    let stem = target.path.dropLast(3)
    if stem == "index" { return "./" }
    if stem.hasSuffix("/index") { return String(stem.dropLast(5)) }
    return stem + "/"
}

/// The inline text extensions (magiclink, mark, caret, tilde, keys, smart symbols,
/// abbreviations, betterem), which have tests of their own.
let inlineTextExtensions = MarkdownExtension.inlineExtensions.subtracting([.smarty])

/// Every container and block extension syntax on, with the fake icons and MkDocs links (not the
/// inline text extensions; not autorefs, whose links the build points at other pages afterwards;
/// not mdx_truly_sane_lists, which changes how lists nest).
let extensionPipeline = MarkdownPipeline.standard(
    icons: FakeIcons(), resolveLink: mkdocsLinks,
    extensions: Set(MarkdownExtension.allCases).subtracting([.autorefs, .trulySaneLists]).subtracting(pymdownxCodeAndMath)
        .subtracting(inlineTextExtensions))

/// The extensions the container and extension goldens were made without (their own goldens
/// are in the pymdownx fixture folders): fences there are plain code, dollars plain text.
let pymdownxCodeAndMath: Set<MarkdownExtension> = [.superFences, .highlight, .arithmatex]

/// Every extension on, the inline text ones too: for tests of robustness.
let everyExtensionPipeline = MarkdownPipeline.standard(
    icons: FakeIcons(), resolveLink: mkdocsLinks, extensions: Set(MarkdownExtension.allCases))

/// A text's HTML through `extensionPipeline`.
func extensionHTML(_ text: String) -> String {
    MarkdownPage.process(text: text, pipeline: extensionPipeline).html
}

/// The pipeline the golden fixtures run through.
let fixturePipeline = MarkdownPipeline.standard(icons: FakeIcons(), resolveLink: mkdocsLinks, extensions: [.smarty])
