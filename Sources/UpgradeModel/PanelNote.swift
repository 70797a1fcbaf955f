/// A banner message over the current screen.
public enum PanelNote: Hashable, Sendable {
    /// The rules refused a click.
    case refusal(UpgradeRefusal)
    /// The maintenance window had nothing to do.
    case nothingDue
    /// The maintenance window force-updated an expired version; `disablesStaticTokens` when the
    /// move to 1.27 or later switched static token kubeconfigs off with it (rule 3).
    case forcedUpdate(from: KubernetesVersion, to: KubernetesVersion, disablesStaticTokens: Bool)

    /// The banner text.
    public var message: String {
        switch self {
        case .refusal(let refusal): refusal.message
        case .nothingDue: "The maintenance window found nothing to update"
        case .forcedUpdate(let from, let to, false):
            "Kubernetes \(from) has expired: the maintenance window is updating the cluster to \(to)"
        case .forcedUpdate(let from, let to, true):
            "Kubernetes \(from) has expired: the maintenance window is updating the cluster to \(to) and has switched "
                + "static token kubeconfigs off (Kubernetes \(VersionCatalogue.staticTokensRemovedIn.minorSeries) does not allow them): "
                + "existing static kubeconfigs stop working, certificate-based ones keep working"
        }
    }
}
