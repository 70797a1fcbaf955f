import Foundation
import TrellisCore
import UpgradeModel
import Yams

/// A brand's `upgrades:` settings: its version catalogue (Gardener's CloudProfile) and the
/// cluster the rolling-upgrade walkthrough starts from.
///
/// ```yaml
/// upgrades:
///   kubernetes:
///     - {version: "1.26.12", classification: deprecated, expiration: "2027-02-28"}
///     - {version: "1.27.8"}
///   machine_images:
///     - {name: gardenlinux, versions: [{version: "1312.1.0"}]}
///   walkthrough:
///     cluster: demo
///     region: Bgo1
///     region_group: Bergen / Norway (1:1)
///     shoot_domain: demo.p1a2b3.k8s.example
///     kubernetes: "1.26.12"
///     static_token_kubeconfig: true
///     pool: {name: pool-a, flavor: b.2c4gb, image: gardenlinux, version: "1312.0.0", min: 3, max: 5, zone: nova}
///     maintenance: {begin: "22:00", end: "23:00", auto_update_kubernetes: true, auto_update_image: false}
///     today: "2026-11-15"
///     later: "2027-03-01"
///     target: "1.27.8"
/// ```
public struct BrandUpgrades: Sendable {
    public var catalogue: VersionCatalogue
    /// The walkthrough's scenario, without the brand's panel name (added when it is built).
    public var walkthrough: WalkthroughSettings?
    /// Where `upgrades:` was written, for diagnostics about it.
    public var position: ConfigPosition?

    public init(catalogue: VersionCatalogue, walkthrough: WalkthroughSettings? = nil, position: ConfigPosition? = nil) {
        self.catalogue = catalogue
        self.walkthrough = walkthrough
        self.position = position
    }
}

/// The starting point of a brand's walkthrough.
public struct WalkthroughSettings: Sendable {
    public var cluster: Cluster
    public var regionGroup: String
    public var shootDomain: String
    public var today: CalendarDay
    public var later: CalendarDay
    public var target: KubernetesVersion

    /// The model's scenario for this brand, with its panel name. Node rolls show one step per
    /// node: two (creating, then draining) would take the graph from about 86 KB to 131 KB.
    public func scenario(catalogue: VersionCatalogue, panelName: String) -> Scenario {
        Scenario(
            catalogue: catalogue, cluster: cluster,
            brand: BrandStrings(panelName: panelName, regionGroup: regionGroup, shootDomain: shootDomain),
            today: today, later: later, guideTarget: target, detailedRoll: false)
    }
}

extension BrandUpgrades {
    static let keys: Set<String> = ["kubernetes", "machine_images", "walkthrough"]
    static let walkthroughKeys: Set<String> = [
        "cluster", "region", "region_group", "shoot_domain", "kubernetes", "static_token_kubeconfig", "pool",
        "maintenance", "today", "later", "target",
    ]
    static let poolKeys: Set<String> = [
        "name", "flavor", "image", "version", "min", "max", "max_surge", "max_unavailable", "zone",
    ]
    static let maintenanceKeys: Set<String> = ["begin", "end", "auto_update_kubernetes", "auto_update_image"]

    /// Reads `upgrades:`; problems become positioned diagnostics in `reader` and nil.
    static func read(_ node: Node, reader: inout YAMLReader) -> BrandUpgrades? {
        let e = reader.entries(of: node, known: keys, context: "upgrades")
        var catalogueNode = node
        if case .mapping(var mapping) = node {
            mapping["walkthrough"] = nil
            catalogueNode = .mapping(mapping)
        }
        let catalogue: VersionCatalogue
        do {
            catalogue = try YAMLDecoder().decode(VersionCatalogue.self, from: catalogueNode)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            reader.error(.configType, find(path, in: node) ?? node, "invalid version catalogue: \(message)")
            return nil
        } catch {
            reader.error(.configType, node, "invalid version catalogue: \(error)")
            return nil
        }
        var upgrades = BrandUpgrades(
            catalogue: catalogue, position: reader.place(of: node))
        if let walkthrough = e["walkthrough"]?.value {
            guard let settings = readWalkthrough(walkthrough, catalogue: catalogue, reader: &reader) else { return nil }
            upgrades.walkthrough = settings
        }
        return upgrades
    }

