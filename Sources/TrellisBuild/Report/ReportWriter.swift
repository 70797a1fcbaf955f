/// The one entry point for printing a lint or build report in any `ReportFormat`.
public enum ReportWriter {
    /// Renders `input` in `format`. Pure: no I/O, and the same input always gives the same
    /// text. The result ends with a newline; write it as is.
    public static func render(_ input: ReportInput, format: ReportFormat) -> String {
        switch format {
        case .text: TextReportWriter.render(input)
        case .json: JSONReportWriter.render(input)
        case .github: GitHubReportWriter.render(input)
        case .sarif: SARIFReportWriter.render(input)
        case .junit: JUnitReportWriter.render(input)
        }
    }
}
