import CCmark

/// The one door to libcmark: parses text and converts cmark's tree into a `MarkdownDocument`.
///
/// No other file imports `CCmark`. Parsing uses `SOURCEPOS`, and `SMART` (curly quotes, dashes,
/// ellipses) where the page's extensions include `smarty`; raw HTML is kept in the tree and
/// rendered verbatim, as MkDocs does (cmark's `UNSAFE`).
enum CMark {
    static func parseOptions(smart: Bool) -> Int32 { smart ? CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS : CMARK_OPT_SOURCEPOS }
    static let renderOptions = CMARK_OPT_UNSAFE | CMARK_OPT_SMART

    /// Texts bigger than this are parsed a piece at a time (see `CMarkChunks`).
    static let chunkBytes = 1 << 20

    /// Parses `text` and converts the result; adjacent text nodes (which cmark splits at every
    /// punctuation character it might treat specially) are merged into one. A big text is parsed
    /// in pieces of at least `chunkBytes` that cmark reads as it reads the whole.
    static func parse(_ text: String, chunkBytes: Int = chunkBytes, smart: Bool = true) -> MarkdownDocument {
        var text = text
        return text.withUTF8 { parse($0, chunkBytes: chunkBytes, blocksOnly: false, smart: smart) }
    }

    /// The blocks of `text` without their inline content (a paragraph or heading has no
    /// children): what the container pre-pass reads of a page, at a fraction of the memory.
    static func parseBlocks(_ bytes: TextBytes, smart: Bool = true) -> MarkdownDocument {
        bytes.withUnsafeBufferPointer { parse($0, chunkBytes: chunkBytes, blocksOnly: true, smart: smart) }
    }

    /// Parses UTF-8 `bytes` (as `parse(_:chunkBytes:)` parses a string's).
    static func parse(bytes: [UInt8], smart: Bool = true) -> MarkdownDocument {
        bytes.withUnsafeBufferPointer { parse($0, chunkBytes: chunkBytes, blocksOnly: false, smart: smart) }
    }

    /// Parses a text's bytes in place.
    static func parse(bytes: TextBytes, smart: Bool = true) -> MarkdownDocument {
        bytes.withUnsafeBufferPointer { parse($0, chunkBytes: chunkBytes, blocksOnly: false, smart: smart) }
    }

