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

    /// Updates every item where it is, in parallel (each by exactly one iteration), and returns
    /// what each update returned, in input order. No item is copied: a page's record keeps its
    /// place, and only what the update replaces is let go of.
    static func update<T: Sendable, R: Sendable>(_ items: inout [T], _ body: @Sendable (inout T) -> R) -> [R] {
        guard items.count > 1 else { return items.indices.map { body(&items[$0]) } }
        let results = ResultBox<R>(count: items.count)
        items.withUnsafeMutableBufferPointer { buffer in
            let slots = DisjointSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: slots.count) { index in
                results.set(index, slots.update(index, body))
            }
        }
        return results.values()
    }
}

/// An array's elements, each mutated by exactly one iteration of a parallel loop while the
/// array is held out of its owner (`withUnsafeMutableBufferPointer`, taken once, around the loop).
private struct DisjointSlots<T: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T>

    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }

    var count: Int { buffer.count }

    func update<R>(_ index: Int, _ body: (inout T) -> R) -> R { body(&buffer[index]) }
}

/// Slots written by exactly one iteration each. The buffer is allocated once and never moves:
/// an array's `withUnsafeMutableBufferPointer` would take the array out of the property for the
/// duration of each call, which concurrent writers must never see.
private final class ResultBox<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: R) { slots[index] = value }

    func values() -> [R] { slots.map { $0! } }
}
