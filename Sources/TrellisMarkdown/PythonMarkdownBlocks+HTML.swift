/// Where Python-Markdown and CommonMark start and end raw HTML blocks differently (see
/// `PythonMarkdownBlocks`):
///
/// - Python-Markdown keeps raw only elements it calls block-level (`div`, `table`, `iframe`…).
///   A line that is one other tag (`<br/>`, `<small>`, `<img …>`, `</a>`) starts a paragraph
///   whose Markdown is read (`<br/>` + `![alt](pic.png)` is an image); cmark makes it an HTML
///   block (type 7) to the next blank line. An empty comment (`inertMarker`) right after the tag
///   makes cmark read a paragraph too; the parse removes it again.
/// - A raw block-level element ends with the line that closes it; the next line is Markdown
///   again (`<iframe …></iframe>` + `[Slides](…)` is a link). cmark goes on to the next blank
///   line; a blank line is inserted.
extension PythonMarkdownBlocks {
    /// Python-Markdown's `block_level_elements` (3.11).
    static let blockLevelElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "canvas", "center", "colgroup", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "group", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "iframe", "legend", "li", "main", "map", "math", "menu", "nav", "noscript",
        "object", "ol", "option", "output", "p", "pre", "progress", "script", "section", "style", "summary", "table",
        "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "video",
    ]

    /// CommonMark's HTML block types 1 and 6: cmark starts a block at these whatever follows the
    /// tag, so no marker makes a paragraph of them.
    static let commonMarkBlockNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe",
        "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param",
        "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
        "script", "pre", "style", "textarea",
    ]

    /// The empty comment inserted after a lone inline tag; `MarkdownPage` removes the inline HTML
    /// node it becomes. (The unit separator keeps it apart from any comment an author writes.)
    static let inertMarker: [UInt8] = Array("<!--\u{1F}-->".utf8)
    static let inertMarkerString = "<!--\u{1F}-->"

    /// How a line starting with `<` begins a block, as cmark reads it and Python-Markdown wants it.
    enum HTMLStart: Equatable {
        /// Text of a paragraph in both (a tag with more on the line, `<3`, an autolink).
        case paragraph
        /// A lone inline tag (`<br/>`): cmark's HTML block, Python-Markdown's paragraph.
        case inlineTagParagraph(tagEnd: Int)
        /// An HTML block of an element (`<div>`, `<iframe>`, a lone `<video>`).
        case rawBlock(name: String)
        /// A comment, processing instruction, declaration or CDATA block.
        case otherHTML
    }

    static func htmlStart(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int, afterParagraph: Bool) -> HTMLStart {
        guard let name = leadingTagName(bytes, at, end) else {
            // cmark's types 2 to 5 (`<!--`, `<?`, `<!DOCTYPE`, `<![CDATA[`), which interrupt a paragraph.
            if at + 1 < end, bytes[at + 1] == UInt8(ascii: "!") || bytes[at + 1] == UInt8(ascii: "?") { return .otherHTML }
            return .paragraph
        }
        if commonMarkBlockNames.contains(name) { return .rawBlock(name: name) }
        // cmark's type 7 cannot interrupt a paragraph.
        guard !afterParagraph, let tagEnd = loneTagEnd(bytes, at, end) else { return .paragraph }
        if blockLevelElements.contains(name) { return .rawBlock(name: name) }
        return .inlineTagParagraph(tagEnd: tagEnd)
    }

    /// Whether the line's last character but spaces and tabs is `>`.
    static func endsWithTag(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        var last = end
        while last > at, bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\t") { last -= 1 }
        return last > at && bytes[last - 1] == UInt8(ascii: ">")
    }

    /// The name of the tag a line starts with (`<div`, `</div`), lowercased, if any.
    static func leadingTagName(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> String? {
        var index = at + 1
        if index < end, bytes[index] == UInt8(ascii: "/") { index += 1 }
        let nameStart = index
        guard index < end, isASCIILetter(bytes[index]) else { return nil }
        while index < end, isASCIILetter(bytes[index]) || isDecimalDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") { index += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self).lowercased()
    }

    /// Where the tag ends if the line from `at` is exactly one open or closing tag as CommonMark
    /// reads tags, followed only by spaces and tabs: the line cmark makes an HTML block of type 7.
    static func loneTagEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Int? {
        guard at < end, bytes[at] == UInt8(ascii: "<") else { return nil }
        var index = at + 1
        let closing = index < end && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        guard index < end, isASCIILetter(bytes[index]) else { return nil }
        while index < end, isASCIILetter(bytes[index]) || isDecimalDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") { index += 1 }
        if closing {
            while index < end, isBlank(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: ">") else { return nil }
            return onlySpaces(bytes, index + 1, end) ? index + 1 : nil
        }
        while true {
            let spaceStart = index
            while index < end, isBlank(bytes[index]) { index += 1 }
            guard index < end else { return nil }
            if bytes[index] == UInt8(ascii: ">") { return onlySpaces(bytes, index + 1, end) ? index + 1 : nil }
            if bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < end, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
                return onlySpaces(bytes, index + 2, end) ? index + 2 : nil
            }
            // An attribute needs white space before it.
            guard index > spaceStart, isAttributeNameStart(bytes[index]) else { return nil }
            while index < end, isAttributeNameStart(bytes[index]) || isDecimalDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".")
                || bytes[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            var probe = index
            while probe < end, isBlank(bytes[probe]) { probe += 1 }
            guard probe < end, bytes[probe] == UInt8(ascii: "=") else { continue }
            index = probe + 1
            while index < end, isBlank(bytes[index]) { index += 1 }
            guard index < end else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                var close = index + 1
                while close < end, bytes[close] != quote { close += 1 }
                guard close < end else { return nil }
                index = close + 1
            } else {
                let valueStart = index
                while index < end, !isBlank(bytes[index]), !unquotedValueStops(bytes[index]) { index += 1 }
                guard index > valueStart else { return nil }
            }
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    private static func unquotedValueStops(_ byte: UInt8) -> Bool {
        [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`")]
            .contains(byte)
    }
}
