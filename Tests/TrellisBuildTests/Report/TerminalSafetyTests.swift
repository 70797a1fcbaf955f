import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The text report never sends a control character from the docs to the terminal: ESC, BEL,
/// DEL, C1 and line breaks inside paths, messages, notes and echoed source lines print as
/// `\u{1B}`, and the caret still points at the column the diagnostic names.
@Suite struct TerminalSafetyTests {
    /// Every scalar the printer may send: printable text, and the newlines that end its lines.
    static func isSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\n" || !TerminalText.isControl($0) }
    }

    @Test func escapeAndBellInAnEchoedPageLineArePrintedEscapedWithTheCaretAligned() throws {
        let site = try TestSite([
            "trellis.yml": "site_name: D\n",
            "content/a.md": "# A\n\n\u{1B}]0;pwned\u{07}\u{1B}[2J\tUse {{ brnd }}.\n",
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.lines == ["content/a.md:3:23: error: undefined variable 'brnd' [UndefinedVariable]"])
        let text = DiagnosticPrinter(useColour: false, sources: report.sources).render(report.diagnostics)
        // 22 scalars before the name print as 40 columns: three escapes of 6, a tab of 4, 16 more.
        #expect(
            text == "content/a.md:3:23: error: undefined variable 'brnd' [UndefinedVariable]\n"
                + "    \\u{1B}]0;pwned\\u{07}\\u{1B}[2J    Use {{ brnd }}.\n"
                + String(repeating: " ", count: 4 + 40) + "^\n")
        #expect(Self.isSafe(text))
    }

    @Test func controlCharactersInPathsMessagesAndNotesArePrintedEscaped() {
        let d = Diagnostic(
            .brokenLink, path: "content/\u{1B}[31mred.md", at: SourceLocation(line: 1, column: 1),
            message: "the link points to 'a\u{9B}2Jb\u{7F}\r\nc.md', which does not exist\u{0}",
            notes: ["see \u{07}here"])
        for colour in [false, true] {
            let text = DiagnosticPrinter(useColour: colour).render([d])
            #expect(text.contains("content/\\u{1B}[31mred.md:1:1:"))
            #expect(text.contains("'a\\u{9B}2Jb\\u{7F}\\u{0D}\\u{0A}c.md', which does not exist\\u{00}"))
            #expect(text.contains("  note: see \\u{07}here\n"))
            // With colour, the only escape sequences are the printer's own SGR codes.
            let own = text.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
            #expect(Self.isSafe(own))
        }
    }

    @Test func plainTextIsPrintedAsItIs() {
        #expect(TerminalText.escape("tab\tand ünïcödé ✓") == "tab\tand ünïcödé ✓")
        #expect(TerminalText.escape("\u{1B}\u{85}\u{A0}") == "\\u{1B}\\u{85}\u{A0}")
    }

    /// A page written as one long line: each diagnostic shows the 120 columns around its own
    /// column, cut with `…`, and the caret under it (the whole line was printed per diagnostic).
    @Test func longLinesAreCutAroundTheCaret() {
        let line = (0..<300).map { "[x](b.md#a\($0))" }.joined(separator: " ")
        let file = SourceFile(path: "docs/a.md", text: "# A\n\(line)\n")
        let columns = [1, 2_000, line.unicodeScalars.count - 3]
        let diagnostics = columns.map {
            Diagnostic(.missingAnchor, path: "docs/a.md", at: SourceLocation(line: 2, column: $0), message: "m")
        }
        let text = DiagnosticPrinter(useColour: false, sources: ["docs/a.md": file]).render(diagnostics)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let scalars = Array(line.unicodeScalars)
        for (i, column) in columns.enumerated() {
            let excerpt = lines[3 * i + 1].dropFirst(4)
            let caretLine = lines[3 * i + 2]
            #expect(excerpt.count <= DiagnosticPrinter.excerptColumns + 2)
            #expect(caretLine.hasSuffix("^") && caretLine.count <= DiagnosticPrinter.excerptColumns + 6)
            // The character above the caret is the one at the diagnostic's column.
            let caret = caretLine.count - 1 - 4
            let shown = Array(excerpt.unicodeScalars)
            #expect(shown[caret] == scalars[column - 1])
            #expect(excerpt.hasPrefix("…") == (column > 61))
            #expect(excerpt.hasSuffix("…") == (column + 60 <= scalars.count))
        }
    }
}
