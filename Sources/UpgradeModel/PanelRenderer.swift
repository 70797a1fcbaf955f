/// Turns panel states into the graph's cluster and dialog renderings, interning every visible
/// string. All panel wording lives here (and in the rules' messages).
struct PanelRenderer {
    let scenario: Scenario
    let actionIndex: [PanelEvent: Int]
    /// The catalogue's Kubernetes entries by version, so drop-downs do not scan per option.
    let entries: [KubernetesVersion: CatalogueEntry]
    /// The pool's roll, built once rather than per rendered state.
    let rollSnapshots: [[NodeRoll.Machine]]
    /// The id column's shoot UID, derived once.
    let shootUID: String
    var text = TextTable()
    /// The distinct cluster and dialog renderings, in first-use order.
    private(set) var clusters = DedupTable<WalkthroughGraph.Cluster>()
    private(set) var dialogs = DedupTable<WalkthroughGraph.Dialog>()
    /// The distinct Worker Groups tabs and row menus the cluster renderings point to.
    private(set) var pools = DedupTable<WalkthroughGraph.Pool>()
    private(set) var menus = DedupTable<[[Int]]>()
    /// The cluster rendering ignores the screen and the banner, so states differing only there
    /// (most of them) share one: each distinct view is rendered once.
    private var clusterOfView: [PanelState: Int] = [:]

    init(scenario: Scenario, actionIndex: [PanelEvent: Int]) {
        self.scenario = scenario
        self.actionIndex = actionIndex
        var entries: [KubernetesVersion: CatalogueEntry] = [:]
        for entry in scenario.catalogue.kubernetes where entries[entry.version] == nil { entries[entry.version] = entry }
        self.entries = entries
        rollSnapshots = scenario.pool.roll.snapshots(detailed: scenario.detailedRoll)
        shootUID = Self.shootUID(scenario.cluster)
    }

    func action(_ event: PanelEvent) -> Int { actionIndex[event] ?? -1 }

    /// The index in `clusters` of `state`'s cluster rendering.
    mutating func clusterID(_ state: PanelState) -> Int {
        var view = state
        view.screen = .list
        view.note = nil
        if let known = clusterOfView[view] { return known }
        let id = clusters.id(cluster(state))
        clusterOfView[view] = id
        return id
    }

    /// The index in `dialogs` of `state`'s dialog rendering, -1 when no dialog is open.
    mutating func dialogID(_ state: PanelState) -> Int {
        guard let dialog = dialog(state) else { return -1 }
        return dialogs.id(dialog)
    }

    /// The cluster rendering of `state`. It must not read the screen or the banner: `clusterID`
    /// renders once per view and reuses the result for states that differ only there.
    mutating func cluster(_ state: PanelState) -> WalkthroughGraph.Cluster {
        let pool = scenario.pool
        let spec = scenario.specView(state)
        let announced = scenario.announcesKubernetesUpgrade(state)
        let imageOffer = scenario.announcedImageUpgrade(state)
        let progress = state.operation.map { scenario.progress(of: $0, in: state) } ?? 0
        let poolView = WalkthroughGraph.Pool(
            name: text.id(pool.name), flavor: text.id(pool.flavor), image: text.id("\(pool.image.name) \(state.image)"),
            min: pool.minimum, max: pool.maximum, surge: pool.maxSurge, unavailable: pool.maxUnavailable,
            zone: text.id(pool.zone),
            tip: text.id(imageOffer.map { "Upgrade Worker image from: \(spec.image) to \($0)" }))
        return WalkthroughGraph.Cluster(
            name: text.id(scenario.cluster.name), region: text.id(scenario.cluster.region),
            group: text.id(scenario.brand.regionGroup), domain: text.id(scenario.brand.shootDomain),
            version: text.id(spec.kubernetes.description), kUp: announced ? 1 : 0,
            workers: scenario.cluster.workerGroups.count, iUp: imageOffer == nil ? 0 : 1,
            status: state.operation == nil ? 0 : 1, progress: progress,
            operation: text.id(state.operation.map { operationLabel($0.kind) }),
            pool: pools.id(poolView), machines: machines(state),
            staticTokens: state.staticTokens ? 1 : 0, kubeconfig: kubeconfigLines(state).map { text.id($0) },
            clock: text.id(clockLabel(state)),
            autoUpdate: [state.autoUpdateKubernetes ? 1 : 0, state.autoUpdateImage ? 1 : 0],
            window: text.id(scenario.cluster.maintenance.description),
            menu: menus.id(menu(hasPatch: announced, idle: state.operation == nil)),
            id: text.id(shootUID), last: text.id(lastOperationLabel(state)))
    }

