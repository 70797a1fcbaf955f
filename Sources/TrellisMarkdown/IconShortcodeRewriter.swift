/// Replaces `:name:` shortcodes (pymdownx.emoji's `:[+\-\w]+:`) in text with icon HTML.
///
/// Only text nodes are searched, so code spans, code blocks and raw HTML keep their colons;
/// image alt text is left alone too. `\w` is ASCII here: icon names are ASCII.
public struct IconShortcodeRewriter: MarkdownRewriter {
    public var name: String { "icon shortcodes" }
    /// Decides what each `:name:` is.
    public let resolver: any IconResolving

    public init(resolver: any IconResolving) {
        self.resolver = resolver
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        var textNodes: [NodeID] = []
        var insideImage: NodeID?
        for event in document.events() {
            if let image = insideImage {
                if image == event.node && !event.entering { insideImage = nil }
                continue
            }
            guard event.entering else { continue }
            switch document.kind(of: event.node) {
            case .image: insideImage = event.node
            case .text: textNodes.append(event.node)
            default: break
            }
        }
        for node in textNodes {
            replaceShortcodes(in: node, of: &document, context: &context)
        }
    }

    private func replaceShortcodes(in node: NodeID, of document: inout MarkdownDocument, context: inout RewriteContext) {
        guard case .text(let text) = document.kind(of: node) else { return }
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: ":")) else { return }
        let source = context.source
        let nodeSpan = document.span(of: node)
        let nodeStart = nodeSpan.map { source.utf8Offset(of: $0.start) }
        // When the literal is exactly its source (no entities or smart quotes), the pieces keep
        // exact spans, which `attr_list` needs to find `{ .class }` after an icon.
        var exact = false
        if let nodeSpan, let nodeStart, nodeSpan.start.line == nodeSpan.end.line, nodeStart + bytes.count <= source.bytes.count {
            exact = source.bytes[nodeStart..<(nodeStart + bytes.count)].elementsEqual(bytes)
        }
        func pieceSpan(_ range: Range<Int>) -> TextSpan? {
            guard exact, let nodeSpan else { return nil }
            return TextSpan(
                start: TextPosition(line: nodeSpan.start.line, byteColumn: nodeSpan.start.byteColumn + range.lowerBound),
                end: TextPosition(line: nodeSpan.start.line, byteColumn: nodeSpan.start.byteColumn + range.upperBound - 1))
        }
        var searchFrom = nodeStart ?? 0
        // Pieces of the text not yet emitted start here.
        var pending = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
            guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            let shortcode = Array(bytes[index...end])
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            switch resolver.resolveIcon(name) {
            case .html(let html):
                if pending < index {
                    document.insert(
                        .text(String(decoding: bytes[pending..<index], as: UTF8.self)), span: pieceSpan(pending..<index), before: node)
                }
                document.insert(.rawHTML(html), span: pieceSpan(index..<(end + 1)), before: node)
                pending = end + 1
            case .notAnIcon:
                break
            case .unknown(let suggestions):
                var position = document.span(of: node)?.start ?? TextPosition(line: 1, byteColumn: 1)
                if let nodeStart {
                    let limit = source.endOfLine(containing: nodeStart)
                    if let found = source.find(shortcode, from: searchFrom, to: limit) {
                        position = source.position(ofUTF8Offset: found)
                        searchFrom = found + shortcode.count
                    }
                }
                context.iconProblems.append(IconProblem(name: name, position: position, suggestions: suggestions))
            }
            index = end + 1
        }
        guard pending > 0 else { return }
        if pending < bytes.count {
            document.setKind(.text(String(decoding: bytes[pending...], as: UTF8.self)), of: node)
            if exact { document.setSpan(pieceSpan(pending..<bytes.count), of: node) }
        } else {
            document.remove(node)
        }
    }

    /// `[+\-\w]` with ASCII `\w`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
