import TrellisCore
import UpgradeModel

/// A guide naming a Kubernetes version the brand's catalogue does not offer or has expired, or
/// showing an upgrade that skips a minor version. Versions a macro wrote come from the model
/// and are current by construction, so only what the author typed is checked; the walkthrough's
/// own starting point is checked where the brand file sets it.
struct StaleVersion: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        guard let catalogue = brand.brand.upgrades?.catalogue else { return [] }
        let text = subject.text
        let scan = VersionMentions(scanning: text.text)
        let day = site.buildDay
        let id = brand.brand.id
        var diagnostics: [Diagnostic] = []
        func report(_ offset: Int, _ message: String) {
            diagnostics.append(
                Diagnostic(.staleVersion, path: subject.page.file.path, at: subject.location(ofExpandedOffset: offset), message: message))
        }
        for mention in scan.mentions where text.sourceMap.isCopied(outputOffset: mention.offset) {
            if let problem = Self.problem(with: mention, in: catalogue, on: day, brand: id) { report(mention.offset, problem) }
        }
        for upgrade in scan.upgrades where upgrade.to.minor - upgrade.from.minor > 1 {
            guard text.sourceMap.isCopied(outputOffset: upgrade.from.offset) || text.sourceMap.isCopied(outputOffset: upgrade.to.offset)
            else { continue }
            report(
                upgrade.from.offset,
                "the upgrade from \(upgrade.from.text) to \(upgrade.to.text) skips a minor version "
                    + "(\(UpgradeRefusal.skipsMinor.message)); clusters move one minor version at a time")
        }
        return diagnostics
    }

    static func problem(with mention: VersionMentions.Mention, in catalogue: VersionCatalogue, on day: CalendarDay, brand: String)
        -> String?
    {
        let offered = catalogue.offeredKubernetes(on: day)
        let offeredList = offered.isEmpty ? "none" : offered.map(\.description).joined(separator: ", ")
        if let patch = mention.patch {
            let version = KubernetesVersion(1, mention.minor, patch)
            guard let entry = catalogue.kubernetesEntry(version) else {
                return "brand '\(brand)' does not offer Kubernetes \(mention.text) (it offers \(offeredList))"
            }
            if entry.isExpired(on: day) {
                let since = entry.expiration.map { " on \($0)" } ?? ""
                return "Kubernetes \(mention.text) expired\(since) for brand '\(brand)' (it offers \(offeredList))"
            }
            return nil
        }
        let series = catalogue.kubernetes.filter { $0.version.major == 1 && $0.version.minor == mention.minor }
        if series.isEmpty {
            return "brand '\(brand)' offers no Kubernetes \(mention.text) version (it offers \(offeredList))"
        }
        if series.allSatisfy({ $0.isExpired(on: day) }) {
            return "every Kubernetes \(mention.text) version has expired for brand '\(brand)' (it offers \(offeredList))"
        }
        return nil
    }
}

extension StaleVersion {
    /// The walkthrough's starting version, checked once per brand at its line in the brand file.
    struct WalkthroughStart: BrandCheck {
        func check(_ state: BrandState, site: SiteState) -> [Diagnostic] {
            guard let upgrades = state.brand.upgrades, let walkthrough = upgrades.walkthrough else { return [] }
            let version = walkthrough.cluster.kubernetesVersion
            guard upgrades.catalogue.isExpired(version, on: site.buildDay) else { return [] }
            return [
                Diagnostic(
                    .staleVersion, path: upgrades.position?.path ?? state.brand.path ?? site.config.path,
                    at: upgrades.position?.location,
                    message: "the walkthrough of brand '\(state.brand.id)' starts at Kubernetes \(version), which has expired; start it at a version the catalogue still offers")
            ]
        }
    }
}
