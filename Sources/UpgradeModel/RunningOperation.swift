/// What a running operation does.
public enum OperationKind: Hashable, Sendable {
    /// Move Kubernetes and/or the machine image (nil = unchanged); `maintenance` when the
    /// maintenance window started it rather than a click.
    case update(kubernetes: KubernetesVersion?, image: SemanticVersion?, maintenance: Bool)
    /// Disable static token kubeconfigs (the dialog's "Prepare cluster upgrade").
    case prepare
    /// Re-enable static token kubeconfigs ("Revert preparations").
    case revert
}

/// The running operation and how many steps of it have passed.
public struct RunningOperation: Hashable, Sendable {
    /// What it does.
    public var kind: OperationKind
    /// Steps done so far, 0 ..< the operation's step count.
    public var step: Int
}
