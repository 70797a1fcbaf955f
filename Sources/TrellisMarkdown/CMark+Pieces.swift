import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parsing a text a piece at a time (see `CMarkChunks`), including pieces cut inside a one-line
/// paragraph, which are joined back into one paragraph.
extension CMark {
    /// Where a piece sits in the whole text.
    struct Piece {
        /// The 0-based line on which the piece starts.
        var lineOffset: Int
        /// How far into that line the piece starts (0 at a line start).
        var column: Int
        /// The open paragraph the piece goes on with, if it was cut inside one.
        var continuing: Continuation?
    }

    /// A paragraph cut before a piece: its node, and the spaces before the cut, which cmark
    /// trimmed from the end of the piece before and which are text inside the whole paragraph.
    struct Continuation {
        var paragraph: NodeID
        var spaces: String
        var spacesSpan: TextSpan

        /// The spaces before `start` (a cut inside 0-based line `line`, `column` bytes in).
        init(_ paragraph: NodeID, spacesBefore start: Int, in buffer: UnsafeBufferPointer<UInt8>, _ line: Int, _ column: Int) {
            let lineStart = start - column
            var first = start
            while first > lineStart, buffer[first - 1] == UInt8(ascii: " ") || buffer[first - 1] == UInt8(ascii: "\t") { first -= 1 }
            self.paragraph = paragraph
            spaces = String(decoding: UnsafeBufferPointer(rebasing: buffer[first..<start]), as: UTF8.self)
            spacesSpan = TextSpan(
                start: TextPosition(line: line + 1, byteColumn: first - lineStart + 1),
                end: TextPosition(line: line + 1, byteColumn: column))
        }

        /// Stretches the paragraph to the end of the piece's first paragraph (`span`) and adds the
        /// spaces as text (with `withText`), merged into a text node that ends the paragraph;
        /// returns the text node being merged into, as the conversion merges.
        func join(_ span: TextSpan?, in document: inout MarkdownDocument, withText: Bool) -> (node: NodeID, parent: NodeID)? {
            if let span, let own = document.span(of: paragraph) {
                document.setSpan(TextSpan(start: own.start, end: span.end), of: paragraph)
            }
            guard withText else { return nil }
            if let last = document.lastChild(of: paragraph), document.isText(last) {
                document.appendText(spaces, to: last)
                if let own = document.span(of: last) { document.setSpan(TextSpan(start: own.start, end: spacesSpan.end), of: last) }
                return (last, paragraph)
            }
            let node = document.appendChild(.text(spaces), span: spacesSpan, to: paragraph)
            return (node, paragraph)
        }
    }

    /// cmark's tree of the pieces `from..<to` of `chunks`, parsed as one text.
    static func parsePiece(_ buffer: UnsafeBufferPointer<UInt8>, _ chunks: CMarkChunks, from: Int, to: Int) -> OpaquePointer? {
        let start = chunks.starts[from]
        let end = to < chunks.starts.count ? chunks.starts[to] : buffer.count
        let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
        return piece.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, parseOptions) }
    }

    /// Whether a piece cut inside a paragraph closed everything it opened there: its last block
    /// is a paragraph with no `` ` ``, `<` or `[` left as text, which is what cmark leaves of a
    /// code span, raw HTML, autolink or link whose end it did not find in the piece.
    static func endsClosed(_ cRoot: OpaquePointer) -> Bool {
        guard let last = cmark_node_last_child(cRoot), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH,
            let iterator = cmark_iter_new(last)
        else { return false }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return true }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node)
            else { continue }
            if strpbrk(literal, "`<[") != nil { return false }
        }
    }
}
