import Foundation
import TrellisCore

/// One consistent state of the site `trellis serve` shows: the previewed brand's files and what
/// the last build reported. The server serves one snapshot until the next replaces it whole, so a
/// browser never sees a half-built site.
public struct PreviewSnapshot: Sendable {
    /// Increases with every state published (a reload is announced for each).
    public var generation: Int
    /// The brand shown, and every brand the switcher offers (id and display name, in build order).
    public var brand: String
    public var brands: [PreviewBrand]
    /// The brand's site: the last good build's files.
    public var files: any PreviewFiles
    /// What the last build (or rebuild) reported, sorted; with errors, `files` are the last
    /// good ones and every page shows these in an overlay.
    public var diagnostics: [Diagnostic]
    /// The files the diagnostics name, for the source line under each.
    public var sources: [String: SourceFile]

    public init(
        generation: Int, brand: String, brands: [PreviewBrand], files: any PreviewFiles, diagnostics: [Diagnostic] = [],
        sources: [String: SourceFile] = [:]
    ) {
        self.generation = generation
        self.brand = brand
        self.brands = brands
        self.files = files
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// Whether the last build failed (the overlay shows its errors).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A brand the preview can switch to.
public struct PreviewBrand: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The files of one brand's built site, by their path in it.
public protocol PreviewFiles: Sendable {
    /// The bytes of the file at `path`: relative to the brand's site root, `/`-separated, with
    /// no empty, `.` or `..` segment (the server normalizes and refuses anything else first);
    /// nil when there is no such file (a folder is not a file).
    func contents(of path: String) -> Data?
}
