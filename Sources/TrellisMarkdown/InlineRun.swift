/// The inline children of one element as the text pymdown-extensions' inline patterns read in
/// Python-Markdown: text character by character, and every inline element cmark already parsed
/// (code, links, emphasis, HTML, icons…) as a placeholder (`STX ETX`), as Python-Markdown's
/// placeholders stand in for what its earlier patterns matched.
///
/// A text node's characters are told apart by comparing its literal with the page source:
/// a backslash escape or an entity is a placeholder too (Python-Markdown's escape and entity
/// patterns run before these extensions), smart punctuation reads as the source characters
/// (`smarty` runs after them). Matches are found in `scalars` and turned back into nodes with
/// `rebuild`, which keeps the spans of the text it splits.
struct InlineRun {
    /// What one atom of the run is.
    enum Kind: UInt8 {
        /// A character of a text node, written as it reads.
        case verbatim
        /// A backslash-escaped character (`\=`).
        case escaped
        /// A character from an entity (`&amp;`).
        case entity
        /// A typographic character cmark's smart punctuation made (`’`, `–`, `…`).
        case smart
        /// `\ ` where `pymdownx.caret` or `pymdownx.tilde` make a space escapable: a space.
        case escapedSpace
        /// A character reference without its `;` (`&#8288 `), which cmark leaves as text and
        /// Python-Markdown's HTML parser takes as a reference (a placeholder to every pattern).
        case unterminatedReference
        /// A soft line break (a newline).
        case softBreak
        /// Any other inline node.
        case element
    }

    /// One character of a text node, or one whole other node.
    struct Atom {
        var kind: Kind
        var node: NodeID
        /// The atom's bytes in its text node's literal (empty for other nodes).
        var bytes: Range<Int>
        /// Where the atom is, in cmark's columns on the text node's line, when known.
        var line: Int32 = 0
        var column: Int32 = 0
        /// How many source bytes the atom covers (0 when its position is unknown).
        var width: Int32 = 0
    }

    /// How the characters that Python-Markdown has not yet turned into placeholders read.
    enum View {
        /// For patterns that run after Python-Markdown's entity pattern (keys, mark, caret,
        /// tilde) and for its tree processors (abbreviations, smart symbols): an entity is a
        /// placeholder.
        case afterEntities
        /// For magiclink, which runs before the entity pattern: an entity reads as its text.
        case beforeEntities
    }

    let container: NodeID
    private(set) var atoms: [Atom] = []
    /// The literal bytes of the run's text nodes, by node.
    private var literals: [NodeID: [UInt8]] = [:]
    /// The atoms of each text node.
    private(set) var textAtoms: [NodeID: Range<Int>] = [:]
    /// The raw HTML children.
    private var inlineHTML: Set<NodeID> = []
    /// The source text of each entity (`&amp;`), by its node and first byte in the node's literal.
    private var entitySources: [EntityKey: String] = [:]

    private struct EntityKey: Hashable {
        var node: NodeID
        var byte: Int
    }
    /// The text the patterns read.
    private(set) var scalars: [Unicode.Scalar] = []
    /// For each scalar, the atom it belongs to.
    private(set) var atomOfScalar: [Int] = []
    /// For each atom, its first scalar; one more entry holds `scalars.count`.
    private(set) var firstScalar: [Int] = []

