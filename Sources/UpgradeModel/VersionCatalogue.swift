/// A brand's version catalogue (Gardener's CloudProfile): the Kubernetes versions and machine
/// image versions clusters may run, with their classifications and expiration dates.
///
/// It decodes from the brand config through any `Decoder` (the lead reads it with Yams):
///
/// ```yaml
/// kubernetes:
///   - {version: "1.26.12", classification: deprecated, expiration: "2026-12-01"}
///   - {version: "1.27.8", classification: supported}
///   - {version: "1.28.5", classification: preview}
/// machine_images:
///   - name: gardenlinux
///     update_strategy: major            # patch | minor | major, default major
///     versions:
///       - {version: "1312.0.0", classification: deprecated}
///       - {version: "1312.1.0", classification: supported, kubelet_constraint: ">= 1.26"}
/// ```
///
/// Quote versions: unquoted `1.30` is a YAML float. `classification` may be omitted
/// (supported); `expiration` is a `YYYY-MM-DD` day from which the entry counts as expired.
/// Both top-level keys are optional. Entries may come in any order; queries sort.
public struct VersionCatalogue: Hashable, Sendable, Codable {
    /// The Kubernetes versions.
    public var kubernetes: [CatalogueEntry]
    /// The machine images.
    public var machineImages: [MachineImage]

    /// A catalogue from its parts.
    public init(kubernetes: [CatalogueEntry], machineImages: [MachineImage] = []) {
        self.kubernetes = kubernetes
        self.machineImages = machineImages
    }

    enum CodingKeys: String, CodingKey {
        case kubernetes
        case machineImages = "machine_images"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kubernetes = try container.decodeIfPresent([CatalogueEntry].self, forKey: .kubernetes) ?? []
        machineImages = try container.decodeIfPresent([MachineImage].self, forKey: .machineImages) ?? []
    }

    /// The entry for a Kubernetes version, if listed.
    public func kubernetesEntry(_ version: KubernetesVersion) -> CatalogueEntry? {
        kubernetes.first { $0.version == version }
    }

    /// Every listed Kubernetes version once, newest first (the dialog's drop-down order).
    var kubernetesVersionsNewestFirst: [KubernetesVersion] {
        var seen = Set<KubernetesVersion>()
        return kubernetes.map(\.version).sorted(by: >).filter { seen.insert($0).inserted }
    }

    /// The machine image named `name`, if listed.
    public func image(named name: String) -> MachineImage? {
        machineImages.first { $0.name == name }
    }

    /// Kubernetes versions usable on `day`, newest first: every listed version that is neither
    /// preview nor expired. Deprecated versions are included (they still run and are still
    /// accepted until they expire); docs that want the recommended ones use `latestKubernetes`.
    public func supportedKubernetes(on day: CalendarDay) -> [KubernetesVersion] {
        kubernetes.filter { $0.isAutomaticTarget(on: day) }.map(\.version).sorted(by: >)
    }

    /// The newest Kubernetes version classified `supported` on `day` (not preview, deprecated or
    /// expired): what the docs call "the latest version".
    public func latestKubernetes(on day: CalendarDay) -> KubernetesVersion? {
        kubernetes.filter { $0.classification(on: day) == .supported }.map(\.version).max()
    }

    /// The newest `supported` version of the image named `name` on `day`.
    public func latestImageVersion(named name: String, on day: CalendarDay) -> SemanticVersion? {
        image(named: name)?.versions.filter { $0.classification(on: day) == .supported }.map(\.version).max()
    }

    /// Every Kubernetes version not expired on `day`, preview ones included, newest first: what
    /// a cluster may be created at or moved to.
    public func offeredKubernetes(on day: CalendarDay) -> [KubernetesVersion] {
        kubernetesVersionsNewestFirst.filter { isOffered($0, on: day) }
    }

    /// Whether the catalogue lists Kubernetes `version` and it is not expired on `day` (so a
    /// cluster may be created at or moved to it). For a lint rule flagging stale versions in docs.
    public func isOffered(_ version: KubernetesVersion, on day: CalendarDay) -> Bool {
        guard let entry = kubernetesEntry(version) else { return false }
        return !entry.isExpired(on: day)
    }

    /// Whether Kubernetes `version` is listed and expired on `day`. A version the catalogue does
    /// not list is not "expired" (see `isOffered`).
    public func isExpired(_ version: KubernetesVersion, on day: CalendarDay) -> Bool {
        kubernetesEntry(version)?.isExpired(on: day) ?? false
    }

    /// Whether moving from `current` to `target` skips at least one minor version.
    public static func skipsMinor(from current: KubernetesVersion, to target: KubernetesVersion) -> Bool {
        current.minorDistance(to: target) > 1
    }
}
