import Foundation

/// A start tag read the way Python's `HTMLParser` reads it (names lowercased, values quoted
/// with `"` or `'` or bare), for `md_in_html`.
struct HTMLTag: Equatable {
    var name: String
    var attributes: [(name: String, value: String?)]
    /// The offset just past the tag's `>`.
    var end: Int

    static func == (lhs: HTMLTag, rhs: HTMLTag) -> Bool {
        lhs.name == rhs.name && lhs.end == rhs.end
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The start tag at `start` (which holds `<`), if well formed and ending before `limit`.
    static func parse<Bytes: RandomAccessCollection>(_ bytes: Bytes, at start: Int, limit: Int? = nil) -> HTMLTag? where Bytes.Element == UInt8, Bytes.Index == Int {
        let bytes = bytes[..<min(limit ?? bytes.count, bytes.count)]
        var index = start + 1
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, isLetter(bytes[nameStart]) else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [(name: String, value: String?)] = []
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") { return HTMLTag(name: name, attributes: attributes, end: index + 1) }
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") { return nil }
            let attributeStart = index
            while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(bytes[index]) {
                index += 1
            }
            guard index > attributeStart else { return nil }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            var probe = index
            while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
            guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
                attributes.append((attribute, nil))
                continue
            }
            index = probe + 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                attributes.append((attribute, unescaped(bytes[(index + 1)..<close])))
                index = close + 1
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                attributes.append((attribute, unescaped(bytes[valueStart..<index])))
            }
        }
    }

    /// The range of the `</name>` that closes the element whose start tag ends at `from`,
    /// counting nested `<name` tags; `nil` if it is never closed.
    static func matchingClose<Bytes: RandomAccessCollection>(of name: String, in bytes: Bytes, from: Int) -> Range<Int>? where Bytes.Element == UInt8, Bytes.Index == Int {
        let nameBytes = Array(name.utf8)
        var depth = 1
        var index = from
        while index < bytes.count {
            guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
            var cursor = open + 1
            let closing = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
            if closing { cursor += 1 }
            index = cursor
            guard cursor + nameBytes.count <= bytes.count,
                zip(bytes[cursor..<(cursor + nameBytes.count)], nameBytes).allSatisfy({ lowered($0) == $1 })
            else { continue }
            cursor += nameBytes.count
            guard cursor < bytes.count, !isNameByte(bytes[cursor]) else { continue }
            if !closing {
                depth += 1
                continue
            }
            depth -= 1
            if depth == 0 {
                guard let end = bytes[cursor...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                return open..<(end + 1)
            }
        }
        return nil
    }

    /// The tag as Python-Markdown's serializer writes it: attributes sorted, valueless ones as
    /// `attr="attr"`, `dropping` left out, `attr_list` pairs applied (classes appended).
    func serialized(dropping dropped: String? = nil, merging pairs: [AttributeList.Pair] = [], pythonEscaping: Bool = false) -> String {
        var attributes = HTMLAttributes()
        for (attribute, value) in self.attributes where attribute != dropped { attributes.set(attribute, value ?? attribute) }
        AttributeList.assign(pairs, to: &attributes)
        var out: [UInt8] = Array("<\(name)".utf8)
        // Python-Markdown's serializer leaves `&` that starts an entity (`&#109;`) alone.
        let escaped = pythonEscaping
            ? attributes.pairs.map { ($0.name, $0.value.map { Array(PythonCharacter.escapedAttribute($0).utf8) }) } : attributes.escapedPairs
        HTMLAttributes.appendSorted(escaped, to: &out)
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The common named references Python's `HTMLParser` decodes in attribute values.
    private static func unescaped<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8, Bytes.Index == Int {
        var text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        for (entity, value) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lowered(byte))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == 0x0C
    }
}
