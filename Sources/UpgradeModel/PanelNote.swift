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
