import Foundation

/// A value guarded by a lock: the one way a `Sendable` type of Trellis keeps mutable state (a
/// cache, a sink that parallel pages report into). Every `@unchecked Sendable` class holds its
/// mutable state in one of these.
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
