/// `pymdownx.mark`, `pymdownx.caret` and `pymdownx.tilde`: `==mark==`, `^^insert^^`,
/// `^superscript^`, `~~delete~~` and `~subscript~` in text become `<mark>`, `<ins>`, `<sup>`,
/// `<del>` and `<sub>`, paired as pymdownx's shared `DelimiterProcessor` pairs them.
///
/// Each inline container's children are read as one text (`InlineRun`: code, links, emphasis
/// and other elements are placeholders, so nothing pairs inside them or across them), the runs
/// are paired (`DelimiterPairing`), and the children are rebuilt with the new elements around
/// them. Work is bounded per container (a budget of scanning steps), so no text is quadratic.
public struct DelimiterRewriter: MarkdownRewriter {
    public var name: String { "mark, caret and tilde" }
    /// The delimiters on, in the order their extensions are listed.
    public let delimiters: [InlineDelimiter]

    public init(delimiters: [InlineDelimiter]) {
        self.delimiters = delimiters
    }

    /// Whether `\ ` is an escaped space (pymdownx adds the space to the escapable characters
    /// for superscript and subscript under `no_space`).
    var escapesSpaces: Bool {
        delimiters.contains { $0.noSpace && !$0.double && ($0.token == "^" || $0.token == "~") }
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        guard !delimiters.isEmpty else { return }
        var triggers = delimiters.map { UInt8(truncatingIfNeeded: $0.token.value) }
        if escapesSpaces { triggers.append(UInt8(ascii: "\\")) }
        let source = context.source
        for container in InlineContainers.all(in: document, source: source) {
            guard InlineRun.textMentions(triggers, under: container, in: document) else { continue }
            let run = InlineRun(container, in: document, source: source, view: .afterEntities, escapedSpaces: escapesSpaces)
            let inline = Self.isInline(container, in: document)
            var pass = DelimiterPass(run: run, delimiters: delimiters, inlineContainer: inline)
            let nested = Self.isEmphasis(container, in: document)
                ? document.children(of: container).filter { Self.isEmphasis($0, in: document) } : []
            let reread = inline && document.parent(of: container).map { Self.isInline($0, in: document) } == true
            guard let edits = pass.edits(nested: nested, rereadText: reread) else { continue }
            run.rebuild(edits, in: &document)
        }
    }
}

extension DelimiterRewriter {
    /// Whether the node is emphasis or strong emphasis.
    static func isEmphasis(_ node: NodeID, in document: MarkdownDocument) -> Bool {
        switch document.kind(of: node) {
        case .emphasis, .strong: return true
        default: return false
        }
    }

    /// Whether the container is an inline element rather than a block.
    static func isInline(_ container: NodeID, in document: MarkdownDocument) -> Bool {
        switch document.kind(of: container) {
        case .emphasis, .strong, .link, .inlineTag: return true
        default: return false
        }
    }
}
