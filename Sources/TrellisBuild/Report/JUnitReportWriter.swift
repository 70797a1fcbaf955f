import TrellisCore

/// JUnit XML, which CI systems (GitLab, Jenkins, Azure, CircleCI) show as a test report: one
/// `<testsuite name="trellis lint">`, one `<testcase>` per file with diagnostics (name and
/// classname are the path; diagnostics without a path go to a case named `(site)`), and a
/// single passing case when the run is clean.
///
/// Each error is a `<failure type="RuleID" message="…">path:line:col: message</failure>`.
/// Warnings and notes do not fail: they are listed in the case's `<system-out>`. Under
/// `--strict` warnings already arrive here as errors, so they become failures. The suite's
/// `tests` and `failures` count test cases (a case fails when it has at least one error), as
/// JUnit readers expect; `errors` (crashed tests) is always 0.
public enum JUnitReportWriter {
    static let suiteName = "trellis lint"

    public static func render(_ input: ReportInput) -> String {
        var cases: [String] = []
        var failing = 0
        for group in input.groupedByPath {
            let name = group.path ?? "(site)"
            var failures = ""
            var output = ""
            for d in group.diagnostics {
                let line = XMLText.escape(location(d) + d.message + " [\(d.id)]")
                let notes = d.notes.map { "\n  note: " + XMLText.escape($0) }.joined()
                if d.severity == .error {
                    failures += "      <failure type=\"\(XMLText.escapeAttribute(d.id.rawValue))\" "
                        + "message=\"\(XMLText.escapeAttribute(d.message))\">\(line)\(notes)</failure>\n"
                } else {
                    output += "\(d.severity.rawValue): \(line)\(notes)\n"
                }
            }
            if !failures.isEmpty { failing += 1 }
            var body = failures
            if !output.isEmpty { body += "      <system-out>\(output)</system-out>\n" }
            cases.append(
                "    <testcase name=\"\(XMLText.escapeAttribute(name))\" classname=\"\(XMLText.escapeAttribute(name))\">\n"
                    + body + "    </testcase>\n")
        }
        if cases.isEmpty {
            cases.append("    <testcase name=\"\(suiteName)\" classname=\"trellis\"/>\n")
        }
        let time = seconds(input.milliseconds)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"trellis\" tests=\"\(cases.count)\" failures=\"\(failing)\" errors=\"0\" time=\"\(time)\">\n"
        out += "  <testsuite name=\"\(suiteName)\" tests=\"\(cases.count)\" failures=\"\(failing)\" errors=\"0\" "
            + "skipped=\"0\" time=\"\(time)\">\n"
        out += "    <properties>\n"
        out += "      <property name=\"pages\" value=\"\(input.pageCount)\"/>\n"
        out += "      <property name=\"summary\" value=\"\(XMLText.escapeAttribute(input.summaryLine))\"/>\n"
        out += "    </properties>\n"
        out += cases.joined()
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// `path:line:col: ` as in the editor-friendly line, or nothing without a path.
    private static func location(_ d: Diagnostic) -> String {
        guard let path = d.path else { return "" }
        guard let range = d.range else { return path + ": " }
        return "\(path):\(range.start.line):\(range.start.column): "
    }

    /// Milliseconds as JUnit's decimal seconds, without floating point so it never prints `1e-3`.
    static func seconds(_ milliseconds: Int) -> String {
        let ms = max(0, milliseconds)
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
