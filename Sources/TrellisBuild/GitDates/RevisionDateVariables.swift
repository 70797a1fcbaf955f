import TrellisCore

/// The git-revision-date-localized plugin's own substitution, for pages macros do not render:
/// `{{ git_revision_date_localized }}` (and the site and creation dates), any case, any spaces
/// inside the braces, becomes the date's markup, as the plugin's `re.sub` does it.
enum RevisionDateVariables {
    /// `text` (starting at `sourceOffset` in its file) with the variables replaced, or nil when
    /// it names none of them.
    static func replace(in text: String, sourceOffset: Int, values: [String: String]) -> PageText? {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var map = SourceMap()
        var copiedFrom = 0
        var i = 0
        var replaced = false
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") else {
                i += 1
                continue
            }
            var j = i + 2
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            let nameStart = j
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            guard j + 1 < bytes.count, bytes[j] == UInt8(ascii: "}"), bytes[j + 1] == UInt8(ascii: "}"), let value = values[name] else {
                i += 1
                continue
            }
            output += bytes[copiedFrom..<i]
            map.appendCopy(sourceStart: sourceOffset + copiedFrom, length: i - copiedFrom)
            output += Array(value.utf8)
            map.appendGenerated(sourceStart: sourceOffset + i, length: value.utf8.count)
            i = j + 2
            copiedFrom = i
            replaced = true
        }
        guard replaced else { return nil }
        output += bytes[copiedFrom...]
        map.appendCopy(sourceStart: sourceOffset + copiedFrom, length: bytes.count - copiedFrom)
        return PageText(text: String(decoding: output, as: UTF8.self), sourceMap: map)
    }

    /// Python's `\s` in `str` patterns, for ASCII.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0d).contains(byte) || (0x1c...0x1f).contains(byte)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
    }
}
