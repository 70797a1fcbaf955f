/// `pymdownx.arithmatex` around a cmark parse. Python-Markdown finds formulas before any other
/// inline syntax but code spans, so cmark must not read them: each paragraph's and heading's
/// formulas are found first (`MathScanner`, on the blocks cmark reads), each is replaced by a
/// token cmark leaves alone (`$\u{1}n\u{2}$` on its first line, `$\u{3}n\u{2}$` on each further
/// line, so lines stay lines; the dollars make emphasis next to it flank as next to the formula),
/// the text is parsed, and the tokens become formula nodes (a whole
/// paragraph that is one block formula becomes its HTML block). A token that lands anywhere
/// else (in code or HTML the blocks' view did not foresee) gets its text back. Positions are
/// mapped back to the text as given.
enum ArithmatexParse {
    /// One formula: the source pieces it replaces (one per line) and its HTML.
    struct Formula {
        var pieces: [Range<Int>]
        var html: String
        var isBlock: Bool
    }

    static let start: UInt8 = 0x01
    static let more: UInt8 = 0x03
    static let end: UInt8 = 0x02
    static let dollar = UInt8(ascii: "$")

    /// Whether a text could hold a formula at all (every syntax starts with `$` or `\`).
    static func mightContainMath(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.contains { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "\\") }
    }

    /// As `mightContainMath(_:)`, reading a text's bytes in place.
    static func mightContainMath(_ bytes: TextBytes) -> Bool {
        bytes.withUnsafeBufferPointer { mightContainMath($0) }
    }

    /// Parses `source`'s text with its formulas; a text without any is parsed as it is.
    static func parse(_ source: ParsedText, smart: Bool, options: ArithmatexOptions) -> MarkdownDocument {
        // A text that already holds the token bytes keeps its formulas as text.
        let usable = source.bytes.withUnsafeBufferPointer { buffer in
            mightContainMath(buffer) && !buffer.contains(start) && !buffer.contains(more)
        }
        guard usable else { return CMark.parse(bytes: source.bytes, smart: smart) }
        let formulas = find(in: source, smart: smart, options: options)
        guard !formulas.isEmpty else { return CMark.parse(bytes: source.bytes, smart: smart) }
        // Per line, where tokens replaced pieces: (token columns, piece columns), 1-based.
        var shifts: [Int: [(token: Range<Int>, piece: Range<Int>)]] = [:]
        let substituted = source.bytes.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16 * formulas.count)
            var copied = 0
            for (number, formula) in formulas.enumerated() {
                for (index, piece) in formula.pieces.enumerated() where piece.lowerBound >= copied && piece.upperBound <= bytes.count {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<piece.lowerBound]))
                    let line = source.position(ofUTF8Offset: piece.lowerBound).line
                    let pieceColumn = piece.lowerBound - source.lineStart(line) + 1
                    let tokenColumn = pieceColumn + shiftSoFar(shifts[line])
                    let token = [dollar, index == 0 ? start : more] + Array(String(number).utf8) + [end, dollar]
                    out.append(contentsOf: token)
                    shifts[line, default: []].append(
                        (tokenColumn..<(tokenColumn + token.count), pieceColumn..<(pieceColumn + piece.count)))
                    copied = piece.upperBound
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return out
        }
        var document = CMark.parse(bytes: substituted, smart: smart)
        restore(&document, formulas: formulas, source: source, shifts: shifts)
        return document
    }

    /// How far the tokens already placed on a line moved what follows them.
    private static func shiftSoFar(_ line: [(token: Range<Int>, piece: Range<Int>)]?) -> Int {
        guard let last = line?.last else { return 0 }
        return last.token.upperBound - last.piece.upperBound
    }

    /// The formulas of every paragraph and heading, in text order.
    static func find(in source: ParsedText, smart: Bool, options: ArithmatexOptions) -> [Formula] {
        let blocks = CMark.parseBlocks(source.bytes, smart: smart)
        let scanner = MathScanner(options: options)
        var formulas: [Formula] = []
        // Blocks a block formula took in whole or in part (lines cmark read as a list item, say).
        var consumed = 0
        // How many list items the walk is in (their indentation is a container's, not text).
        var openItems = 0
        for event in blocks.events() {
            let node = event.node
            let isParagraph: Bool
            switch blocks.kind(of: node) {
            case .item:
                openItems += event.entering ? 1 : -1
                continue
            case .paragraph where event.entering: isParagraph = true
            case .heading where event.entering: isParagraph = false
            default: continue
            }
            let inList = openItems > 0
            guard let span = blocks.span(of: node), source.utf8Offset(of: span.start) >= consumed else { continue }
            let segments = isParagraph || span.end.line > span.start.line
                ? paragraphSegments(span, isParagraph: isParagraph, inList: inList, source) : headingSegments(span, source)
            guard !segments.isEmpty else { continue }
            var lines = LineText(segments, source, undoingListEscapes: options.undoesListEscapes)
            guard mightContainMath(lines.text) else { continue }
            // Python-Markdown's block runs to the next blank line, over lines cmark reads as a
            // list item or a heading's underline: a paragraph (or setext heading) that starts a
            // block and a formula is tried as the whole block.
            if isParagraph || span.end.line > span.start.line {
                var match = isParagraph ? scanner.block(lines.text) : nil
                if match == nil, startsBlockFormula(lines.text), startsBlock(span.start.line, source),
                    let first = segments.first
                {
                    let prefix = Prefix(source.slice(source.lineStart(span.start.line), first.lowerBound), inList: inList)
                    let whole = LineText(
                        [first] + restOfBlock(after: span.start.line, prefix: prefix, source), source,
                        undoingListEscapes: options.undoesListEscapes)
                    if let found = scanner.block(whole.text) {
                        (lines, match) = (whole, found)
                    }
                }
                if let match {
                    let math = String(decoding: lines.text[match.math], as: UTF8.self)
                    formulas.append(Formula(pieces: lines.pieces(match.range), html: options.blockHTML(math), isBlock: true))
                    consumed = lines.runs.last?.source.upperBound ?? consumed
                    continue
                }
            }
            for match in scanner.inline(lines.text, code: MathScanner.codeMask(lines.text)) {
                let math = String(decoding: lines.text[match.math], as: UTF8.self)
                formulas.append(Formula(pieces: lines.pieces(match.range), html: options.inlineHTML(math), isBlock: false))
            }
        }
        return formulas
    }

    /// A block's text as the scanner reads it: its lines' pieces of the source joined by
    /// newlines, with the way back from each byte to the source.
    struct LineText {
        /// Stretches of the source in the text: where they are, where they start in `text`, and
        /// the line (index into the block's lines) they belong to.
        var runs: [(source: Range<Int>, text: Int, line: Int)] = []
        var text: [UInt8] = []

        /// The lines' text. With `undoingListEscapes`, a backslash that MkDocs pages' block
        /// rules put before a list marker (`\- `, `1\. `: Python-Markdown reads the marker
        /// as text there) is left out of the text, as it was not written.
        init(_ lines: [Range<Int>], _ source: ParsedText, undoingListEscapes: Bool) {
            for (index, line) in lines.enumerated() {
                if index > 0 { text.append(UInt8(ascii: "\n")) }
                let escape = undoingListEscapes ? Self.listEscape(in: line, source) : nil
                if let escape {
                    append(line.lowerBound..<escape, line: index, source)
                    append((escape + 1)..<line.upperBound, line: index, source)
                } else {
                    append(line, line: index, source)
                }
            }
        }

        private mutating func append(_ range: Range<Int>, line: Int, _ source: ParsedText) {
            runs.append((range, text.count, line))
            text.append(contentsOf: source.slice(range.lowerBound, range.upperBound))
        }

        /// The backslash before a list marker at the start of a line's text, if there is one.
        private static func listEscape(in line: Range<Int>, _ source: ParsedText) -> Int? {
            let bytes = source.bytes
            var index = line.lowerBound
            while index < line.upperBound, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            func blankAfter(_ at: Int) -> Bool {
                at < line.upperBound && (bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t"))
            }
            if index + 2 < line.upperBound, bytes[index] == UInt8(ascii: "\\"),
                [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index + 1]), blankAfter(index + 2)
            {
                return index
            }
            var digits = index
            while digits < line.upperBound, digits - index < 9, bytes[digits] >= UInt8(ascii: "0"), bytes[digits] <= UInt8(ascii: "9") {
                digits += 1
            }
            if digits > index, digits + 2 < line.upperBound, bytes[digits] == UInt8(ascii: "\\"),
                bytes[digits + 1] == UInt8(ascii: ".") || bytes[digits + 1] == UInt8(ascii: ")"), blankAfter(digits + 2)
            {
                return digits
            }
            return nil
        }

        /// The source a range of the text covers, one piece per line (a line's stretches and
        /// what was left out between them taken together).
        func pieces(_ range: Range<Int>) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var lastLine = -1
            for run in runs {
                let lower = max(range.lowerBound, run.text)
                let upper = min(range.upperBound, run.text + run.source.count)
                guard lower < upper else { continue }
                let piece = (run.source.lowerBound + lower - run.text)..<(run.source.lowerBound + upper - run.text)
                if run.line == lastLine, let previous = result.popLast() {
                    result.append(previous.lowerBound..<piece.upperBound)
                } else {
                    result.append(piece)
                }
                lastLine = run.line
            }
            return result
        }
    }

    /// Whether a block's text opens a block formula (`$$`, `\[` or `\begin{`).
    private static func startsBlockFormula(_ text: [UInt8]) -> Bool {
        for opener in ["$$", "\\[", "\\begin{"] where text.starts(with: opener.utf8) { return true }
        return false
    }

    /// Whether `line` starts a block for Python-Markdown: the first line, or after a blank one.
    private static func startsBlock(_ line: Int, _ source: ParsedText) -> Bool {
        line <= 1 || lineContent(line - 1, source).isEmpty
    }

    /// The lines after `line` up to the next blank one, each without its quote markers and
    /// indentation.
    private static func restOfBlock(after line: Int, prefix: Prefix, _ source: ParsedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var current = line + 1
        while current <= source.lineCount, !lineContent(current, source).isEmpty {
            result.append(prefix.contentStart(of: current, source)..<source.contentEnd(current))
            current += 1
        }
        return result
    }

    /// A line's text after its quote markers and indentation.
    private static func lineContent(_ line: Int, _ source: ParsedText) -> Range<Int> {
        var lower = source.lineStart(line)
        let upper = source.contentEnd(line)
        let bytes = source.bytes
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") || bytes[lower] == UInt8(ascii: ">") {
            lower += 1
        }
        return lower..<upper
    }

    /// A paragraph's (or setext heading's) text per line: from its start on the first line,
    /// after the block quote markers and indentation cmark strips on the others, to the line's
    /// end (a setext heading's underline left out).
    private static func paragraphSegments(_ span: TextSpan, isParagraph: Bool, inList: Bool, _ source: ParsedText) -> [Range<Int>] {
        let last = isParagraph ? span.end.line : span.end.line - 1
        guard last >= span.start.line else { return [] }
        var segments: [Range<Int>] = []
        let first = source.utf8Offset(of: span.start)
        let prefix = Prefix(source.slice(source.lineStart(span.start.line), first), inList: inList)
        for line in span.start.line...last {
            let lower = line == span.start.line ? first : prefix.contentStart(of: line, source)
            let upper = source.contentEnd(line)
            segments.append(min(lower, upper)..<upper)
        }
        return segments
    }

    /// What containers put before a block's text on its first line: block quote markers, then
    /// a list item's indentation. Python-Markdown takes as much off the block's other lines
    /// (`>` with one space after it, an item's indentation) and keeps any further indentation
    /// in the text.
    struct Prefix {
        var quotes = 0
        var indent = 0

        init(_ bytes: some Collection<UInt8>, inList: Bool) {
            for byte in bytes {
                if byte == UInt8(ascii: ">") {
                    quotes += 1
                    indent = 0
                } else {
                    indent += 1
                }
            }
            if !inList { indent = min(indent, quotes > 0 ? 1 : 0) }
        }

        /// Where the text of a further line of the block starts.
        func contentStart(of line: Int, _ source: ParsedText) -> Int {
            let bytes = source.bytes
            var index = source.lineStart(line)
            let end = source.contentEnd(line)
            func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
            var markers = 0
            while markers < quotes {
                var probe = index
                while probe < end, isBlank(bytes[probe]) { probe += 1 }
                guard probe < end, bytes[probe] == UInt8(ascii: ">") else { break }
                index = probe + 1
                markers += 1
            }
            var taken = 0
            // After a quote marker, the indentation counted from the first line includes its space.
            while index < end, isBlank(bytes[index]), taken < indent {
                index += 1
                taken += 1
            }
            return index
        }
    }

    /// An ATX heading's text: after the opening `#`s, before the closing ones.
    private static func headingSegments(_ span: TextSpan, _ source: ParsedText) -> [Range<Int>] {
        let bytes = source.bytes
        var lower = source.utf8Offset(of: span.start)
        var upper = source.contentEnd(span.start.line)
        func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        while lower < upper, bytes[lower] == UInt8(ascii: "#") { lower += 1 }
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        var closing = upper
        while closing > lower, bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
        if closing == lower || isBlank(bytes[closing - 1]) {
            upper = closing
            while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        }
        return lower < upper ? [lower..<upper] : []
    }
}

