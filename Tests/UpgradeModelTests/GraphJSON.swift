import Foundation
@testable import UpgradeModel

/// The graph contract read back from JSON with the contract's exact keys: decoding fails if the
/// model renames or drops one.
struct GraphJSON: Decodable {
    struct Action: Decodable { var id: String; var label: Int; var arg: String? }
    struct Pool: Decodable {
        var name: Int, flavor: Int, image: Int, min: Int, max: Int, surge: Int, unavailable: Int, zone: Int, tip: Int
    }
    struct Cluster: Decodable {
        var name: Int, region: Int, group: Int, domain: Int, version: Int
        var kUp: Int, workers: Int, iUp: Int, status: Int, progress: Int, operation: Int
        var pool: Int
        var machines: [[Int]]
        var staticTokens: Int
        var kubeconfig: [Int]
        var clock: Int
        var autoUpdate: [Int]
        var window: Int
        var menu: Int
        var id: Int
        var last: Int
    }
    struct Dialog: Decodable {
        var title: Int, step: Int
        var versions: [[Int]]
        var selected: Int
        var lines: [[Int]]
        var buttons: [[Int]]
    }
    struct GuideStep: Decodable { var state: Int, action: Int, text: Int }

    var format: Int
    var scenario: String
    var panel: String
    var text: [String]
    var actions: [Action]
    var clusters: [Cluster]
    var dialogs: [Dialog]
    var pools: [Pool]
    var menus: [[[Int]]]
    var states: [[Int]]
    var tabGroups: [[Int]]
    var goal: Int
    var guide: [GuideStep]
    var goalStates: [Int]

    /// The Worker Groups tab and the row menu a cluster rendering points to.
    func pool(of cluster: Cluster) -> Pool { pools[cluster.pool] }
    func menu(of cluster: Cluster) -> [[Int]] { menus[cluster.menu] }

    /// The (action, target) pairs of state `index`: those its row lists, then those its tab group
    /// implies (to each other tab of the group).
    func edges(_ index: Int) -> [(action: Int, target: Int)] {
        let row = states[index]
        var result = stride(from: 5, to: row.count - 1, by: 2).map { (action: row[$0], target: row[$0 + 1]) }
        for group in tabGroups where group.contains(index) {
            for (tab, target) in group.enumerated() where target >= 0 && target != index {
                let name = DetailsTab(rawValue: tab)?.title
                if let action = actions.firstIndex(where: { $0.id == "selectTab" && $0.arg == name }) {
                    result.append((action, target))
                }
            }
        }
        return result
    }

    /// The target of state `index`'s edge for the action with contract id `id`, if any.
    func target(_ index: Int, _ id: String) -> Int? {
        edges(index).first { actions[$0.action].id == id }?.target
    }
}

func decodedGraph(_ scenario: Scenario) throws -> GraphJSON {
    try JSONDecoder().decode(GraphJSON.self, from: WalkthroughGraph(scenario: scenario).jsonData())
}
