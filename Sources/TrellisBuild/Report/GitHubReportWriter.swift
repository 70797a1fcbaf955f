import TrellisCore

/// GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as
/// annotations on the changed files:
/// `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RuleID::message`.
///
/// Warnings use `::warning`, notes `::notice`. A diagnostic's notes follow its message on
/// their own lines (escaped, so the command stays one line). The summary line ends the output
/// as plain text, which the runner prints as is.
public enum GitHubReportWriter {
    public static func render(_ input: ReportInput) -> String {
        var out = ""
        for d in input.diagnostics {
            out += command(d) + "\n"
        }
        return out + input.summaryLine + "\n"
    }

    static func command(_ d: Diagnostic) -> String {
        let name = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
        var properties: [(String, String)] = []
        if let path = d.path {
            properties.append(("file", path))
            if let range = d.range, range.start.line >= 1 {
                properties.append(("line", String(range.start.line)))
                if range.start.column >= 1 { properties.append(("col", String(range.start.column))) }
                if range.hasExtent {
                    properties.append(("endLine", String(range.end.line)))
                    if range.start.column >= 1 { properties.append(("endColumn", String(range.end.column))) }
                }
            }
        }
        properties.append(("title", d.id.rawValue))
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        let message = ([d.message] + d.notes).joined(separator: "\n")
        return "::\(name) \(list)::\(escapeData(message))"
    }

    /// The escaping `@actions/core` applies to a command's message.
    static func escapeData(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// The escaping `@actions/core` applies to a command's property values, which also must
    /// not contain the `:` and `,` that delimit properties.
    static func escapeProperty(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    private static func escape(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
