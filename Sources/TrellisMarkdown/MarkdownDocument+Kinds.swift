/// How the document stores node kinds compactly: a tag and two 32-bit numbers a node, the text
/// of text, code and HTML nodes in one byte array for the whole document, and the kinds that
/// carry more (links, headings, lists, containers) in a side array.
///
/// A big page has a node every dozen bytes; as `NodeKind` values each took 24 bytes, plus, for a
/// literal over 15 bytes, a string of its own (about 50 bytes of header and allocator overhead
/// beside the text). `kind(of:)` rebuilds the `NodeKind`, so none of this shows outside.
extension MarkdownDocument {
    /// One node's kind: `tag`, and for a literal its `first` byte and byte `count` in
    /// `literals`; for `.other`, the kind's index in `otherKinds`.
    struct StoredKind: Sendable {
        var tag: Tag
        /// `NodeKind.isLeaf`, kept here for walks (it fits in the padding after `tag`).
        var isLeaf = false
        var first: UInt32 = 0
        var count: UInt32 = 0
    }

    enum Tag: UInt8, Sendable {
        case document, blockQuote, item, paragraph, thematicBreak, softBreak, lineBreak, emphasis, strong, tab
        case containerTitle, table, tableRow, footnotes, definitionList, definitionTerm
        /// A table cell: `first` holds whether it is a header (1) and its alignment (2 left,
        /// 4 center, 8 right), so the many cells of a big table need no side slot.
        case tableCell
        case text, code, inlineHTML, rawHTML, htmlBlock
        case other
    }

    /// The kind stored as `stored`.
    func decode(_ stored: StoredKind) -> NodeKind {
        switch stored.tag {
        case .document: return .document
        case .blockQuote: return .blockQuote
        case .item: return .item
        case .paragraph: return .paragraph
        case .thematicBreak: return .thematicBreak
        case .softBreak: return .softBreak
        case .lineBreak: return .lineBreak
        case .emphasis: return .emphasis
        case .strong: return .strong
        case .tab: return .tab
        case .containerTitle: return .containerTitle
        case .table: return .table
        case .tableRow: return .tableRow
        case .footnotes: return .footnotes
        case .definitionList: return .definitionList
        case .definitionTerm: return .definitionTerm
        case .tableCell:
            let alignment: TableAlignment? =
                stored.first & 2 != 0 ? .left : stored.first & 4 != 0 ? .center : stored.first & 8 != 0 ? .right : nil
            return .tableCell(header: stored.first & 1 != 0, alignment: alignment)
        case .text: return .text(literal(stored))
        case .code: return .code(literal(stored))
        case .inlineHTML: return .inlineHTML(literal(stored))
        case .rawHTML: return .rawHTML(literal(stored))
        case .htmlBlock: return .htmlBlock(literal(stored))
        case .other: return otherKinds[Int(stored.first)]
        }
    }

    /// `kind` as stored, reusing `old`'s side slot when both carry more than a literal.
    mutating func encode(_ kind: NodeKind, replacing old: StoredKind? = nil) -> StoredKind {
        var stored = encodeKind(kind, replacing: old)
        stored.isLeaf = kind.isLeaf
        return stored
    }

    private mutating func encodeKind(_ kind: NodeKind, replacing old: StoredKind?) -> StoredKind {
        switch kind {
        case .document: return StoredKind(tag: .document)
        case .blockQuote: return StoredKind(tag: .blockQuote)
        case .item: return StoredKind(tag: .item)
        case .paragraph: return StoredKind(tag: .paragraph)
        case .thematicBreak: return StoredKind(tag: .thematicBreak)
        case .softBreak: return StoredKind(tag: .softBreak)
        case .lineBreak: return StoredKind(tag: .lineBreak)
        case .emphasis: return StoredKind(tag: .emphasis)
        case .strong: return StoredKind(tag: .strong)
        case .tab: return StoredKind(tag: .tab)
        case .containerTitle: return StoredKind(tag: .containerTitle)
        case .table: return StoredKind(tag: .table)
        case .tableRow: return StoredKind(tag: .tableRow)
        case .footnotes: return StoredKind(tag: .footnotes)
        case .definitionList: return StoredKind(tag: .definitionList)
        case .definitionTerm: return StoredKind(tag: .definitionTerm)
        case .tableCell(let header, let alignment):
            let aligned: UInt32
            switch alignment {
            case .left?: aligned = 2
            case .center?: aligned = 4
            case .right?: aligned = 8
            case nil: aligned = 0
            }
            return StoredKind(tag: .tableCell, first: (header ? 1 : 0) | aligned)
        case .text(let text): if let stored = storeLiteral(text, as: .text) { return stored }
        case .code(let text): if let stored = storeLiteral(text, as: .code) { return stored }
        case .inlineHTML(let text): if let stored = storeLiteral(text, as: .inlineHTML) { return stored }
        case .rawHTML(let text): if let stored = storeLiteral(text, as: .rawHTML) { return stored }
        case .htmlBlock(let text): if let stored = storeLiteral(text, as: .htmlBlock) { return stored }
        default: break
        }
        if let old, old.tag == .other {
            otherKinds[Int(old.first)] = kind
            return old
        }
        otherKinds.append(kind)
        return StoredKind(tag: .other, first: UInt32(otherKinds.count - 1))
    }

    /// Whether the node is a text node (without rebuilding its text).
    func isText(_ node: NodeID) -> Bool { kinds[node.index].tag == .text }

    /// Adds `text` to the end of text node `node`'s text: in place when that text is the last in
    /// `literals` (as while a run of text is merged), so a long run is never copied per piece.
    mutating func appendText(_ text: String, to node: NodeID) {
        let stored = kinds[node.index]
        guard stored.tag == .text, Int(stored.first) + Int(stored.count) == literals.count,
            literals.count + text.utf8.count <= Int(UInt32.max)
        else {
            if case .text(let old) = kind(of: node) { setKind(.text(old + text), of: node) }
            return
        }
        literals.append(contentsOf: text.utf8)
        kinds[node.index].count += UInt32(text.utf8.count)
    }

    /// Appends `text` to `literals`; `nil` past 4 GiB of them (the kind is then stored whole).
    private mutating func storeLiteral(_ text: String, as tag: Tag) -> StoredKind? {
        let first = literals.count
        let count = text.utf8.count
        guard first + count <= Int(UInt32.max) else { return nil }
        literals.append(contentsOf: text.utf8)
        return StoredKind(tag: tag, first: UInt32(first), count: UInt32(count))
    }

    private func literal(_ stored: StoredKind) -> String {
        literals.withUnsafeBufferPointer { buffer in
            let start = Int(stored.first)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<(start + Int(stored.count))]), as: UTF8.self)
        }
    }
}
