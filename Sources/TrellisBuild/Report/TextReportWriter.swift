/// Human text: `DiagnosticPrinter`'s lines, a blank line between files, and always the summary
/// line last, so a clean run prints only `0 errors, 0 warnings in K pages (X ms)`.
public enum TextReportWriter {
    public static func render(_ input: ReportInput) -> String {
        let printer = DiagnosticPrinter(useColour: input.useColour, sources: input.sources)
        var out = ""
        for group in input.groupedByPath {
            out += printer.render(group.diagnostics) + "\n"
        }
        return out + input.summaryLine + "\n"
    }
}
