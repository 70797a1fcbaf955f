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
}
