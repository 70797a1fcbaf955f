/// `pymdownx.betterem` with `smart_enable: all` or `asterisk`: a `*` inside a word neither opens
/// nor closes emphasis (`2*3*4`, `foo**bar**baz` stay text), where CommonMark lets it. The
/// emphasis cmark made with such a `*` is undone: its delimiters are text again around its
/// content. (With betterem's default, `underscore`, emphasis reads as CommonMark's already.)
///
/// This is the one difference betterem makes to cmark's emphasis that it reproduces; a `*` undone
/// here that pymdownx would pair with another one stays text (`*a*b*` is text, not `<em>a*b</em>`).
public struct BetterEmphasisRewriter: MarkdownRewriter {
    public var name: String { "better emphasis" }

    public init() {}

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let source = context.source
        guard source.bytes.contains(UInt8(ascii: "*")) else { return }
        for node in document.preorder() {
            let width: Int
            switch document.kind(of: node) {
            case .emphasis: width = 1
            case .strong: width = 2
            default: continue
            }
            guard let span = document.span(of: node) else { continue }
            let blockStart = AttributeListRewriter.blockStart(of: node, in: document)
            let open = MarkdownDocument.inlineOffset(span.start, blockStart: blockStart, source: source)
            let close = MarkdownDocument.inlineOffset(span.end, blockStart: blockStart, source: source)
            let bytes = source.bytes
            guard open < close, close < bytes.count, bytes[open] == UInt8(ascii: "*"), bytes[close] == UInt8(ascii: "*") else { continue }
            // The whole runs of `*` the emphasis opens and closes in (nested emphasis shares them):
            // `(?:(?<=_)|(?<![\w*]))` before the opening run, `(?:(?=_)|(?![\w*]))` after the closing one.
            var runStart = open
            while runStart > 0, bytes[runStart - 1] == UInt8(ascii: "*") { runStart -= 1 }
            var runEnd = close + 1
            while runEnd < bytes.count, bytes[runEnd] == UInt8(ascii: "*") { runEnd += 1 }
            let intraword = { (scalar: Unicode.Scalar?) in scalar.map { $0 != "_" && PythonCharacter.isWord($0) } ?? false }
            guard intraword(Self.scalar(before: runStart, in: source)) || intraword(Self.scalar(at: runEnd, in: source)) else { continue }
            undo(node, delimiter: String(repeating: "*", count: width), in: &document)
        }
    }

    /// Replaces the emphasis by its delimiters as text around its children.
    private func undo(_ node: NodeID, delimiter: String, in document: inout MarkdownDocument) {
        let children = document.detachChildren(of: node)
        document.insert(.text(delimiter), before: node)
        for child in children {
            document.insertExisting(child, before: node)
        }
        document.insert(.text(delimiter), before: node)
        document.remove(node)
    }

    private static func scalar(before offset: Int, in source: ParsedText) -> Unicode.Scalar? {
        guard offset > 0 else { return nil }
        var lead = offset - 1
        while lead > 0, source.bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return String(decoding: source.slice(lead, offset), as: UTF8.self).unicodeScalars.first
    }

    private static func scalar(at offset: Int, in source: ParsedText) -> Unicode.Scalar? {
        guard offset < source.bytes.count else { return nil }
        return String(decoding: source.slice(offset, offset + InlineRun.scalarLength(leading: source.bytes[offset])), as: UTF8.self)
            .unicodeScalars.first
    }
}
