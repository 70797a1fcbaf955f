/// One part of a page as search shows it: the text under a heading (or before the first).
struct SearchSection: Sendable, Equatable {
    /// The heading's id (nil: the text before the first heading).
    var id: String?
    /// The heading's level (0 before the first heading).
    var level: Int
    var heading: String
    var text: String
}

/// Cuts a page's rendered body HTML into sections at its headings with ids, keeping the words a
/// reader sees: no tags, no permalink symbols, no scripts, styles or inline SVG, no elements
/// marked `data-search-exclude` (Material's `{ data-search-exclude }`), and code blocks only when
/// asked. Entities are decoded and whitespace collapsed.
struct SearchSectionCollector {
    var includeCode = false

    /// Elements whose content is never text (their whole subtree is skipped).
    private static let skipped: Set<String> = ["script", "style", "svg", "template", "noscript", "math", "textarea"]
    /// Elements that do not separate words.
    private static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ]

    func sections(of html: String) -> [SearchSection] {
        var scanner = Scanner(bytes: Array(html.utf8))
        var sections: [SearchSection] = []
        var current = SearchSection(id: nil, level: 0, heading: "", text: "")
        var text: [UInt8] = []
        var heading: [UInt8] = []
        var inHeading: (name: String, level: Int)?
        var skipping: (name: String, depth: Int)?

        func flush() {
            current.text = Self.collapsed(text)
            sections.append(current)
            text.removeAll(keepingCapacity: true)
        }
        while let token = scanner.next() {
            switch token {
            case .text(let bytes):
                if skipping == nil {
                    if inHeading != nil { heading += bytes } else { text += bytes }
                }
            case .open(let tag):
                if var skip = skipping {
                    if tag.name == skip.name && !tag.selfClosing {
                        skip.depth += 1
                        skipping = skip
                    }
                    continue
                }
                if !tag.selfClosing && !Self.voidElements.contains(tag.name) && skips(tag) {
                    skipping = (tag.name, 1)
                    continue
                }
                if inHeading == nil, let level = Self.headingLevel(tag.name), let id = tag.id, !id.isEmpty {
                    flush()
                    current = SearchSection(id: id, level: level, heading: "", text: "")
                    inHeading = (tag.name, level)
                    heading.removeAll(keepingCapacity: true)
                    continue
                }
                if !Self.inline.contains(tag.name) { if inHeading != nil { heading.append(32) } else { text.append(32) } }
            case .close(let name):
                if var skip = skipping {
                    if name == skip.name {
                        skip.depth -= 1
                        skipping = skip.depth == 0 ? nil : skip
                    }
                    continue
                }
                if let open = inHeading, open.name == name {
                    current.heading = Self.collapsed(heading)
                    inHeading = nil
                    continue
                }
                if !Self.inline.contains(name) { if inHeading != nil { heading.append(32) } else { text.append(32) } }
            }
        }
        if inHeading != nil { current.heading = Self.collapsed(heading) }
        flush()
        // A page that opens with its heading has nothing before it.
        if let first = sections.first, first.id == nil, first.text.isEmpty, sections.count > 1 { sections.removeFirst() }
        return sections
    }

    private func skips(_ tag: Tag) -> Bool {
        if Self.skipped.contains(tag.name) { return true }
        if !includeCode && tag.name == "pre" { return true }
        return tag.searchExclude || tag.headerlink
    }

    private static func headingLevel(_ name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard bytes.count == 2, bytes[0] == UInt8(ascii: "h"), bytes[1] >= UInt8(ascii: "1"), bytes[1] <= UInt8(ascii: "6") else {
            return nil
        }
        return Int(bytes[1] - UInt8(ascii: "0"))
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The text with entities decoded and runs of whitespace made one space, trimmed.
    static func collapsed(_ bytes: [UInt8]) -> String {
        let decoded = HTMLEntities.decode(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(decoded.count)
        var pendingSpace = false
        for b in decoded {
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 12 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(32) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A tag as the collector needs it: its name and the three attributes it looks at.
private struct Tag {
    var name: String
    var id: String?
    /// `class` lists `headerlink` (a heading's permalink).
    var headerlink = false
    /// It has a `data-search-exclude` attribute.
    var searchExclude = false
    var selfClosing = false
}

private enum Token {
    case text(ArraySlice<UInt8>)
    case open(Tag)
    case close(String)
}

/// A forgiving HTML tokenizer: text, start tags with attributes, end tags; comments, doctypes
/// and processing instructions are dropped; a `<` that opens nothing is text.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        if bytes[index] != UInt8(ascii: "<") {
            let start = index
            while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
            return .text(bytes[start..<index])
        }
        if starts(with: "<!--") {
            index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
            return next()
        }
        let afterLT = index + 1
        guard afterLT < bytes.count else {
            index = bytes.count
            return .text(bytes[afterLT - 1..<afterLT])
        }
        let c = bytes[afterLT]
        if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
            index = find(">", from: afterLT).map { $0 + 1 } ?? bytes.count
            return next()
        }
        if c == UInt8(ascii: "/") {
            var i = afterLT + 1
            let nameStart = i
            while i < bytes.count && Self.isNameByte(bytes[i]) { i += 1 }
            guard i > nameStart else {
                index = afterLT
                return .text(bytes[afterLT - 1..<afterLT])
            }
            let name = Self.lowercasedName(bytes[nameStart..<i])
            index = find(">", from: i).map { $0 + 1 } ?? bytes.count
            return .close(name)
        }
        guard Self.isLetter(c) else {
            index = afterLT
            return .text(bytes[afterLT - 1..<afterLT])
        }
        var i = afterLT
        while i < bytes.count && Self.isNameByte(bytes[i]) { i += 1 }
        let name = Self.lowercasedName(bytes[afterLT..<i])
        var tag = Tag(name: name)
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ">") {
                i += 1
                break
            }
            if b == UInt8(ascii: "/") {
                tag.selfClosing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ">")
                i += 1
                continue
            }
            if Self.isSpace(b) {
                i += 1
                continue
            }
            let attrStart = i
            while i < bytes.count && !Self.isSpace(bytes[i]) && bytes[i] != UInt8(ascii: "=") && bytes[i] != UInt8(ascii: ">")
                && bytes[i] != UInt8(ascii: "/")
            {
                i += 1
            }
            let attrName = Self.attribute(bytes[attrStart..<i])
            var value: ArraySlice<UInt8> = []
            var j = i
            while j < bytes.count && Self.isSpace(bytes[j]) { j += 1 }
            if j < bytes.count && bytes[j] == UInt8(ascii: "=") {
                j += 1
                while j < bytes.count && Self.isSpace(bytes[j]) { j += 1 }
                if j < bytes.count && (bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'")) {
                    let quote = bytes[j]
                    let valueStart = j + 1
                    var k = valueStart
                    while k < bytes.count && bytes[k] != quote { k += 1 }
                    value = bytes[valueStart..<k]
                    i = min(k + 1, bytes.count)
                } else {
                    let valueStart = j
                    var k = j
                    while k < bytes.count && !Self.isSpace(bytes[k]) && bytes[k] != UInt8(ascii: ">") { k += 1 }
                    value = bytes[valueStart..<k]
                    i = k
                }
            }
            switch attrName {
            case .id where tag.id == nil: tag.id = String(decoding: HTMLEntities.decode(Array(value)), as: UTF8.self)
            case .class: tag.headerlink = tag.headerlink || Self.listsHeaderlink(value)
            case .searchExclude: tag.searchExclude = true
            default: break
            }
            if i == attrStart { i += 1 }
        }
        index = i
        return .open(tag)
    }

    private enum Attribute { case id, `class`, searchExclude, other }

    private static let idName = Array("id".utf8), className = Array("class".utf8), excludeName = Array("data-search-exclude".utf8)

    private static func attribute(_ name: ArraySlice<UInt8>) -> Attribute {
        func equals(_ known: [UInt8]) -> Bool {
            name.count == known.count && zip(name, known).allSatisfy { (isLetter($0) ? $0 | 0x20 : $0) == $1 }
        }
        if equals(idName) { return .id }
        if equals(className) { return .class }
        if equals(excludeName) { return .searchExclude }
        return .other
    }

    private static let headerlinkName = Array("headerlink".utf8)

    /// Whether a `class` value lists `headerlink`.
    private static func listsHeaderlink(_ value: ArraySlice<UInt8>) -> Bool {
        var start = value.startIndex
        while start < value.endIndex {
            var end = start
            while end < value.endIndex && !isSpace(value[end]) { end += 1 }
            if value[start..<end].elementsEqual(headerlinkName) { return true }
            start = end + 1
        }
        return false
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { p in (0..<count).allSatisfy { bytes[index + $0] == p[$0] } }
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, start < bytes.count else { return nil }
        return needle.withUTF8Buffer { n -> Int? in
            var i = start
            while i + count <= bytes.count {
                if bytes[i] == n[0] && (1..<count).allSatisfy({ bytes[i + $0] == n[$0] }) { return i }
                i += 1
            }
            return nil
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }
    static func lowercasedName(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
