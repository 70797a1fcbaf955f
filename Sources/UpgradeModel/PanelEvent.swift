/// Something a reader (or time) does to the panel; the graph's actions.
public enum PanelEvent: Hashable, Sendable {
    /// Open the details panel (clicking the row, or the menu's View details) or close it.
    case openDetails, closeDetails
    /// Select a details tab (also the menu's Show Kubeconfig).
    case selectTab(DetailsTab)
    /// Click the pool's up-arrow on the Worker Groups tab.
    case upgradeImage
    /// Time passes: the running operation advances one step.
    case tick
    /// Open or close the row menu (the ⋯ button, in the brand's accent colour).
    case openMenu, closeMenu
    /// The menu's "Kubernetes Patch Available".
    case chooseKubernetesPatch
    /// Choose a version in the dialog's drop-down.
    case selectVersion(KubernetesVersion)
    /// Dialog buttons: blue Upgrade, Prepare cluster upgrade, Revert preparations, green Upgrade, Back.
    case clickUpgrade, clickPrepare, clickRevert, confirmUpgrade, back
    /// Run the maintenance window, move the clock past the expiry, dismiss the banner.
    case maintenanceWindow, advanceClock, dismissNote

    /// The action id of the graph contract.
    public var id: String {
        switch self {
        case .openDetails: "openDetails"
        case .closeDetails: "closeDetails"
        case .selectTab: "selectTab"
        case .upgradeImage: "upgradeImage"
        case .tick: "tick"
        case .openMenu: "openMenu"
        case .closeMenu: "closeMenu"
        case .chooseKubernetesPatch: "chooseKubernetesPatch"
        case .selectVersion: "selectVersion"
        case .clickUpgrade: "clickUpgrade"
        case .clickPrepare: "clickPrepare"
        case .clickRevert: "clickRevert"
        case .confirmUpgrade: "confirmUpgrade"
        case .back: "back"
        case .maintenanceWindow: "maintenanceWindow"
        case .advanceClock: "advanceClock"
        case .dismissNote: "dismissNote"
        }
    }

    /// The fixed argument (tab name or version), nil for argument-free actions.
    public var argument: String? {
        switch self {
        case .selectTab(let tab): tab.title
        case .selectVersion(let version): version.description
        default: nil
        }
    }
}
