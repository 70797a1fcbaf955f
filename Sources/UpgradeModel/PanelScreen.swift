/// The tabs of a cluster's details panel, in the panel's order.
public enum DetailsTab: Int, Hashable, Sendable, CaseIterable {
    /// The six tabs, numbered as the graph contract numbers them.
    case details = 0, status, workerGroups, lifecycle, kubeconfig, monitoring

    /// The tab's label as the panel shows it.
    public var title: String {
        switch self {
        case .details: "Details"
        case .status: "Status"
        case .workerGroups: "Worker Groups"
        case .lifecycle: "Lifecycle"
        case .kubeconfig: "KubeConfig"
        case .monitoring: "Monitoring"
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
    /// The cluster list.
    case list
    /// The details panel on a tab.
    case details(DetailsTab)
    /// The row menu, over the list (`over` nil) or over the open details panel on that tab, which
    /// stays shown (as the real panel keeps it) and comes back when the menu closes.
    case menu(over: DetailsTab?)
    /// The upgrade dialog, over the list.
    case dialog(UpgradeDialog)
}
