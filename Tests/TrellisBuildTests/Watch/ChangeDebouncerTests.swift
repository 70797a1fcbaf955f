import Foundation
import Testing

@testable import TrellisBuild

/// A batch is delivered once the folder has been quiet for the debounce window, or once its
/// first change has waited the longest allowed, whichever is first.
@Suite struct ChangeDebouncerTests {
    let start = ContinuousClock.now
    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    @Test func burstIsOneBatchDeliveredWhenQuiet() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(15), maxDelay: .milliseconds(150))
        #expect(debouncer.deadline == nil)
        #expect(debouncer.takeIfDue(at: at(0)) == nil)
        debouncer.add(["a.md"], at: at(0))
        debouncer.add(["b.md"], at: at(10))
        #expect(debouncer.takeIfDue(at: at(20)) == nil)
        debouncer.add(["a.md"], at: at(20))
        #expect(debouncer.deadline == at(35))
        #expect(debouncer.takeIfDue(at: at(34)) == nil)
        #expect(debouncer.takeIfDue(at: at(35)) == FileChanges(paths: ["a.md", "b.md"]))
        #expect(!debouncer.hasPending)
        #expect(debouncer.takeIfDue(at: at(100)) == nil)
    }

    @Test func continuousStreamIsDeliveredAtTheLongestDelay() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(15), maxDelay: .milliseconds(150))
        var delivered: [(Int, FileChanges)] = []
        for tick in stride(from: 0, through: 400, by: 10) {
            debouncer.add(["log-\(tick).md"], at: at(tick))
            if let batch = debouncer.takeIfDue(at: at(tick)) { delivered.append((tick, batch)) }
        }
        #expect(delivered.map(\.0) == [150, 310])
        #expect(delivered.first?.1.paths.count == 16)
    }

    @Test func nothingAddedChangesNothingAndARescanAloneIsABatch() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(15), maxDelay: .milliseconds(150))
        debouncer.add([], at: at(0))
        #expect(!debouncer.hasPending)
        debouncer.add([], rescan: true, at: at(0))
        #expect(debouncer.takeIfDue(at: at(15)) == FileChanges(rescan: true))
    }
}
