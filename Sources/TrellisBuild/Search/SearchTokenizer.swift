import Foundation

/// Splits text into search terms exactly as `assets/search.js` splits queries: the site's
/// separator splits the text (matched against the original case, so a separator may split
/// `camelCase`), each piece is lowercased, stripped of accents and trimmed of leading and
/// trailing characters that are neither letters nor digits; English drops Lucene's stop words
/// and stems plurals (Harman's S-stemmer: `policies` → `policy`, `clusters` → `cluster`).
/// Prefix matching in the browser covers other word forms (`configur…`).
struct SearchTokenizer: @unchecked Sendable {
    /// Terms longer than this are left out (hashes, base64, long paths).
    static let maximumTermLength = 48
    static let englishStopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    ]

    /// nil: the default separator (whitespace and hyphens), split without a regex engine.
    private let separator: NSRegularExpression?
    let english: Bool

    init(_ settings: SearchSettings) {
        english = settings.english
        separator =
            settings.separator == SearchSettings.defaultSeparator
            ? nil : (try? NSRegularExpression(pattern: settings.separator))
    }

    /// The terms of `text`, in order, with repeats.
    func terms(in text: String) -> [String] {
        var result: [String] = []
        forEachTerm(in: text) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text` (valid during the call only), in
    /// order, with repeats.
    func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if separator == nil { return Self.forEachDefaultSeparatorTerm(in: text, english: english, body) }
        for piece in pieces(of: text) {
            if var term = term(piece) { term.withUTF8(body) }
        }
    }

    /// `forEachTerm(in:)` with the default separator, over the UTF-8 bytes: an ASCII piece is
    /// lowercased, trimmed and stemmed in a buffer and handed on as it is; other pieces take the
    /// general path. (The same result as splitting with `pieces(of:)`, only faster.)
    private static func forEachDefaultSeparatorTerm(in text: String, english: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var buffer: [UInt8] = []
        buffer.reserveCapacity(maximumTermLength)
        text.withUTF8 { bytes in
            var start = 0
            var i = 0
            let count = bytes.count
            while i < count {
                let b = bytes[i]
                var separatorLength = 0
                if b == 0x20 || b == 0x2D || (b >= 0x09 && b <= 0x0D) {
                    separatorLength = 1
                } else if b >= 0x80 {
                    separatorLength = unicodeWhitespaceLength(bytes, at: i)
                }
                if separatorLength > 0 {
                    if start < i { piece(UnsafeBufferPointer(rebasing: bytes[start..<i]), english: english, buffer: &buffer, body) }
                    i += separatorLength
                    start = i
                } else {
                    i += 1
                }
            }
            if start < count { piece(UnsafeBufferPointer(rebasing: bytes[start..<count]), english: english, buffer: &buffer, body) }
        }
    }

    /// One piece between separators: its term, if any, handed to `body`.
    private static func piece(
        _ bytes: UnsafeBufferPointer<UInt8>, english: Bool, buffer: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var ascii = true
        for b in bytes where b >= 0x80 {
            ascii = false
            break
        }
        guard ascii else {
            if var term = Self.term(String(decoding: bytes, as: UTF8.self), english: english) { term.withUTF8(body) }
            return
        }
        var lo = 0, hi = bytes.count
        while lo < hi && !isASCIIWord(bytes[lo]) { lo += 1 }
        while hi > lo && !isASCIIWord(bytes[hi - 1]) { hi -= 1 }
        guard lo < hi, hi - lo <= maximumTermLength else { return }
        buffer.removeAll(keepingCapacity: true)
        var letters = true
        for k in lo..<hi {
            let b = bytes[k]
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if lower < 0x61 || lower > 0x7A { letters = false }
            buffer.append(lower)
        }
        if english && letters {
            if isStopWord(buffer) { return }
            stemEnglish(&buffer)
        }
        buffer.withUnsafeBufferPointer(body)
    }

    /// The stop words packed as `packed(_:)` does (every one is short enough), sorted.
    private static let packedStopWords = englishStopWords.compactMap { packed(Array($0.utf8)) }.sorted()

    /// Up to 8 bytes in one number (the first in the lowest byte); nil for longer words.
    private static func packed(_ word: [UInt8]) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var value: UInt64 = 0
        for (k, b) in word.enumerated() { value |= UInt64(b) << (8 * UInt64(k)) }
        return value
    }

    /// Whether a word of lowercase ASCII letters is an English stop word.
    private static func isStopWord(_ word: [UInt8]) -> Bool {
        guard let key = packed(word) else { return false }
        var lo = 0, hi = packedStopWords.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let value = packedStopWords[mid]
            if value == key { return true }
            if value < key { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    private static func isASCIIWord(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The length of the UTF-8 sequence at `i` if it encodes a white-space character, else 0.
    private static func unicodeWhitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return 0 }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace else { return 0 }
        return length
    }

    /// The text between separator matches (empty pieces dropped).
    func pieces(of text: String) -> [Substring] {
        guard let separator else {
            return text.split(whereSeparator: { $0 == "-" || $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
        }
        var result: [Substring] = []
        let range = NSRange(text.startIndex..., in: text)
        var start = text.startIndex
        for match in separator.matches(in: text, range: range) {
            guard let found = Range(match.range, in: text) else { continue }
            if start < found.lowerBound { result.append(text[start..<found.lowerBound]) }
            if found.upperBound > start { start = found.upperBound }
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// A piece as an index term, or nil when nothing of it is kept.
    func term(_ piece: Substring) -> String? {
        Self.term(piece, english: english)
    }

    static func term(_ piece: some StringProtocol, english: Bool) -> String? {
        let word = Self.normalize(piece)
        guard !word.isEmpty, word.utf8.count <= maximumTermLength else { return nil }
        guard english else { return word }
        if englishStopWords.contains(word) { return nil }
        return stemEnglish(word)
    }

    /// Lowercased, without accents, trimmed of non-letters and non-digits at both ends.
    static func normalize(_ piece: some StringProtocol) -> String {
        var scalars: [Unicode.Scalar] = []
        if piece.utf8.allSatisfy({ $0 < 0x80 }) || piece.unicodeScalars.allSatisfy({ $0.isASCII || plainPunctuation.contains($0.value) }) {
            scalars = piece.lowercased().unicodeScalars.map { $0 }
        } else {
            let folded = piece.lowercased().decomposedStringWithCompatibilityMapping
            scalars = folded.unicodeScalars.filter { !isMark($0) }
        }
        guard let first = scalars.firstIndex(where: isWordScalar), let last = scalars.lastIndex(where: isWordScalar) else {
            return ""
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }

    /// Harman's S-stemmer, on words of more than three ASCII letters.
    static func stemEnglish(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        stemEnglish(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Harman's S-stemmer in place, on a word of lowercase ASCII letters.
    static func stemEnglish(_ bytes: inout [UInt8]) {
        let n = bytes.count
        guard n > 3, bytes[n - 1] == UInt8(ascii: "s") else { return }
        let (c1, c2, c3) = (bytes[n - 2], bytes[n - 3], bytes[n - 4])
        let e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), a = UInt8(ascii: "a"), o = UInt8(ascii: "o")
        if c1 == e && c2 == i && c3 != e && c3 != a {
            bytes.removeLast(3)
            bytes.append(UInt8(ascii: "y"))
        } else if c1 == e && c2 != a && c2 != e && c2 != o {
            bytes.removeLast()
        } else if c1 != UInt8(ascii: "u") && c1 != UInt8(ascii: "s") {
            bytes.removeLast()
        }
    }

    /// Quotes and dashes that compatibility decomposition leaves as they are (so a word with a
    /// typographic apostrophe skips it).
    static let plainPunctuation: Set<UInt32> = [
        0xAB, 0xBB, 0x2010, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2022,
    ]

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
