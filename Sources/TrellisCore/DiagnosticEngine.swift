import Foundation

/// Collects diagnostics from every stage (and from pages processed in parallel), gives each the
/// severity the rule catalogue lists for its rule (or its rule's variant), applies per-ID
/// severity overrides, the MkDocs policy and `--strict` on top, and hands them out in a stable
/// order.
public final class DiagnosticEngine: Sendable {
    /// How severities are adjusted, set while the config loads and read by every `emit`.
    public struct Policy: Sendable {
        /// Per-rule severity overrides from the site config (`off` drops the rule).
        public var overrides: [RuleID: Severity?] = [:]
        /// Promotes warnings to errors.
        public var strict = false
        /// When set, errors of every other rule are reported as warnings: an MkDocs site is
        /// written whatever its pages say, and MkDocs only warns (its `--strict` then fails on
        /// them). The rules here (an unreadable config, a broken template) stop MkDocs too and
        /// stay errors.
        public var onlyErrors: Set<RuleID>?

        /// `diagnostic` with the severity this policy gives it; nil when its rule is off.
        public func adjusted(_ diagnostic: Diagnostic) -> Diagnostic? {
            var d = diagnostic
            d.severity = RuleCatalog.defaultSeverity(of: d.id, variant: d.variant)
            if let override = overrides[d.id] {
                guard let severity = override else { return nil }
                d.severity = severity
            }
            if let onlyErrors, d.severity == .error, !onlyErrors.contains(d.id) { d.severity = .warning }
            if strict && d.severity == .warning { d.severity = .error }
            return d
        }
    }

    private struct State {
        var policy: Policy
        var collected: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
    }

    private let state: Locked<State>

    public init(overrides: [RuleID: Severity?] = [:], strict: Bool = false) {
        state = Locked(State(policy: Policy(overrides: overrides, strict: strict)))
    }

    /// An engine with another's severity policy and nothing recorded (one brand's, in a build).
    public init(policy: Policy) {
        state = Locked(State(policy: policy))
    }

    /// The severity policy; changing it affects diagnostics emitted afterwards.
    public var policy: Policy {
        get { state.withLock { $0.policy } }
        set { state.withLock { $0.policy = newValue } }
    }

    /// Records a diagnostic, dropping exact duplicates (the same page checked for two brands).
    public func emit(_ diagnostic: Diagnostic) {
        state.withLock { state in
            guard let d = state.policy.adjusted(diagnostic) else { return }
            if state.seen.insert(d).inserted { state.collected.append(d) }
        }
    }

    public func emit(contentsOf diagnostics: [Diagnostic]) {
        for d in diagnostics { emit(d) }
    }

    /// Everything recorded so far, sorted by file and position.
    public var diagnostics: [Diagnostic] {
        state.withLock { $0.collected }.sorted(by: Diagnostic.sortKey)
    }

    /// How many diagnostics were recorded so far (a mark for `diagnostics(from:)`).
    public var count: Int { state.withLock { $0.collected.count } }

    /// The diagnostics recorded since `mark` (a `count`), in the order they came.
    public func diagnostics(from mark: Int) -> [Diagnostic] {
        state.withLock { Array($0.collected.dropFirst(max(0, mark))) }
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { state.withLock { $0.collected.contains { $0.severity == .error } } }
}
