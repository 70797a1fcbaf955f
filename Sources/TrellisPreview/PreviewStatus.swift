import Foundation
import TrellisBuild
import TrellisCore

/// What `/__trellis/status.json` tells the preview script: the generation, the brands for the
/// switcher, and the last build's diagnostics with the source line of each, for the overlay.
struct PreviewStatus: Codable, Equatable {
    struct Brand: Codable, Equatable {
        var id: String
        var name: String
    }

    struct Problem: Codable, Equatable {
        var path: String?
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
        var rule: String
        var notes: [String]
        /// The line the diagnostic points at, when its file is known.
        var source: String?
    }

    var generation: Int
    var brand: String
    var brands: [Brand]
    var hasErrors: Bool
    /// The diagnostics, at most `limit` of them; `total` counts them all.
    var diagnostics: [Problem]
    var total: Int

    /// The overlay lists this many; a build that reports thousands says how many more there are.
    static let limit = 200

    init(_ snapshot: PreviewSnapshot) {
        generation = snapshot.generation
        brand = snapshot.brand
        brands = snapshot.brands.map { Brand(id: $0.id, name: $0.name) }
        hasErrors = snapshot.hasErrors
        total = snapshot.diagnostics.count
        // Errors first, so a long list of warnings cannot hide the error that failed the build.
        let ordered = snapshot.diagnostics.filter { $0.severity == .error } + snapshot.diagnostics.filter { $0.severity != .error }
        diagnostics = ordered.prefix(Self.limit).map { diagnostic in
            let start = diagnostic.range?.start
            let source = diagnostic.path.flatMap { snapshot.sources[$0] }.flatMap { file in
                start.map { file.lineText($0.line) }
            }
            return Problem(
                path: diagnostic.path, line: start?.line, column: start?.column, severity: diagnostic.severity.rawValue,
                message: diagnostic.message, rule: diagnostic.id.rawValue, notes: diagnostic.notes, source: source
            )
        }
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
