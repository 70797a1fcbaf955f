/// One link or image destination on a page, for link checking.
public struct CollectedLink: Hashable, Sendable {
    /// Whether this is a link or an image.
    public var kind: LinkKind
    /// The destination as the author wrote it (before `LinkRewriter`; cmark-unescaped).
    public var destination: String
    /// The destination the page renders (after `LinkRewriter`).
    public var renderedDestination: String
    /// Where the destination itself is in the parsed text: inside `(…)`, in a `[ref]: …`
    /// definition, or inside `<…>`. Falls back to `linkStart` when the raw text differs from
    /// the parsed destination (entities, backslash escapes).
    public var position: TextPosition
    /// Where the link or image itself starts.
    public var linkStart: TextPosition
    /// For images, whether the alt text has any non-blank text; `nil` for links.
    public var hasAltText: Bool?
}

/// Collects every link and image destination of a document with the destination's position.
public struct LinkCollector: Sendable {
    public init() {}

    /// The links and images of `document` in document order.
    public func collect(
        _ document: MarkdownDocument, source: ParsedText, originalDestinations: [NodeID: String] = [:]
    ) -> [CollectedLink] {
        var links: [CollectedLink] = []
        var definitions: ReferenceDefinitionIndex?
        // A walk, not `preorder()`: a big page's array of every node is not needed.
        for event in document.events() where event.entering {
            let node = event.node
            let kind: LinkKind
            let rendered: String
            switch document.kind(of: node) {
            case .link(let destination, _):
                kind = .link
                rendered = destination
            case .image(let source, _):
                kind = .image
                rendered = source
            default:
                continue
            }
            let destination = originalDestinations[node] ?? rendered
            let start = document.span(of: node)?.start ?? TextPosition(line: 1, byteColumn: 1)
            var position = start
            if destination.isEmpty || document.attributes(of: node)["href"] != nil {
                // A magic link is where its text is (it has no written destination).
                position = start
            } else if let found = inlinePosition(of: destination, node: node, in: document, source: source) {
                position = found
            } else {
                if definitions == nil { definitions = ReferenceDefinitionIndex(source) }
                position = definitions?.positions[destination] ?? start
            }
            links.append(
                CollectedLink(
                    kind: kind, destination: destination, renderedDestination: rendered, position: position,
                    linkStart: start, hasAltText: kind == .image ? hasText(under: node, in: document) : nil))
        }
        return links
    }

    /// The destination inside the node's own text: after `(` (inline) or `<` (autolink).
    ///
    /// cmark's inline positions are approximate when a link spans lines or a continuation line
    /// is indented, so this looks first forward from the reported start to the end of the
    /// enclosing block, then back to the start of the reported line, both within 4 KiB; if that
    /// fails the caller falls back to the link's start.
    private func inlinePosition(
        of destination: String, node: NodeID, in document: MarkdownDocument, source: ParsedText
    ) -> TextPosition? {
        guard let span = document.span(of: node) else { return nil }
        let start = source.utf8Offset(of: span.start)
        var blockEnd = span.end
        var ancestor = document.parent(of: node)
        while let current = ancestor {
            if case .paragraph = document.kind(of: current), let end = document.span(of: current)?.end {
                blockEnd = max(blockEnd, end)
                break
            }
            if case .heading = document.kind(of: current), let end = document.span(of: current)?.end {
                blockEnd = max(blockEnd, end)
                break
            }
            ancestor = document.parent(of: current)
        }
        // A window around the reported start keeps a huge paragraph of unmatchable links linear.
        let window = 4096
        let end = min(source.endOfLine(containing: source.utf8Offset(of: blockEnd)), start + window)
        let lineStart = max(source.startOfLine(containing: start), start - window)
        var needles = [Array(destination.utf8)]
        if destination.hasPrefix("mailto:") { needles.append(Array(destination.utf8.dropFirst(7))) }
        for needle in needles {
            let accept = { (offset: Int) in self.followsOpener(offset, source: source) }
            if let found = source.find(needle, from: start, to: end, where: accept)
                ?? source.findLast(needle, from: lineStart, to: start + needle.count - 1, where: accept)
            {
                return source.position(ofUTF8Offset: found)
            }
        }
        return nil
    }

    /// Whether `offset` follows `(` or `<` (spaces, one newline and a `<` may sit between).
    private func followsOpener(_ offset: Int, source: ParsedText) -> Bool {
        var index = offset - 1
        if index >= 0, source.bytes[index] == UInt8(ascii: "<") { return true }
        while index >= 0, [9, 10, 13, 32].contains(source.bytes[index]) { index -= 1 }
        return index >= 0 && source.bytes[index] == UInt8(ascii: "(")
    }

    private func hasText(under node: NodeID, in document: MarkdownDocument) -> Bool {
        for event in document.events(from: node) where event.entering {
            switch document.kind(of: event.node) {
            case .text(let text), .code(let text):
                if text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return true }
            default:
                continue
            }
        }
        return false
    }
}

/// Where each destination of a `[label]: destination` definition is, built in one pass.
struct ReferenceDefinitionIndex {
    var positions: [String: TextPosition] = [:]

    init(_ source: ParsedText) {
        let bytes = source.bytes
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: ":") {
                record(after: index + 2, in: source)
            }
            index += 1
        }
    }

    private mutating func record(after colon: Int, in source: ParsedText) {
        let bytes = source.bytes
        var start = colon
        var newlines = 0
        while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) {
            if bytes[start] == 10 { newlines += 1 }
            start += 1
        }
        guard newlines <= 1, start < bytes.count else { return }
        var end = start
        if bytes[start] == UInt8(ascii: "<") {
            start += 1
            end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != 10 { end += 1 }
        } else {
            while end < bytes.count, ![9, 10, 13, 32].contains(bytes[end]) { end += 1 }
        }
        let destination = String(decoding: bytes[start..<end], as: UTF8.self)
        if positions[destination] == nil {
            positions[destination] = source.position(ofUTF8Offset: start)
        }
    }
}
