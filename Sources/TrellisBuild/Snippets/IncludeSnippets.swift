import Foundation
import TrellisCore

/// Stage: `pymdownx.snippets` — `--8<-- "file"` lines (and `--8<--` blocks listing files) are
/// replaced by the files' text, after macros and before Markdown, as in MkDocs. Paths resolve
/// against `base_path` (default: the site root). A missing file is an error at the line that
/// names it; `;--8<--` escapes a line.
struct IncludeSnippets: BrandStage {
    let name = "include snippets"

    func run(_ state: BrandState, site: SiteState) throws {
        guard let settings = site.mkdocs, let options = settings.markdownExtension("pymdownx.snippets") else { return }
        var names: [String] = ["."]
        switch options.options["base_path"] {
        case .string(let path)?: names = [path]
        case .list(let paths)?: names = paths.compactMap(\.stringValue)
        default: break
        }
        var includer = SnippetIncluder(bases: names.map { site.root.appending(path: $0) }, project: site.project)
        if names != ["."] { includer.describedBases = names.map { "'\($0)'" }.joined(separator: ", ") }
        let prepared = includer
        let results = ParallelMap.map(Array(state.published.indices)) { i -> (PageText, [Diagnostic], Set<String>) in
            prepared.include(into: state.expanded[i], file: site.pages[state.published[i]].file)
        }
        state.expanded = results.map(\.0)
        site.engine.emit(contentsOf: results.flatMap(\.1))
        // A file of the docs folder used as a snippet is used (not an UnusedAsset).
        let docs = site.docsDir.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let used = Set(results.flatMap(\.2).compactMap { $0.hasPrefix(docs) ? String($0.dropFirst(docs.count)) : nil })
        if !used.isEmpty { site.recordUsage(files: used, linkedFrom: [:], external: []) }
    }
}

/// Replaces snippet lines with file contents, keeping the map back to the page's file.
struct SnippetIncluder: Sendable {
    let bases: [URL]
    /// Where snippets (and the symlinks leading to them) may be read from.
    let project: ProjectFolder
    /// The base paths as the config names them, for messages.
    var describedBases = "the site root"

