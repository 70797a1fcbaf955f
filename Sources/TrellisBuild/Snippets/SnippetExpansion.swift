import Foundation
import TrellisCore

/// One page's snippets being included: pymdownx's `parse_snippets`, line for line, with the
/// problems it finds and the files it reads.
struct SnippetExpansion {
    let includer: SnippetIncluder
    let page: PageText
    let file: SourceFile
    /// The base paths for this page (a bare `!relative` is its folder).
    let bases: [URL]
    var diagnostics: [Diagnostic] = []
    var readPaths: Set<String> = []
    /// The files being included, innermost last (pymdownx's `seen`).
    private var seen: Set<String> = []
    /// Each file's lines, read once per page.
    private var cache: [String: [String]?] = [:]
    /// Where each name was found, looked up once per page.
    private var found: [String: SnippetIncluder.Found] = [:]
    private var linesLeft = SnippetIncluder.maxLines
    private var includesLeft = SnippetIncluder.maxIncludes
    private var overBudget = false

    init(includer: SnippetIncluder, page: PageText, file: SourceFile, bases: [URL]) {
        self.includer = includer
        self.bases = bases
        self.page = page
        self.file = file
    }

    /// A line to parse: its text and where it comes from (a UTF-8 offset in the page's text, a
    /// 1-based line number in a snippet file, or -1 for `auto_append`'s lines).
    struct Line {
        var text: String
        var origin: Int
    }

    /// A line of the result and what it is in the page's text.
    struct Out {
        var text: String
        var kind: Kind

        enum Kind {
            /// The page's line at this offset, unchanged.
            case copy(Int)
            /// The page's line at this offset, without the byte at `removed` (an escaping `;`).
            case escaped(Int, removed: Int)
            /// Made by the page's line at this offset (a snippet's line).
            case generated(Int)
        }
    }

    /// Where lines come from, for what is reported about them.
    enum Source {
        case page
        case file(shown: String)
    }

    /// The lines with their snippet notation replaced.
    mutating func parse(_ lines: [Line], in source: Source, isSection: Bool, depth: Int) -> [Out] {
        var out: [Out] = []
        var block = false
        for line in lines {
            var inline = false
            var spec: (space: String, path: String)?
            if let notation = SnippetSyntax.notation(line.text) {
                if notation.escaped {
                    // The first `;` is the escape's (only spaces and tabs come before it).
                    var bytes = Array(line.text.utf8)
                    let removed = bytes.firstIndex(of: UInt8(ascii: ";")) ?? 0
                    if removed < bytes.count { bytes.remove(at: removed) }
                    let text = String(decoding: bytes, as: UTF8.self)
                    out.append(Out(text: text, kind: line.origin >= 0 ? .escaped(line.origin, removed: removed) : .generated(line.origin)))
                    continue
                }
                guard let quoted = notation.quoted else {
                    block.toggle()
                    continue
                }
                // Inline notation directly in a block is ignored.
                if block { continue }
                inline = true
                spec = (notation.space, String(quoted.unicodeScalars.dropFirst().dropLast()).trimmingPythonWhitespace())
            } else if !block {
                var text = line.text
                if !isSection, let marker = SnippetSyntax.sectionMarker(text) {
                    guard marker.escaped else { continue }
                    text = marker.unescaped
                }
                out.append(Out(text: text, kind: text == line.text && line.origin >= 0 ? .copy(line.origin) : .generated(line.origin)))
                continue
            }
            if block && !inline {
                let space = String(line.text.unicodeScalars.prefix { $0 == " " || $0 == "\t" })
                let path = line.text.hasSuffix("\r") ? String(line.text.dropLast()) : line.text
                spec = (space, path.trimmingPythonWhitespace())
                if spec?.path.isEmpty == true {
                    out.append(Out(text: "", kind: .generated(line.origin)))
                    continue
                }
            }
            guard let (space, path) = spec, !path.hasPrefix(";") else { continue }
            let column = space.unicodeScalars.count + 1
            let included = include(path, from: line, column: column, in: source, depth: depth)
            let indent = Self.expandTabs(space)
            out += included.map { Out(text: indent + $0, kind: .generated(line.origin)) }
        }
        return out
    }

