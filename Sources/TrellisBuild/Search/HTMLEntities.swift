/// Decodes the character references rendered HTML holds: numeric ones and the named ones
/// Markdown renderers write (`&amp;`, `&nbsp;`, smart quotes and dashes). Unknown names stay as
/// written.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "laquo": "\u{AB}", "raquo": "\u{BB}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
        "times": "\u{D7}", "para": "\u{B6}", "larr": "\u{2190}", "rarr": "\u{2192}", "harr": "\u{2194}",
        "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}", "plusmn": "\u{B1}", "ne": "\u{2260}",
    ]

    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, j - i <= 10, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"), bytes[j] > 32 { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: ";"), let text = character(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) {
                out += Array(text.utf8)
                i = j + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    private static func character(_ name: String) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) } }
        return named[name]
    }
}
