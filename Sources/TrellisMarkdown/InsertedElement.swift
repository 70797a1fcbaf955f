import TrellisCore

/// The start tag of HTML a rewriter inserted for a shortcode (an icon's `<span class="twemoji">`,
/// an emoji's `<img … />`), with `attr_list` pairs set on it as Python-Markdown sets them on
/// pymdownx.emoji's element and serializes it: classes appended, names sanitized, attributes
/// sorted by name, values escaped by its serializer's rules.
///
/// The tag was written by Trellis (`name="value"` pairs, values already escaped), so values are
/// kept as they are and only the new ones are escaped.
enum InsertedElement {
    /// XHTML's boolean attributes, which Python-Markdown's `attr_list` writes as `name="name"`
    /// when given without a value (any other stays bare).
    private static let booleanAttributes: Set<String> = [
        "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "noresize", "noshade", "nowrap",
        "readonly", "selected",
    ]

    /// `html` with `pairs` merged into its first tag, or nil if it does not start with a tag.
    static func merging(_ pairs: [AttributeList.Pair], into html: String) -> String? {
        let bytes = Array(html.utf8)
        guard bytes.first == UInt8(ascii: "<") else { return nil }
        var index = 1
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > 1 else { return nil }
        let tag = String(decoding: bytes[1..<index], as: UTF8.self)
        var attributes: [(name: String, value: String?)] = []
        while true {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "/") { break }
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: ">"),
                bytes[index] != UInt8(ascii: "/")
            {
                index += 1
            }
            guard index > nameStart else { return nil }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else {
                attributes.append((name, nil))
                continue
            }
            guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            attributes.append((name, String(decoding: bytes[(index + 2)..<close], as: UTF8.self)))
            index = close + 1
        }
        let tagEnd: Int
        if bytes[index] == UInt8(ascii: "/") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
            tagEnd = index + 2
        } else {
            tagEnd = index + 1
        }
        let selfClosing = tagEnd == index + 2
        for (key, value) in pairs {
            if key == "." {
                let added = PythonMarkdownText.escapedAttribute(value ?? "")
                if let i = attributes.firstIndex(where: { $0.name == "class" }), let current = attributes[i].value, !current.isEmpty {
                    attributes[i].value = current + " " + added
                } else {
                    set("class", added, in: &attributes)
                }
                continue
            }
            let name = AttributeList.sanitizedName(key)
            if let value {
                set(name, PythonMarkdownText.escapedAttribute(value), in: &attributes)
            } else {
                set(name, booleanAttributes.contains(name.lowercased()) ? name : nil, in: &attributes)
            }
        }
        var out = "<" + tag
        for (name, value) in attributes.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
            out += " " + name
            if let value { out += "=\"" + value + "\"" }
        }
        out += selfClosing ? " />" : ">"
        return out + String(decoding: bytes[tagEnd...], as: UTF8.self)
    }

    private static func set(_ name: String, _ value: String?, in attributes: inout [(name: String, value: String?)]) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            attributes[i].value = value
        } else {
            attributes.append((name, value))
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-")
    }
}
