/// A text node's literal lined up with the source it came from: which bytes are written as such
/// and which cmark made from something else (a backslash escape, an entity, smart punctuation).
///
/// Python-Markdown turns escapes and entities into placeholders before its inline patterns
/// run, so `\:smile:` or `:smile&#58;` is no shortcode there, while cmark's text reads
/// `:smile:`; shortcodes are looked for in the literal parts only. The segments also give each
/// part of a split text node its exact source span.
struct TextSourceSegments {
    /// One run of the literal: `text` bytes of the node's literal, `source` bytes of the parsed
    /// text; a literal run's bytes are the same in both, another run is one escape, entity or
    /// smart punctuation mark.
    struct Segment: Equatable {
        var text: Range<Int>
        var source: Range<Int>
        var isLiteral: Bool
    }

    let segments: [Segment]

    /// Lines up `text` with `source[sourceRange]`; nil when they cannot be explained by cmark's
    /// inline rewriting (the node's reported span is then not its source).
    init?(text: [UInt8], source: ParsedText, sourceRange: Range<Int>) {
        let bytes = source.bytes
        guard sourceRange.lowerBound >= 0, sourceRange.upperBound <= bytes.count else { return nil }
        var segments: [Segment] = []
        func add(_ text: Range<Int>, _ source: Range<Int>, literal: Bool) {
            if literal, let last = segments.last, last.isLiteral, last.text.upperBound == text.lowerBound,
                last.source.upperBound == source.lowerBound
            {
                segments[segments.count - 1] = Segment(text: last.text.lowerBound..<text.upperBound, source: last.source.lowerBound..<source.upperBound, isLiteral: true)
            } else {
                segments.append(Segment(text: text, source: source, isLiteral: literal))
            }
        }
        var i = 0
        var j = sourceRange.lowerBound
        let end = sourceRange.upperBound
        while i < text.count {
            guard j < end else { return nil }
            let byte = bytes[j]
            if byte == UInt8(ascii: "\\"), j + 1 < end, Self.isASCIIPunctuation(bytes[j + 1]), text[i] == bytes[j + 1] {
                add(i..<(i + 1), j..<(j + 2), literal: false)
                i += 1
                j += 2
            } else if byte == UInt8(ascii: "&"), let semicolon = Self.entityEnd(bytes, from: j, limit: end),
                let decoded = Self.decodedLength(text, at: i, entity: bytes[j...semicolon], next: semicolon + 1 < end ? bytes[semicolon + 1] : nil)
            {
                add(i..<(i + decoded), j..<(semicolon + 1), literal: decoded == semicolon + 1 - j && text[i..<(i + decoded)].elementsEqual(bytes[j...semicolon]))
                i += decoded
                j = semicolon + 1
            } else if byte == text[i] {
                add(i..<(i + 1), j..<(j + 1), literal: true)
                i += 1
                j += 1
            } else if let (textLength, sourceLength) = Self.smartPunctuation(text, at: i, bytes, at: j, limit: end) {
                add(i..<(i + textLength), j..<(j + sourceLength), literal: false)
                i += textLength
                j += sourceLength
            } else {
                return nil
            }
        }
        self.segments = segments
    }

    /// The source range of a literal `range` of the text, if it lies in one literal segment.
    func sourceRange(of range: Range<Int>) -> Range<Int>? {
        guard let segment = segments.first(where: { $0.isLiteral && $0.text.lowerBound <= range.lowerBound && range.upperBound <= $0.text.upperBound })
        else { return nil }
        let start = segment.source.lowerBound + range.lowerBound - segment.text.lowerBound
        return start..<(start + range.count)
    }

    /// A literal mask: `true` at each byte written as such. Shortcodes are matched on these only.
    func literalMask(count: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for segment in segments where segment.isLiteral {
            for index in segment.text where index < count { mask[index] = true }
        }
        return mask
    }

