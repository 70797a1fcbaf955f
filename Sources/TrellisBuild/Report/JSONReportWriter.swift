import Foundation
import TrellisCore

/// A versioned JSON document for scripts: a summary and one object per diagnostic.
///
/// Shape (`version` changes only when a field changes meaning or goes away):
/// `{"version": 1, "summary": {"errors", "warnings", "pages", "milliseconds"},
/// "diagnostics": [{"rule", "severity", "path"?, "line"?, "column"?, "endLine"?, "endColumn"?,
/// "message", "notes"?}]}`. Absent fields are omitted, and so are empty `notes`. The end is
/// given only when the range spans something (a point range has no known end).
public enum JSONReportWriter {
    public static func render(_ input: ReportInput) -> String {
        let document = Document(
            version: 1,
            summary: Summary(
                errors: input.errorCount, warnings: input.warningCount, pages: input.pageCount,
                milliseconds: input.milliseconds),
            diagnostics: input.diagnostics.map(Entry.init))
        return encode(document) + "\n"
    }

    /// Pretty-printed, sorted keys and unescaped slashes, so the bytes are stable and paths
    /// read naturally.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private struct Document: Encodable {
        var version: Int
        var summary: Summary
        var diagnostics: [Entry]
    }

    private struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var pages: Int
        var milliseconds: Int
    }

    private struct Entry: Encodable {
        var rule: String
        var severity: String
        var path: String?
        var line: Int?
        var column: Int?
        var endLine: Int?
        var endColumn: Int?
        var message: String
        var notes: [String]?

        init(_ d: Diagnostic) {
            rule = d.id.rawValue
            severity = d.severity.rawValue
            path = d.path
            if let range = d.range {
                line = range.start.line
                column = range.start.column
                if range.hasExtent {
                    endLine = range.end.line
                    endColumn = range.end.column
                }
            }
            message = d.message
            notes = d.notes.isEmpty ? nil : d.notes
        }
    }
}
