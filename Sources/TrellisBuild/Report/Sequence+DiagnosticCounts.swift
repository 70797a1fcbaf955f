import TrellisCore

extension Sequence where Element == Diagnostic {
    /// How many of the diagnostics have `severity`: what every summary and report counts.
    public func count(of severity: Severity) -> Int {
        reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}
