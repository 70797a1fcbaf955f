/// Python-Markdown `attr_list` syntax: `{ #id .class key=value key="quoted value" }`, also
/// written `{: … }`, parsed exactly as its `re.Scanner` does.
enum AttributeList {
    /// One `key=value` (value `nil` for a bare word), `.` for a class, `id` for `#id`.
    typealias Pair = (key: String, value: String?)

    /// A match of `\{\:?[ ]*([^\}\n ][^\n]*)\}` at `start` in `bytes` (greedy: the content runs to
    /// the last `}` before `end`): the content range and the offset just past the `}`.
    static func match<Bytes: RandomAccessCollection>(_ bytes: Bytes, at start: Int, end: Int) -> (content: Range<Int>, end: Int)? where Bytes.Element == UInt8, Bytes.Index == Int {
        guard start < end, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = start + 1
        if index < end, bytes[index] == UInt8(ascii: ":") { index += 1 }
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < end, bytes[index] != UInt8(ascii: "}"), bytes[index] != UInt8(ascii: " ") else { return nil }
        guard let close = bytes[index..<end].lastIndex(of: UInt8(ascii: "}")), close > index else { return nil }
        guard !bytes[index..<close].contains(UInt8(ascii: "\n")) else { return nil }
        return (index..<close, close + 1)
    }

    /// Where the content of a list opening at `start` (a `{`) and closing at `close` begins, if
    /// it is not empty and does not start with `}` or a space.
    static func contentStart<Bytes: RandomAccessCollection>(_ bytes: Bytes, at start: Int, close: Int) -> Int? where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = start + 1
        if index < close, bytes[index] == UInt8(ascii: ":") { index += 1 }
        while index < close, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < close, bytes[index] != UInt8(ascii: "}") else { return nil }
        return index
    }

    /// Scans the content; `remainder` is what Python-Markdown keeps as text (from the first `}`
    /// the scanner stopped at), empty when the whole list was understood.
    static func scan<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> (pairs: [Pair], remainder: String) where Bytes.Element == UInt8, Bytes.Index == Int {
        var pairs: [Pair] = []
        var index = bytes.startIndex
        let end = bytes.endIndex
        func isWord(_ byte: UInt8) -> Bool {
            byte != UInt8(ascii: " ") && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "}")
        }
        while index < end {
            if bytes[index] == UInt8(ascii: " ") {
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < end, isWord(bytes[wordEnd]) { wordEnd += 1 }
            guard wordEnd > index else { break }
            let key = String(decoding: bytes[index..<wordEnd], as: UTF8.self)
            if wordEnd < end, bytes[wordEnd] == UInt8(ascii: "=") {
                let valueStart = wordEnd + 1
                if valueStart < end, let quote = [UInt8(ascii: "\""), UInt8(ascii: "'")].first(where: { $0 == bytes[valueStart] }),
                    let close = bytes[(valueStart + 1)..<end].firstIndex(of: quote)
                {
                    pairs.append((key, stripped(bytes[(valueStart + 1)..<close], quote)))
                    index = close + 1
                    continue
                }
                var valueEnd = valueStart
                while valueEnd < end, isWord(bytes[valueEnd]) { valueEnd += 1 }
                guard valueEnd > valueStart else { break }
                pairs.append((key, String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)))
                index = valueEnd
                continue
            }
            if key.hasPrefix(".") {
                pairs.append((".", String(key.dropFirst())))
            } else if key.hasPrefix("#") {
                pairs.append(("id", String(key.dropFirst())))
            } else {
                pairs.append((key, nil))
            }
            index = wordEnd
        }
        let rest = bytes[index..<end]
        guard let brace = rest.firstIndex(of: UInt8(ascii: "}")) else { return (pairs, "") }
        return (pairs, String(decoding: bytes[brace..<end], as: UTF8.self))
    }

    /// Applies scanned pairs to `attributes` as `assign_attrs` does (classes accumulate).
    static func assign(_ pairs: [Pair], to attributes: inout HTMLAttributes) {
        for (key, value) in pairs {
            if key == "." {
                attributes.addClass(value ?? "")
            } else {
                attributes.set(sanitizedName(key), value)
            }
        }
    }

    /// Python's `v.strip(quote)` on the quoted value (inner quotes at the ends go too).
    private static func stripped<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ quote: UInt8) -> String where Bytes.Element == UInt8, Bytes.Index == Int {
        var slice = bytes[...]
        while slice.first == quote { slice = slice.dropFirst() }
        while slice.last == quote { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    /// `sanitize_name`: every run of characters not allowed in an XML name (minus `:`) becomes `_`.
    static func sanitizedName(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var inRun = false
        for scalar in name.unicodeScalars {
            if isNameScalar(scalar.value) {
                out.append(scalar)
                inRun = false
            } else if !inRun {
                out.append("_")
                inRun = true
            }
        }
        return String(out)
    }

    private static func isNameScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0x3A, 0x2D, 0x2E, 0x30...0x39, 0xB7, 0xC0...0xD6, 0xD8...0xF6,
            0xF8...0x2FF, 0x300...0x36F, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D, 0x203F...0x2040,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD:
            return true
        default:
            return false
        }
    }
}
