import Foundation

/// Per-page work fanned out over every core; results come back in input order, so output
/// never depends on scheduling.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }
}

/// Slots written by exactly one iteration each.
private final class ResultBox<R>: @unchecked Sendable {
    private var storage: [R?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [R] { storage.map { $0! } }
}
