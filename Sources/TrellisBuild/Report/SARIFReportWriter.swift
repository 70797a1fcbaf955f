import Foundation
import TrellisCore

/// SARIF 2.1.0, the format GitHub code scanning and other analysis dashboards read: one run
/// whose driver lists every rule in `RuleCatalog.all`, and one result per diagnostic.
///
/// Paths are relative URIs against the `SRCROOT` base, whose absolute URI is given when the
/// input has `rootURI`. Columns count Unicode scalars (`columnKind: unicodeCodePoints`); a
/// region's end is given only when the range spans something. A diagnostic without a path
/// has no location, and one whose rule is not in the catalogue has no `ruleIndex`.
public enum SARIFReportWriter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The base ID that result URIs are relative to.
    public static let rootBaseID = "SRCROOT"

    public static func render(_ input: ReportInput) -> String {
        let rules = RuleCatalog.all
        var ruleIndex: [RuleID: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = index
        }
        let driver = SARIFLog.Driver(
            name: "Trellis", informationUri: input.informationURI, version: input.toolVersion,
            rules: rules.map {
                SARIFLog.Rule(
                    id: $0.id.rawValue, shortDescription: SARIFLog.Message(text: $0.summary),
                    defaultConfiguration: SARIFLog.Configuration(level: level($0.defaultSeverity)))
            })
        let run = SARIFLog.Run(
            tool: SARIFLog.Tool(driver: driver),
            originalUriBaseIds: input.rootURI.map { [rootBaseID: SARIFLog.ArtifactLocation(uri: directoryURI($0))] },
            columnKind: "unicodeCodePoints",
            results: input.diagnostics.map { result($0, ruleIndex: ruleIndex[$0.id]) })
        let log = SARIFLog(schema: schemaURI, version: "2.1.0", runs: [run])
        return JSONReportWriter.encode(log) + "\n"
    }

    static func result(_ d: Diagnostic, ruleIndex: Int?) -> SARIFLog.Result {
        var locations: [SARIFLog.Location]?
        if let path = d.path {
            let artifact = SARIFLog.ArtifactLocation(uri: uriReference(path), uriBaseId: rootBaseID)
            locations = [SARIFLog.Location(physicalLocation: .init(artifactLocation: artifact, region: d.range.flatMap(region)))]
        }
        let text = ([d.message] + d.notes).joined(separator: "\n")
        return SARIFLog.Result(
            ruleId: d.id.rawValue, ruleIndex: ruleIndex, level: level(d.severity),
            message: SARIFLog.Message(text: text), locations: locations)
    }

    /// A region, or nil when the range has no usable line (SARIF lines and columns start at 1).
    static func region(_ range: SourceRange) -> SARIFLog.Region? {
        guard range.start.line >= 1 else { return nil }
        var region = SARIFLog.Region(startLine: range.start.line)
        guard range.start.column >= 1 else { return region }
        region.startColumn = range.start.column
        if range.hasExtent, range.end.column >= 1 {
            region.endLine = range.end.line
            region.endColumn = range.end.column
        }
        return region
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// SARIF wants a base URI to end with `/`, or the last folder name would be replaced.
    static func directoryURI(_ uri: String) -> String {
        uri.hasSuffix("/") ? uri : uri + "/"
    }

    /// The path as a relative URI reference: everything but unreserved characters and `/`
    /// percent-encoded, so spaces, `#`, `%` and a `:` that would look like a scheme survive.
    static func uriReference(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: uriPathAllowed) ?? path
    }

    private static let uriPathAllowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
}