    mutating func dialog(_ state: PanelState) -> WalkthroughGraph.Dialog? {
        guard case .dialog(let dialog) = state.screen else { return nil }
        let day = scenario.day(state)
        let versions = scenario.dropDown(state).map { version -> [Int] in
            let classification = entries[version]?.classification(on: day) ?? .supported
            let label = classification == .supported ? version.description : "\(version) (\(classification.rawValue))"
            return [text.id(label), action(.selectVersion(version)), text.id(version.description)]
        }
        var lines: [(String, Int)] = []
        var buttons: [(String, Int, Int)] = []
        switch dialog.step {
        case .select:
            lines.append(("Applying a patch to your cluster will increase the Kubernetes version which can lead to unexpected side effects.", 2))
            if let hidden = scenario.kubernetesOffer(state).hiddenNote { lines.append((hidden, 2)) }
            if let selected = dialog.selected, let entry = entries[selected],
               let warning = VersionCatalogue.warning(for: entry, entry.classification(on: day)) {
                lines.append((warning, 2))
            }
            buttons = [(label(.back), action(.back), 0), (label(.clickUpgrade), dialog.selected == nil ? -1 : action(.clickUpgrade), 1)]
        case .notReady:
            lines = [("Your cluster is not ready for upgrade yet.", 3), ("Details:", 0),
                     (UpgradeRefusal.staticTokensEnabled.message, 0)]
            buttons = [(label(.back), action(.back), 0), (label(.clickPrepare), action(.clickPrepare), 1)]
        case .preparing:
            lines = [("Preparing the cluster: disabling static token kubeconfigs (up to 10 minutes).", 0)]
            buttons = [(label(.back), -1, 0), (label(.clickPrepare), -1, 1)]
        case .ready:
            lines = [("Your cluster is now ready for upgrade.", 1), ("Details:", 0), ("Cluster is ready for upgrade", 0),
                     ("Upgrade Notes", 5)]
            let removal = VersionCatalogue.staticTokensRemovedIn
            if let selected = dialog.selected, state.kubernetes < removal, selected >= removal {
                lines.append(("After the upgrade every existing static token kubeconfig stops working and no new one can be created.", 2))
                lines.append(("Certificate-based kubeconfigs keep working: download one from the KubeConfig tab.", 0))
            }
            if let selected = dialog.selected {
                lines.append(("To find more information about introduced changes, visit official documentation:", 0))
                lines.append(("https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-\(selected.minorSeries).md", 4))
            }
            buttons = [(label(.clickRevert), action(.clickRevert), 3), (label(.confirmUpgrade), action(.confirmUpgrade), 2)]
        }
        return WalkthroughGraph.Dialog(
            title: text.id("Upgrade Kubernetes Version for: \(scenario.cluster.name)"), step: dialog.step.rawValue,
            versions: versions, selected: text.id(dialog.selected?.description),
            lines: lines.map { [text.id($0.0), $0.1] },
            buttons: buttons.map { [text.id($0.0), $0.1, $0.2] })
    }

    func operationLabel(_ kind: OperationKind) -> String {
        switch kind {
        case .update(let kubernetes?, _, true): "Maintenance: updating Kubernetes to \(kubernetes)"
        case .update(nil, let image?, true): "Maintenance: rolling worker nodes (image \(image))"
        case .update(let kubernetes?, _, false): "Upgrading Kubernetes to \(kubernetes)"
        case .update(nil, let image?, false): "Rolling worker nodes (image \(image))"
        case .update(nil, nil, _): "Reconciling"
        case .prepare: "Disabling static token kubeconfigs"
        case .revert: "Re-enabling static token kubeconfigs"
        }
    }

    /// The Status tab's "Last operation": Gardener's type and state, and what it did.
    func lastOperationLabel(_ state: PanelState) -> String {
        if let operation = state.operation { return "Reconcile: Processing (\(operationLabel(operation.kind)))" }
        guard let last = state.lastOperation else { return "Create: Succeeded" }
        return "Reconcile: Succeeded (\(completedLabel(last)))"
    }