extension CMark {
    /// `parse(bytes:smart:)`, with `pymdownx.arithmatex`'s formulas when `math` is given.
    static func parse(bytes: [UInt8], smart: Bool, math: ArithmatexOptions?) -> MarkdownDocument {
        guard let math, ArithmatexParse.mightContainMath(bytes) else { return parse(bytes: bytes, smart: smart) }
        return ArithmatexParse.parse(ParsedText(bytes: bytes), smart: smart, options: math)
    }

    /// `parse(bytes:smart:)` on a text's bytes (not copied), with formulas when `math` is given.
    static func parse(bytes: TextBytes, smart: Bool, math: ArithmatexOptions?) -> MarkdownDocument {
        guard let math, ArithmatexParse.mightContainMath(bytes) else { return parse(bytes: bytes, smart: smart) }
        return ArithmatexParse.parse(ParsedText(bytes.text), smart: smart, options: math)
    }

    /// `parse(_:smart:)`, with formulas when `math` is given.
    static func parse(_ text: String, smart: Bool, math: ArithmatexOptions?) -> MarkdownDocument {
        guard let math, ArithmatexParse.mightContainMath(text.utf8) else { return parse(text, smart: smart) }
        return ArithmatexParse.parse(ParsedText(text), smart: smart, options: math)
    }
}
