/// How a text node's literal is matched up with the page source it came from.
extension InlineRun {
    /// One aligned piece of a literal: its bytes, kind, and offset and width in the source.
    struct AlignedPiece {
        var kind: Kind
        var literal: Range<Int>
        var sourceOffset: Int
        var sourceWidth: Int
    }

    /// The pieces of `literal` read against the source from `start` to the end of its line;
    /// `nil` when they do not match up.
    static func align(_ literal: [UInt8], at start: Int, source: ParsedText) -> [AlignedPiece]? {
        let bytes = source.bytes
        guard start >= 0, start <= bytes.count else { return nil }
        let end = source.endOfLine(containing: start)
        guard end >= start else { return nil }
        var pieces: [AlignedPiece] = []
        pieces.reserveCapacity(literal.count)
        var i = 0
        var j = start
        while i < literal.count {
            guard j < end else { return nil }
            let length = min(Self.scalarLength(leading: literal[i]), literal.count - i)
            let s = bytes[j]
            if s == UInt8(ascii: "\\"), j + 1 < end, isASCIIPunctuation(bytes[j + 1]), literal[i] == bytes[j + 1] {
                pieces.append(AlignedPiece(kind: .escaped, literal: i..<(i + 1), sourceOffset: j - start, sourceWidth: 2))
                i += 1
                j += 2
                continue
            }
            if s == UInt8(ascii: "&"), let entity = entityLength(bytes, at: j, end: end),
                !(i + entity <= literal.count && literal[i..<(i + entity)].elementsEqual(bytes[j..<(j + entity)]))
            {
                // The entity's text is one character, or two when the source does not go on after one.
                let afterSource = j + entity
                var decoded = length
                if i + decoded < literal.count, afterSource < end, literal[i + decoded] != bytes[afterSource] {
                    decoded += min(Self.scalarLength(leading: literal[i + decoded]), literal.count - i - decoded)
                }
                pieces.append(AlignedPiece(kind: .entity, literal: i..<(i + decoded), sourceOffset: j - start, sourceWidth: entity))
                i += decoded
                j += entity
                continue
            }
            if length == 3, literal[i] == 0xE2, literal[i + 1] == 0x80, let width = smartWidth(literal[i + 2], bytes, at: j, end: end) {
                pieces.append(AlignedPiece(kind: .smart, literal: i..<(i + 3), sourceOffset: j - start, sourceWidth: width))
                i += 3
                j += width
                continue
            }
            guard j + length <= end, literal[i..<(i + length)].elementsEqual(bytes[j..<(j + length)]) else { return nil }
            pieces.append(AlignedPiece(kind: .verbatim, literal: i..<(i + length), sourceOffset: j - start, sourceWidth: length))
            i += length
            j += length
        }
        return pieces
    }

    /// The length of an entity reference (`&name;`, `&#123;`, `&#x1F;`) at `index`, if one.
    private static func entityLength(_ bytes: TextBytes, at index: Int, end: Int) -> Int? {
        var position = index + 1
        let limit = min(end, index + 40)
        guard position < limit else { return nil }
        if bytes[position] == UInt8(ascii: "#") {
            position += 1
            if position < limit, bytes[position] | 0x20 == UInt8(ascii: "x") { position += 1 }
        }
        let nameStart = position
        while position < limit, isASCIIAlphanumeric(bytes[position]) { position += 1 }
        guard position > nameStart, position < limit, bytes[position] == UInt8(ascii: ";") else { return nil }
        return position + 1 - index
    }

    /// How many source bytes the smart character `E2 80 <last>` came from at `index`.
    private static func smartWidth(_ last: UInt8, _ bytes: TextBytes, at index: Int, end: Int) -> Int? {
        func repeated(_ byte: UInt8, _ count: Int) -> Bool {
            index + count <= end && (index..<(index + count)).allSatisfy { bytes[$0] == byte }
        }
        switch last {
        case 0x98, 0x99: return bytes[index] == UInt8(ascii: "'") ? 1 : nil
        case 0x9C, 0x9D: return bytes[index] == UInt8(ascii: "\"") ? 1 : nil
        case 0x93: return repeated(UInt8(ascii: "-"), 2) ? 2 : nil
        case 0x94: return repeated(UInt8(ascii: "-"), 3) ? 3 : nil
        case 0xA6: return repeated(UInt8(ascii: "."), 3) ? 3 : nil
        default: return nil
        }
    }

    /// Where the block holding the container's text starts (see `MarkdownDocument.inlineOffset`).
    static func blockStart(of container: NodeID, in document: MarkdownDocument) -> TextPosition? {
        switch document.kind(of: container) {
        case .paragraph, .heading, .tableCell, .definitionTerm, .containerTitle:
            return document.span(of: container)?.start
        default:
            return AttributeListRewriter.blockStart(of: container, in: document)
        }
    }

    /// The length of the UTF-8 sequence a leading byte starts (1 for a stray continuation byte).
    static func scalarLength(leading byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
