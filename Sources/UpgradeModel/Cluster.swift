/// The kinds of kubeconfig a cluster hands out (rule 3).
public enum KubeconfigKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A static token: never expires; impossible from Kubernetes 1.27 on.
    case staticToken
    /// Certificate-based: time-limited; always available.
    case certificate
}

/// A Gardener shoot cluster as the panel lists it.
public struct Cluster: Hashable, Sendable, Codable {
    /// The cluster name ("inuvik").
    public var name: String
    /// The region ("Sto2").
    public var region: String
    /// The Kubernetes version it runs.
    public var kubernetesVersion: KubernetesVersion
    /// Gardener's `enableStaticTokenKubeconfig`.
    public var staticTokenKubeconfig: Bool
    /// The maintenance window and auto-update flags.
    public var maintenance: MaintenanceWindow
    /// The worker groups.
    public var workerGroups: [WorkerGroup]
    /// The last (or running) operation.
    public var lastOperation: Operation?

    /// A cluster from its parts.
    public init(name: String, region: String, kubernetesVersion: KubernetesVersion, staticTokenKubeconfig: Bool,
                maintenance: MaintenanceWindow, workerGroups: [WorkerGroup], lastOperation: Operation? = nil) {
        self.name = name
        self.region = region
        self.kubernetesVersion = kubernetesVersion
        self.staticTokenKubeconfig = staticTokenKubeconfig
        self.maintenance = maintenance
        self.workerGroups = workerGroups
        self.lastOperation = lastOperation
    }

    /// Rule 7: whether an operation is running (no other may start).
    public var isOperationRunning: Bool { lastOperation?.state == .processing }

    /// Rule 3: the kubeconfig kinds that can be downloaded now. Certificate-based ones always;
    /// static token ones only below 1.27 and while enabled.
    public var kubeconfigKinds: [KubeconfigKind] {
        let staticToken = staticTokenKubeconfig && kubernetesVersion < VersionCatalogue.staticTokensRemovedIn
        return staticToken ? [.staticToken, .certificate] : [.certificate]
    }

    /// Whether the cluster state respects rule 3 (1.27+ implies static tokens off).
    public var satisfiesStaticTokenRule: Bool {
        kubernetesVersion < VersionCatalogue.staticTokensRemovedIn || !staticTokenKubeconfig
    }
}
