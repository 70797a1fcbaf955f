/// cmark's escaping rules (houdini), on UTF-8 bytes, so our output matches cmark's exactly.
public enum HTMLEscaping {
    /// Text and attribute values: `"`, `&`, `<`, `>` (cmark leaves `'` and `/` alone).
    static func appendEscapedHTML(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: quot)
            case UInt8(ascii: "&"): out.append(contentsOf: amp)
            case UInt8(ascii: "<"): out.append(contentsOf: lt)
            case UInt8(ascii: ">"): out.append(contentsOf: gt)
            default: out.append(byte)
            }
        }
    }

    /// `text` escaped as by `appendEscapedHTML`.
    static func escapedHTML(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        appendEscapedHTML(text, to: &out)
        return out
    }

    /// `text` escaped as by `appendEscapedHTML`, as a string (for markup built as text).
    public static func escaped(_ text: String) -> String {
        String(decoding: escapedHTML(text), as: UTF8.self)
    }

    /// URLs in `href`/`src`: safe bytes pass, `&` and `'` become entities, others `%XX`.
    static func appendEscapedHref(_ url: String, to out: inout [UInt8]) {
        for byte in url.utf8 {
            if hrefSafe[Int(byte)] {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out.append(contentsOf: amp)
            } else if byte == UInt8(ascii: "'") {
                out.append(contentsOf: Array("&#x27;".utf8))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
    }

    private static let quot = Array("&quot;".utf8)
    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// houdini's `HREF_SAFE`: alphanumerics and `!#$%()*+,-./:;=?@_~` (cmark 0.30) pass through unescaped.
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!#$%()*+,-./:;=?@_~".utf8 { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        return table
    }()
}
