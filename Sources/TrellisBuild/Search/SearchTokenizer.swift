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
        for piece in pieces(of: text) {
            if let term = term(piece) { result.append(term) }
        }
        return result
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
        let word = Self.normalize(piece)
        guard !word.isEmpty, word.utf8.count <= Self.maximumTermLength else { return nil }
        guard english else { return word }
        if Self.englishStopWords.contains(word) { return nil }
        return Self.stemEnglish(word)
    }

    /// Lowercased, without accents, trimmed of non-letters and non-digits at both ends.
    static func normalize(_ piece: Substring) -> String {
        var scalars: [Unicode.Scalar] = []
        if piece.utf8.allSatisfy({ $0 < 0x80 }) {
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
        let bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: String) -> Bool { word.hasSuffix(suffix) }
        if ends("ies") && !ends("eies") && !ends("aies") { return String(word.dropLast(3)) + "y" }
        if ends("es") && !ends("aes") && !ends("ees") && !ends("oes") { return String(word.dropLast(1)) }
        if ends("s") && !ends("us") && !ends("ss") { return String(word.dropLast(1)) }
        return word
    }

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
