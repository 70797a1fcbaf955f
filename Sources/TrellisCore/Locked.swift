import Foundation

/// A value guarded by a lock: how a `Sendable` type keeps mutable state that several threads
/// share (a cache, a sink that pages rendered in parallel report into), so the type itself
/// needs no `@unchecked`.
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 and the package supports macOS 14.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
