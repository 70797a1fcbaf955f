/// The elements whose children are the inline text Python-Markdown's inline patterns read:
/// paragraphs, headings, cells, terms, titles, and the inline elements inside them.
enum InlineContainers {
    /// Every inline container of the document in document order. Image descriptions are left
    /// out (an `alt` attribute, never parsed), and so are autolinks (`<https://…>`, whose text
    /// is atomic) and, unless `links`, every link's content (magiclink's `ANCESTOR_EXCLUDES`).
    static func all(in document: MarkdownDocument, source: ParsedText, links: Bool = true) -> [NodeID] {
        var containers: [NodeID] = []
        var skipping: NodeID?
        for event in document.events() {
            if let skip = skipping {
                if skip == event.node && !event.entering { skipping = nil }
                continue
            }
            guard event.entering else { continue }
            let node = event.node
            switch document.kind(of: node) {
            case .paragraph, .heading, .tableCell, .definitionTerm, .containerTitle, .emphasis, .strong, .inlineTag,
                .htmlElement(_, _, false):
                if document.firstChild(of: node) != nil { containers.append(node) }
            case .link:
                if !links || isAutolink(node, in: document, source: source) {
                    skipping = node
                } else if document.firstChild(of: node) != nil {
                    containers.append(node)
                }
            case .image:
                skipping = node
            default:
                break
            }
        }
        return containers
    }

    /// Whether a link is an autolink (`<https://…>`): its source starts with `<`.
    static func isAutolink(_ node: NodeID, in document: MarkdownDocument, source: ParsedText) -> Bool {
        guard let span = document.span(of: node) else { return false }
        let blockStart = AttributeListRewriter.blockStart(of: node, in: document)
        let offset = MarkdownDocument.inlineOffset(span.start, blockStart: blockStart, source: source)
        return offset < source.bytes.count && source.bytes[offset] == UInt8(ascii: "<")
    }
}
