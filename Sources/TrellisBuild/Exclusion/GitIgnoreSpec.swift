import Foundation

/// Gitignore-style patterns as MkDocs reads `exclude_docs`, `draft_docs` and `not_in_nav`:
/// pathspec's `GitIgnoreSpec` (1.1), matched against a docs-relative path (`guide/a.md`).
///
/// Each line is a pattern: `#` starts a comment, `!` negates, a `/` at the start or inside
/// anchors the pattern to the docs folder (else it matches at any depth), a trailing `/`
/// matches folders only (so the files under them), `*`, `?`, `[…]` match within one path
/// segment and `**` across segments. The last matching pattern decides, except that a
/// pattern matching a file itself outranks a later one matching only a folder above it, as Git
/// (and pathspec) decide.
struct GitIgnoreSpec: Sendable {
    struct Pattern: Sendable {
        /// Whether a match selects the path (`!` patterns unselect it).
        var include: Bool
        /// Capture group 1 is the folder marker: set when the pattern matched a folder above the path.
        var regex: NSRegularExpression
    }

    /// A pattern pathspec refuses (an escape at the end, a pattern of only slashes); MkDocs
    /// stops with the message.
    struct InvalidPattern: Error, Equatable {
        var pattern: String
    }

    var patterns: [Pattern] = []

    /// MkDocs' own exclusions, before the site's `exclude_docs`: dot files and a top-level
    /// `templates/` folder.
    static let mkdocsDefault = (try? GitIgnoreSpec(lines: [".*", "/templates/"])) ?? GitIgnoreSpec()

    init() {}

    init(lines: [String]) throws {
        for line in lines {
            if let pattern = try Self.pattern(line) { patterns.append(pattern) }
        }
    }

    /// `text` split into lines as Python's `splitlines` splits them.
    init(text: String) throws {
        try self.init(lines: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init))
    }

    static func + (lhs: GitIgnoreSpec, rhs: GitIgnoreSpec) -> GitIgnoreSpec {
        var result = lhs
        result.patterns += rhs.patterns
        return result
    }

    /// Whether `path` is selected (pathspec's simple backend, forward order).
    func matches(_ path: String) -> Bool {
        var result: Bool?
        var priority = 0
        let range = NSRange(path.startIndex..., in: path)
        for pattern in patterns {
            guard let match = pattern.regex.firstMatch(in: path, range: range) else { continue }
            let folderMark = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound
            let matchPriority = folderMark ? 1 : 2
            if (pattern.include && folderMark) || matchPriority >= priority {
                result = pattern.include
                priority = matchPriority
            }
        }
        return result ?? false
    }

    private static let folderMark = "(/)"
    private static let folderMarkOrEnd = "(?:(/)|$)"

    /// One line's pattern, nil for a blank line, a comment or a pattern pathspec drops (a bad range).
    static func pattern(_ line: String) throws -> Pattern? {
        var text = line
        if !text.hasSuffix("\\ ") {
            while let last = text.last, last.isWhitespace { text.removeLast() }
        }
        if text.isEmpty || text.hasPrefix("#") || text == "/" { return nil }
        var include = true
        if text.hasPrefix("!") {
            include = false
            text.removeFirst()
        }
        var segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let isFolderPattern = segments.last == ""
        let regex: String
        if let override = try normalize(&segments, isFolderPattern: isFolderPattern, line: line) {
            regex = override
        } else {
            guard let parts = try translate(segments, isFolderPattern: isFolderPattern, line: line) else { return nil }
            regex = parts
        }
        guard let compiled = try? NSRegularExpression(pattern: regex) else { return nil }
        return Pattern(include: include, regex: compiled)
    }

    /// pathspec's segment normalisation; returns a whole regex for the patterns it special-cases.
    private static func normalize(_ segments: inout [String], isFolderPattern: Bool, line: String) throws -> String? {
        if segments.first == "" {
            segments.removeFirst()
        } else if segments.count == 1 || (segments.count == 2 && segments[1].isEmpty) {
            if segments[0] != "**" { segments.insert("**", at: 0) }
        }
        guard !segments.isEmpty else { throw InvalidPattern(pattern: line) }
        if segments[segments.count - 1].isEmpty { segments[segments.count - 1] = "**" }
        var i = segments.count - 1
        while i > 0 {
            if segments[i - 1] == "**" && segments[i] == "**" { segments.remove(at: i) }
            i -= 1
        }
        if segments == ["**"] { return isFolderPattern ? folderMark : "." }
        if segments == ["**", "*"] { return "." }
        if segments == ["**", "*", "**"] { return isFolderPattern ? folderMark : "/" }
        return nil
    }

    /// The regex of normalised segments; nil when a `[` range is not closed (pathspec drops the pattern).
    private static func translate(_ segments: [String], isFolderPattern: Bool, line: String) throws -> String? {
        var out = ""
        var needSlash = false
        let end = segments.count - 1
        for (i, segment) in segments.enumerated() {
            if segment == "**" {
                if i == 0 {
                    out += "^(?:.+/)?"
                } else if i < end {
                    out += "(?:/.+)?"
                    needSlash = true
                } else {
                    out += isFolderPattern ? folderMark : "/"
                }
                continue
            }
            if i == 0 { out += "^" }
            if needSlash { out += "/" }
            if segment == "*" {
                out += "[^/]+"
            } else {
                guard let glob = try translateGlob(segment, line: line) else { return nil }
                out += glob
            }
            if i == end { out += folderMarkOrEnd }
            needSlash = true
        }
        return out
    }

    /// One segment's glob as a regex; nil for an unclosed `[`.
    private static func translateGlob(_ segment: String, line: String) throws -> String? {
        let chars = Array(segment)
        var out = ""
        var escape = false
        var i = 0
        while i < chars.count {
            let char = chars[i]
            i += 1
            if escape {
                escape = false
                out += escaped(char)
            } else if char == "\\" {
                escape = true
            } else if char == "*" {
                out += "[^/]*"
            } else if char == "?" {
                out += "[^/]"
            } else if char == "[" {
                var j = i
                if j < chars.count, chars[j] == "!" || chars[j] == "^" { j += 1 }
                if j < chars.count, chars[j] == "]" { j += 1 }
                while j < chars.count, chars[j] != "]" { j += 1 }
                guard j < chars.count else { return nil }
                j += 1
                var set = "["
                if chars[i] == "!" || chars[i] == "^" {
                    set += "^"
                    i += 1
                }
                // ICU reads `[` and `&` inside a set as set syntax; pathspec's Python regex does not.
                for c in chars[i..<j] {
                    if c == "\\" {
                        set += "\\\\"
                    } else if c == "[" || c == "&" {
                        set += "\\" + String(c)
                    } else {
                        set.append(c)
                    }
                }
                out += set
                i = j
            } else {
                out += escaped(char)
            }
        }
        if escape { throw InvalidPattern(pattern: line) }
        return out
    }

    private static func escaped(_ char: Character) -> String {
        "\\^$.|?*+()[]{}".contains(char) ? "\\" + String(char) : String(char)
    }
}
