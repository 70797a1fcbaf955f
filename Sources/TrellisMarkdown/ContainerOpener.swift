/// The first line of a container block, recognised with the same grammar as the Python
/// extensions' start patterns (Python-Markdown `admonition`, `pymdownx.details`,
/// `pymdownx.tabbed`), applied to one line; or a whole pipe table, which the pre-pass replaces
/// like a container.
struct ContainerOpener: Equatable {
    enum Kind: Equatable {
        case admonition
        case details(open: Bool)
        case tab(select: Bool, newSet: Bool)
        indirect case table(PipeTable)
        indirect case definitionList(ContainerParser.DefinitionListShape)
        indirect case htmlElement(ContainerParser.HTMLElementShape)
        indirect case block(ContainerParser.BlockShape)
    }

    var kind: Kind
    /// Lowercased classes separated by single spaces (empty for tabs and title-only details).
    var classes: String
    /// The title as written; `nil` when the container renders no title element.
    var title: String?
    /// The byte offset of the title within the recognised line.
    var titleOffset: Int

    /// Recognises `line` (no line ending) as an opener of an enabled extension.
    static func recognise(_ line: some Collection<UInt8>, extensions: Set<MarkdownExtension>) -> ContainerOpener? {
        var bytes = Array(line)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard bytes.count >= 3, bytes[1] == bytes[0], bytes[2] == bytes[0] else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "!") where extensions.contains(.admonition):
            return admonition(bytes)
        case UInt8(ascii: "?") where extensions.contains(.details):
            return details(bytes)
        case UInt8(ascii: "=") where extensions.contains(.tabbed):
            return tab(bytes)
        default:
            return nil
        }
    }

    /// `!!! ?classes( +"title")? *`
    private static func admonition(_ bytes: [UInt8]) -> ContainerOpener? {
        var index = 3
        if index < bytes.count, bytes[index] == space { index += 1 }
        guard let (classes, afterClasses) = classList(bytes, from: index) else { return nil }
        guard let (title, offset) = quotedTitle(bytes, from: afterClasses, required: false) else { return nil }
        let lowered = classes.lowercased()
        guard let title else {
            return ContainerOpener(kind: .admonition, classes: lowered, title: defaultTitle(lowered), titleOffset: 0)
        }
        return ContainerOpener(kind: .admonition, classes: lowered, title: title.isEmpty ? nil : title, titleOffset: offset)
    }

    /// `???+? ?` then either `classes? +"title"` or `classes`, then ` *`.
    private static func details(_ bytes: [UInt8]) -> ContainerOpener? {
        var index = 3
        let open = index < bytes.count && bytes[index] == UInt8(ascii: "+")
        if open { index += 1 }
        let afterMarker = index
        if index < bytes.count, bytes[index] == space { index += 1 }
        if let (classes, afterClasses) = classList(bytes, from: index),
            let (title, offset) = quotedTitle(bytes, from: afterClasses, required: false)
        {
            let lowered = classes.lowercased()
            return ContainerOpener(
                kind: .details(open: open), classes: lowered, title: title ?? defaultTitle(lowered),
                titleOffset: title == nil ? 0 : offset)
        }
        guard let (title, offset) = quotedTitle(bytes, from: afterMarker, required: true), let title else { return nil }
        return ContainerOpener(kind: .details(open: open), classes: "", title: title, titleOffset: offset)
    }

    /// `===(+!|!+|+|!)? +"title" *`
    private static func tab(_ bytes: [UInt8]) -> ContainerOpener? {
        var index = 3
        var select = false
        var newSet = false
        while index < bytes.count, index < 5 {
            if bytes[index] == UInt8(ascii: "+"), !select {
                select = true
            } else if bytes[index] == UInt8(ascii: "!"), !newSet {
                newSet = true
            } else {
                break
            }
            index += 1
        }
        guard let (title, offset) = quotedTitle(bytes, from: index, required: true), let title else { return nil }
        return ContainerOpener(kind: .tab(select: select, newSet: newSet), classes: "", title: title, titleOffset: offset)
    }

    /// `[\w-]+( +[\w-]+)*` from `start`, single-spaced; `nil` unless at least one word.
    private static func classList(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var words: [String] = []
        var index = start
        while true {
            var cursor = index
            if !words.isEmpty {
                while cursor < bytes.count, bytes[cursor] == space { cursor += 1 }
                if cursor == index { break }
            }
            let wordStart = cursor
            while cursor < bytes.count, isWordByte(bytes[cursor]) { cursor += 1 }
            if cursor == wordStart { break }
            words.append(String(decoding: bytes[wordStart..<cursor], as: UTF8.self))
            index = cursor
        }
        return words.isEmpty ? nil : (words.joined(separator: " "), index)
    }

    /// What may follow the classes: ` +"title"` and/or trailing spaces, to the end of the line.
    /// Returns `(nil, 0)` when there is no title (only allowed if not `required`).
    private static func quotedTitle(_ bytes: [UInt8], from start: Int, required: Bool) -> (String?, Int)? {
        var end = bytes.count
        while end > start, bytes[end - 1] == space { end -= 1 }
        if end == start { return required ? nil : (nil, 0) }
        var index = start
        while index < end, bytes[index] == space { index += 1 }
        guard index > start, end - index >= 2, bytes[index] == quote, bytes[end - 1] == quote else { return nil }
        return (String(decoding: bytes[(index + 1)..<(end - 1)], as: UTF8.self), index + 1)
    }

    /// Python's `klass.split(' ', 1)[0].capitalize()`.
    private static func defaultTitle(_ classes: String) -> String {
        let first = classes.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return first.prefix(1).uppercased() + first.dropFirst().lowercased()
    }

    /// Python's `[\w-]` approximated on bytes: ASCII letters, digits, `_`, `-`, and any non-ASCII.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private static let space = UInt8(ascii: " ")
    private static let quote = UInt8(ascii: "\"")
}