    private static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, chunkBytes: Int, blocksOnly: Bool, smart: Bool
    ) -> MarkdownDocument {
        var document = MarkdownDocument()
        // Definitions only change inline content: the blocks of a piece are the same without them.
        var chunks = CMarkChunks(buffer, size: chunkBytes, acrossDefinitions: true)
        var definitions: [UInt8] = []
        if chunks.mentionsDefinitions, !blocksOnly {
            if let found = definitionPrefix(buffer, chunks, smart: smart) { definitions = found } else { chunks = CMarkChunks() }
        }
        // The paragraph the last piece ended inside, which a piece cut inside a line goes on with.
        var open: NodeID?
        var index = 0
        while index < chunks.starts.count {
            let (cRoot, prefixLines, next) = parseWholeBlocks(
                buffer, chunks, from: index, definitions: definitions, smart: smart)
            defer { index = next }
            guard let cRoot else {
                open = nil
                continue
            }
            if index == 0, !blocksOnly {
                let end = next < chunks.starts.count ? chunks.starts[next] : buffer.count
                let estimate = nodeCount(cRoot) * (buffer.count / max(1, end)) + 1
                // A text cut in pieces is big, and containers spliced into its tree would grow it by
                // doubling, each copy holding old and new: room for a node every 8 bytes (more than
                // pages have) and for twice its text (bodies come in on top) is taken at once.
                // Memory never written is never touched.
                let big = next < chunks.starts.count
                document.reserveCapacity(big ? max(estimate, buffer.count / 8) : estimate, literalBytes: big ? 2 * buffer.count : 0)
            }
            let piece = Piece(
                lineOffset: chunks.lines[index], column: chunks.columns[index],
                continuing: chunks.columns[index] > 0 ? open.map { Continuation($0, spacesBefore: chunks.starts[index], in: buffer, chunks.lines[index], chunks.columns[index]) } : nil,
                prefixLines: prefixLines)
            open = convert(cRoot, into: &document, piece, blocksOnly: blocksOnly)
            cmark_node_free(cRoot)
        }
        return document
    }

    /// cmark's own HTML for `text` (with `SMART` unless `smart` is false): the reference our
    /// `HTMLRenderer` must match byte for byte.
    static func renderHTMLDirectly(_ text: String, smart: Bool = true) -> String {
        guard let cRoot = parseRoot(text, smart: smart) else { return "" }
        defer { cmark_node_free(cRoot) }
        guard let html = cmark_render_html(cRoot, smart ? renderOptions : CMARK_OPT_UNSAFE) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    private static func parseRoot(_ text: String, smart: Bool) -> OpaquePointer? {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, parseOptions(smart: smart))
            }
        }
    }

    /// Converts cmark's tree into a document, freeing each top-level block of cmark's tree once
    /// it is converted, so a big page never holds both trees whole.
    /// Lines are moved down by `lineOffset` (the piece's first line in the whole text).
    /// A piece going on with an open paragraph (see `Piece`) joins its first paragraph to it.
    /// Returns the piece's last block if it is a paragraph (the one a next piece may go on with).
    private static func convert(
        _ cRoot: OpaquePointer, into document: inout MarkdownDocument, _ piece: Piece, blocksOnly: Bool
    ) -> NodeID? {
        guard let iterator = cmark_iter_new(cRoot) else { return nil }
        defer { cmark_iter_free(iterator) }
        // Parents of the nodes being entered; a cmark custom node pushes its parent again.
        var parents: [NodeID] = []
        var converted: OpaquePointer?
        // The text node being merged into; its text grows in place (see `appendText`).
        var merging: (node: NodeID, parent: NodeID)?
        func storeMerged() { merging = nil }
        var continuing = piece.continuing
        var lastBlock: NodeID?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let cNode = cmark_iter_get_node(iterator) else { continue }
            // The iterator has moved on from the previous top-level block: it is safe to free.
            if event == CMARK_EVENT_ENTER, cmark_node_parent(cNode) == cRoot {
                if let converted { cmark_node_free(converted) }
                converted = cNode
            }
            let type = cmark_node_get_type(cNode)
            if blocksOnly, type.rawValue >= CMARK_NODE_FIRST_INLINE.rawValue, type.rawValue <= CMARK_NODE_LAST_INLINE.rawValue { continue }
            if type == CMARK_NODE_DOCUMENT {
                if event == CMARK_EVENT_ENTER { parents.append(document.root) }
                continue
            }
            if event == CMARK_EVENT_EXIT {
                storeMerged()
                if !parents.isEmpty { parents.removeLast() }
                continue
            }
            guard let parent = parents.last else { continue }
            guard let kind = kind(of: cNode, type: type) else {
                if type == CMARK_NODE_CUSTOM_BLOCK || type == CMARK_NODE_CUSTOM_INLINE { parents.append(parent) }
                continue
            }
            let span = span(of: cNode, piece)
            if parent == document.root {
                lastBlock = nil
                if let joined = continuing, type == CMARK_NODE_PARAGRAPH {
                    merging = joined.join(span, in: &document, withText: !blocksOnly)
                    parents.append(joined.paragraph)
                    lastBlock = joined.paragraph
                    continuing = nil
                    continue
                }
                continuing = nil
            }
            if case .text(let literal) = kind, let merged = merging, merged.parent == parent {
                document.appendText(literal, to: merged.node)
                if let span, let lastSpan = document.span(of: merged.node) {
                    document.setSpan(TextSpan(start: lastSpan.start, end: span.end), of: merged.node)
                }
                continue
            }
            storeMerged()
            let node = document.appendChild(kind, span: span, to: parent)
            if parent == document.root, type == CMARK_NODE_PARAGRAPH { lastBlock = node }
            if case .text = kind { merging = (node, parent) }
            if !kind.isLeaf { parents.append(node) }
        }
        return lastBlock
    }

    /// How many nodes cmark's tree has, so the document's arrays are allocated once.
    private static func nodeCount(_ cRoot: OpaquePointer) -> Int {
        guard let iterator = cmark_iter_new(cRoot) else { return 0 }
        defer { cmark_iter_free(iterator) }
        var count = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER { count += 1 }
        }
        return count
    }

    /// The node's span in the whole text: lines moved down by the piece's first line, columns on
    /// the piece's first line moved right by where the piece starts in it.
    private static func span(of node: OpaquePointer, _ piece: Piece) -> TextSpan? {
        let startLine = Int(cmark_node_get_start_line(node)) - piece.prefixLines
        guard startLine > 0 else { return nil }
        let endLine = Int(cmark_node_get_end_line(node)) - piece.prefixLines
        return TextSpan(
            start: TextPosition(
                line: startLine + piece.lineOffset,
                byteColumn: Int(cmark_node_get_start_column(node)) + (startLine == 1 ? piece.column : 0)),
            end: TextPosition(
                line: endLine + piece.lineOffset,
                byteColumn: Int(cmark_node_get_end_column(node)) + (endLine == 1 ? piece.column : 0)))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer, type: cmark_node_type) -> NodeKind? {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ListStyle(
                    ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(node)),
                    tight: cmark_node_get_list_tight(node) != 0))
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(
                info: string(cmark_node_get_fence_info(node)), code: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), id: nil)
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .inlineHTML(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return nil
        }
    }
}
