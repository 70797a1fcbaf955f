import Foundation
import Testing

/// Fixture folders next to this file: `Fixtures/<feature>/<case>.md` with `<case>.html` goldens.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The case names (file names without `.md`) of a feature folder, sorted.
    static func cases(_ feature: String) -> [String] {
        let folder = root.appendingPathComponent(feature)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func input(_ feature: String, _ name: String) throws -> String {
        let url = root.appendingPathComponent(feature).appendingPathComponent(name + ".md")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// Compares `actual` with the golden `<case>.html`; `TRELLIS_UPDATE_GOLDENS=1` rewrites it.
    static func expectGolden(_ actual: String, _ feature: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent(feature).appendingPathComponent(name + ".html")
        if ProcessInfo.processInfo.environment["TRELLIS_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(feature)/\(name).html (run with TRELLIS_UPDATE_GOLDENS=1)", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == String(decoding: data, as: UTF8.self), "\(feature)/\(name)", sourceLocation: sourceLocation)
    }

    /// Compares `actual` with a golden another tool wrote (`scripts/inline-goldens.py`): never
    /// rewritten from Trellis's output.
    static func expectPythonGolden(_ actual: String, _ feature: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent(feature).appendingPathComponent(name + ".html")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(feature)/\(name).html (run scripts/inline-goldens.py)", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == String(decoding: data, as: UTF8.self), "\(feature)/\(name)", sourceLocation: sourceLocation)
    }
}
