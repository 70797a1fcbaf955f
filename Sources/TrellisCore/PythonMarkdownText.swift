/// Python-Markdown's rules for characters that several modules need to match exactly: the word
/// characters of Python's regular expressions, and the escaping of its HTML serializer.
public enum PythonMarkdownText {
    /// The byte length of the UTF-8 character at `index` if it is a shortcode name character
    /// (`+`, `-` or Python's Unicode `\w`, as in pymdownx.emoji's `:[+\-\w]+:`), else nil.
    /// Malformed UTF-8 is never a name character.
    public static func shortcodeNameLength<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let byte = bytes[index]
        if byte < 0x80 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                return 1
            default:
                return nil
            }
        }
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let next = bytes[index + k]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), isWordScalar(scalar) else { return nil }
        return length
    }

    /// Python's `str.isalnum()`, which its `\w` matches besides `_`: letters (Lu, Ll, Lt, Lm, Lo)
    /// and anything with a numeric value.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// An attribute value as Python-Markdown's serializer writes it (`_escape_attrib_html`): `&`
    /// unless it starts an entity (`&amp;`, `&#38;`, `&#x26;`), `<`, `>` and `"`.
    public static func escapedAttribute(_ text: String) -> String {
        escaped(text, quote: true)
    }

    /// Element text as Python-Markdown's serializer writes it (`_escape_cdata`): as an attribute
    /// value, but `"` stays.
    public static func escapedText(_ text: String) -> String {
        escaped(text, quote: false)
    }

    private static func escaped(_ text: String, quote: Bool) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || (quote && $0 == UInt8(ascii: "\"")) })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "&") where !startsEntity(bytes, at: index): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where quote: out += Array("&quot;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the `&` at `index` is followed by what Python-Markdown's `RE_AMP` takes for an
    /// entity: `#[0-9]+;`, `#x[0-9a-f]+;` or `[0-9a-z]+;`, case-insensitively.
    private static func startsEntity(_ bytes: [UInt8], at index: Int) -> Bool {
        func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
        func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20) }
        func isHex(_ b: UInt8) -> Bool { isDigit(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b | 0x20) }
        func run(from start: Int, _ accepts: (UInt8) -> Bool) -> Bool {
            var i = start
            while i < bytes.count, accepts(bytes[i]) { i += 1 }
            return i > start && i < bytes.count && bytes[i] == UInt8(ascii: ";")
        }
        let next = index + 1
        guard next < bytes.count else { return false }
        if bytes[next] == UInt8(ascii: "#") {
            if run(from: next + 1, isDigit) { return true }
            return next + 1 < bytes.count && bytes[next + 1] | 0x20 == UInt8(ascii: "x") && run(from: next + 2, isHex)
        }
        return run(from: next, isAlnum)
    }
}
