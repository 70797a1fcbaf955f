import Foundation

/// The list of a literate-nav file (`SUMMARY.md`), as mkdocs-literate-nav finds it in the
/// Python-Markdown tree of the file: the first list after the last `<!--nav-->` line, else the
/// last list of the file. Only what a nav list holds is read: items with a title or one link
/// (`[Title](path)`, `<https://…>`) and a nested list, at `tab_length` spaces per level, as
/// Python-Markdown nests them. A loose list (blank lines between items), which Python-Markdown
/// wraps in paragraphs the plugin refuses, is an error, as it is in MkDocs.
struct LiterateNavFile {
    struct Item: Equatable {
        /// The text before the link or nested list (Python-Markdown's `li.text`), nil when none.
        var text: String?
        var link: Link?
        var children: [Item]?
        /// The 1-based line of the item's marker.
        var line: Int
    }

    struct Link: Equatable {
        var title: String
        var href: String
    }

    struct ParseError: Error, Equatable {
        var line: Int
        var message: String
    }

    /// The nav list, nil when the file has none (the folder's nav is then inferred).
    static func parse(_ text: String, tabLength: Int = 4) throws(ParseError) -> [Item]? {
        let tab = max(1, tabLength)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            expandTabs(String($0), tab)
        }
        var start = 0
        if let marker = lines.lastIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "<!--nav-->" }) {
            start = marker + 1
        }
        // Where root-level lists start: an item line at the top, after a blank line, a heading or the marker.
        var lists: [Range<Int>] = []
        var i = start
        while i < lines.count {
            let previous = i == start ? nil : lines[i - 1]
            let opens = previous.map { isBlank($0) || isHeading($0) } ?? true
            guard opens, marker(in: lines[i], tab: tab) != nil else {
                i += 1
                continue
            }
            var end = i + 1
            while end < lines.count {
                if !isBlank(lines[end]) {
                    end += 1
                    continue
                }
                // A blank line ends the list unless the list goes on after it (a loose list).
                var next = end
                while next < lines.count, isBlank(lines[next]) { next += 1 }
                guard next < lines.count, marker(in: lines[next], tab: tab) != nil || indent(of: lines[next]) >= tab else { break }
                throw ParseError(
                    line: next + 1,
                    message: "the nav list has a blank line between its items, so Python-Markdown wraps them in paragraphs, which literate-nav refuses")
            }
            lists.append(i..<end)
            if start > 0 { break }
            i = end
        }
        guard let range = start > 0 ? lists.first : lists.last else { return nil }
        return try items(Array(lines[range]), firstLine: range.lowerBound + 1, tab: tab, depth: 0)
    }

    /// Lists nested deeper than this are refused, keeping recursion bounded.
    static let maxDepth = 64

    /// The items of a tight list whose first line is an item line.
    private static func items(_ lines: [String], firstLine: Int, tab: Int, depth: Int) throws(ParseError) -> [Item] {
        guard depth < maxDepth else {
            throw ParseError(line: firstLine, message: "the nav list is nested more than \(maxDepth) levels deep")
        }
        var result: [Item] = []
        var body: [(line: Int, text: String)] = []
        var current: (line: Int, content: String)?
        func finish() throws(ParseError) {
            guard let (line, content) = current else { return }
            var text = content
            var childLines: [(line: Int, text: String)] = []
            for (n, entry) in body.enumerated() {
                let dedented = dedent(entry.text, tab)
                if childLines.isEmpty, marker(in: dedented, tab: tab) == nil {
                    text += "\n" + entry.text
                } else {
                    childLines = Array(body[n...]).map { ($0.line, dedent($0.text, tab)) }
                    break
                }
            }
            var item = try inline(text, line: line)
            if let first = childLines.first {
                item.children = try items(childLines.map(\.text), firstLine: first.line, tab: tab, depth: depth + 1)
            }
            result.append(item)
        }
        for (n, line) in lines.enumerated() {
            if indent(of: line) < tab, let content = marker(in: line, tab: tab) {
                try finish()
                current = (firstLine + n, content)
                body = []
            } else {
                body.append((firstLine + n, line))
            }
        }
        try finish()
        return result
    }

    /// An item's own content: a title, or one link, and nothing after the link.
    private static func inline(_ content: String, line: Int) throws(ParseError) -> Item {
        let trimmed = content.trimmingCharacters(in: .whitespaces)
        if let (link, rest) = leadingLink(trimmed) {
            guard rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ParseError(line: line, message: "expected no text after the link '\(link.href)', but got '\(rest.trimmingCharacters(in: .whitespaces))'")
            }
            return Item(text: nil, link: link, line: line)
        }
        if let open = trimmed.range(of: "]("), trimmed[..<open.lowerBound].contains("[") {
            throw ParseError(line: line, message: "expected a title or one link in a nav item, but got '\(trimmed)'")
        }
        return Item(text: trimmed.isEmpty ? nil : trimmed, link: nil, line: line)
    }

    /// `[text](href "title")` or `<scheme:…>` at the start of `text`, and what follows it.
    private static func leadingLink(_ text: String) -> (Link, Substring)? {
        if text.hasPrefix("<"), let close = text.firstIndex(of: ">") {
            let url = text[text.index(after: text.startIndex)..<close]
            guard url.contains(":"), !url.contains(" ") else { return nil }
            return (Link(title: String(url), href: String(url)), text[text.index(after: close)...])
        }
        guard text.hasPrefix("[") else { return nil }
        var depth = 0
        var index = text.startIndex
        var closeBracket: String.Index?
        while index < text.endIndex {
            let c = text[index]
            if c == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if c == "[" { depth += 1 }
            if c == "]" {
                depth -= 1
                if depth == 0 {
                    closeBracket = index
                    break
                }
            }
            index = text.index(after: index)
        }
        guard let closeBracket, text[text.index(after: closeBracket)...].hasPrefix("("),
            let closeParen = text[closeBracket...].firstIndex(of: ")")
        else { return nil }
        let label = text[text.index(after: text.startIndex)..<closeBracket]
        var destination = text[text.index(closeBracket, offsetBy: 2)..<closeParen].trimmingCharacters(in: .whitespaces)
        if destination.hasPrefix("<"), let end = destination.firstIndex(of: ">") {
            destination = String(destination[destination.index(after: destination.startIndex)..<end])
        } else if let space = destination.firstIndex(of: " ") {
            destination = String(destination[..<space])
        }
        return (Link(title: plainText(label), href: destination), text[text.index(after: closeParen)...])
    }

    /// A link's text as the plugin reads it: the text of its elements, escapes undone.
    private static func plainText(_ label: Substring) -> String {
        var out = ""
        var escaped = false
        for c in label {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c != "*" && c != "`" {
                out.append(c)
            }
        }
        return out
    }

    /// The content after a list marker (`*`, `-`, `+`, `1.` and at least one space) indented
    /// less than a tab, as Python-Markdown's list processors match an item.
    static func marker(in line: String, tab: Int) -> String? {
        let spaces = indent(of: line)
        guard spaces < tab else { return nil }
        var rest = line.dropFirst(spaces)
        if let first = rest.first, "*+-".contains(first) {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
            guard !digits.isEmpty, rest.dropFirst(digits.count).first == "." else { return nil }
            rest = rest.dropFirst(digits.count + 1)
        }
        guard rest.first == " " else { return nil }
        return String(rest.drop(while: { $0 == " " }))
    }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
    private static func isHeading(_ line: String) -> Bool { line.hasPrefix("#") }
    private static func indent(of line: String) -> Int { line.prefix(while: { $0 == " " }).count }
    private static func dedent(_ line: String, _ tab: Int) -> String { String(line.dropFirst(min(tab, indent(of: line)))) }

    private static func expandTabs(_ line: String, _ tab: Int) -> String {
        guard line.contains("\t") else { return line }
        var out = ""
        for c in line {
            if c == "\t" {
                out += String(repeating: " ", count: tab - out.count % tab)
            } else {
                out.append(c)
            }
        }
        return out
    }
}
