/// The kinds of kubeconfig a cluster hands out (rule 3).
public enum KubeconfigKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A static token: never expires; impossible from Kubernetes 1.27 on.
    case staticToken
    /// Certificate-based: time-limited; always available.
    case certificate
}

/// A cluster operation as Gardener reports it (`lastOperation`).
public struct Operation: Hashable, Sendable, Codable {
    /// The operation type.
    public enum Kind: String, Hashable, Sendable, Codable { case create = "Create", reconcile = "Reconcile" }
    /// The operation state.
    public enum State: String, Hashable, Sendable, Codable {
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

/// A cluster's maintenance window and automatic-update flags (rule 6).
public struct MaintenanceWindow: Hashable, Sendable, Codable {
    /// Start, in minutes after midnight UTC.
    public var begin: Int
    /// End, in minutes after midnight UTC (may wrap past midnight).
    public var end: Int
    /// Whether the window moves Kubernetes to the newest patch of its minor.
    public var autoUpdateKubernetes: Bool
    /// Whether the window moves the machine image to its newest version.
    public var autoUpdateImage: Bool

    /// A window from "HH:MM" begin and end; nil unless it lasts 30 minutes to 6 hours.
    public init?(begin: String, end: String, autoUpdateKubernetes: Bool, autoUpdateImage: Bool) {
        guard let begin = Self.minutes(begin), let end = Self.minutes(end) else { return nil }
        let length = (end - begin + 1440) % 1440
        guard (30...360).contains(length) else { return nil }
        self.begin = begin
        self.end = end
        self.autoUpdateKubernetes = autoUpdateKubernetes
        self.autoUpdateImage = autoUpdateImage
    }

    /// A window from minutes after midnight UTC, unchecked (for fixtures; see the other init).
    public init(beginMinutes: Int, endMinutes: Int, autoUpdateKubernetes: Bool, autoUpdateImage: Bool) {
        self.begin = beginMinutes
        self.end = endMinutes
        self.autoUpdateKubernetes = autoUpdateKubernetes
        self.autoUpdateImage = autoUpdateImage
    }

    /// "22:00–23:00 UTC", as the Lifecycle tab shows it.
    public var description: String { "\(Self.clock(begin))–\(Self.clock(end)) UTC" }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
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
