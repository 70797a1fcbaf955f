/// A cluster's maintenance window and automatic-update flags (rule 6).
public struct MaintenanceWindow: Hashable, Sendable, Codable {
    /// Start, in minutes after midnight UTC.
    public var begin: Int
    /// End, in minutes after midnight UTC (may wrap past midnight).
    public var end: Int
    /// Whether the window moves Kubernetes to the newest patch of its minor.
    public var autoUpdateKubernetes: Bool
    /// Whether the window moves the machine image to its newest version.
    public var autoUpdateImage: Bool

    /// A window from "HH:MM" begin and end; nil unless it lasts 30 minutes to 6 hours.
    public init?(begin: String, end: String, autoUpdateKubernetes: Bool, autoUpdateImage: Bool) {
        guard let begin = Self.minutes(begin), let end = Self.minutes(end) else { return nil }
        let length = (end - begin + 1440) % 1440
        guard (30...360).contains(length) else { return nil }
        self.begin = begin
        self.end = end
        self.autoUpdateKubernetes = autoUpdateKubernetes
        self.autoUpdateImage = autoUpdateImage
    }

    /// A window from minutes after midnight UTC, unchecked (for fixtures; see the other init).
    public init(beginMinutes: Int, endMinutes: Int, autoUpdateKubernetes: Bool, autoUpdateImage: Bool) {
        self.begin = beginMinutes
        self.end = endMinutes
        self.autoUpdateKubernetes = autoUpdateKubernetes
        self.autoUpdateImage = autoUpdateImage
    }

    /// "22:00–23:00 UTC", as the Lifecycle tab shows it.
    public var description: String { "\(Self.clock(begin))–\(Self.clock(end)) UTC" }

    /// "H:MM" or "HH:MM" in minutes after midnight; nil for anything else ("22:5" is not 22:05).
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy(\.isASCIIDigits),
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    static func clock(_ minutes: Int) -> String {
        "\((minutes / 60).twoDigits):\((minutes % 60).twoDigits)"
    }
}