    /// What a completed operation did, for the Status tab.
    func completedLabel(_ kind: OperationKind) -> String {
        switch kind {
        case .update(let kubernetes?, let image?, let maintenance):
            (maintenance ? "Maintenance: " : "") + "Kubernetes updated to \(kubernetes), worker nodes rolled to image \(image)"
        case .update(let kubernetes?, nil, true): "Maintenance: Kubernetes updated to \(kubernetes)"
        case .update(nil, let image?, true): "Maintenance: worker nodes rolled to image \(image)"
        case .update(let kubernetes?, nil, false): "Kubernetes upgraded to \(kubernetes)"
        case .update(nil, let image?, false): "Worker nodes rolled to image \(image)"
        case .update(nil, nil, _): "Reconciled"
        case .prepare: "Static token kubeconfigs disabled"
        case .revert: "Static token kubeconfigs re-enabled"
        }
    }

    /// The list's id column: a Gardener shoot UID, derived from the cluster's name and region so
    /// the same scenario always shows the same one.
    static func shootUID(_ cluster: Cluster) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        var digits = ""
        let hex = Array("0123456789abcdef")
        for round in 0..<32 {
            for byte in "\(round)|\(cluster.name)|\(cluster.region)".utf8 {
                hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
            }
            digits.append(hex[Int(hash % 16)])
        }
        var id = ""
        for (index, digit) in digits.enumerated() {
            if [8, 12, 16, 20].contains(index) { id.append("-") }
            id.append(digit)
        }
        return id
    }

    func clockLabel(_ state: PanelState) -> String {
        guard let entry = scenario.expiringEntry, let expiration = entry.expiration else {
            return state.clockAdvanced ? "Later: \(scenario.later)" : "Today: \(scenario.today)"
        }
        return state.clockAdvanced ? "After \(entry.version) expired (\(expiration))" : "Before \(entry.version) expires (\(expiration))"
    }

    func kubeconfigLines(_ state: PanelState) -> [String] {
        var lines: [String] = []
        if state.kubernetes >= VersionCatalogue.staticTokensRemovedIn {
            lines.append("Static token kubeconfig: not available from Kubernetes 1.27 on")
        } else if state.staticTokens {
            lines.append("Static token kubeconfig: never expires")
        } else {
            lines.append("Static token kubeconfig: disabled")
        }
        lines.append("Certificate-based kubeconfig: time-limited, always available")
        return lines
    }

    /// The row menu. "Kubernetes Patch Available" is there exactly when the version has its arrow,
    /// and disabled while an operation runs (rule 7: no upgrade action then).
    mutating func menu(hasPatch: Bool, idle: Bool) -> [[Int]] {
        var items: [(String, Int)] = [(label(.openDetails), action(.openDetails)), ("Modify Cluster", -1),
                                      ("Show Kubeconfig", action(.selectTab(.kubeconfig)))]
        if hasPatch { items.append((label(.chooseKubernetesPatch), idle ? action(.chooseKubernetesPatch) : -1)) }
        items += [("Trigger Maintenance", action(.maintenanceWindow)), ("Trigger Reconcile", -1),
                  ("Hibernate Cluster", -1), ("Delete Cluster", -1)]
        return items.map { [text.id($0.0), $0.1] }
    }

    /// The label of an action, also the text of the dialog button that triggers it.
    func label(_ event: PanelEvent) -> String {
        switch event {
        case .openDetails: "View details"
        case .closeDetails: "Close details"
        case .selectTab(let tab): tab.title
        case .upgradeImage: "Upgrade worker image"
        case .tick: "Advance time"
        case .openMenu: "Open the cluster menu"
        case .closeMenu: "Close the menu"
        case .chooseKubernetesPatch: "Kubernetes Patch Available"
        case .selectVersion(let version): version.description
        case .clickUpgrade: "Upgrade"
        case .clickPrepare: "Prepare cluster upgrade"
        case .clickRevert: "Revert preparations"
        case .confirmUpgrade: "Upgrade"
        case .back: "Back"
        case .maintenanceWindow: "Run maintenance window"
        case .advanceClock: "Advance the clock to \(scenario.later)"
        case .dismissNote: "Dismiss"
        }
    }
}
