/// `pymdownx.blocks.html`'s `parse_selectors`: `tag#id.class[attr=value attr2="v w"]`, the
/// argument of `/// html` (tag required) and of captions (no tag). Classes are sorted, as
/// pymdownx sorts them; one `#id` at most.
enum BlockSelector {
    static func parse(_ selector: String, requireTag: Bool) -> (String?, HTMLAttributes)? {
        let text = Array(selector.unicodeScalars)
        var index = 0
        var tag: String?
        if requireTag {
            guard let name = identifier(text, &index) else { return nil }
            tag = name
        }
        var id: String?
        var classes: [String] = []
        var others = HTMLAttributes()
        while index < text.count {
            switch text[index] {
            case "#":
                index += 1
                guard id == nil, let name = identifier(text, &index) else { return nil }
                id = name
            case ".":
                index += 1
                guard let name = identifier(text, &index) else { return nil }
                classes.append(name)
            case "[":
                index += 1
                skipBlanks(text, &index)
                while let name = identifier(text, &index) {
                    var value: String
                    skipBlanks(text, &index)
                    if index < text.count, text[index] == "=" {
                        index += 1
                        skipBlanks(text, &index)
                        guard let given = attributeValue(text, &index) else { return nil }
                        value = given
                    } else {
                        value = name.lowercased() == "class" ? "" : name.lowercased()
                    }
                    let key = name.lowercased()
                    if key == "class" {
                        classes += value.split(separator: " ").map(String.init)
                    } else {
                        others.set(key, value)
                    }
                    skipBlanks(text, &index)
                }
                guard index < text.count, text[index] == "]" else { return nil }
                index += 1
            default:
                return nil
            }
        }
        var attributes = others
        if let id { attributes.set("id", id) }
        if !classes.isEmpty { attributes.set("class", classes.sorted().joined(separator: " ")) }
        return (tag, attributes)
    }

    /// A CSS identifier (without escapes): `--` or an optional `-` and a name start, then name characters.
    private static func identifier(_ text: [Unicode.Scalar], _ index: inout Int) -> String? {
        let start = index
        func isStart(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic && scalar.isASCII || scalar == "_" || scalar.value >= 0x80
        }
        if index + 1 < text.count, text[index] == "-", text[index + 1] == "-" {
            index += 2
        } else {
            if index < text.count, text[index] == "-" { index += 1 }
            guard index < text.count, isStart(text[index]) else {
                index = start
                return nil
            }
        }
        while index < text.count, isStart(text[index]) || text[index] == "-" || ("0"..."9").contains(text[index]) { index += 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text[start..<index])
        return String(out)
    }

    /// A quoted value (`"…"` or `'…'`, backslash escapes kept as written) or an identifier.
    private static func attributeValue(_ text: [Unicode.Scalar], _ index: inout Int) -> String? {
        guard index < text.count else { return nil }
        let quote = text[index]
        guard quote == "\"" || quote == "'" else { return identifier(text, &index) }
        var end = index + 1
        while end < text.count, text[end] != quote {
            if text[end] == "\n" || text[end] == "\r" { return nil }
            end += text[end] == "\\" ? 2 : 1
        }
        guard end < text.count else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text[(index + 1)..<end])
        index = end + 1
        return String(out)
    }

    private static func skipBlanks(_ text: [Unicode.Scalar], _ index: inout Int) {
        while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
    }
}

/// Python-Markdown's block-level tags as `pymdownx.blocks` sorts them: those whose content is
/// read as Markdown blocks, and those read as raw text.
enum HTMLBlockTags {
    static let raw: Set<String> = ["canvas", "math", "option", "pre", "script", "style", "textarea", "code"]
    static let span: Set<String> = [
        "address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p", "summary", "td", "th",
    ]
    /// Python-Markdown's `block_level_elements` (and `html`), less the span, raw and empty tags.
    static let block: Set<String> = {
        let all: Set<String> = [
            "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav",
            "ol", "p", "pre", "section", "table", "ul", "canvas", "colgroup", "dd", "body", "dt", "group", "html",
            "iframe", "li", "legend", "math", "map", "noscript", "output", "object", "option", "progress", "script",
            "style", "summary", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "video", "center",
        ]
        return all.subtracting(span).subtracting(raw).subtracting(["hr"])
    }()

    /// `<tag a="…" b="…">` with attributes sorted and escaped as Python-Markdown writes them.
    static func openTag(_ tag: String, _ attributes: HTMLAttributes) -> String {
        var out = Array("<\(tag)".utf8)
        HTMLAttributes.appendSorted(
            attributes.pairs.map { ($0.name, $0.value.map { Array(PythonCharacter.escapedAttribute($0).utf8) }) }, to: &out)
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }
}
