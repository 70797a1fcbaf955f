import Foundation
import TrellisCore

/// What to build, and how.
public struct BuildOptions: Sendable {
    /// The site root: the folder holding the site config.
    public var root: URL
    public var configName = "trellis.yml"
    /// The brands to build; nil builds every brand.
    public var brands: [String]?
    /// Brand files to build instead of the config's brands (`--brand brands/acme.yml`): each
    /// overlays its variables and theme on the site (an MkDocs site, typically) and is built
    /// into `<site_dir>/<file name>/`.
    public var brandFiles: [URL] = []
    /// Promote warnings to errors.
    public var strict = false
    /// Build writes the site; lint runs every check and writes nothing (no templates rendered).
    public var mode: BuildMode = .build
    /// Where the pages come from: the docs folder, or pages in memory (`trellis render`).
    public var docs: DocsSource = .disk
    /// Lint: report only on pages changed since this git ref, and the pages linking to them.
    public var changedSince: String?
    /// Lint: check external links too (`ExternalLink`).
    public var checkExternalLinks = false
    /// The day catalogue versions are judged on (expiry, classification) for `StaleVersion`
    /// and the upgrade macros; nil: `SOURCE_DATE_EPOCH` when set (reproducible builds), else today.
    public var today: Date?
    /// Receives a line per stage with its time (`[3/9] load pages  12 ms`), when set.
    public var log: (@Sendable (String) -> Void)?

    public init(root: URL) {
        self.root = root
    }
}

/// What a run of the pipeline is for.
public enum BuildMode: Sendable, Equatable {
    case build
    case lint
    /// `trellis render`: the stages that make a page's body (`runsInRender`), for the first
    /// selected brand, writing nothing.
    case render
    /// `trellis serve`: every stage a build runs, each brand's output kept in memory
    /// (`MemoryOutput`) instead of written to `site_dir`.
    case preview
}

/// How a command ended, and the exit code that says so.
public enum BuildOutcome: Sendable, Equatable {
    case success
    /// The docs have errors (or warnings under `--strict`).
    case failed
    /// Bad usage or an unreadable config.
    case unusable

    public var exitCode: Int32 {
        switch self {
        case .success: return 0
        case .failed: return 1
        case .unusable: return 2
        }
    }
}

/// What a build did: its diagnostics, what it wrote, and how long each stage took.
public struct BuildReport: Sendable {
    public var outcome: BuildOutcome = .success
    public var diagnostics: [Diagnostic] = []
    /// Source files by diagnostic path, so printers can show the offending line.
    public var sources: [String: SourceFile] = [:]
    /// Source pages read.
    public var pageCount = 0
    /// Pages written per brand id.
    public var pagesWritten: [String: Int] = [:]
    /// Stage names with their times in milliseconds, in the order they ran.
    public var timings: [(stage: String, milliseconds: Double)] = []
    public var milliseconds = 0.0

    public var errorCount: Int { diagnostics.count(of: .error) }
    public var warningCount: Int { diagnostics.count(of: .warning) }

    /// `N errors, M warnings in K pages (X ms)`, as every report format ends.
    public var summary: String {
        DiagnosticPrinter.summary(of: diagnostics, pages: pageCount, milliseconds: roundedMilliseconds)
    }

    /// The run's time as reports print it.
    var roundedMilliseconds: Int { Int(milliseconds.rounded()) }
}
