/// How serious a diagnostic is. Errors fail a build; warnings fail it only under `--strict`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// A stable, short identifier of the problem a diagnostic reports (`UndefinedVariable`).
///
/// Rule IDs are a public contract: users override severities per ID and CI tools group by it.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

extension RuleID {
    public static let undefinedVariable: RuleID = "UndefinedVariable"
    public static let unknownFilter: RuleID = "UnknownFilter"
    public static let macroSyntax: RuleID = "MacroSyntax"
    public static let macroType: RuleID = "MacroType"
    public static let unknownIcon: RuleID = "UnknownIcon"
    public static let configSyntax: RuleID = "ConfigSyntax"
    public static let configType: RuleID = "ConfigType"
    public static let unknownConfigKey: RuleID = "UnknownConfigKey"
    public static let frontMatter: RuleID = "FrontMatter"
    public static let invalidEncoding: RuleID = "InvalidEncoding"
    public static let brokenLink: RuleID = "BrokenLink"
    public static let missingAnchor: RuleID = "MissingAnchor"
    public static let missingImage: RuleID = "MissingImage"
    public static let outsideRoot: RuleID = "OutsideRoot"
    public static let navMissingPage: RuleID = "NavMissingPage"
    public static let templateError: RuleID = "TemplateError"
    public static let io: RuleID = "IOError"
}

/// A 1-based line and column in a source file. Columns count Unicode scalars, as editors do.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of source locations.
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourceLocation
    public var end: SourceLocation
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
    public init(_ location: SourceLocation) {
        self.init(start: location, end: location)
    }
}

/// One problem found in the docs, as data: writers decide how to print it.
///
/// Emitters state the rule (or the rule's variant) and nothing else about severity: a new
/// diagnostic has the severity `RuleCatalog` gives it, and `DiagnosticEngine` assigns that
/// severity again, with the site's overrides and `--strict` on top.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var id: RuleID
    /// The finding of the rule this is, when the rule reports it at a severity of its own.
    public var variant: RuleVariant?
    public var severity: Severity
    /// The file, relative to the site root where possible (`content/a.md`).
    public var path: String?
    public var range: SourceRange?
    public var message: String
    /// Extra lines printed after the message ("did you mean …").
    public var notes: [String]

    /// A diagnostic as reported, its severity already decided: what writers print. Emitters use
    /// the initialisers without a severity (the engine would give what it is handed the
    /// catalogue's severity anyway).
    public init(
        _ id: RuleID, _ severity: Severity, path: String?, range: SourceRange?, message: String, notes: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.path = path
        self.range = range
        self.message = message
        self.notes = notes
    }

    public init(
        _ id: RuleID, _ severity: Severity, path: String?, at location: SourceLocation?, message: String,
        notes: [String] = []
    ) {
        self.init(id, severity, path: path, range: location.map { SourceRange($0) }, message: message, notes: notes)
    }

    /// A finding of rule `id`, at the severity the catalogue gives the rule.
    public init(_ id: RuleID, path: String?, range: SourceRange?, message: String, notes: [String] = []) {
        self.init(id, RuleCatalog.defaultSeverity(of: id), path: path, range: range, message: message, notes: notes)
    }

    public init(_ id: RuleID, path: String?, at location: SourceLocation?, message: String, notes: [String] = []) {
        self.init(id, path: path, range: location.map { SourceRange($0) }, message: message, notes: notes)
    }

    /// A finding of `variant`, reported under its rule's ID at the variant's catalogue severity.
    public init(_ variant: RuleVariant, path: String?, range: SourceRange?, message: String, notes: [String] = []) {
        self.init(variant.rule, variant.defaultSeverity, path: path, range: range, message: message, notes: notes)
        self.variant = variant
    }

    public init(_ variant: RuleVariant, path: String?, at location: SourceLocation?, message: String, notes: [String] = []) {
        self.init(variant, path: path, range: location.map { SourceRange($0) }, message: message, notes: notes)
    }

    /// The editor-friendly one-line form: `path:line:col: error: message [RuleID]`.
    public var formatted: String {
        var prefix = ""
        if let path {
            prefix = path
            if let range { prefix += ":\(range.start.line):\(range.start.column)" }
            prefix += ": "
        }
        return "\(prefix)\(severity.rawValue): \(message) [\(id)]"
    }

    /// The order diagnostics are printed in: by file, then position, then ID.
    public static func sortKey(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let pa = a.path ?? "", pb = b.path ?? ""
        if pa != pb { return pa < pb }
        let la = a.range?.start ?? SourceLocation(line: 0, column: 0)
        let lb = b.range?.start ?? SourceLocation(line: 0, column: 0)
        if la != lb { return la < lb }
        if a.id != b.id { return a.id.rawValue < b.id.rawValue }
        return a.message < b.message
    }
}

/// Thrown when a stage cannot go on; carries the diagnostics that explain why.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { diagnostics.map(\.formatted).joined(separator: "\n") }
}
