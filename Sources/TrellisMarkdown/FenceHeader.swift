/// A fenced block's opening line as `pymdownx.superfences` reads it (`RE_NESTED_FENCE_START`):
/// an optional language (`[\w#.+-]+`, after an optional `.`), then either `{ attribute list }`,
/// or `key="value"` options, or nothing. Anything else is "unrecognized", and superfences does
/// not take the block for a fence.
struct FenceHeader: Equatable {
    /// How the rest of the line after the language was written.
    enum Form: Equatable {
        case plain
        /// `{ #id .class key=value }`: the scanned pairs.
        case attributes([AttributeList.Pair])
        /// `key="value" key2`: keys and values in order (a bare key's value is the key).
        case options([(key: String, value: String)])

        static func == (lhs: Form, rhs: Form) -> Bool {
            switch (lhs, rhs) {
            case (.plain, .plain): return true
            case (.attributes(let a), .attributes(let b)): return a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
            case (.options(let a), .options(let b)): return a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }
    }

    var language: String?
    var form: Form

    init(language: String?, form: Form) {
        self.language = language
        self.form = form
    }

    /// Reads `rest`, the bytes after the fence's backticks or tildes; `nil` when superfences
    /// would not recognise the header. Linear in the length of the line.
    init?<Bytes: RandomAccessCollection>(_ rest: Bytes) where Bytes.Element == UInt8 {
        let bytes = Array(rest)
        var end = bytes.count
        while end > 0, Self.isBlank(bytes[end - 1]) { end -= 1 }
        var index = 0
        while index < end, Self.isBlank(bytes[index]) { index += 1 }
        // The language, if the line has one that is followed by a blank or the end.
        var afterLanguage = 0
        var language: String?
        var start = index
        // The dot before a language is optional: a lone `.` is the language itself.
        if start + 1 < end, bytes[start] == UInt8(ascii: "."), Self.isLanguageByte(bytes, start + 1) { start += 1 }
        var languageEnd = start
        while languageEnd < end, Self.isLanguageByte(bytes, languageEnd) { languageEnd += Self.scalarLength(bytes[languageEnd]) }
        languageEnd = min(languageEnd, end)
        if languageEnd > start, languageEnd == end || Self.isBlank(bytes[languageEnd]) {
            language = String(decoding: bytes[start..<languageEnd], as: UTF8.self)
            afterLanguage = languageEnd
        }
        if let form = Self.form(bytes, from: afterLanguage, to: end) {
            self.language = language
            self.form = form
            return
        }
        // The regex may also skip the language group and read the whole rest as the form.
        guard language != nil, let form = Self.form(bytes, from: 0, to: end) else { return nil }
        self.language = nil
        self.form = form
    }

    /// The form of `bytes[from..<to]` (trailing blanks already dropped), `nil` if unrecognized.
    private static func form(_ bytes: [UInt8], from: Int, to end: Int) -> Form? {
        var index = from
        while index < end, isBlank(bytes[index]) { index += 1 }
        if index == end { return .plain }
        if bytes[index] == UInt8(ascii: "{") {
            guard bytes[end - 1] == UInt8(ascii: "}"), end - 1 > index else { return nil }
            // get_attrs reads tabs as spaces.
            let content = bytes[(index + 1)..<(end - 1)].map { $0 == UInt8(ascii: "\t") ? UInt8(ascii: " ") : $0 }
            return .attributes(AttributeList.scan(content).pairs)
        }
        guard acceptsOptions(bytes, from: index, to: end) else { return nil }
        return .options(options(bytes[index..<end]))
    }

    /// Whether `(?:[ \t]*key(?:=(["'])…\1)?(?=[ \t]|$))+` matches `bytes[from..<end]` whole,
    /// with the regex's backtracking over closing quotes. `fits[i]`: the text from `i` on is
    /// options only; `nextClose[q][i]`: the first quote `q` at or after `i` that can close a
    /// value (a blank or the end after it, and options only after that). One pass from the end.
    private static func acceptsOptions(_ bytes: [UInt8], from: Int, to end: Int) -> Bool {
        let count = end - from
        var fits = [Bool](repeating: false, count: count + 1)
        var nextClose: [[Int]] = [[Int](repeating: -1, count: count + 2), [Int](repeating: -1, count: count + 2)]
        fits[count] = true
        let quotes = [UInt8(ascii: "\""), UInt8(ascii: "'")]
        var position = count - 1
        while position >= 0 {
            let byte = bytes[from + position]
            for (slot, quote) in quotes.enumerated() {
                let closes = byte == quote && (position + 1 == count || isBlank(bytes[from + position + 1])) && fits[position + 1]
                nextClose[slot][position] = closes ? position : nextClose[slot][position + 1]
            }
            if isBlank(byte) {
                fits[position] = fits[position + 1]
            } else if isASCIILetter(byte) {
                var keyEnd = position + 1
                while keyEnd < count, isKeyByte(bytes[from + keyEnd]) { keyEnd += 1 }
                var fitsHere = (keyEnd == count || isBlank(bytes[from + keyEnd])) && fits[keyEnd]
                if !fitsHere, keyEnd + 1 < count, bytes[from + keyEnd] == UInt8(ascii: "="),
                    let slot = quotes.firstIndex(of: bytes[from + keyEnd + 1]), keyEnd + 2 <= count
                {
                    fitsHere = nextClose[slot][keyEnd + 2] >= 0
                }
                // Only a key's first letter starts an option (one before it would be a key byte).
                fits[position] = fitsHere && (position == 0 || !isKeyByte(bytes[from + position - 1]))
            }
            position -= 1
        }
        return fits[0]
    }

    /// superfences' second reading (`RE_OPTIONS.finditer`): each key, with the value up to the
    /// first matching quote; later keys replace earlier ones when the caller builds a map.
    private static func options(_ bytes: ArraySlice<UInt8>) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard isASCIILetter(bytes[index]) else {
                index += 1
                continue
            }
            var keyEnd = index + 1
            while keyEnd < bytes.endIndex, isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
            let key = String(decoding: bytes[index..<keyEnd], as: UTF8.self)
            index = keyEnd
            if keyEnd + 1 < bytes.endIndex, bytes[keyEnd] == UInt8(ascii: "="),
                bytes[keyEnd + 1] == UInt8(ascii: "\"") || bytes[keyEnd + 1] == UInt8(ascii: "'"),
                let close = bytes[(keyEnd + 2)...].firstIndex(of: bytes[keyEnd + 1])
            {
                result.append((key, String(decoding: bytes[(keyEnd + 2)..<close], as: UTF8.self)))
                index = close + 1
            } else {
                result.append((key, key))
            }
        }
        return result
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    /// `[\w#.+-]`: a Unicode letter, digit or underscore, or `#`, `.`, `+`, `-`.
    private static func isLanguageByte(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return isKeyByte(byte) || [UInt8(ascii: "#"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(byte)
        }
        let length = scalarLength(byte)
        guard index + length <= bytes.count,
            let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first
        else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The byte length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    private static func scalarLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
