import TrellisCore

/// Everything a report writer needs, gathered once so that every writer is a pure function of
/// it and two runs over the same input print the same bytes.
public struct ReportInput: Sendable {
    /// The diagnostics to report, already sorted with `Diagnostic.sortKey` and with severity
    /// overrides and `--strict` already applied.
    public var diagnostics: [Diagnostic]
    /// Source files by diagnostic path, for the text writer's source line and caret.
    public var sources: [String: SourceFile]
    public var pageCount: Int
    /// How long the run took; printed, never measured here, so output stays deterministic.
    public var milliseconds: Int
    public var toolVersion: String
    /// The `file://` URI of the site root: SARIF's `originalUriBaseIds.SRCROOT`.
    public var rootURI: String?
    /// A page about Trellis for SARIF's `tool.driver.informationUri`; omitted when nil.
    public var informationURI: String?
    /// Colour for the text writer; the machine formats ignore it.
    public var useColour: Bool

    public init(
        diagnostics: [Diagnostic], sources: [String: SourceFile] = [:], pageCount: Int, milliseconds: Int,
        toolVersion: String, rootURI: String? = nil, informationURI: String? = nil, useColour: Bool = false
    ) {
        self.diagnostics = diagnostics
        self.sources = sources
        self.pageCount = pageCount
        self.milliseconds = milliseconds
        self.toolVersion = toolVersion
        self.rootURI = rootURI
        self.informationURI = informationURI
        self.useColour = useColour
    }

    public var errorCount: Int { diagnostics.count(of: .error) }
    public var warningCount: Int { diagnostics.count(of: .warning) }

    /// The closing line every format agrees on: `N errors, M warnings in K pages (X ms)`.
    public var summaryLine: String {
        DiagnosticPrinter.summary(of: diagnostics, pages: pageCount, milliseconds: milliseconds)
    }

    /// The diagnostics split into runs that share a path, in input order (sorted input keeps
    /// each file's diagnostics together).
    var groupedByPath: [(path: String?, diagnostics: [Diagnostic])] {
        var groups: [(path: String?, diagnostics: [Diagnostic])] = []
        for d in diagnostics {
            if let last = groups.indices.last, groups[last].path == d.path {
                groups[last].diagnostics.append(d)
            } else {
                groups.append((d.path, [d]))
            }
        }
        return groups
    }
}

extension SourceRange {
    /// Whether the range spans something, not just a point: writers print an end only then,
    /// because a point range means the end is unknown.
    var hasExtent: Bool { end > start }
}
