/// The brand's strings the walkthrough shows around the cluster.
public struct BrandStrings: Hashable, Sendable {
    /// The panel's name ("Cleura Cloud Management Panel").
    public var panelName: String
    /// The region group header ("Stockholm / Sweden (1:1)").
    public var regionGroup: String
    /// The shoot domain ("inuvik.p4abcd.k8s.example.cloud").
    public var shootDomain: String

    /// Brand strings from their parts.
    public init(panelName: String, regionGroup: String, shootDomain: String) {
        self.panelName = panelName
        self.regionGroup = regionGroup
        self.shootDomain = shootDomain
    }
}

/// Everything the walkthrough of one brand depends on: the catalogue, the starting cluster with
/// its one worker group, the brand's strings, the two clock days, and the guide's target.
///
/// Build one per brand (from the brand's catalogue and strings) or start from
/// `Scenario.guideFixture(brand:)`. Explore it with `explore()`, render it with
/// `WalkthroughGraph(scenario:)`.
public struct Scenario: Hashable, Sendable {
    /// The `data-scenario` id ("rolling-upgrade").
    public var id: String
    /// The brand's version catalogue.
    public var catalogue: VersionCatalogue
    /// The cluster as the walkthrough starts; its first worker group is the one shown.
    public var cluster: Cluster
    /// The brand's strings.
    public var brand: BrandStrings
    /// The day the walkthrough starts on.
    public var today: CalendarDay
    /// The day "advance the clock" moves to (after the first expiry).
    public var later: CalendarDay
    /// The version the guide upgrades to.
    public var guideTarget: KubernetesVersion
    /// Whether a roll shows two steps per batch (creating, draining) instead of one.
    public var detailedRoll: Bool

    /// A scenario from its parts. `cluster` should have one worker group; without one, an
    /// empty pool is shown.
    public init(id: String = "rolling-upgrade", catalogue: VersionCatalogue, cluster: Cluster, brand: BrandStrings,
                today: CalendarDay, later: CalendarDay, guideTarget: KubernetesVersion, detailedRoll: Bool = true) {
        self.id = id
        self.catalogue = catalogue
        self.cluster = cluster
        self.brand = brand
        self.today = today
        self.later = later
        self.guideTarget = guideTarget
        self.detailedRoll = detailedRoll
    }

    /// The worker group shown (the cluster's first; an empty pool when it has none).
    public var pool: WorkerGroup {
        cluster.workerGroups.first ?? WorkerGroup(
            name: "pool", flavor: "", image: MachineImageReference(name: "", version: SemanticVersion(0, 0)),
            minimum: 0, maximum: 0, zone: "")
    }

    /// The state the walkthrough starts in: the list, idle, clock at `today`.
    public var initialState: PanelState {
        PanelState(kubernetes: cluster.kubernetesVersion, image: pool.image.version,
                   staticTokens: cluster.staticTokenKubeconfig,
                   autoUpdateKubernetes: cluster.maintenance.autoUpdateKubernetes,
                   autoUpdateImage: cluster.maintenance.autoUpdateImage,
                   operation: nil, screen: .list, note: nil, clockAdvanced: false)
    }

    /// The day a state's clock shows.
    public func day(_ state: PanelState) -> CalendarDay { state.clockAdvanced ? later : today }

    /// The Kubernetes version whose expiry "advance the clock" crosses, if any.
    public var expiringEntry: CatalogueEntry? {
        catalogue.kubernetes.filter { entry in
            guard let expiration = entry.expiration else { return false }
            return expiration > today && expiration <= later
        }.min { ($0.expiration ?? later, $0.version) < ($1.expiration ?? later, $1.version) }
    }

    /// The cluster as it stands in `state` (the rules take a `Cluster`).
    public func cluster(in state: PanelState) -> Cluster {
        var result = cluster
        result.kubernetesVersion = state.kubernetes
        result.staticTokenKubeconfig = state.staticTokens
        result.maintenance.autoUpdateKubernetes = state.autoUpdateKubernetes
        result.maintenance.autoUpdateImage = state.autoUpdateImage
        var group = pool
        group.image.version = state.image
        result.workerGroups = [group]
        result.lastOperation = state.operation.map {
            Operation(kind: .reconcile, state: .processing, progress: progress(of: $0, in: state))
        }
        return result
    }

    /// Rule 1 in `state`.
    public func kubernetesOffer(_ state: PanelState) -> KubernetesUpgradeOffer {
        catalogue.offeredKubernetesUpgrades(from: state.kubernetes, on: day(state))
    }

    /// Rule 4 in `state`.
    public func imageOffer(_ state: PanelState) -> SemanticVersion? {
        catalogue.offeredImageUpgrade(for: MachineImageReference(name: pool.image.name, version: state.image),
                                      kubernetes: state.kubernetes, on: day(state))
    }

    /// The dialog's drop-down: exactly rule 1's offer, newest first (never an older, expired or
    /// more-than-one-minor-up version: the panel does not offer what rule 2 would refuse).
    public func dropDown(_ state: PanelState) -> [KubernetesVersion] {
        kubernetesOffer(state).versions.map(\.version)
    }

    /// `state` as the shoot's spec describes it: a running update has already written its target
    /// versions, so the row shows the target Kubernetes version while it upgrades (real
    /// screenshot 08), and the arrows are those of the target versions (during the image roll the
    /// worker group arrow is gone, screenshot 03). The Image column and the nodes still show what
    /// runs (`state` itself).
    public func specView(_ state: PanelState) -> PanelState {
        guard let operation = state.operation, case .update(let kubernetes, let image, _) = operation.kind else { return state }
        var view = state
        view.kubernetes = kubernetes ?? state.kubernetes
        view.image = image ?? state.image
        return view
    }

    /// Whether the row shows the blue arrow next to the version, and the menu the item
    /// "Kubernetes Patch Available" (enabled only while no operation runs).
    public func announcesKubernetesUpgrade(_ state: PanelState) -> Bool {
        kubernetesOffer(specView(state)).isAnnounced
    }

    /// The image upgrade the Worker Groups tab's arrow shows (enabled only while no operation runs).
    public func announcedImageUpgrade(_ state: PanelState) -> SemanticVersion? {
        imageOffer(specView(state))
    }

    /// How a running operation changes the nodes.
    func nodeChange(_ kind: OperationKind, in state: PanelState) -> NodeChange {
        guard case .update(let kubernetes, let image, _) = kind else { return .none }
        return NodeChange.between(kubernetes: state.kubernetes, kubernetes ?? state.kubernetes,
                                  image: state.image, image ?? state.image)
    }

    /// How many ticks an operation takes: a control-plane step for a Kubernetes change, then
    /// one step per roll snapshot or one kubelet-restart step; a reconcile takes two.
    public func stepCount(_ kind: OperationKind, in state: PanelState) -> Int {
        guard case .update(let kubernetes, _, _) = kind else { return 2 }
        let controlPlane = kubernetes == nil ? 0 : 1
        switch nodeChange(kind, in: state) {
        case .replaceNodes: return controlPlane + max(1, pool.roll.stepCount(detailed: detailedRoll))
        case .restartKubelet: return controlPlane + 1
        case .none: return max(1, controlPlane)
        }
    }

    /// The progress a running operation shows: steps done over step count, in percent.
    public func progress(of operation: RunningOperation, in state: PanelState) -> Int {
        operation.step * 100 / stepCount(operation.kind, in: state)
    }
}
