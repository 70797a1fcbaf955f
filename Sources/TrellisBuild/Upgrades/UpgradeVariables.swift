import TrellisCore
import UpgradeModel

/// What macros see of a brand's upgrade model, so a guide states versions through the model and
/// never by hand: `{{ kubernetes.latest }}`, `{{ kubernetes.supported | join(', ') }}`,
/// `{{ images.gardenlinux.latest }}`, `{{ walkthrough.cluster }}`.
///
/// - `kubernetes`: `latest` (newest supported), `supported` (newest first; deprecated ones
///   still count until they expire), `preview`, `deprecated`, `expired`, `offered` (every
///   version that is not expired); with a walkthrough, `current` (where it starts), `target`
///   (where the guide goes) and `current_minor`/`target_minor` (`1.27`); and
///   `static_tokens_removed_in` (`1.27`, from rule 3).
/// - `images.<name>`: `latest`, `versions` (newest first, not expired), `update_strategy`; for
///   the walkthrough's image, `current` and `target` (the upgrade the panel offers).
/// - `walkthrough`: `cluster`, `region`, `region_group`, `shoot_domain`, `maintenance`
///   (`22:00–23:00 UTC`) and `pool` (`name`, `flavor`, `image`, `min`, `max`, `max_surge`,
///   `max_unavailable`, `zone`).
///
/// Classifications and expiry are evaluated on the build's day.
enum UpgradeVariables {
    static func values(_ upgrades: BrandUpgrades, on day: CalendarDay) -> ValueMap {
        let catalogue = upgrades.catalogue
        let entries = catalogue.kubernetes.sorted { $0.version > $1.version }
        func list(_ versions: [SemanticVersion]) -> Value { .list(versions.map { .string($0.description) }) }
        func with(_ classification: Classification) -> Value {
            list(entries.filter { $0.classification(on: day) == classification }.map(\.version))
        }
        var kubernetes: [(String, Value)] = [
            ("latest", catalogue.latestKubernetes(on: day).map { .string($0.description) } ?? .null),
            ("supported", list(catalogue.supportedKubernetes(on: day))),
            ("preview", with(.preview)),
            ("deprecated", with(.deprecated)),
            ("expired", with(.expired)),
            ("offered", list(catalogue.offeredKubernetes(on: day))),
            ("static_tokens_removed_in", .string(VersionCatalogue.staticTokensRemovedIn.minorSeries)),
        ]
        var images: [(String, Value)] = []
        let walkthrough = upgrades.walkthrough
        let pool = walkthrough?.cluster.workerGroups.first
        for image in catalogue.machineImages {
            var values: [(String, Value)] = [
                ("latest", catalogue.latestImageVersion(named: image.name, on: day).map { .string($0.description) } ?? .null),
                ("versions", list(image.versions.filter { !$0.isExpired(on: day) }.map(\.version).sorted(by: >))),
                ("update_strategy", .string(image.updateStrategy.rawValue)),
            ]
            if let walkthrough, let pool, pool.image.name == image.name {
                values.append(("current", .string(pool.image.version.description)))
                let offer = catalogue.offeredImageUpgrade(
                    for: pool.image, kubernetes: walkthrough.cluster.kubernetesVersion, on: walkthrough.today)
                values.append(("target", offer.map { .string($0.description) } ?? .null))
            }
            images.append((image.name, .map(ValueMap(values))))
        }
        var tour: [(String, Value)] = []
        if let walkthrough {
            let cluster = walkthrough.cluster
            kubernetes += [
                ("current", .string(cluster.kubernetesVersion.description)),
                ("target", .string(walkthrough.target.description)),
                ("current_minor", .string(cluster.kubernetesVersion.minorSeries)),
                ("target_minor", .string(walkthrough.target.minorSeries)),
            ]
            tour = [
                ("cluster", .string(cluster.name)),
                ("region", .string(cluster.region)),
                ("region_group", .string(walkthrough.regionGroup)),
                ("shoot_domain", .string(walkthrough.shootDomain)),
                ("maintenance", .string(cluster.maintenance.description)),
            ]
            if let pool {
                tour.append(
                    ("pool", .map(ValueMap([
                        ("name", .string(pool.name)), ("flavor", .string(pool.flavor)), ("image", .string(pool.image.name)),
                        ("min", .int(pool.minimum)), ("max", .int(pool.maximum)), ("max_surge", .int(pool.maxSurge)),
                        ("max_unavailable", .int(pool.maxUnavailable)), ("zone", .string(pool.zone)),
                    ]))))
            }
        }
        var result = ValueMap([("kubernetes", .map(ValueMap(kubernetes))), ("images", .map(ValueMap(images)))])
        if !tour.isEmpty { result["walkthrough"] = .map(ValueMap(tour)) }
        return result
    }
}
