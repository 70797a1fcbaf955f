import Foundation
import Testing
import TrellisCore
import TrellisMacros

/// Every `Fixtures/<case>.md` must render exactly as Jinja2 3.1 renders it (`<case>.expected`,
/// written by `scripts/jinja-goldens.py`). `TRELLIS_UPDATE_GOLDENS=1` reruns that script, so
/// goldens always come from real Jinja, never from Trellis itself.
struct ConformanceTests {
    /// The fixtures in the source tree when it is there (so regenerated goldens are read at
    /// once), else the copy bundled at build time.
    static let fixtures: URL = {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        if FileManager.default.fileExists(atPath: source.appendingPathComponent("context.json").path) { return source }
        return Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }()

    static func cases() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func context() throws -> ValueMap {
        let text = try String(contentsOf: fixtures.appendingPathComponent("context.json"), encoding: .utf8)
        return try #require(try JSONValue.parse(text).mapValue)
    }

    @Test func fixturesExist() {
        #expect(Self.cases().count >= 15)
    }

    @Test(arguments: cases())
    func rendersLikeJinja(_ name: String) throws {
        if ProcessInfo.processInfo.environment["TRELLIS_UPDATE_GOLDENS"] == "1" { Self.regenerateGoldens }
        let source = try Data(contentsOf: Self.fixtures.appendingPathComponent("\(name).md"))
        let expected = try Data(contentsOf: Self.fixtures.appendingPathComponent("\(name).expected"))
        let text = String(decoding: source, as: UTF8.self)
        let file = SourceFile(path: "\(name).md", text: text)
        let result = MacroExpander.expand(
            text, file: file, sourceOffset: 0, context: try Self.context(), undefined: name.hasSuffix(".keep") ? .keep : .strict,
            includes: FolderIncludes(folder: Self.fixtures.appendingPathComponent("includes")))
        #expect(result.diagnostics.map(\.formatted) == [])
        #expect(result.text == String(decoding: expected, as: UTF8.self))
        #expect(result.sourceMap.outputLength == result.text.utf8.count)
    }

    /// Reruns `scripts/jinja-goldens.py` once per test run.
    private static let regenerateGoldens: Void = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/jinja-goldens.py").path]
        try? process.run()
        process.waitUntilExit()
    }()
}

/// `{% include %}` templates read from a folder, as Jinja's `FileSystemLoader` reads them.
struct FolderIncludes: MacroIncludeLoading {
    let folder: URL
    var searchedFolder: String? { "includes" }

    func template(named name: String) -> MacroTemplate? {
        let pieces = name.split(separator: "/").filter { $0 != "." }
        guard !pieces.contains(".."),
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(pieces.joined(separator: "/")).path)
        else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return MacroTemplate.parse(text, file: SourceFile(path: "includes/" + name, text: text), sourceOffset: 0).0
    }
}
