import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The nav mkdocs-literate-nav 0.6.3 makes for small docs trees (`Fixtures/literate-nav/cases.json`,
/// written by `scripts/literate-nav-goldens.py` with the plugin itself); Trellis's port must make
/// the same one, or refuse the same nav files.
@Suite struct LiterateNavGoldenTests {
    struct Golden: Decodable, Sendable {
        var pages: [String]
        var cases: [Case]
    }

    struct Case: Decodable, Sendable {
        var files: [String: String]
        var options: [String: JSONValue]
        var nav: JSONValue?
        var expected: JSONValue
    }

    /// Just enough JSON to read the cases.
    indirect enum JSONValue: Decodable, Equatable, Sendable {
        case string(String), bool(Bool), int(Int), list([JSONValue]), object([String: JSONValue]), null

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let l = try? c.decode([JSONValue].self) { self = .list(l) }
            else { self = .object(try c.decode([String: JSONValue].self)) }
        }
    }

    static let golden: Golden? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/literate-nav/cases.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Golden.self, from: $0) }
    }()

    static let cases: [Int] = Array((golden?.cases ?? []).indices)

    @Test func theGoldensAreThere() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases)
    func makesTheNavThePluginMakes(_ index: Int) throws {
        let golden = try #require(Self.golden)
        let testCase = golden.cases[index]
        var options = LiterateNav.Options()
        if case .string(let name)? = testCase.options["nav_file"] { options.navFile = name }
        if case .bool(let value)? = testCase.options["implicit_index"] { options.implicitIndex = value }
        if case .int(let value)? = testCase.options["tab_length"] { options.tabLength = value }
        let paths = Set(golden.pages).union(testCase.files.keys)
        var literate = LiterateNav(
            options: options, docsDir: "docs", pages: Array(paths), fileExists: { paths.contains($0) },
            readFile: { testCase.files[$0] ?? (paths.contains($0) ? "# Page\n" : nil) })
        let result = literate.resolve(configNav: testCase.nav.map(Self.configNav))
        if result.diagnostics.contains(where: { $0.severity == .error }) {
            #expect(testCase.expected == .string("error"), "\(testCase.files)")
        } else {
            #expect(Self.json(result.entries) == testCase.expected, "\(testCase.files)")
        }
    }

    /// A YAML-like nav (strings, `{title: path}`, `{title: [...]}`) as MkDocsNavReader reads one.
    static func configNav(_ value: JSONValue) -> [NavEntry] {
        guard case .list(let items) = value else { return [] }
        return items.compactMap { item -> NavEntry? in
            switch item {
            case .string(let s): return MkDocsNavReader.isLink(s) ? .link(title: s, url: s) : .page(title: nil, path: s, location: nil)
            case .object(let map):
                guard let (title, inner) = map.first else { return nil }
                if case .string(let s) = inner {
                    return MkDocsNavReader.isLink(s) ? .link(title: title, url: s) : .page(title: title, path: s, location: nil)
                }
                return .section(title: title, children: configNav(inner))
            default: return nil
            }
        }
    }

    /// The nav in the goldens' form, where an item titled with its own address has no title
    /// (Trellis titles an untitled link with its address).
    static func json(_ entries: [NavEntry]) -> JSONValue {
        .list(entries.map { entry in
            switch entry {
            case .page(let title, let path, _):
                guard let title, title != path else { return .object(["page": .string(path)]) }
                return .object(["title": .string(title), "page": .string(path)])
            case .link(let title, let url):
                return .object(title == url ? ["page": .string(url)] : ["title": .string(title), "page": .string(url)])
            case .section(let title, let children):
                return .object(["title": .string(title), "children": json(children)])
            }
        })
    }
}