    private static func readWalkthrough(_ node: Node, catalogue: VersionCatalogue, reader: inout YAMLReader) -> WalkthroughSettings? {
        let e = reader.entries(of: node, known: walkthroughKeys, context: "walkthrough")
        let before = reader.diagnostics.count
        func required(_ key: String) -> Node? {
            guard let value = e[key]?.value else {
                reader.error(.configType, node, "'walkthrough' needs '\(key)'")
                return nil
            }
            return value
        }
        func text(_ key: String) -> String? { required(key).flatMap { reader.string($0, key) } }
        func parse(_ node: Node, _ key: String) -> SemanticVersion? {
            guard let written = reader.string(node, key) else { return nil }
            guard let version = SemanticVersion(written) else {
                reader.error(.configType, node, "'\(written)' is not a version for '\(key)' (write it quoted, as \"1.27.8\")")
                return nil
            }
            return version
        }
        func version(_ key: String) -> SemanticVersion? { required(key).flatMap { parse($0, key) } }
        func day(_ key: String) -> CalendarDay? {
            guard let node = required(key) else { return nil }
            let written = node.scalar?.string ?? ""
            guard let day = CalendarDay(written) else {
                reader.error(.configType, node, "'\(written)' is not a day (YYYY-MM-DD) for '\(key)'")
                return nil
            }
            return day
        }
        func count(_ e: [String: (key: Node, value: Node)], _ key: String, default value: Int? = nil) -> Int? {
            guard let node = e[key]?.value else {
                if value == nil { reader.error(.configType, node, "'pool' needs '\(key)'") }
                return value
            }
            guard let number = reader.number(node, key) else { return nil }
            guard number >= 0, number == number.rounded(), number < 1000 else {
                reader.error(.configType, node, "'\(key)' must be a whole number from 0 to 999")
                return nil
            }
            return Int(number)
        }
        let name = text("cluster"), region = text("region"), group = text("region_group")
        let domain = text("shoot_domain"), kubernetes = version("kubernetes"), target = version("target")
        let staticTokens = e["static_token_kubeconfig"].flatMap { reader.bool($0.value, "static_token_kubeconfig") } ?? false
        let today = day("today"), later = day("later")
        var pool: WorkerGroup?
        if let poolNode = required("pool") {
            let p = reader.entries(of: poolNode, known: poolKeys, context: "pool")
            if p["version"] == nil { reader.error(.configType, poolNode, "'pool' needs 'version'") }
            let imageVersion = p["version"].flatMap { parse($0.value, "version") }
            let poolName = reader.string(p["name"]?.value, "name") ?? "pool"
            let flavor = reader.string(p["flavor"]?.value, "flavor") ?? ""
            let zone = reader.string(p["zone"]?.value, "zone") ?? ""
            let image = reader.string(p["image"]?.value, "image")
            if image == nil, p["image"] == nil { reader.error(.configType, poolNode, "'pool' needs 'image'") }
            if let image, catalogue.image(named: image) == nil, let imageNode = p["image"]?.value {
                reader.error(.configType, imageNode, "machine image '\(image)' is not in the brand's 'machine_images'")
            }
            // Each count is read (and reported) on its own.
            let (min, max) = (count(p, "min"), count(p, "max"))
            let (surge, unavailable) = (count(p, "max_surge", default: 1), count(p, "max_unavailable", default: 0))
            if let image, let imageVersion, let min, let max, let surge, let unavailable {
                if min > max { reader.error(.configType, poolNode, "'min' (\(min)) is above 'max' (\(max))") }
                pool = WorkerGroup(
                    name: poolName, flavor: flavor, image: MachineImageReference(name: image, version: imageVersion),
                    minimum: min, maximum: max, maxSurge: surge, maxUnavailable: unavailable, zone: zone)
            }
        }
        var window = MaintenanceWindow(beginMinutes: 22 * 60, endMinutes: 23 * 60, autoUpdateKubernetes: true, autoUpdateImage: false)
        if let maintenanceNode = e["maintenance"]?.value {
            let m = reader.entries(of: maintenanceNode, known: maintenanceKeys, context: "maintenance")
            let begin = reader.string(m["begin"]?.value, "begin") ?? "22:00"
            let end = reader.string(m["end"]?.value, "end") ?? "23:00"
            let autoKubernetes = reader.bool(m["auto_update_kubernetes"]?.value, "auto_update_kubernetes") ?? true
            let autoImage = reader.bool(m["auto_update_image"]?.value, "auto_update_image") ?? false
            if let parsed = MaintenanceWindow(begin: begin, end: end, autoUpdateKubernetes: autoKubernetes, autoUpdateImage: autoImage) {
                window = parsed
            } else {
                reader.error(.configType, maintenanceNode, "a maintenance window runs from HH:MM to HH:MM, 30 minutes to 6 hours long")
            }
        }
        if let kubernetes, let node = e["kubernetes"]?.value, catalogue.kubernetesEntry(kubernetes) == nil {
            reader.error(.configType, node, "Kubernetes \(kubernetes) is not in the brand's catalogue")
        }
        if let target, let node = e["target"]?.value, catalogue.kubernetesEntry(target) == nil {
            reader.error(.configType, node, "Kubernetes \(target) is not in the brand's catalogue")
        }
        if let today, let later, !(today < later), let node = e["later"]?.value {
            reader.error(.configType, node, "'later' must come after 'today'")
        }
        guard reader.diagnostics.count == before, let name, let region, let group, let domain, let kubernetes,
            let target, let today, let later, let pool
        else { return nil }
        let cluster = Cluster(
            name: name, region: region, kubernetesVersion: kubernetes, staticTokenKubeconfig: staticTokens,
            maintenance: window, workerGroups: [pool])
        return WalkthroughSettings(
            cluster: cluster, regionGroup: group, shootDomain: domain, today: today, later: later, target: target)
    }

    /// The coding path of a decoding error (`kubernetes[1].version`) and its message.
    private static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        func name(_ path: [any CodingKey]) -> String {
            var out = ""
            for key in path {
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (context.codingPath, "'\(name(context.codingPath + [key]))' is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = name(context.codingPath)
            return (context.codingPath, (path.isEmpty ? "" : "'\(path)': ") + context.debugDescription)
        @unknown default:
            return ([], "\(error)")
        }
    }

    /// The node a coding path leads to, for the diagnostic's position.
    private static func find(_ path: [any CodingKey], in root: Node) -> Node? {
        var node = root
        for key in path {
            if let index = key.intValue, case .sequence(let items) = node, index < items.count {
                node = items[index]
            } else if case .mapping(let mapping) = node, let value = mapping[key.stringValue] {
                node = value
            } else {
                return node
            }
        }
        return node
    }
}
