import Foundation

/// Collects diagnostics from every stage (and from pages processed in parallel), gives each the
/// severity the rule catalogue lists for its rule (or its rule's variant), applies per-ID
/// severity overrides, the MkDocs policy and `--strict` on top, and hands them out in a stable
/// order.
public final class DiagnosticEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []
    /// Per-rule severity overrides from the site config (`off` drops the rule).
    public var overrides: [RuleID: Severity?]
    /// Promotes warnings to errors.
    public var strict: Bool
    /// When set, errors of every other rule are reported as warnings: an MkDocs site is written
    /// whatever its pages say, and MkDocs only warns (its `--strict` then fails on them). The
    /// rules here (an unreadable config, a broken template) stop MkDocs too and stay errors.
    public var onlyErrors: Set<RuleID>?

    public init(overrides: [RuleID: Severity?] = [:], strict: Bool = false) {
        self.overrides = overrides
        self.strict = strict
    }

    /// Records a diagnostic, dropping exact duplicates (the same page checked for two brands).
    public func emit(_ diagnostic: Diagnostic) {
        var d = diagnostic
        d.severity = RuleCatalog.defaultSeverity(of: d.id, variant: d.variant)
        if let override = overrides[d.id] {
            guard let severity = override else { return }
            d.severity = severity
        }
        if let onlyErrors, d.severity == .error, !onlyErrors.contains(d.id) { d.severity = .warning }
        if strict && d.severity == .warning { d.severity = .error }
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(d).inserted { collected.append(d) }
    }

    public func emit(contentsOf diagnostics: [Diagnostic]) {
        for d in diagnostics { emit(d) }
    }

    /// Everything recorded so far, sorted by file and position.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted(by: Diagnostic.sortKey)
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { errorCount > 0 }
}
