/// A Kubernetes version the panel offers as an upgrade target, with its warning if any.
public struct OfferedVersion: Hashable, Sendable {
    /// The target version.
    public var version: KubernetesVersion
    /// Its classification on the day asked about.
    public var classification: Classification
    /// A warning shown next to it (preview and deprecated versions), nil for supported ones.
    public var warning: String?
}

/// The answer of rule 1: the offered targets, newest first, and the note about hidden ones.
public struct KubernetesUpgradeOffer: Hashable, Sendable {
    /// The note shown when a version more than one minor up exists but is hidden.
    public static let oneMinorAtATime = "cluster upgrades must be performed one minor version at a time"

    /// Offered targets, newest first.
    public var versions: [OfferedVersion]
    /// `oneMinorAtATime` when some non-expired version two or more minors up was hidden.
    public var hiddenNote: String?

    /// Whether no version at all is offered.
    public var isEmpty: Bool { versions.isEmpty }

    /// Whether the panel announces the offer: a *supported* target is among it. The blue arrow
    /// next to the version and the menu's "Kubernetes Patch Available" follow this, as the
    /// Gardener dashboard highlights only supported versions (gardener/dashboard#1683): a
    /// preview version newer than the current one is opt-in and leaves a cluster "up to date".
    public var isAnnounced: Bool { versions.contains { $0.classification == .supported } }

    /// The version the dialog opens on: the newest supported target, else the newest offered.
    public var proposed: KubernetesVersion? {
        (versions.first { $0.classification == .supported } ?? versions.first)?.version
    }
}

/// Whether a 1.26 cluster must be prepared before moving to a target (rule 3).
public enum StaticTokenReadiness: Hashable, Sendable {
    /// Nothing to prepare.
    case ready
    /// Static token kubeconfigs must be disabled first (a reconcile of its own).
    case mustDisableStaticTokens
}

extension VersionCatalogue {
    /// The first Kubernetes minor on which static token kubeconfigs no longer exist.
    public static let staticTokensRemovedIn = KubernetesVersion(1, 27)

    /// Rule 1: the versions newer than `current`, not expired on `day`, in the same minor or the
    /// next one. Preview and deprecated targets come with a warning. Any non-expired version two
    /// or more minors up is hidden with `KubernetesUpgradeOffer.oneMinorAtATime` (the spec names
    /// supported ones; a reader meets the same note for a preview two minors up, so all count).
    public func offeredKubernetesUpgrades(from current: KubernetesVersion, on day: CalendarDay) -> KubernetesUpgradeOffer {
        var offered: [OfferedVersion] = []
        var hidden = false
        for entry in kubernetes where entry.version > current && !entry.isExpired(on: day) {
            let distance = current.minorDistance(to: entry.version)
            guard distance <= 1 else {
                hidden = true
                continue
            }
            let classification = entry.classification(on: day)
            offered.append(OfferedVersion(version: entry.version, classification: classification,
                                          warning: Self.warning(for: entry, classification)))
        }
        offered.sort { $0.version > $1.version }
        return KubernetesUpgradeOffer(versions: offered, hiddenNote: hidden ? KubernetesUpgradeOffer.oneMinorAtATime : nil)
    }

    /// Rule 2: why moving from `current` to `target` is refused, or nil when it is allowed.
    /// Checked in Gardener's order: downgrade, minor skip, catalogue membership, expiry.
    public func kubernetesUpgradeRefusal(from current: KubernetesVersion, to target: KubernetesVersion,
                                         on day: CalendarDay) -> UpgradeRefusal? {
        if target == current { return .sameVersion(target) }
        if target < current { return .downgrade }
        if Self.skipsMinor(from: current, to: target) { return .skipsMinor }
        guard let entry = kubernetesEntry(target) else { return .notInCatalogue(target) }
        if entry.isExpired(on: day) { return .expired(target) }
        return nil
    }

    /// Rule 3: whether a cluster with `staticTokens` enabled must be prepared before `target`.
    public static func staticTokenReadiness(staticTokens: Bool, target: KubernetesVersion) -> StaticTokenReadiness {
        staticTokens && target >= staticTokensRemovedIn ? .mustDisableStaticTokens : .ready
    }

    /// Rules 2, 3 and 7 together for a cluster: the refusal of an upgrade to `target`, or nil.
    public func upgradeRefusal(for cluster: Cluster, to target: KubernetesVersion, on day: CalendarDay) -> UpgradeRefusal? {
        if cluster.isOperationRunning { return .operationRunning }
        if let refusal = kubernetesUpgradeRefusal(from: cluster.kubernetesVersion, to: target, on: day) { return refusal }
        if Self.staticTokenReadiness(staticTokens: cluster.staticTokenKubeconfig, target: target) == .mustDisableStaticTokens {
            return .staticTokensEnabled
        }
        return nil
    }

    static func warning(for entry: CatalogueEntry, _ classification: Classification) -> String? {
        switch classification {
        case .preview:
            return "\(entry.version) is a preview version: not recommended for production clusters"
        case .deprecated:
            if let expiration = entry.expiration { return "\(entry.version) is deprecated and expires on \(expiration)" }
            return "\(entry.version) is deprecated"
        case .supported, .expired:
            return nil
        }
    }
}
