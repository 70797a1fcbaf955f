import TrellisCore
import Yams

/// Reads a post's metadata as Material's blog plugin validates it (`PostConfig`): front matter
/// is required, `date` (a date, a datetime, or a map with at least `created`) too;
/// `categories` and `authors` are lists of strings, `draft` and `pin` booleans, `readtime` an
/// integer, `slug` a string. Anything else stops Material's build, so it is a `BlogPost` error.
enum BlogPostReader {
    static func read(_ page: SourcePage) -> (BlogPost?, [Diagnostic]) {
        let file = page.file
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String, at location: SourceLocation? = SourceLocation(line: 1, column: 1)) -> (BlogPost?, [Diagnostic]) {
            diagnostics.append(Diagnostic(.blogPost, path: file.path, at: location, message: message))
            return (nil, diagnostics)
        }
        guard page.bodyOffset > 0, let yaml = frontMatterText(file, bodyOffset: page.bodyOffset) else {
            return fail("a blog post needs front matter with its date ('---', 'date: 2024-01-31', '---'); this post has none")
        }
        var reader = YAMLReader(path: file.path, lineOffset: 1)
        guard let node = reader.parse(yaml, syntaxID: .blogPost, lastKeyWins: true) else {
            // A syntax error is reported by LoadPages (FrontMatter), as an error for a post.
            return (nil, reader.diagnostics.filter { $0.id == .blogPost })
        }
        guard case .mapping(let mapping) = node else {
            return fail("a blog post's front matter must be a map of keys to values", at: reader.location(of: node))
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping { if let name = key.scalar?.string { entries[name] = (key, value) } }
        func bad(_ key: String, _ expected: String) -> (BlogPost?, [Diagnostic]) {
            let node = entries[key]?.value
            return fail(
                "blog post metadata '\(key)' must be \(expected), found \(node.map(describe) ?? "nothing")",
                at: node.flatMap { reader.location(of: $0) })
        }

        guard let dateEntry = entries["date"] else {
            return fail("a blog post needs 'date' in its front matter (its creation date, such as 'date: 2024-01-31'); this post has none")
        }
        var created: BlogDate?
        var updated: BlogDate?
        switch dateEntry.value {
        case .mapping(let dates):
            for (key, value) in dates {
                guard let date = self.date(value) else { return bad("date", "a date (2024-01-31) or a map of dates") }
                if key.scalar?.string == "created" { created = date }
                if key.scalar?.string == "updated" { updated = date }
            }
            if created == nil {
                return fail("blog post metadata 'date' is a map without 'created'", at: reader.location(of: dateEntry.key))
            }
        default:
            created = date(dateEntry.value)
            if created == nil { return bad("date", "a date (2024-01-31) or a datetime (2024-01-31 10:00:00)") }
        }
        guard let created else { return (nil, diagnostics) }

        func strings(_ key: String) -> [String]?? {
            guard let node = entries[key]?.value else { return .some([]) }
            guard case .sequence(let items) = node else { return nil }
            var result: [String] = []
            for item in items {
                guard case .scalar(let s) = item, s.tagName == .str else { return nil }
                if !result.contains(s.string) { result.append(s.string) }
            }
            return .some(result)
        }
        guard let categories = strings("categories") ?? nil else { return bad("categories", "a list of names") }
        guard let authors = strings("authors") ?? nil else { return bad("authors", "a list of author ids") }
        func scalar(_ key: String, _ tag: Tag.Name) -> Node.Scalar?? {
            guard let node = entries[key]?.value else { return .some(nil) }
            guard case .scalar(let s) = node else { return nil }
            if s.tagName == .null { return .some(nil) }
            return s.tagName == tag ? .some(s) : nil
        }
        guard let draftScalar = scalar("draft", .bool) else { return bad("draft", "true or false") }
        guard let pinScalar = scalar("pin", .bool) else { return bad("pin", "true or false") }
        guard let readtimeScalar = scalar("readtime", .int) else { return bad("readtime", "a number of minutes") }
        guard let slugScalar = scalar("slug", .str) else { return bad("slug", "a string") }

        let body = String(page.body).drop { $0 == "\n" }
        let metaTitle = page.meta.values["title"].map { value -> String in
            if case .string(let s) = value { return s }
            return value.stringValue ?? "\(value)"
        }
        let fallback = metaTitle ?? fileTitle(page.path)
        var post = BlogPost(
            path: page.path, title: metaTitle ?? markdownTitle(body) ?? fileTitle(page.path), fallbackTitle: fallback,
            created: created)
        post.updated = updated
        post.categories = categories
        post.authors = authors
        post.draft = draftScalar.flatMap { Node.scalar($0).bool }
        post.pin = pinScalar.flatMap { Node.scalar($0).bool } ?? false
        post.readtime = readtimeScalar.flatMap { Node.scalar($0).int }
        post.slug = slugScalar?.string
        return (post, diagnostics)
    }

    /// A YAML date or datetime (a plain scalar YAML resolves as a timestamp); nil otherwise.
    private static func date(_ node: Node) -> BlogDate? {
        guard case .scalar(let s) = node, s.tagName == .timestamp else { return nil }
        return BlogDate(yaml: s.string)
    }

    private static func describe(_ node: Node) -> String {
        if case .scalar(let s) = node {
            switch s.tagName {
            case .null: return "nothing"
            case .str: return "the string '\(s.string)'"
            case .timestamp: return "'\(s.string)', which is not a valid date"
            default: return "'\(s.string)'"
            }
        }
        return YAMLReader.kind(of: node)
    }

    /// The front matter's YAML: the lines between the opening `---` and the closing line.
    static func frontMatterText(_ file: SourceFile, bodyOffset: Int) -> String? {
        let starts = file.lineStarts
        guard starts.count > 1, bodyOffset > 0 else { return nil }
        let closing = file.location(ofUTF8Offset: bodyOffset - 1).line
        guard closing >= 2, closing - 1 < starts.count else { return nil }
        let utf8 = file.text.utf8
        let from = starts[1], to = starts[closing - 1]
        guard from <= to, to <= file.utf8Count else { return nil }
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)], as: UTF8.self)
    }

    /// MkDocs' `get_markdown_title`: the first non-blank line, if it is a `# ` heading.
    static func markdownTitle(_ body: Substring) -> String? {
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("# ") else { return nil }
            return String(trimmed.drop { $0 == "#" || $0 == " " })
        }
        return nil
    }

    /// MkDocs' title from a file name: `-` and `_` become spaces, capitalised if all lowercase.
    static func fileTitle(_ path: String) -> String {
        var name = String(path.split(separator: "/").last ?? "")
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let spaced = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard spaced.lowercased() == spaced, let first = spaced.first else { return spaced }
        return first.uppercased() + spaced.dropFirst()
    }
}