    /// The run of `container`'s children. `escapedSpaces` reads `\ ` as an escaped space.
    init(
        _ container: NodeID, in document: MarkdownDocument, source: ParsedText, view: View, escapedSpaces: Bool = false
    ) {
        self.container = container
        let blockStart = Self.blockStart(of: container, in: document)
        var child = document.firstChild(of: container)
        while let node = child {
            child = document.nextSibling(of: node)
            switch document.kind(of: node) {
            case .text(let text):
                let bytes = Array(text.utf8)
                literals[node] = bytes
                appendText(node, bytes, span: document.span(of: node), blockStart: blockStart, source: source, escapedSpaces: escapedSpaces)
            case .softBreak:
                atoms.append(Atom(kind: .softBreak, node: node, bytes: 0..<0))
            case .inlineHTML:
                inlineHTML.insert(node)
                atoms.append(Atom(kind: .element, node: node, bytes: 0..<0))
            default:
                atoms.append(Atom(kind: .element, node: node, bytes: 0..<0))
            }
        }
        scalars.reserveCapacity(atoms.count + 8)
        for (index, atom) in atoms.enumerated() {
            firstScalar.append(scalars.count)
            switch atom.kind {
            case .verbatim:
                appendScalars(of: atom, atomIndex: index)
            case .smart:
                appendSourceScalars(of: atom, atomIndex: index, source: source)
            case .entity where view == .beforeEntities:
                // Python-Markdown's entity pattern has not run: the entity reads as written.
                for scalar in (entitySources[EntityKey(node: atom.node, byte: atom.bytes.lowerBound)] ?? "").unicodeScalars {
                    scalars.append(scalar)
                    atomOfScalar.append(index)
                }
            case .escaped, .entity, .escapedSpace, .unterminatedReference, .element:
                scalars.append(PythonCharacter.placeholderStart)
                scalars.append(PythonCharacter.placeholderEnd)
                atomOfScalar.append(index)
                atomOfScalar.append(index)
            case .softBreak:
                scalars.append("\n")
                atomOfScalar.append(index)
            }
        }
        firstScalar.append(scalars.count)
    }

    /// Up to two characters of the page source on each side of an emphasis container's content
    /// (its delimiters, and what is around them): what patterns that run before Python-Markdown's
    /// emphasis pattern (magiclink's) see around the text. Empty for other containers.
    static func emphasisContext(
        of container: NodeID, in document: MarkdownDocument, source: ParsedText
    ) -> (before: [Unicode.Scalar], after: [Unicode.Scalar]) {
        switch document.kind(of: container) {
        case .emphasis, .strong: break
        default: return ([], [])
        }
        guard let first = document.firstChild(of: container), let last = document.lastChild(of: container),
            let firstSpan = document.span(of: first), let lastSpan = document.span(of: last)
        else { return ([], []) }
        let blockStart = blockStart(of: container, in: document)
        let start = MarkdownDocument.inlineOffset(firstSpan.start, blockStart: blockStart, source: source)
        let end = MarkdownDocument.inlineOffset(lastSpan.end, blockStart: blockStart, source: source) + 1
        let bytes = source.bytes
        guard start > 0, start <= bytes.count, end >= start, end <= bytes.count else { return ([], []) }
        var before: [Unicode.Scalar] = []
        var cursor = start
        while before.count < 2, cursor > 0 {
            var lead = cursor - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard let scalar = String(decoding: source.slice(lead, cursor), as: UTF8.self).unicodeScalars.first else { break }
            before.insert(scalar, at: 0)
            cursor = lead
        }
        var after: [Unicode.Scalar] = []
        cursor = end
        while after.count < 2, cursor < bytes.count {
            let length = scalarLength(leading: bytes[cursor])
            guard let scalar = String(decoding: source.slice(cursor, cursor + length), as: UTF8.self).unicodeScalars.first else { break }
            after.append(scalar)
            cursor += length
        }
        return (before, after)
    }

    /// Whether an element atom stays a placeholder in Python-Markdown's text rather than
    /// becoming an element (raw HTML, which its HTML stash keeps).
    func isTextPlaceholder(_ atom: Int) -> Bool {
        atoms[atom].kind == .element && inlineHTML.contains(atoms[atom].node)
    }

    /// The atom of a child that is not text, if it is one of the run's.
    func elementAtom(of node: NodeID) -> Int? {
        atoms.firstIndex { $0.node == node && ($0.kind == .element || $0.kind == .softBreak) }
    }

