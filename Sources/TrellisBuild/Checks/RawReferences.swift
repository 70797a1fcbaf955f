/// Every reference a page makes: its Markdown links and images, plus `src`/`href` attributes
/// written in raw HTML (which cmark leaves as text).
enum RawReferences {
    static func all(in subject: PageUnderCheck) -> [String] {
        subject.rendered.links.map(\.destination) + htmlAttributes(in: subject.text.text)
    }

    /// The values of `src="…"` and `href="…"` (either quote) in `text`.
    static func htmlAttributes(in text: String) -> [String] {
        var values: [String] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            // Look for `src` or `href` preceded by whitespace.
            let length: Int
            // Most bytes are neither `s` nor `h`: skip them without a comparison.
            let first = bytes[i] | 0x20
            if first != UInt8(ascii: "s") && first != UInt8(ascii: "h") {
                i += 1
                continue
            }
            if matches(bytes, i, Self.src) {
                length = 3
            } else if matches(bytes, i, Self.href) {
                length = 4
            } else {
                i += 1
                continue
            }
            guard i > 0, bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\n") || bytes[i - 1] == UInt8(ascii: "\t")
            else {
                i += length
                continue
            }
            var j = i + length
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else {
                i = j
                continue
            }
            j += 1
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else {
                i = j
                continue
            }
            let quote = bytes[j]
            var end = j + 1
            while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end < bytes.count, bytes[end] == quote {
                values.append(String(decoding: bytes[(j + 1)..<end], as: UTF8.self))
            }
            i = end + 1
        }
        return values
    }

    private static let src = Array("src".utf8)
    private static let href = Array("href".utf8)

    /// Whether the lowercase ASCII `word` stands at `at`, in any case.
    private static func matches(_ bytes: [UInt8], _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= bytes.count else { return false }
        for k in 0..<word.count where bytes[at + k] | 0x20 != word[k] { return false }
        return true
    }
}