    /// The page with its snippets included, its problems, and the real paths of the files read.
    func include(into page: PageText, file: SourceFile) -> (PageText, [Diagnostic], Set<String>) {
        guard page.text.contains("8<") else { return (page, [], []) }
        var readPaths: Set<String> = []
        var output = ""
        var map = SourceMap()
        var diagnostics: [Diagnostic] = []
        var offset = 0
        var inBlock = false
        for rawLine in page.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lineLength = rawLine.utf8.count
            let hasNewline = offset + lineLength < page.text.utf8.count
            let trimmed = rawLine.drop { $0 == " " || $0 == "\t" }
            let indent = String(rawLine.prefix(rawLine.count - trimmed.count))
            func copyLine() {
                output += rawLine + (hasNewline ? "\n" : "")
                map.appendCopy(sourceStart: offset, length: lineLength + (hasNewline ? 1 : 0))
            }
            func insert(_ name: String) {
                let sourceOffset = page.sourceMap.sourceOffset(forOutputOffset: offset)
                let text: String
                switch read(name) {
                case .text(let found, let path):
                    readPaths.insert(path)
                    text = found
                case .missing:
                    diagnostics.append(
                        Diagnostic(
                            .missingSnippet, path: file.path, at: file.location(ofUTF8Offset: sourceOffset),
                            message: "snippet '\(name)' does not exist (looked in \(describedBases))"))
                    return
                case .outside(let target):
                    diagnostics.append(
                        Diagnostic(
                            .outsideRoot, path: file.path, at: file.location(ofUTF8Offset: sourceOffset),
                            message: "snippet '\(name)' leads through a symlink to '\(target)', outside the project folder; "
                                + "it is not included (list the target in 'allow_symlinks_to' to include it)"))
                    return
                }
                var nestedProblems: [String] = []
                let expanded = nested(text, in: name, seen: [name], depth: 1, problems: &nestedProblems, readPaths: &readPaths)
                for problem in nestedProblems {
                    diagnostics.append(
                        Diagnostic(.missingSnippet, path: file.path, at: file.location(ofUTF8Offset: sourceOffset), message: problem))
                }
                var lines = expanded.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last?.isEmpty == true { lines.removeLast() }
                let inserted = lines.map { indent + $0 }.joined(separator: "\n") + "\n"
                output += inserted
                map.appendGenerated(sourceStart: offset, length: inserted.utf8.count)
            }
            if trimmed.hasPrefix(";") && Self.isMarker(trimmed.dropFirst()) {
                output += indent + trimmed.dropFirst() + (hasNewline ? "\n" : "")
                map.appendGenerated(sourceStart: offset, length: output.utf8.count - map.outputLength)
            } else if Self.isMarker(trimmed) && trimmed.drop(while: { $0 == "-" || $0 == "8" || $0 == "<" }).allSatisfy(\.isWhitespace) {
                inBlock.toggle()
            } else if inBlock {
                let name = trimmed.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { insert(name) }
            } else if Self.isMarker(trimmed), let name = Self.quotedName(trimmed) {
                insert(name)
            } else {
                copyLine()
            }
            offset += lineLength + 1
        }
        return (PageText(text: output, sourceMap: map.composed(with: page.sourceMap)), diagnostics, readPaths)
    }

    /// How deep snippets may include snippets.
    static let maxNesting = 8

    /// A snippet's text with the snippets it names included in turn, as pymdownx includes them
    /// (each line `--8<-- "file"`, at any indentation; `;--8<--` escapes one). A snippet
    /// including itself, one deeper than `maxNesting` or a missing one is left out, with a problem.
    private func nested(
        _ text: String, in name: String, seen: Set<String>, depth: Int, problems: inout [String], readPaths: inout Set<String>
    ) -> String {
        guard text.contains("8<") else { return text }
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let indent = line.prefix(line.count - trimmed.count)
            if trimmed.hasPrefix(";"), Self.isMarker(trimmed.dropFirst()) {
                lines.append(indent + trimmed.dropFirst())
                continue
            }
            guard Self.isMarker(trimmed), let inner = Self.quotedName(trimmed) else {
                lines.append(line)
                continue
            }
            guard !seen.contains(inner), depth < Self.maxNesting else {
                problems.append("snippet '\(inner)' (named in '\(name)') includes itself or nests deeper than \(Self.maxNesting); it is left out")
                continue
            }
            guard case .text(let found, let path) = read(inner) else {
                problems.append("snippet '\(inner)' (named in '\(name)') does not exist (looked in \(describedBases))")
                continue
            }
            readPaths.insert(path)
            var body = nested(
                found, in: inner, seen: seen.union([inner]), depth: depth + 1, problems: &problems, readPaths: &readPaths)
                .split(separator: "\n", omittingEmptySubsequences: false)
            if body.last?.isEmpty == true { body.removeLast() }
            lines += body.map { Substring(indent + $0) }
        }
        return lines.joined(separator: "\n")
    }

    /// `--8<--` (any number of dashes on each side).
    static func isMarker(_ line: Substring) -> Bool {
        guard let scissors = line.range(of: "8<") else { return false }
        let before = line[..<scissors.lowerBound], after = line[scissors.upperBound...]
        return !before.isEmpty && before.allSatisfy { $0 == "-" } && after.hasPrefix("-")
    }

    static func quotedName(_ line: Substring) -> String? {
        let rest = line.drop { $0 == "-" || $0 == "8" || $0 == "<" }.trimmingCharacters(in: .whitespaces)
        guard let quote = rest.first, quote == "\"" || quote == "'", rest.count >= 2, rest.last == quote else { return nil }
        return String(rest.dropFirst().dropLast())
    }

    /// What reading a snippet found.
    enum Snippet: Equatable {
        /// The text, and the real path it was read from.
        case text(String, path: String)
        case missing
        /// The file is a symlink, or under one, that leads outside the project (the real path).
        case outside(String)
    }

    /// The file's text from the first base path that has it. As pymdownx's
    /// `restrict_base_path`, a name that climbs out of its base path is not read; unlike it, a
    /// symlink on the way must stay inside the project.
    func read(_ name: String) -> Snippet {
        for base in bases {
            let root = base.standardizedFileURL.path
            let url = base.appending(path: name).standardizedFileURL
            guard url.path.hasPrefix(root + "/") else { continue }
            switch project.follow(url.path) {
            case .outside(let target):
                return .outside(target)
            case .inside(let real):
                guard let data = FileManager.default.contents(atPath: real) else { continue }
                return .text(String(decoding: data, as: UTF8.self), path: real)
            case .missing, .loop:
                continue
            }
        }
        return .missing
    }
}
