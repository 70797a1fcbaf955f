/// Why an upgrade request is refused, with the message the API (and the panel's banner) gives.
public enum UpgradeRefusal: Hashable, Sendable {
    /// The target is older than the current version.
    case downgrade
    /// The target lies more than one minor above the current version.
    case skipsMinor
    /// The catalogue does not list the target.
    case notInCatalogue(KubernetesVersion)
    /// The catalogue lists the target as expired.
    case expired(KubernetesVersion)
    /// The target is the version the cluster already runs.
    case sameVersion(KubernetesVersion)
    /// Another operation is running on the cluster (rule 7).
    case operationRunning
    /// The target is 1.27 or later while static token kubeconfigs are still enabled (rule 3).
    case staticTokensEnabled

    /// The message, worded as Gardener's validation words it.
    public var message: String {
        switch self {
        case .downgrade: "kubernetes version downgrade is not supported"
        case .skipsMinor: "kubernetes version upgrade cannot skip a minor version"
        case .notInCatalogue(let version): "kubernetes version \(version) is not in the version catalogue"
        case .expired(let version): "kubernetes version \(version) is expired"
        case .sameVersion(let version): "the cluster already runs kubernetes version \(version)"
        case .operationRunning: "an operation is already running"
        case .staticTokensEnabled: "enableStaticTokenKubeconfig property has to be disabled (currently enabled)"
        }
    }
}
