/// The life-cycle class of a catalogue version, as Gardener's CloudProfile spells it.
///
/// `preview` versions are new and may be chosen by hand only; `supported` ones are the normal
/// choice; `deprecated` ones still work until their expiration date; `expired` ones can no longer
/// be chosen and are force-updated away from during maintenance.
public enum Classification: String, Hashable, Sendable, Codable, CaseIterable {
    case preview
    case supported
    case deprecated
    case expired
}
