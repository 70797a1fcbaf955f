import TrellisCore
import Yams

/// A page's YAML front matter: the fields Trellis understands, plus everything as `page.meta`.
public struct PageMeta: Sendable {
    public var title: String?
    public var description: String?
    /// Brand ids the page is published for; nil means every brand.
    public var brands: [String]?
    /// `render_macros: false` turns macro expansion off for the page, `true` on (where the
    /// MkDocs macros plugin's `render_by_default: false` leaves it off); nil when not given.
    public var renderMacros: Bool?
    /// Orders pages within a folder when the nav is derived from the tree.
    public var weight: Double?
    /// Every front matter key, for `page.meta.*`.
    public var values = ValueMap()

    public init() {}
}

/// Splits `---` front matter off a page and reads it.
enum FrontMatter {
    /// The front matter (if any), the UTF-8 offset where the body starts, and diagnostics.
    static func split(_ file: SourceFile) -> (meta: PageMeta, bodyOffset: Int, diagnostics: [Diagnostic]) {
        let utf8 = file.text.utf8
        guard utf8.starts(with: "---".utf8) else { return (PageMeta(), 0, []) }
        // The opening line must be exactly `---` (trailing spaces allowed).
        let lines = file.lineStarts
        let firstLine = file.lineText(1)
        guard firstLine.trimmingTrailingSpaces() == "---" else { return (PageMeta(), 0, []) }
        var closingLine: Int?
        var line = 2
        while line <= lines.count {
            let text = file.lineText(line).trimmingTrailingSpaces()
            if text == "---" || text == "..." {
                closingLine = line
                break
            }
            line += 1
        }
        guard let closingLine else {
            let d = Diagnostic(
                .frontMatter, path: file.path, at: SourceLocation(line: 1, column: 1),
                message: "unterminated front matter (expected a closing '---')")
            return (PageMeta(), 0, [d])
        }
        let yamlStart = lines[1]
        let yamlEnd = lines[closingLine - 1]
        let bodyOffset = closingLine < lines.count ? lines[closingLine] : file.utf8Count
        let yamlText = String(
            decoding: utf8[utf8.index(utf8.startIndex, offsetBy: yamlStart)..<utf8.index(utf8.startIndex, offsetBy: yamlEnd)],
            as: UTF8.self)
        var reader = YAMLReader(path: file.path, lineOffset: 1)
        var meta = PageMeta()
        if !yamlText.allSatisfy(\.isWhitespace), let node = reader.parse(yamlText, syntaxID: .frontMatter, lastKeyWins: true) {
            meta = read(node, reader: &reader)
        }
        // Type errors in front matter belong to the page's FrontMatter rule, not the config's.
        let diagnostics = reader.diagnostics.map { d -> Diagnostic in
            var d = d
            if d.id == .configType { d.id = .frontMatter }
            return d
        }
        return (meta, bodyOffset, diagnostics)
    }

    private static func read(_ node: Node, reader: inout YAMLReader) -> PageMeta {
        var meta = PageMeta()
        guard case .mapping(let mapping) = node else {
            reader.error(.frontMatter, node, "front matter must be a map of keys to values")
            return meta
        }
        if case .map(let values) = YAMLReader.value(of: node) { meta.values = values }
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "title": meta.title = reader.string(value, "title")
            case "description": meta.description = reader.string(value, "description")
            case "weight": meta.weight = reader.number(value, "weight")
            case "render_macros": meta.renderMacros = reader.bool(value, "render_macros")
            case "brands":
                if case .scalar(let s) = value, s.tagName == .str {
                    meta.brands = [s.string]
                } else {
                    meta.brands = reader.stringList(value, "brands")
                }
            default: break
            }
        }
        return meta
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
