/// Python-Markdown `attr_list`: `{ #id .class key=value }` (or `{: … }`) at the end of a
/// heading, on the last line of a paragraph, or right after a link, image, emphasis or code span
/// sets that element's attributes; an id on a heading becomes its id (TOC, permalinks, anchors).
///
/// The list is read from the page source (cmark's smart quotes would otherwise have changed
/// `key="v"`), and the text nodes it covered are cut out by their source spans.
public struct AttributeListRewriter: MarkdownRewriter {
    public var name: String { "attribute lists" }

    public init() {}

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let source = context.source
        guard source.bytes.contains(UInt8(ascii: "{")) else { return }
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .heading(let level, let id):
                guard let pairs = trailingList(of: node, in: &document, source: source) else { continue }
                var attributes = document.attributes(of: node)
                AttributeList.assign(pairs, to: &attributes)
                var newID = id
                if case let value?? = attributes["id"] {
                    newID = value
                    attributes.remove("id")
                }
                document.setKind(.heading(level: level, id: newID), of: node)
                document.setAttributes(attributes, of: node)
            case .definitionTerm, .tableCell:
                guard let pairs = trailingList(of: node, in: &document, source: source) else { continue }
                document.assign(pairs, to: node)
            case .paragraph:
                guard let pairs = lastLineList(of: node, in: &document, source: source) else { continue }
                var target = node
                if let item = document.parent(of: node), case .item = document.kind(of: item),
                    let list = document.parent(of: item), case .list(let style) = document.kind(of: list), style.tight
                {
                    target = item
                }
                document.assign(pairs, to: target)
            case .rawHTML(let html), .inlineMarkup(let html, _):
                // An icon, emoji, keys or an e-mail link: the attributes join its first tag, as on
                // the element pymdownx's pattern returned.
                guard html.utf8.first == UInt8(ascii: "<"), InsertedElement.merging([], into: html) != nil,
                    let pairs = inlineList(after: node, in: &document, source: source),
                    let merged = InsertedElement.merging(pairs, into: html)
                else { continue }
                if case .inlineMarkup(_, let text) = document.kind(of: node) {
                    document.setKind(.inlineMarkup(html: merged, text: text), of: node)
                } else {
                    document.setKind(.rawHTML(merged), of: node)
                }
            case .link, .image, .emphasis, .strong, .code, .inlineTag:
                guard let pairs = inlineList(after: node, in: &document, source: source) else { continue }
                document.assign(pairs, to: node)
            default:
                continue
            }
        }
    }

    /// `[ ]+{…}[ ]*$` at the end of a heading's (or term's, or cell's) text (strict: a stray `}`
    /// cancels it); the list and the spaces before it are cut, then a heading's trailing `#`s and
    /// spaces.
    private func trailingList(of heading: NodeID, in document: inout MarkdownDocument, source: ParsedText) -> [AttributeList.Pair]? {
        guard let last = document.lastChild(of: heading), let span = document.span(of: last) else { return nil }
        let bytes = source.bytes
        var end = source.utf8Offset(of: span.end) + 1
        guard end <= bytes.count else { return nil }
        let lineStart = source.startOfLine(containing: end - 1)
        let contentStart = document.span(of: document.firstChild(of: heading) ?? last).map { max(source.utf8Offset(of: $0.start), lineStart) } ?? lineStart
        while end > contentStart, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > contentStart, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        var brace = contentStart + 1
        while brace < end {
            guard let found = bytes[brace..<end].firstIndex(of: UInt8(ascii: "{")) else { return nil }
            // The list runs to the line's last `}`, so the leftmost `{` that can open one is it
            // (checked locally: each `{` costs O(1), not a rescan of the line).
            if bytes[found - 1] == UInt8(ascii: " "), let content = AttributeList.contentStart(bytes[...], at: found, close: end - 1) {
                let scanned = AttributeList.scan(bytes[content..<(end - 1)])
                guard scanned.remainder.isEmpty else { return nil }
                var start = found
                while start > contentStart, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
                guard document.cut(start..<(source.utf8Offset(of: span.end) + 1), under: heading, blockStart: nil, source: source) else { return nil }
                if case .heading = document.kind(of: heading), let tail = document.lastChild(of: heading),
                    case .text(let text) = document.kind(of: tail)
                {
                    var trimmed = Substring(text)
                    while trimmed.last == "#" { trimmed = trimmed.dropLast() }
                    while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
                    if trimmed.isEmpty { document.remove(tail) } else { document.setKind(.text(String(trimmed)), of: tail) }
                }
                return scanned.pairs
            }
            brace = found + 1
        }
        return nil
    }

    /// A paragraph whose last line (after a soft break) is only `{…}` (strict).
    private func lastLineList(of paragraph: NodeID, in document: inout MarkdownDocument, source: ParsedText) -> [AttributeList.Pair]? {
        var node = document.lastChild(of: paragraph)
        var lineNodes: [NodeID] = []
        while let current = node {
            if case .softBreak = document.kind(of: current) { break }
            lineNodes.append(current)
            node = document.previousSibling(of: current)
        }
        guard let softBreak = node, let first = lineNodes.last, let firstSpan = document.span(of: first),
            let lastSpan = document.span(of: lineNodes[0]), firstSpan.start.line == lastSpan.end.line
        else { return nil }
        let bytes = source.bytes
        // cmark reports a continuation line's inline positions without the indentation it
        // stripped, so read the whole line from its first non-blank byte.
        var start = source.utf8Offset(of: firstSpan.start)
        var end = source.endOfLine(containing: start)
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard start < end else { return nil }
        guard let match = AttributeList.match(bytes[...], at: start, end: end), match.end == end else { return nil }
        let scanned = AttributeList.scan(bytes[match.content])
        guard scanned.remainder.isEmpty else { return nil }
        for node in lineNodes { document.remove(node) }
        document.remove(softBreak)
        return scanned.pairs
    }

    /// `^{…}` in the text right after an inline element (its tail, up to the next element or the
    /// end of the line). A list Python-Markdown would only partly read is left as text.
    private func inlineList(after element: NodeID, in document: inout MarkdownDocument, source: ParsedText) -> [AttributeList.Pair]? {
        guard let next = document.nextSibling(of: element), case .text = document.kind(of: next),
            let span = document.span(of: element)
        else { return nil }
        let bytes = source.bytes
        let blockStart = Self.blockStart(of: element, in: document)
        var start = MarkdownDocument.inlineOffset(span.end, blockStart: blockStart, source: source) + 1
        if case .code = document.kind(of: element) {
            // cmark's code span ends at its content: step over the padding space and backticks.
            if start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            while start < bytes.count, bytes[start] == UInt8(ascii: "`") { start += 1 }
        }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return nil }
        var limit = source.endOfLine(containing: start)
        if let cell = Self.enclosingCell(of: element, in: document), let cellSpan = document.span(of: cell) {
            // A table row holds more cells on the line: the list ends with this one.
            limit = min(limit, MarkdownDocument.inlineOffset(cellSpan.end, blockStart: blockStart, source: source) + 1)
        }
        var sibling: NodeID? = next
        var lastText = next
        while let current = sibling {
            if case .text = document.kind(of: current) {
                lastText = current
                sibling = document.nextSibling(of: current)
                continue
            }
            if let other = document.span(of: current) {
                limit = min(limit, MarkdownDocument.inlineOffset(other.start, blockStart: blockStart, source: source))
            }
            break
        }
        if sibling == nil, let parent = document.parent(of: element), Self.isInlineContainer(parent, in: document),
            let textSpan = document.span(of: lastText)
        {
            // Inside a link or emphasis the tail ends with the element's content: a list after
            // the link (`[:icon:{ .a } b](u){ .c }`) is not part of this one (greedy to the last `}`).
            limit = min(limit, MarkdownDocument.inlineOffset(textSpan.end, blockStart: blockStart, source: source) + 1)
        }
        guard let match = AttributeList.match(bytes[...], at: start, end: limit) else { return nil }
        let scanned = AttributeList.scan(bytes[match.content])
        guard scanned.remainder.isEmpty else { return nil }
        guard document.cut(start..<match.end, under: document.parent(of: element) ?? element, from: next, blockStart: blockStart, source: source) else { return nil }
        return scanned.pairs
    }
}