    /// The pieces of the literal `range` cut at segment boundaries, each with its source range
    /// (for a text node split around a shortcode: every piece keeps an exact span).
    func pieces(of range: Range<Int>) -> [(text: Range<Int>, source: Range<Int>)] {
        var pieces: [(text: Range<Int>, source: Range<Int>)] = []
        for segment in segments where segment.text.overlaps(range) {
            let lower = max(segment.text.lowerBound, range.lowerBound)
            let upper = min(segment.text.upperBound, range.upperBound)
            if segment.isLiteral {
                let start = segment.source.lowerBound + lower - segment.text.lowerBound
                pieces.append((lower..<upper, start..<(start + upper - lower)))
            } else {
                // An escape or entity is never cut: shortcodes and their neighbours are literal.
                pieces.append((lower..<upper, segment.source))
            }
        }
        return pieces
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// The `;` closing an entity-shaped run at `start` (`&name;`, `&#123;`, `&#x1F;`), within 40 bytes.
    private static func entityEnd(_ bytes: TextBytes, from start: Int, limit: Int) -> Int? {
        var index = start + 1
        let stop = min(limit, start + 40)
        guard index < stop else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            if index < stop, bytes[index] | 0x20 == UInt8(ascii: "x") { index += 1 }
        }
        let nameStart = index
        while index < stop, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart, index < stop, bytes[index] == UInt8(ascii: ";") else { return nil }
        return index
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// How many bytes of the literal at `index` the entity became: itself when cmark left it
    /// as text (an unknown name), else one or two characters, the fewest after which the literal
    /// goes on as the source does.
    private static func decodedLength(_ text: [UInt8], at index: Int, entity: Slice<TextBytes>, next: UInt8?) -> Int? {
        if index + entity.count <= text.count, text[index..<(index + entity.count)].elementsEqual(entity) {
            return entity.count
        }
        var length = 0
        for _ in 0..<2 {
            guard index + length < text.count else { return nil }
            length += utf8Length(text[index + length])
            guard index + length <= text.count else { return nil }
            let goesOn: Bool
            switch next {
            case nil: goesOn = index + length == text.count
            // Another escape or entity follows: its own text cannot be compared here.
            case UInt8(ascii: "&")?, UInt8(ascii: "\\")?: goesOn = true
            case let byte?: goesOn = index + length < text.count && text[index + length] == byte
            }
            if goesOn { return length }
        }
        return nil
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    /// cmark's smart punctuation at `sourceIndex`: a straight quote as a curly one, `...` as an
    /// ellipsis, a run of hyphens as en and em dashes. The lengths matched in text and source.
    private static func smartPunctuation(_ text: [UInt8], at index: Int, _ bytes: TextBytes, at sourceIndex: Int, limit: Int) -> (Int, Int)? {
        func textHas(_ sequence: [UInt8], at position: Int) -> Bool {
            position + sequence.count <= text.count && text[position..<(position + sequence.count)].elementsEqual(sequence)
        }
        let byte = bytes[sourceIndex]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            let quotes: [[UInt8]] = [[0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x98], [0xE2, 0x80, 0x99]]
            return quotes.contains { textHas($0, at: index) } ? (3, 1) : nil
        }
        if byte == UInt8(ascii: "."), sourceIndex + 3 <= limit, bytes[sourceIndex..<(sourceIndex + 3)].elementsEqual(Array("...".utf8)),
            textHas([0xE2, 0x80, 0xA6], at: index)
        {
            return (3, 3)
        }
        if byte == UInt8(ascii: "-") {
            var hyphens = 0
            while sourceIndex + hyphens < limit, bytes[sourceIndex + hyphens] == UInt8(ascii: "-") { hyphens += 1 }
            var dashes = 0
            while textHas([0xE2, 0x80, 0x93], at: index + dashes) || textHas([0xE2, 0x80, 0x94], at: index + dashes) { dashes += 3 }
            return dashes > 0 && hyphens >= 2 ? (dashes, hyphens) : nil
        }
        return nil
    }
}
