/// One version of a catalogue (a Kubernetes version or a machine image version).
///
/// Brand YAML: `{version: "1.27.8", classification: supported, expiration: "2027-03-01"}`; for
/// image versions optionally `kubelet_constraint: ">= 1.26"`. A missing classification means
/// supported; an expiration date that has passed makes the entry expired whatever it says.
public struct CatalogueEntry: Hashable, Sendable, Codable {
    /// The version.
    public var version: SemanticVersion
    /// The classification as written (nil reads as supported).
    public var classification: Classification?
    /// The day from which the version counts as expired.
    public var expiration: CalendarDay?
    /// For machine image versions: the Kubernetes (kubelet) versions the image works with.
    public var kubeletConstraint: VersionConstraint?

    /// An entry from its parts.
    public init(_ version: SemanticVersion, _ classification: Classification? = nil,
                expiration: CalendarDay? = nil, kubeletConstraint: VersionConstraint? = nil) {
        self.version = version
        self.classification = classification
        self.expiration = expiration
        self.kubeletConstraint = kubeletConstraint
    }

    enum CodingKeys: String, CodingKey {
        case version, classification, expiration
        case kubeletConstraint = "kubelet_constraint"
    }

    /// The classification in effect on `day`: `expired` once the expiration day is reached,
    /// otherwise the written one, defaulting to `supported`.
    public func classification(on day: CalendarDay) -> Classification {
        if let expiration, day >= expiration { return .expired }
        return classification ?? .supported
    }

    /// Whether the version is expired on `day`.
    public func isExpired(on day: CalendarDay) -> Bool {
        classification(on: day) == .expired
    }

    /// Whether the version may be an automatic target on `day`: neither preview nor expired.
    public func isAutomaticTarget(on day: CalendarDay) -> Bool {
        let effective = classification(on: day)
        return effective != .preview && effective != .expired
    }
}
