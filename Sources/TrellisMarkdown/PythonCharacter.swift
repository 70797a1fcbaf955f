/// The character classes of Python's `re` on `str` patterns, as pymdown-extensions' inline
/// patterns use them, and Python-Markdown's placeholder characters.
enum PythonCharacter {
    /// Python-Markdown's start-of-placeholder character (`STX`): an inline element already
    /// parsed reads as `STX … ETX` to the patterns that run after it.
    static let placeholderStart = Unicode.Scalar(UInt8(2))
    /// Python-Markdown's end-of-placeholder character (`ETX`).
    static let placeholderEnd = Unicode.Scalar(UInt8(3))

    /// `\s`: `str.isspace()`, Unicode White_Space plus the separators `\x1c`–`\x1f`.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value == 32 || (9...13).contains(scalar.value) || (0x1C...0x1F).contains(scalar.value)
        }
        return scalar.properties.isWhitespace
    }

    /// `\w`: letters and numbers of any script (`str.isalnum()`) and `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_": return true
            default: return false
            }
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// `\d`: a decimal digit of any script.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return ("0"..."9").contains(scalar) }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// pymdownx's `PUNCT` class: Unicode punctuation and symbols (`\p{P}\p{S}`).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            switch scalar {
            case "!"..."/", ":"..."@", "["..."`", "{"..."~": return true
            default: return false
            }
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `str.isalnum()`.
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "_" && isWord(scalar)
    }

    /// `[a-z]` with `re.IGNORECASE` (ASCII letters).
    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z": return true
        default: return false
        }
    }

    /// Python-Markdown's text escaping (`_escape_cdata`): `&` unless it starts an entity, `<`, `>`.
    static func escapedText(_ text: String) -> String {
        escaped(text, quotes: false)
    }

    /// Python-Markdown's attribute escaping (`_escape_attrib_html`): as text, and `"`.
    static func escapedAttribute(_ text: String) -> String {
        escaped(text, quotes: true)
    }

    private static func escaped(_ text: String, quotes: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&" where !startsEntity(scalars, after: index): out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where quotes: out.append(contentsOf: "&quot;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Python-Markdown's `RE_AMP` lookahead (case-insensitive): `#digits;`, `#xhex;` or
    /// `alphanumerics;` after the `&` at `index`.
    private static func startsEntity(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        func run(from start: Int, _ accept: (Unicode.Scalar) -> Bool) -> Bool {
            var end = start
            while end < scalars.count, accept(scalars[end]) { end += 1 }
            return end > start && end < scalars.count && scalars[end] == ";"
        }
        let next = index + 1
        guard next < scalars.count else { return false }
        if scalars[next] == "#" {
            if run(from: next + 1, { ("0"..."9").contains($0) }) { return true }
            guard next + 1 < scalars.count, scalars[next + 1] == "x" || scalars[next + 1] == "X" else { return false }
            return run(from: next + 2) { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
        }
        return run(from: next) { ("0"..."9").contains($0) || isASCIILetter($0) }
    }
}
