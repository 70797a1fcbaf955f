import TrellisCore

/// Replaces `:name:` shortcodes in text with icon or emoji HTML, where pymdownx.emoji replaces
/// them: runs of its `:[+\-\w]+:` (Python's Unicode `\w`), left to right without overlap.
///
/// Only text nodes are searched, so code spans, code blocks and raw HTML keep their colons; image
/// alt text and autolinks (`<https://…>`, which Python-Markdown keeps atomic) are left alone too.
/// A colon or name character that cmark made from an escape or an entity (`\:smile:`,
/// `:smile&#58;`) is none, as Python-Markdown has a placeholder there when the pattern runs.
public struct IconShortcodeRewriter: MarkdownRewriter {
    public var name: String { "icon shortcodes" }
    /// Decides what each `:name:` is.
    public let resolver: any IconResolving

    public init(resolver: any IconResolving) {
        self.resolver = resolver
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let source = context.source
        guard source.bytes.contains(UInt8(ascii: ":")) else { return }
        // Each text node with where its paragraph (or other inline block) starts, which
        // positions on continuation lines need; tracked on the walk, not looked up per node.
        var textNodes: [(node: NodeID, blockStart: TextPosition?)] = []
        var blocks: [(node: NodeID, start: TextPosition?)] = []
        var skipping: NodeID?
        for event in document.events() {
            if let skipped = skipping {
                if skipped == event.node && !event.entering { skipping = nil }
                continue
            }
            guard event.entering else {
                if blocks.last?.node == event.node { blocks.removeLast() }
                continue
            }
            switch document.kind(of: event.node) {
            case .paragraph, .heading, .tableCell, .definitionTerm, .containerTitle:
                blocks.append((event.node, document.span(of: event.node)?.start))
            case .image:
                skipping = event.node
            case .link where Self.isAutolink(event.node, blockStart: blocks.last?.start, in: document, source: source):
                skipping = event.node
            case .text:
                textNodes.append((event.node, blocks.last?.start))
            default:
                break
            }
        }
        for (node, blockStart) in textNodes {
            replaceShortcodes(in: node, blockStart: blockStart, of: &document, context: &context)
        }
    }

    /// Whether a link is an autolink: its text follows a `<` in the source. (cmark reports the
    /// link's own column without the paragraph's offsets; its text's column is right.)
    private static func isAutolink(_ link: NodeID, blockStart: TextPosition?, in document: MarkdownDocument, source: ParsedText) -> Bool {
        guard let text = document.firstChild(of: link), case .text = document.kind(of: text), let span = document.span(of: text)
        else { return false }
        let offset = MarkdownDocument.inlineOffset(span.start, blockStart: blockStart, source: source)
        return offset > 0 && offset <= source.bytes.count && source.bytes[offset - 1] == UInt8(ascii: "<")
    }

    private func replaceShortcodes(
        in node: NodeID, blockStart: TextPosition?, of document: inout MarkdownDocument, context: inout RewriteContext
    ) {
        guard case .text(let text) = document.kind(of: node) else { return }
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: ":")) else { return }
        let source = context.source
        let nodeSpan = document.span(of: node)
        // The node's source, when it is one line: cmark's column on a continuation line leaves
        // out the indentation it stripped (see `MarkdownDocument.inlineOffset`).
        var segments: TextSourceSegments?
        if let nodeSpan, nodeSpan.start.line == nodeSpan.end.line {
            let start = MarkdownDocument.inlineOffset(nodeSpan.start, blockStart: blockStart, source: source)
            let end = MarkdownDocument.inlineOffset(nodeSpan.end, blockStart: blockStart, source: source) + 1
            if start < end { segments = TextSourceSegments(text: bytes, source: source, sourceRange: start..<end) }
        }
        let literal = segments?.literalMask(count: bytes.count) ?? [Bool](repeating: true, count: bytes.count)
        // The span of source bytes `range` in cmark's coordinates (which leave out a continuation
        // line's indentation: the column moves by as much as the offset), so that `attr_list`
        // finds `{ .class }` after an icon.
        func span(ofSource range: Range<Int>) -> TextSpan? {
            guard let nodeSpan, let first = segments?.segments.first else { return nil }
            let column = nodeSpan.start.byteColumn - first.source.lowerBound
            return TextSpan(
                start: TextPosition(line: nodeSpan.start.line, byteColumn: column + range.lowerBound),
                end: TextPosition(line: nodeSpan.start.line, byteColumn: column + range.upperBound - 1))
        }
        func insertText(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            guard let segments else {
                document.insert(.text(String(decoding: bytes[range], as: UTF8.self)), span: nil, before: node)
                return
            }
            for piece in segments.pieces(of: range) {
                document.insert(.text(String(decoding: bytes[piece.text], as: UTF8.self)), span: span(ofSource: piece.source), before: node)
            }
        }
        var searchFrom = nodeSpan.map { source.utf8Offset(of: $0.start) } ?? 0
        // Bytes of the text not yet emitted start here.
        var pending = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: ":"), literal[index] else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, literal[end], let length = PythonMarkdownText.shortcodeNameLength(bytes, at: end) { end += length }
            guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ":"), literal[end] else {
                // No colon can occur inside the run, so the next match starts after it.
                index = max(end, index + 1)
                continue
            }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            switch resolver.lookup(name) {
            case .html(let html):
                insertText(pending..<index)
                let shortcodeSource = segments?.sourceRange(of: index..<(end + 1))
                document.insert(.rawHTML(html), span: shortcodeSource.flatMap(span(ofSource:)), before: node)
                pending = end + 1
            case .notAnIcon:
                break
            case .unknown(let suggestions):
                var position = nodeSpan?.start ?? TextPosition(line: 1, byteColumn: 1)
                if let found = segments?.sourceRange(of: index..<(end + 1)) {
                    position = source.position(ofUTF8Offset: found.lowerBound)
                } else if nodeSpan != nil {
                    let shortcode = Array(bytes[index...end])
                    if let found = source.find(shortcode, from: searchFrom, to: source.endOfLine(containing: searchFrom)) {
                        position = source.position(ofUTF8Offset: found)
                        searchFrom = found + shortcode.count
                    }
                }
                context.iconProblems.append(IconProblem(name: name, position: position, suggestions: suggestions))
            }
            index = end + 1
        }
        guard pending > 0 else { return }
        insertText(pending..<bytes.count)
        document.remove(node)
    }
}
