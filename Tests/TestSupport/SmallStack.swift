import Foundation

/// Runs `body` on a secondary thread with the 512 KiB stack per-page work may get (Dispatch's
/// worker threads on some platforms), and waits for its result: tests of deep input use it so
/// unbounded recursion fails here rather than passing on the main thread's 8 MiB.
public func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    // The thread always stores a value before it signals.
    guard let value = box.value else { fatalError("the small-stack thread ended without a result") }
    return value
}

/// Holds a value handed from the worker thread back to the test; the semaphore orders access.
public final class ResultBox<T>: @unchecked Sendable {
    public var value: T?

    public init() {}
}
