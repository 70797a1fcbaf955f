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
        /// How many lines of link reference definitions were parsed before the piece (see
        /// `CMark+Definitions.swift`); cmark's lines are moved up by as many.
        var prefixLines = 0
    }

    /// A paragraph cut before a piece: its node, and the white space before the cut, which cmark
    /// trimmed from the end of the piece before and which is text inside the whole paragraph.
    struct Continuation {
        var paragraph: NodeID
        var spaces: String
        var spacesSpan: TextSpan

        /// The spaces before `start` (a cut inside 0-based line `line`, `column` bytes in).
        init(_ paragraph: NodeID, spacesBefore start: Int, in buffer: UnsafeBufferPointer<UInt8>, _ line: Int, _ column: Int) {
            let lineStart = start - column
            var first = start
            // cmark trims spaces, tabs, vertical tabs and form feeds from a paragraph's end.
            while first > lineStart, [0x20, 0x09, 0x0B, 0x0C].contains(buffer[first - 1]) { first -= 1 }
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

    /// cmark's tree of the pieces `from..<to` of `chunks`, parsed as one text after the page's
    /// link reference `definitions`, and how many lines those took.
    static func parsePiece(
        _ buffer: UnsafeBufferPointer<UInt8>, _ chunks: CMarkChunks, from: Int, to: Int, definitions: [UInt8], smart: Bool
    ) -> (root: OpaquePointer?, prefixLines: Int) {
        let start = chunks.starts[from]
        let end = to < chunks.starts.count ? chunks.starts[to] : buffer.count
        return cmarkTree(UnsafeBufferPointer(rebasing: buffer[start..<end]), after: definitions, smart: smart)
    }

    /// cmark's tree of the piece `from` and of as many pieces after it as it takes for no block
    /// to go on past the last one: the rest of a paragraph cut inside a line whose first part does
    /// not end closed (see `endsClosed`), and the rest of a top-level fenced code or HTML block
    /// (kinds 1 to 5) the pieces leave open, which `CMarkChunks` cannot always tell (an opener
    /// indented inside a list item looks like one at the top). Returns the first piece after them.
    static func parseWholeBlocks(
        _ buffer: UnsafeBufferPointer<UInt8>, _ chunks: CMarkChunks, from index: Int, definitions: [UInt8], smart: Bool
    ) -> (root: OpaquePointer?, prefixLines: Int, next: Int) {
        var next = index + 1
        while true {
            let (root, prefixLines) = parsePiece(buffer, chunks, from: index, to: next, definitions: definitions, smart: smart)
            guard next < chunks.starts.count, let root else { return (root, prefixLines, next) }
            var end: Int?
            if chunks.columns[next] > 0 {
                if endsClosed(root) { return (root, prefixLines, next) }
                end = chunks.starts[next]
                while next < chunks.starts.count, chunks.columns[next] > 0 { next += 1 }
            } else if let closer = openLastBlock(root, prefixLines: prefixLines, buffer, from: chunks.starts[index]) {
                end = closer.end(in: buffer, from: chunks.starts[next])
            }
            guard let end else { return (root, prefixLines, next) }
            cmark_node_free(root)
            while next < chunks.starts.count, chunks.starts[next] <= end || chunks.columns[next] > 0 { next += 1 }
        }
    }

    /// What closes a top-level block left open at the end of a piece.
    enum Closer {
        case fence(byte: UInt8, length: Int)
        case marker([UInt8])

        /// The offset just past the line at or after `start` that closes the block (`buffer.count`
        /// if none does).
        func end(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var lineStart = start
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if closes(UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])) { return lineEnd }
                lineStart = lineEnd + 1
            }
            return buffer.count
        }

        func closes(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .fence(let byte, let length):
                var index = 0
                while index < line.count, index < 3, line[index] == UInt8(ascii: " ") { index += 1 }
                var run = index
                while run < line.count, line[run] == byte { run += 1 }
                return run - index >= length && line[run...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            case .marker(let marker):
                return CMarkChunks.contains(marker, in: line, from: 0, to: line.count)
            }
        }
    }

    /// What would close the piece's last top-level block, if it is a fenced code block or an HTML
    /// block of kinds 1 to 5 that runs to the piece's end without its closing line.
    static func openLastBlock(_ root: OpaquePointer, prefixLines: Int, _ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Closer? {
        guard let last = cmark_node_last_child(root) else { return nil }
        let type = cmark_node_get_type(last)
        if type == CMARK_NODE_CODE_BLOCK {
            // Lines of the piece, counted from 1 (the definitions before it taken off).
            let startLine = Int(cmark_node_get_start_line(last)) - prefixLines
            let endLine = Int(cmark_node_get_end_line(last)) - prefixLines
            // A fenced block's first line is its fence, at most 3 spaces in (cmark 0.30 has no getter).
            guard let opener = Self.line(startLine, in: buffer, from: start) else { return nil }
            var index = 0
            while index < opener.count, index < 3, opener[index] == UInt8(ascii: " ") { index += 1 }
            guard index < opener.count, opener[index] == UInt8(ascii: "`") || opener[index] == UInt8(ascii: "~") else { return nil }
            var run = index
            while run < opener.count, opener[run] == opener[index] { run += 1 }
            guard run - index >= 3 else { return nil }
            let closer = Closer.fence(byte: opener[index], length: run - index)
            guard endLine > startLine, let line = Self.line(endLine, in: buffer, from: start) else { return closer }
            return closer.closes(line) ? nil : closer
        }
        guard type == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(last) else { return nil }
        let html = Array(String(cString: literal).utf8)
        var first = 0
        while first < html.count, first < 3, html[first] == UInt8(ascii: " ") { first += 1 }
        guard let marker = CMarkChunks.htmlEnd(html[first...]) else { return nil }
        var lastLine = html[...]
        while lastLine.last == UInt8(ascii: "\n") { lastLine.removeLast() }
        if let newline = lastLine.lastIndex(of: UInt8(ascii: "\n")) { lastLine = lastLine[(newline + 1)...] }
        let closer = Closer.marker(marker)
        return lastLine.withUnsafeBufferPointer { closer.closes($0) } ? nil : closer
    }

    /// Line `line` (1-based) of the text from `start`, without its newline.
    private static func line(_ line: Int, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> UnsafeBufferPointer<UInt8>? {
        var lineStart = start
        var number = 1
        while number < line {
            guard lineStart < buffer.count, let base = buffer.baseAddress,
                let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), buffer.count - lineStart)
            else { return nil }
            lineStart = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            number += 1
        }
        var lineEnd = lineStart
        while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        return UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
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
