/// A `major.minor.patch` version as Kubernetes and Garden Linux spell them ("1.27.8", "1312.1.0").
///
/// Kubernetes and machine image versions share this type: both are ordered numerically per
/// component, and both are written as strings in a brand's catalogue. A missing patch (or minor)
/// reads as 0 so constraints such as ">= 1.27" can use it. It encodes as its string form.
public struct SemanticVersion: Hashable, Comparable, Sendable, TextCodable {
    /// The major component (1 for every Kubernetes release so far).
    public var major: Int
    /// The minor component: the unit of a Kubernetes *minor* upgrade.
    public var minor: Int
    /// The patch component.
    public var patch: Int

    /// A version from its three components.
    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses "1.27.8", "1.27" or "v1.27.8"; nil for anything else (empty, letters, more than
    /// three components, negative or absurdly long numbers).
    public init?(_ text: String) {
        var body = Substring(text)
        if body.first == "v" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard part.count <= 9, part.isASCIIDigits,
                  let value = Int(part) else { return nil }
            numbers.append(value)
        }
        while numbers.count < 3 { numbers.append(0) }
        self.init(numbers[0], numbers[1], numbers[2])
    }

    /// "1.27.8".
    public var description: String { "\(major).\(minor).\(patch)" }

    /// "1.27": the minor series this version belongs to.
    public var minorSeries: String { "\(major).\(minor)" }

    /// Whether `other` belongs to the same `major.minor` series.
    public func sameMinor(as other: SemanticVersion) -> Bool {
        major == other.major && minor == other.minor
    }

    /// How many minor versions `other` lies above this one (negative when below; a major change
    /// counts as a large jump so it is never mistaken for a one-minor step).
    public func minorDistance(to other: SemanticVersion) -> Int {
        if major != other.major { return (other.major - major) * 1000 }
        return other.minor - minor
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}

/// The Kubernetes version of a cluster or catalogue entry ("1.27.8").
public typealias KubernetesVersion = SemanticVersion

extension SemanticVersion {
    public static var textExample: String { "a version such as 1.27.8" }

    public init?(decodedText text: String) {
        self.init(text)
    }
}
