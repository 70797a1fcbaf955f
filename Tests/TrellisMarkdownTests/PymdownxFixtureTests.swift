import Foundation
import Testing
import TrellisCore

@testable import TrellisMarkdown

/// Pages rendered with pymdownx.superfences, pymdownx.highlight, pymdownx.arithmatex and pymdownx.blocks, against
/// goldens the real Python-Markdown 3.11.3 and pymdown-extensions 13.1.2 wrote
/// (`scripts/pymdownx-goldens.py`, which also says how Pygments' token spans are left out).
/// Each folder's `config.json` holds the extensions and options, as `mkdocs.yml` gives them.
struct PymdownxFixtureTests {
    static let folders = ["code-blocks", "code-blocks-options", "code-blocks-plain", "inlinehilite", "inlinehilite-plain", "arithmatex", "arithmatex-mathjax", "blocks", "blocks-options", "blocks-manual"]
    static let cases = folders.flatMap { folder in Fixtures.cases(folder).map { "\(folder)/\($0)" } }

    @Test func everyFolderHasFixtures() {
        for folder in Self.folders {
            #expect(Fixtures.cases(folder).count >= 1, "\(folder)")
        }
    }

    @Test(arguments: cases)
    func rendersGolden(_ path: String) throws {
        let parts = path.split(separator: "/").map(String.init)
        let pipeline = try Self.pipeline(parts[0])
        let page = MarkdownPage.process(text: try Fixtures.input(parts[0], parts[1]), pipeline: pipeline)
        try Fixtures.expectGolden(page.html, parts[0], parts[1])
    }

    /// The pipeline a folder's `config.json` describes.
    static func pipeline(_ folder: String) throws -> MarkdownPipeline {
        let url = Fixtures.root.appendingPathComponent(folder).appendingPathComponent("config.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let names = json["extensions"] as? [String] ?? []
        let configs = value(json["extension_configs"] ?? [String: Any]()).mapValue ?? ValueMap()
        var unsupported: [String] = []
        let codeBlocks = CodeHighlightOptions(
            highlight: configs["pymdownx.highlight"]?.mapValue ?? ValueMap(),
            superFences: configs["pymdownx.superfences"]?.mapValue ?? ValueMap(), unsupported: &unsupported)
        return .standard(
            extensions: Set(names.compactMap(MarkdownExtension.init(mkdocsName:))), codeBlocks: codeBlocks,
            math: ArithmatexOptions(config: configs["pymdownx.arithmatex"]?.mapValue ?? ValueMap()),
            blocks: BlockSettings { configs[$0]?.mapValue ?? ValueMap() })
    }

    /// A JSON value as the config reader gives it.
    static func value(_ json: Any) -> Value {
        switch json {
        case let map as [String: Any]:
            return .map(ValueMap(map.keys.sorted().map { ($0, value(map[$0] as Any)) }))
        case let list as [Any]:
            return .list(list.map(value))
        case let number as NSNumber where String(cString: number.objCType) == "c":
            return .bool(number.boolValue)
        case let number as NSNumber:
            return number.doubleValue == Double(number.intValue) ? .int(number.intValue) : .double(number.doubleValue)
        case let string as String:
            return .string(string)
        default:
            return .null
        }
    }
}
