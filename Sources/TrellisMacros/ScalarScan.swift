/// Unicode-aware steps over UTF-8 bytes, so the template scanner can work on the page's bytes
/// in place (no copy of a 5 MB page) and still treat whitespace and names as Python does.
enum ScalarScan {
    /// The length of the UTF-8 sequence a lead byte starts.
    static func width(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...: return 4
        default: return 1  // a stray continuation byte; cannot occur in a Swift String
        }
    }

    /// The scalar starting at `p`.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int, limit: Int) -> Unicode.Scalar {
        let lead = bytes[p]
        let n = min(width(lead), limit - p)
        if n == 1 { return Unicode.Scalar(lead) }
        var value = UInt32(lead) & (0xFF >> (n + 1))
        for i in 1..<n { value = value << 6 | UInt32(bytes[p + i] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The offset after the whitespace scalar at `p`, or nil if it is not whitespace.
    static func spaceEnd(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int, limit: Int) -> Int? {
        let lead = bytes[p]
        if lead < 0x80 { return PythonText.isSpace(Unicode.Scalar(lead)) ? p + 1 : nil }
        guard PythonText.isSpace(scalar(bytes, at: p, limit: limit)) else { return nil }
        return p + width(lead)
    }

    /// The offset after the whitespace run starting at `p` (Jinja's `\s*`).
    static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from p: Int, limit: Int) -> Int {
        var i = p
        while i < limit, let next = spaceEnd(bytes, at: i, limit: limit) { i = next }
        return i
    }

    /// The end of `start..<end` once trailing whitespace is removed (Python's `rstrip()`).
    static func trimTrailingSpaces(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var e = end
        while e > start {
            var s = e - 1
            while s > start, bytes[s] & 0xC0 == 0x80 { s -= 1 }
            guard spaceEnd(bytes, at: s, limit: e) == e else { break }
            e = s
        }
        return e
    }

    /// The offset after the identifier starting at `p` (Python identifiers, as Jinja 3 names),
    /// or nil if none starts there.
    static func identifierEnd(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int, limit: Int) -> Int? {
        var i = p
        while i < limit {
            let lead = bytes[i]
            let ok: Bool
            if lead < 0x80 {
                let c = Unicode.Scalar(lead)
                ok = c == "_" || (c.properties.isAlphabetic) || (i > p && lead >= 0x30 && lead <= 0x39)
            } else {
                let s = scalar(bytes, at: i, limit: limit)
                ok = i == p ? s.properties.isXIDStart : s.properties.isXIDContinue
            }
            guard ok else { break }
            i += width(lead)
        }
        return i > p ? i : nil
    }
}

/// Python's `unicode-escape` decoding, which Jinja applies to string literals.
enum PythonEscapes {
    /// The decoded text, or nil for a malformed escape (`\x4`), which Python rejects.
    static func decode(_ raw: String) -> String? {
        guard raw.contains("\\") else { return raw }
        var out = String.UnicodeScalarView()
        let scalars = Array(raw.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            guard c == "\\", i < scalars.count else {
                out.append(c)
                continue
            }
            let e = scalars[i]
            i += 1
            switch e {
            case "\n": break
            case "\\", "'", "\"": out.append(e)
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var value = e.value - 0x30
                var n = 1
                while n < 3, i < scalars.count, ("0"..."7").contains(scalars[i]) {
                    value = value * 8 + scalars[i].value - 0x30
                    i += 1
                    n += 1
                }
                guard let s = Unicode.Scalar(value) else { return nil }
                out.append(s)
            case "x", "u", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                guard i + count <= scalars.count,
                    let value = UInt32(String(String.UnicodeScalarView(scalars[i..<(i + count)])), radix: 16),
                    let s = Unicode.Scalar(value)
                else { return nil }
                out.append(s)
                i += count
            default:
                out.append("\\")
                out.append(e)
            }
        }
        return String(out)
    }
}