    /// Whether any text child holds one of `bytes`: the cheap test before building a run.
    static func textMentions(_ bytes: [UInt8], under container: NodeID, in document: MarkdownDocument) -> Bool {
        var child = document.firstChild(of: container)
        while let node = child {
            if case .text(let text) = document.kind(of: node), text.utf8.contains(where: bytes.contains) { return true }
            child = document.nextSibling(of: node)
        }
        return false
    }

    /// The atoms the scalars `range` cover, if the range starts and ends on atom boundaries.
    func atoms(ofScalars range: Range<Int>) -> Range<Int>? {
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
        if range.isEmpty {
            let atom = range.lowerBound < scalars.count ? atomOfScalar[range.lowerBound] : atoms.count
            guard firstScalar[atom] == range.lowerBound else { return nil }
            return atom..<atom
        }
        let first = atomOfScalar[range.lowerBound]
        let last = atomOfScalar[range.upperBound - 1]
        guard firstScalar[first] == range.lowerBound, firstScalar[last + 1] == range.upperBound else { return nil }
        return first..<(last + 1)
    }

    /// The text atoms `range` hold, as cmark's literal reads (an escaped space as a space).
    func text(ofAtoms range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        appendText(ofAtoms: range, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The source span of the atoms `range`, when they are known and on one line.
    func span(ofAtoms range: Range<Int>) -> TextSpan? {
        guard let first = range.first, let last = range.last else { return nil }
        let start = atoms[first], end = atoms[last]
        guard start.width > 0, end.width > 0, start.line == end.line else { return nil }
        return TextSpan(
            start: TextPosition(line: Int(start.line), byteColumn: Int(start.column)),
            end: TextPosition(line: Int(end.line), byteColumn: Int(end.column + end.width - 1)))
    }

    private func appendText(ofAtoms range: Range<Int>, to bytes: inout [UInt8]) {
        for atom in atoms[range] {
            switch atom.kind {
            case .escapedSpace:
                bytes.append(UInt8(ascii: " "))
            case .verbatim, .escaped, .entity, .smart, .unterminatedReference:
                if let literal = literals[atom.node] { bytes.append(contentsOf: literal[atom.bytes]) }
            case .softBreak, .element:
                continue
            }
        }
    }

    private mutating func appendScalars(of atom: Atom, atomIndex: Int) {
        guard let literal = literals[atom.node] else { return }
        for scalar in String(decoding: literal[atom.bytes], as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            atomOfScalar.append(atomIndex)
        }
    }

    private mutating func appendSourceScalars(of atom: Atom, atomIndex: Int, source: ParsedText) {
        // A smart character reads as the ASCII it came from: one quote, two or three hyphens, three dots.
        let replacement: String
        switch atom.width {
        case 2: replacement = "--"
        case 3: replacement = literals[atom.node].map { $0[atom.bytes].elementsEqual("…".utf8) } == true ? "..." : "---"
        default: replacement = literals[atom.node].map { Array($0[atom.bytes]) }.map(Self.straightQuote) ?? "'"
        }
        for scalar in replacement.unicodeScalars {
            scalars.append(scalar)
            atomOfScalar.append(atomIndex)
        }
    }

    private static func straightQuote(_ bytes: [UInt8]) -> String {
        bytes.elementsEqual("“".utf8) || bytes.elementsEqual("”".utf8) ? "\"" : "'"
    }
}

extension InlineRun {
    /// Splits a text node into atoms, comparing its literal with the source from where cmark
    /// put it; where they cannot be matched up, every character is verbatim with no position.
    private mutating func appendText(
        _ node: NodeID, _ literal: [UInt8], span: TextSpan?, blockStart: TextPosition?, source: ParsedText, escapedSpaces: Bool
    ) {
        let first = atoms.count
        defer { textAtoms[node] = first..<atoms.count }
        if let span, span.start.line == span.end.line, span.start.line <= source.lineStarts.count,
            let aligned = Self.align(literal, at: MarkdownDocument.inlineOffset(span.start, blockStart: blockStart, source: source), source: source)
        {
            let offset = MarkdownDocument.inlineOffset(span.start, blockStart: blockStart, source: source)
            for piece in aligned {
                if piece.kind == .entity {
                    let start = offset + piece.sourceOffset
                    entitySources[EntityKey(node: node, byte: piece.literal.lowerBound)] =
                        String(decoding: source.slice(start, start + piece.sourceWidth), as: UTF8.self)
                }
                atoms.append(
                    Atom(
                        kind: piece.kind, node: node, bytes: piece.literal, line: Int32(clamping: span.start.line),
                        column: Int32(clamping: span.start.byteColumn + piece.sourceOffset), width: Int32(clamping: piece.sourceWidth)))
            }
        } else {
            var index = 0
            while index < literal.count {
                let length = Self.scalarLength(leading: literal[index])
                let end = min(literal.count, index + length)
                atoms.append(Atom(kind: .verbatim, node: node, bytes: index..<end))
                index = end
            }
        }
        mergeUnterminatedReferences(from: first, literal)
        guard escapedSpaces else { return }
        // `\` then a space, both verbatim: one escaped space (Python-Markdown's escape pattern).
        var index = first
        var kept = first
        while index < atoms.count {
            var atom = atoms[index]
            if atom.kind == .verbatim, index + 1 < atoms.count, atoms[index + 1].kind == .verbatim,
                literal[atom.bytes].elementsEqual([UInt8(ascii: "\\")]),
                literal[atoms[index + 1].bytes].elementsEqual([UInt8(ascii: " ")])
            {
                atom.kind = .escapedSpace
                atom.bytes = atom.bytes.lowerBound..<atoms[index + 1].bytes.upperBound
                if atom.width > 0, atoms[index + 1].width > 0 { atom.width += atoms[index + 1].width } else { atom.width = 0 }
                atoms[kept] = atom
                index += 2
            } else {
                atoms[kept] = atom
                index += 1
            }
            kept += 1
        }
        atoms.removeSubrange(kept..<atoms.count)
    }

    /// `&#digits` or `&#xhex` followed by a character that is no hex digit (Python's
    /// `HTMLParser` `charref`), all verbatim: one atom, a placeholder as Python-Markdown stashes it.
    private mutating func mergeUnterminatedReferences(from first: Int, _ literal: [UInt8]) {
        func byte(_ atom: Int) -> UInt8? {
            guard atom < atoms.count, atoms[atom].kind == .verbatim, atoms[atom].bytes.count == 1 else { return nil }
            return literal[atoms[atom].bytes.lowerBound]
        }
        func isHex(_ value: UInt8) -> Bool {
            (48...57).contains(value) || (65...70).contains(value) || (97...102).contains(value)
        }
        var index = first
        var kept = first
        while index < atoms.count {
            var end = index
            if byte(index) == UInt8(ascii: "&"), byte(index + 1) == UInt8(ascii: "#") {
                var digits = index + 2
                let hex = byte(digits).map { $0 | 0x20 == UInt8(ascii: "x") } ?? false
                if hex { digits += 1 }
                var stop = digits
                while let value = byte(stop), hex ? isHex(value) : (48...57).contains(value) { stop += 1 }
                // The character after is no hex digit (after the text comes a break or an element).
                if stop > digits, !(byte(stop).map(isHex) ?? false) { end = stop }
            }
            var atom = atoms[index]
            if end > index {
                atom.kind = .unterminatedReference
                atom.bytes = atom.bytes.lowerBound..<atoms[end - 1].bytes.upperBound
                atom.width = atoms[index..<end].allSatisfy { $0.width > 0 } ? atoms[index..<end].reduce(0) { $0 + $1.width } : 0
            }
            atoms[kept] = atom
            kept += 1
            index = max(end, index + 1)
        }
        atoms.removeSubrange(kept..<atoms.count)
    }

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
