import Foundation

extension ReportInput {
    /// The input for a finished build or lint run, so every command reports the same way.
    /// `root` is the site root folder; it becomes SARIF's absolute `SRCROOT`.
    public init(_ report: BuildReport, toolVersion: String, root: URL?, useColour: Bool) {
        self.init(
            diagnostics: report.diagnostics, sources: report.sources, pageCount: report.pageCount,
            milliseconds: report.roundedMilliseconds, toolVersion: toolVersion,
            rootURI: root.map { URL(fileURLWithPath: $0.standardizedFileURL.path, isDirectory: true).absoluteString },
            useColour: useColour)
    }
}
