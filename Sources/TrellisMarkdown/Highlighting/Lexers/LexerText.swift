/// The text a hand-written lexer reads, as Pygments sees it: a sequence of code points (Python
/// `str` positions), so offsets, lengths and slices agree with Pygments' even for text Swift
/// would group into one `Character` (`\r\n`, combining marks).
struct LexerText {
    let text: Substring
    let scalars: [Unicode.Scalar]
    /// `indices[i]` is the position of code point `i` in `text`; one more for the end.
    private let indices: [String.Index]
    /// The positions of the `\n`s, in order.
    private let newlines: [Int]

    init(_ text: Substring) {
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        let view = text.unicodeScalars
        scalars.reserveCapacity(text.utf8.count)
        indices.reserveCapacity(text.utf8.count + 1)
        var newlines: [Int] = []
        var index = view.startIndex
        while index < view.endIndex {
            let scalar = view[index]
            if scalar == "\n" { newlines.append(scalars.count) }
            scalars.append(scalar)
            indices.append(index)
            index = view.index(after: index)
        }
        indices.append(view.endIndex)
        self.scalars = scalars
        self.indices = indices
        self.newlines = newlines
    }

    /// The position of the first `\n` at or after `i` (a binary search: rules that look for the
    /// end of a line stay linear over text without newlines).
    func nextNewline(from i: Int) -> Int? {
        var low = 0
        var high = newlines.count
        while low < high {
            let middle = (low + high) / 2
            if newlines[middle] < i { low = middle + 1 } else { high = middle }
        }
        return low < newlines.count ? newlines[low] : nil
    }

    /// The end of Python's `.*\n` from `i`: just after the next newline; `nil` without one.
    func lineEnd(from i: Int) -> Int? { nextNewline(from: i).map { $0 + 1 } }

    var count: Int { scalars.count }

    /// The code point at `i`, `nil` past either end.
    subscript(_ i: Int) -> Unicode.Scalar? {
        i >= 0 && i < scalars.count ? scalars[i] : nil
    }

    /// The text of code points `start..<end` (clamped into the text).
    func slice(_ start: Int, _ end: Int) -> Substring {
        let lower = min(max(start, 0), scalars.count)
        let upper = min(max(end, lower), scalars.count)
        return Substring(text.unicodeScalars[indices[lower]..<indices[upper]])
    }

    /// Python's `^` with `re.MULTILINE`: the start of the text or just after a `\n`.
    func atLineStart(_ i: Int) -> Bool { i == 0 || self[i - 1] == "\n" }

    /// Python's `$` with `re.MULTILINE`: the end of the text or just before a `\n`.
    func atLineEnd(_ i: Int) -> Bool { i >= scalars.count || scalars[i] == "\n" }

    /// The end of the run of code points from `i` that satisfy `test` (`i` when there is none).
    func run(from i: Int, while test: (Unicode.Scalar) -> Bool) -> Int {
        var j = max(i, 0)
        while j < scalars.count, test(scalars[j]) { j += 1 }
        return j
    }

    /// Whether the text at `i` starts with `literal`.
    func has(_ literal: String, at i: Int) -> Bool {
        var j = i
        for scalar in literal.unicodeScalars {
            guard self[j] == scalar else { return false }
            j += 1
        }
        return true
    }
}

/// Python's `re` character classes for `str` patterns (Unicode 14, as Python 3.11 has them).
enum PythonClass {
    /// `\s`: `str.isspace()`.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000:
            return true
        default:
            return false
        }
    }

    /// `\w`: letters, numbers (any `L*`, `N*` category) and `_`.
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0...0x7F: return false
        default: break
        }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// `\d`: decimal digits (`Nd`).
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.generalCategory == .decimalNumber
    }

    /// The ICU spelling of Python's `\s` inside a character class (for `NSRegularExpression`).
    static let icuSpace = #"\t-\r\x{1C}-\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"#
    /// The ICU spelling of Python's `\w` inside a character class.
    static let icuWord = #"\p{L}\p{N}_"#
}

extension HighlightToken {
    /// The token's length in code points (Python's `len`).
    var length: Int { text.unicodeScalars.count }
}

extension Substring {
    /// Code points `start..<end` of this text (clamped), as Python slices a `str`.
    func scalarSlice(_ start: Int, _ end: Int? = nil) -> Substring {
        let view = unicodeScalars
        let total = view.count
        let lower = Swift.min(Swift.max(start, 0), total)
        let upper = Swift.min(Swift.max(end ?? total, lower), total)
        let from = view.index(view.startIndex, offsetBy: lower)
        let to = view.index(from, offsetBy: upper - lower)
        return Substring(view[from..<to])
    }
}
