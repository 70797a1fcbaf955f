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

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            out += colourLine(d) + "\n"
            for note in d.notes { out += "  note: \(TerminalText.escape(note))\n" }
            if let path = d.path, let range = d.range, let file = sources[path], range.start.line >= 1 {
                let line = file.lineText(range.start.line).unicodeScalars
                out += "    \(line.map(Self.shown).joined())\n"
                let prefix = line.prefix(max(0, range.start.column - 1))
                let pad = prefix.map { String(repeating: " ", count: Self.shown($0).count) }.joined()
                out += "    \(pad)\(paint("^", "32"))\n"
            }
        }
        return out
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

    /// The closing line: `N errors, M warnings in K pages (X ms)`.
    public static func summary(errors: Int, warnings: Int, pages: Int, milliseconds: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(pages, "page")) (\(milliseconds) ms)"
    }
}
