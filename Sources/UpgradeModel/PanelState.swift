/// One state of the panel walkthrough: the cluster's versions and flags, the running operation,
/// the last completed operation, the screen, a banner note, and the clock (before or after the first expiry).
public struct PanelState: Hashable, Sendable {
    /// The cluster's Kubernetes version.
    public var kubernetes: KubernetesVersion
    /// The pool's machine image version.
    public var image: SemanticVersion
    /// Gardener's `enableStaticTokenKubeconfig`.
    public var staticTokens: Bool
    /// Maintenance auto-update of Kubernetes patches.
    public var autoUpdateKubernetes: Bool
    /// Maintenance auto-update of the machine image.
    public var autoUpdateImage: Bool
    /// The running operation, if any.
    public var operation: RunningOperation?
    /// The last operation that completed (the Status tab's "Last operation: … Succeeded"); nil
    /// while the only one is the cluster's creation.
    public var lastOperation: OperationKind? = nil
    /// The screen.
    public var screen: Screen
    /// The banner, if any.
    public var note: PanelNote?
    /// Whether the clock is past the scenario's expiry day.
    public var clockAdvanced: Bool
}
