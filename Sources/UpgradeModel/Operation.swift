/// A cluster operation as Gardener reports it (`lastOperation`).
public struct Operation: Hashable, Sendable, Codable {
    /// The operation type.
    public enum Kind: String, Hashable, Sendable, Codable { case create = "Create", reconcile = "Reconcile" }
    /// The operation state.
    public enum State: String, Hashable, Sendable, Codable {
        /// Gardener's operation states.
        case processing = "Processing", succeeded = "Succeeded", error = "Error", failed = "Failed"
    }

    /// Create or Reconcile.
    public var kind: Kind
    /// Processing while it runs.
    public var state: State
    /// 0–100, monotonic within the operation; 100 when it ends.
    public var progress: Int

    /// An operation from its parts.
    public init(kind: Kind, state: State, progress: Int) {
        self.kind = kind
        self.state = state
        self.progress = progress
    }
}
