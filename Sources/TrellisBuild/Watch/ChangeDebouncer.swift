import Foundation

/// Gathers changes into one batch until the folder has been quiet for `quiet`, or until the first
/// change of the batch is `maxDelay` old, so a burst (an editor's temp file and rename, a
/// `git checkout` of a hundred files) arrives whole, and a continuous stream still arrives.
struct ChangeDebouncer: Sendable {
    typealias Instant = ContinuousClock.Instant

    let quiet: Duration
    let maxDelay: Duration
    private var pending = FileChanges()
    private var firstChange: Instant?
    private var lastChange: Instant?

    init(quiet: Duration, maxDelay: Duration) {
        self.quiet = max(quiet, .zero)
        self.maxDelay = max(maxDelay, self.quiet)
    }

    /// Adds changes seen at `now`; a path already pending still counts as activity (the file is
    /// still being written), and no paths at all leave the batch and its timing alone.
    mutating func add(_ paths: some Sequence<String>, rescan: Bool = false, at now: Instant) {
        var sawAny = false
        for path in paths {
            pending.paths.insert(path)
            sawAny = true
        }
        guard sawAny || rescan else { return }
        pending.rescan = pending.rescan || rescan
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    /// Whether a batch is being gathered.
    var hasPending: Bool { firstChange != nil }

    /// When the pending batch is due, or nil when nothing is pending.
    var deadline: Instant? {
        guard let firstChange, let lastChange else { return nil }
        return min(lastChange + quiet, firstChange + maxDelay)
    }

    /// The batch, when it is due at `now` (and starts a new one).
    mutating func takeIfDue(at now: Instant) -> FileChanges? {
        guard let deadline, now >= deadline else { return nil }
        defer {
            pending = FileChanges()
            firstChange = nil
            lastChange = nil
        }
        return pending
    }
}
