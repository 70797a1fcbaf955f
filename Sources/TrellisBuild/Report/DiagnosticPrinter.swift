import Foundation
import TrellisCore

/// Prints diagnostics for people: `path:line:col: error: message [RuleID]`, then the source
/// line and a caret, grouped by file; colour only on a terminal. Paths, messages, notes and
/// source lines come from the docs, so their control characters are shown escaped
/// (`TerminalText`), and the caret counts their escaped width.
public struct DiagnosticPrinter: Sendable {
    public var useColour: Bool
    /// Source files by their diagnostic path, to show the offending line.
    public var sources: [String: SourceFile]

    public init(useColour: Bool, sources: [String: SourceFile] = [:]) {
        self.useColour = useColour
        self.sources = sources
    }

    /// The most columns of a source line shown under a diagnostic: a longer line is cut around
    /// the caret, with `…` where it was cut (a page written as one long line would otherwise be
    /// printed whole for each of its diagnostics).
    static let excerptColumns = 120

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        var cursor = LineCursor()
        for d in diagnostics {
            out += colourLine(d) + "\n"
            for note in d.notes { out += "  note: \(TerminalText.escape(note))\n" }
            if let path = d.path, let range = d.range, let file = sources[path],
                range.start.line >= 1, range.start.line <= file.lineStarts.count
            {
                let (line, caret) = Self.excerpt(file, path: path, at: range.start, cursor: &cursor)
                out += "    \(line)\n"
                out += "    \(String(repeating: " ", count: caret))\(paint("^", "32"))\n"
            }
        }
        return out
    }

    /// Where the last excerpt's column was found, so diagnostics sorted along one long line
    /// walk it once in all rather than once each.
    private struct LineCursor {
        var path = ""
        var line = 0
        var column = 1
        var index: String.UnicodeScalarView.Index?
    }

    /// The printed excerpt of the diagnostic's line (at most `excerptColumns` columns around its
    /// column), and how many columns precede the caret.
    private static func excerpt(
        _ file: SourceFile, path: String, at location: SourceLocation, cursor: inout LineCursor
    ) -> (String, Int) {
        let scalars = file.text.unicodeScalars
        let utf8 = file.text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: file.lineStarts[location.line - 1])
        let lineEnd =
            location.line < file.lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: file.lineStarts[location.line]) : utf8.endIndex
        // The scalar at the diagnostic's column (or the line's end), from the cursor when it is
        // on this line before the column.
        var index = lineStart
        var column = 1
        if cursor.path == path, cursor.line == location.line, cursor.column <= location.column, let known = cursor.index {
            index = known
            column = cursor.column
        }
        while column < location.column, index < lineEnd, !isLineBreak(scalars[index]) {
            index = scalars.index(after: index)
            column += 1
        }
        cursor = LineCursor(path: path, line: location.line, column: column, index: index)
        // Up to half the width before the caret, the rest after it.
        var before: [String] = []
        var width = 0
        var start = index
        while start > lineStart, width < excerptColumns / 2 {
            start = scalars.index(before: start)
            let shown = Self.shown(scalars[start])
            before.append(shown)
            width += shown.count
        }
        var text = start > lineStart ? "…" : ""
        let caret = width + text.count
        text += before.reversed().joined()
        var end = index
        while end < lineEnd, !isLineBreak(scalars[end]), width < excerptColumns {
            let shown = Self.shown(scalars[end])
            text += shown
            width += shown.count
            end = scalars.index(after: end)
        }
        if end < lineEnd, !isLineBreak(scalars[end]) { text += "…" }
        return (text, caret)
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r"
    }

    /// A source line's scalar as printed: a tab as four spaces, a control character escaped.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        if scalar == "\t" { return "    " }
        return TerminalText.isControl(scalar) ? TerminalText.escaped(scalar) : String(scalar)
    }

    private func colourLine(_ d: Diagnostic) -> String {
        var prefix = ""
        if let path = d.path {
            prefix = TerminalText.escape(path)
            if let range = d.range { prefix += ":\(range.start.line):\(range.start.column)" }
            prefix = paint(prefix + ":", "1") + " "
        }
        let code = d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36"
        let message = TerminalText.escape(d.message)
        return prefix + paint(d.severity.rawValue + ":", code) + " " + paint(message, "1") + " [\(TerminalText.escape(d.id.rawValue))]"
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The closing line of a run that reported `diagnostics`: every command and report format
    /// prints this one.
    public static func summary(of diagnostics: [Diagnostic], pages: Int, milliseconds: Int) -> String {
        summary(
            errors: diagnostics.count(of: .error), warnings: diagnostics.count(of: .warning), pages: pages,
            milliseconds: milliseconds)
    }

    /// The closing line: `N errors, M warnings in K pages (X ms)`.
    public static func summary(errors: Int, warnings: Int, pages: Int, milliseconds: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(pages, "page")) (\(milliseconds) ms)"
    }
}
