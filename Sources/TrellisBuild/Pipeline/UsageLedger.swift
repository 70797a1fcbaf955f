import TrellisCore

/// What the pages of every brand reference: the files (for `UnusedAsset`), the pages that link
/// to each page (for `--changed-since`, and for a preview to know what a change affects) and
/// the external links (for `--external`). Brand stages record into it; it is read once every
/// brand ran.
final class UsageLedger: Sendable {
    struct Usage: Sendable {
        /// Static files some page of some brand references.
        var files: Set<String> = []
        /// Page path → the pages (of any brand) that link to it.
        var linkedFrom: [String: Set<String>] = [:]
        var externalLinks: Set<ExternalLinkReference> = []
    }

    private let usage = Locked(Usage())

    /// Records what one brand's pages reference.
    func record(files: Set<String>, linkedFrom links: [String: Set<String>] = [:], external: Set<ExternalLinkReference> = []) {
        usage.withLock { usage in
            usage.files.formUnion(files)
            usage.externalLinks.formUnion(external)
            usage.linkedFrom.merge(links) { $0.union($1) }
        }
    }

    /// What is recorded so far.
    var recorded: Usage { usage.withLock { $0 } }
}