extension AttributeListRewriter {
    /// Whether a node is an inline element holding inline content (a link, emphasis, a tag).
    static func isInlineContainer(_ node: NodeID, in document: MarkdownDocument) -> Bool {
        switch document.kind(of: node) {
        case .link, .image, .emphasis, .strong, .inlineTag: return true
        default: return false
        }
    }

    /// The table cell an inline node is in, if any.
    static func enclosingCell(of node: NodeID, in document: MarkdownDocument) -> NodeID? {
        var current = document.parent(of: node)
        while let block = current {
            switch document.kind(of: block) {
            case .tableCell: return block
            case .paragraph, .heading, .definitionTerm, .containerTitle: return nil
            default: current = document.parent(of: block)
            }
        }
        return nil
    }

    /// Where the paragraph (or other block) holding an inline node starts.
    static func blockStart(of node: NodeID, in document: MarkdownDocument) -> TextPosition? {
        var current = document.parent(of: node)
        while let block = current {
            switch document.kind(of: block) {
            case .paragraph, .heading, .tableCell, .definitionTerm, .containerTitle:
                return document.span(of: block)?.start
            default:
                current = document.parent(of: block)
            }
        }
        return nil
    }
}

extension MarkdownDocument {
    /// Applies `attr_list` pairs to the node's attributes.
    fileprivate mutating func assign(_ pairs: [AttributeList.Pair], to node: NodeID) {
        var current = attributes(of: node)
        AttributeList.assign(pairs, to: &current)
        setAttributes(current, of: node)
    }
}
