/// The tabs of a cluster's details panel, in the panel's order.
public enum DetailsTab: Int, Hashable, Sendable, CaseIterable {
    case details = 0, status, workerGroups, lifecycle, kubeconfig

    /// The tab's label as the panel shows it.
    public var title: String {
        switch self {
        case .details: "Details"
        case .status: "Status"
        case .workerGroups: "Worker Groups"
        case .lifecycle: "Lifecycle"
        case .kubeconfig: "KubeConfig"
        }
    }
}

/// The steps of the "Upgrade Kubernetes Version" dialog.
public enum DialogStep: Int, Hashable, Sendable, CaseIterable {
    /// Choosing a version.
    case select = 0
    /// "Your cluster is not ready for upgrade yet." (static tokens still enabled).
    case notReady
    /// The preparation reconcile is running.
    case preparing
    /// "Your cluster is now ready for upgrade."
    case ready
}

/// The open upgrade dialog: its step, the selected version, and whether this dialog prepared
/// the cluster (so "Revert preparations" has something to revert).
public struct UpgradeDialog: Hashable, Sendable {
    /// The step shown.
    public var step: DialogStep
    /// The version chosen in the drop-down.
    public var selected: KubernetesVersion?
    /// True once this dialog's preparation has completed.
    public var prepared: Bool

    /// A dialog state.
    public init(step: DialogStep, selected: KubernetesVersion? = nil, prepared: Bool = false) {
        self.step = step
        self.selected = selected
        self.prepared = prepared
    }
}

/// What the panel shows: the cluster list, the details panel, the row menu, or the dialog.
public enum Screen: Hashable, Sendable {
    case list
    case details(DetailsTab)
    case menu
    case dialog(UpgradeDialog)
}

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

/// A banner message over the current screen.
public enum PanelNote: Hashable, Sendable {
    /// The rules refused a click.
    case refusal(UpgradeRefusal)
    /// The maintenance window had nothing to do.
    case nothingDue
    /// The maintenance window force-updated an expired version.
    case forcedUpdate(from: KubernetesVersion, to: KubernetesVersion)

    /// The banner text.
    public var message: String {
        switch self {
        case .refusal(let refusal): refusal.message
        case .nothingDue: "The maintenance window found nothing to update"
        case .forcedUpdate(let from, let to): "Kubernetes \(from) has expired: the maintenance window is updating the cluster to \(to)"
        }
    }
}

/// One state of the panel walkthrough: the cluster's versions and flags, the running operation,
/// the screen, a banner note, and the clock (before or after the first expiry).
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
    /// The screen.
    public var screen: Screen
    /// The banner, if any.
    public var note: PanelNote?
    /// Whether the clock is past the scenario's expiry day.
    public var clockAdvanced: Bool
}
