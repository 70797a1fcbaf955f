import TrellisCore

/// One file a brand's build writes: what writes it, and where.
struct OutputClaim: Sendable {
    /// What writes the file, in order of precedence: when two claim one path, the earlier kind
    /// is kept (a page over a static file, as MkDocs writes pages last).
    enum Kind: Int, Comparable, Sendable {
        case page, redirect, notFoundPage, sitemap, searchIndex, brandAsset, staticFile, customDir, themeAsset

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// The docs folder's files replace the theme's (MkDocs' `custom_dir` and theme files),
        /// and `custom_dir` replaces the default theme's: on purpose, so not reported. The
        /// sitemap replaces a `sitemap.xml` of `custom_dir` (there a Jinja template Trellis
        /// cannot run).
        func silentlyReplaces(_ other: Kind) -> Bool {
            if self == .sitemap { return other >= .customDir }
            return (self == .staticFile || self == .customDir) && other > self && other >= .customDir
        }
    }

    var kind: Kind
    /// What identifies the source within its kind (a page's docs path, a redirect's old path).
    var source: String
    /// The path under the brand's output folder.
    var outputPath: String
    /// How messages name it (`the page 'docs/a.md'`).
    var described: String
    /// Where a diagnostic about it is reported (a page's or file's path), if anywhere.
    var reportedAt: String?
    /// The file copied, when two claims may copy the same one (a logo that is also the favicon).
    var file: String?

    struct Key: Hashable, Sendable {
        var kind: Kind
        var source: String
    }

    var key: Key { Key(kind: kind, source: source) }
}

/// Which claims a brand's build honours: every output path is written once. Two claims on a
/// path, or a file where another claim needs a folder (`passwd` and `passwd/index.html`), are
/// `OutputCollision` errors naming both; the claim that MkDocs would leave in the output is kept,
/// and the other one is not written.
struct OutputPlan: Sendable {
    private var dropped: Set<OutputClaim.Key> = []

    /// Whether the claim of `kind` for `source` is written.
    func keeps(_ kind: OutputClaim.Kind, _ source: String) -> Bool {
        !dropped.contains(OutputClaim.Key(kind: kind, source: source))
    }

    /// Resolves `claims`, returning the plan and a diagnostic per collision.
    static func resolve(_ claims: [OutputClaim], configPath: String) -> (OutputPlan, [Diagnostic]) {
        var plan = OutputPlan()
        var diagnostics: [Diagnostic] = []
        let ordered = claims.sorted { ($0.kind, $0.source) < ($1.kind, $1.source) }
        var kept: [String: OutputClaim] = [:]
        func report(_ message: String, _ a: OutputClaim, _ b: OutputClaim) {
            let at = [a, b].first { $0.kind == .page }?.reportedAt ?? a.reportedAt ?? b.reportedAt ?? configPath
            diagnostics.append(Diagnostic(.outputCollision, path: at, at: nil, message: message))
        }
        for claim in ordered {
            guard let winner = kept[claim.outputPath] else {
                kept[claim.outputPath] = claim
                continue
            }
            plan.dropped.insert(claim.key)
            let sameFile = winner.file != nil && winner.file == claim.file
            if !sameFile && !winner.kind.silentlyReplaces(claim.kind) {
                report(
                    "'\(claim.outputPath)' is written by \(winner.described) and by \(claim.described); "
                        + "only \(winner.described) is published", winner, claim)
            }
        }
        // A file where another claim needs a folder: the file stays, as MkDocs copies files
        // before it writes pages (and then fails on the page).
        var folders: Set<Substring> = []
        for claim in ordered where plan.keeps(claim.kind, claim.source) {
            let path = claim.outputPath
            var slash = path.firstIndex(of: "/")
            while let end = slash {
                let folder = path[..<end]
                if folders.contains(folder) {
                    slash = path[path.index(after: end)...].firstIndex(of: "/")
                    continue
                }
                if let file = kept[String(folder)] {
                    plan.dropped.insert(claim.key)
                    report(
                        "\(claim.described) is written to '\(path)', but \(file.described) is written to '\(folder)', "
                            + "which therefore cannot be a folder; only \(file.described) is published", claim, file)
                    break
                }
                folders.insert(folder)
                slash = path[path.index(after: end)...].firstIndex(of: "/")
            }
        }
        return (plan, diagnostics)
    }
}
