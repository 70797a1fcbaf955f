/// The output formats of `trellis lint --format`: one for people, one for scripts, and three
/// that CI systems read natively.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Human text: the diagnostic lines with the source line and a caret, then the summary line.
    case text
    /// A versioned JSON document for scripts (`jq`).
    case json
    /// GitHub Actions workflow commands, which GitHub turns into annotations on the diff.
    case github
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
    case sarif
    /// JUnit XML, which most CI systems show as a test report.
    case junit
}