    /// The lines the snippet `spec` names, with their own snippets included.
    private mutating func include(_ spec: String, from line: Line, column: Int, in source: Source, depth: Int) -> [String] {
        let options = includer.options
        guard let target = SnippetTarget(spec) else {
            report(.missingSnippet, as: missingVariant, "snippet '\(spec)' names no file", line, column, source)
            return []
        }
        if let bad = target.badNumber {
            report(.missingSnippet, "snippet '\(spec)': line number '\(bad)' is not a number (pymdownx stops with a ValueError); it is left out", line, column, source)
            return []
        }
        if target.path.lowercased().hasPrefix("https://") || target.path.lowercased().hasPrefix("http://") {
            if options.urlDownload {
                report(.missingSnippet, as: options.checkPaths ? nil : .leftOutSnippet,
                    "snippet '\(target.path)' is a URL, which MkDocs downloads (url_download) and Trellis does not: it builds without the network; the line is left out", line, column, source)
            } else {
                report(.missingSnippet, as: missingVariant,
                    "snippet '\(target.path)' is a URL and url_download is off, so it is not included", line, column, source)
            }
            return []
        }
        let real: String, shown: String
        let location = found[target.path] ?? includer.find(target.path, in: bases)
        found[target.path] = location
        switch location {
        case .file(let r, let s):
            (real, shown) = (r, s)
        case .missing:
            report(.missingSnippet, as: missingVariant, "snippet '\(target.path)' does not exist (looked in \(includer.describedBases))", line, column, source)
            return []
        case .outside(let realPath):
            report(.outsideRoot, "snippet '\(target.path)' leads through a symlink to '\(realPath)', outside the project folder; "
                + "it is not included (list the target in 'allow_symlinks_to' to include it)", line, column, source)
            return []
        }
        if seen.contains(real) {
            report(.missingSnippet, as: includer.plainMkDocs ? .uncheckedSnippet : .leftOutSnippet,
                "snippet '\(target.path)' includes itself (through the snippets it includes); it is left out here, as pymdownx leaves it out", line, column, source)
            return []
        }
        guard depth < SnippetIncluder.maxNesting else {
            report(.nestingLimit, "snippets nest more than \(SnippetIncluder.maxNesting) deep; '\(target.path)' is left out", line, column, source)
            return []
        }
        guard let fileLines = read(real, for: target.path, from: line, column: column, in: source) else { return [] }
        readPaths.insert(real)
        var selected = fileLines.enumerated().map { Line(text: $1, origin: $0 + 1) }
        if !selected.isEmpty, !target.ranges.isEmpty {
            selected = target.lines(of: selected)
            if options.dedentSubsections { selected = Self.dedent(selected) }
        } else if !selected.isEmpty, let section = target.section {
            let extracted = SnippetSection.extract(section, from: selected)
            selected = extracted.lines
            if !extracted.found {
                report(.missingSnippet, as: missingVariant, "snippet section '\(section)' could not be located in '\(shown)'", line, column, source)
            }
            if options.dedentSubsections { selected = Self.dedent(selected) }
        }
        guard linesLeft >= selected.count, includesLeft > 0 else {
            if !overBudget {
                overBudget = true
                report(.nestingLimit, "snippets add more than \(SnippetIncluder.maxLines) lines or \(SnippetIncluder.maxIncludes) snippets to this page; '\(target.path)' and those after it are left out", line, column, source)
            }
            return []
        }
        linesLeft -= selected.count
        includesLeft -= 1
        seen.insert(real)
        defer { seen.remove(real) }
        return parse(selected, in: .file(shown: shown), isSection: target.section != nil, depth: depth + 1).map(\.text)
    }

    /// A missing snippet stops the build, but on an MkDocs site without `check_paths`, where
    /// pymdownx leaves it out without a word, it is only noted.
    private var missingVariant: RuleVariant? {
        includer.options.checkPaths || !includer.plainMkDocs ? nil : .uncheckedSnippet
    }

    /// A file's lines, as pymdownx's `read_lines` splits them; nil (reported) when unreadable.
    private mutating func read(_ real: String, for name: String, from line: Line, column: Int, in source: Source) -> [String]? {
        if let cached = cache[real] { return cached }
        var lines: [String]?
        if let data = FileManager.default.contents(atPath: real) {
            switch SnippetOptions.decode(data, encoding: includer.options.encoding) {
            case .text(let text):
                lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            case .invalid:
                report(.invalidEncoding, "snippet '\(name)' is not valid \(includer.options.encoding) (MkDocs stops with a UnicodeDecodeError); it is left out", line, column, source)
            case .unknownEncoding:
                report(.configType, "snippets' encoding '\(includer.options.encoding)' is not one Trellis reads (utf-8, utf-8-sig, latin-1, ascii, cp1252, utf-16); '\(name)' is left out", line, column, source)
            }
        } else {
            report(.io, "snippet '\(name)' could not be read", line, column, source)
        }
        cache[real] = lines
        return lines
    }

    /// Reports a problem of `rule` (or of its `variant`) where the snippet line is written.
    private mutating func report(
        _ rule: RuleID, as variant: RuleVariant? = nil, _ message: String, _ line: Line, _ column: Int, _ source: Source
    ) {
        let (path, location, text): (String?, SourceLocation?, String)
        switch source {
        case .file(let shown):
            (path, location, text) = (shown, SourceLocation(line: line.origin, column: column), message)
        case .page where line.origin < 0:
            (path, location, text) = (includer.configPath, nil, "auto_append: " + message)
        case .page:
            let offset = page.sourceMap.sourceOffset(forOutputOffset: line.origin + column - 1)
            (path, location, text) = (file.path, file.location(ofUTF8Offset: offset), message)
        }
        if let variant, variant.rule == rule {
            diagnostics.append(Diagnostic(variant, path: path, at: location, message: text))
        } else {
            diagnostics.append(Diagnostic(rule, path: path, at: location, message: text))
        }
    }

    /// pymdownx dedents the lines joined and splits them again: no lines become one empty line.
    private static func dedent(_ lines: [Line]) -> [Line] {
        guard !lines.isEmpty else { return [Line(text: "", origin: 1)] }
        return zip(lines, SnippetSyntax.dedent(lines.map(\.text))).map { Line(text: $1, origin: $0.origin) }
    }

    /// Leading spaces and tabs with each tab taken to the next multiple of 4 columns (Python's
    /// `expandtabs` with Markdown's `tab_length`).
    static func expandTabs(_ space: String) -> String {
        var column = 0
        for c in space.unicodeScalars { column = c == "\t" ? (column / 4 + 1) * 4 : column + 1 }
        return String(repeating: " ", count: column)
    }
}
