/// Something a reader (or time) does to the panel; the graph's actions.
public enum PanelEvent: Hashable, Sendable {
    case openDetails, closeDetails
    case selectTab(DetailsTab)
    case upgradeImage
    case tick
    case openMenu, closeMenu
    case chooseKubernetesPatch
    case selectVersion(KubernetesVersion)
    case clickUpgrade, clickPrepare, clickRevert, confirmUpgrade, back
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
