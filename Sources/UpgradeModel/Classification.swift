/// The life-cycle class of a catalogue version, as Gardener's CloudProfile spells it.
///
/// `preview` versions are new and may be chosen by hand only; `supported` ones are the normal
/// choice; `deprecated` ones still work until their expiration date; `expired` ones can no longer
/// be chosen and are force-updated away from during maintenance.
public enum Classification: String, Hashable, Sendable, Codable, CaseIterable {
    /// New; chosen by hand only, never an automatic target.
    case preview
    /// The normal choice (also what a missing classification means).
    case supported
    /// Still works until its expiration date.
    case deprecated
    /// Can no longer be chosen; force-updated away from.
    case expired
}
