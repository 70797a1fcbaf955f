/// How far an image may move in one upgrade (Gardener's `updateStrategy`).
public enum UpdateStrategy: String, Hashable, Sendable, Codable, CaseIterable {
    /// Patch upgrades only (1312.0.0 → 1312.0.3).
    case patch
    /// Patch or minor upgrades (1312.0.0 → 1312.4.0).
    case minor
    /// Any newer version (the default).
    case major

    /// Whether moving from `current` to `candidate` stays within this strategy.
    public func allows(from current: SemanticVersion, to candidate: SemanticVersion) -> Bool {
        switch self {
        case .patch: current.major == candidate.major && current.minor == candidate.minor
        case .minor: current.major == candidate.major
        case .major: true
        }
    }
}

/// A machine image of the catalogue with its versions (`gardenlinux` 1312.0.0, 1312.1.0, …).
///
/// Brand YAML: `{name: gardenlinux, update_strategy: major, versions: [CatalogueEntry…]}`;
/// `update_strategy` defaults to `major`.
public struct MachineImage: Hashable, Sendable, Codable {
    /// The image name ("gardenlinux").
    public var name: String
    /// How far automatic and offered upgrades may move.
    public var updateStrategy: UpdateStrategy
    /// The versions, in any order.
    public var versions: [CatalogueEntry]

    /// An image from its parts.
    public init(name: String, updateStrategy: UpdateStrategy = .major, versions: [CatalogueEntry]) {
        self.name = name
        self.updateStrategy = updateStrategy
        self.versions = versions
    }

    enum CodingKeys: String, CodingKey {
        case name, versions
        case updateStrategy = "update_strategy"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        updateStrategy = try container.decodeIfPresent(UpdateStrategy.self, forKey: .updateStrategy) ?? .major
        versions = try container.decodeIfPresent([CatalogueEntry].self, forKey: .versions) ?? []
    }

    /// The entry for `version`, if the catalogue lists it.
    public func entry(_ version: SemanticVersion) -> CatalogueEntry? {
        versions.first { $0.version == version }
    }
}

/// The image a worker group runs: name and version ("gardenlinux 1312.0.0").
public struct MachineImageReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The image name.
    public var name: String
    /// The version running.
    public var version: SemanticVersion

    /// A reference from its parts.
    public init(name: String, version: SemanticVersion) {
        self.name = name
        self.version = version
    }

    /// "gardenlinux 1312.0.0", as the Worker Groups tab shows it.
    public var description: String { "\(name) \(version)" }
}
