import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The text pymdownx.snippets 13.1.2 makes of small pages (`Fixtures/snippets/cases.json`,
/// written by `scripts/snippets-goldens.py` with the extension itself): sections, line ranges,
/// blocks, escapes, nesting, options. Trellis's includer must make the same text, and report an
/// error exactly where pymdownx stops the build (`check_paths`).
@Suite struct SnippetGoldenTests {
    struct Golden: Decodable, Sendable {
        var files: [String: String]
        var latin1: [String]
        var cases: [Case]
    }

    struct Case: Decodable, Sendable {
        var page: String
        var options: [String: Option]
        var expected: Expected
    }

    enum Option: Decodable, Sendable {
        case bool(Bool), string(String), list([String])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else { self = .list(try c.decode([String].self)) }
        }

        var value: Value {
            switch self {
            case .bool(let b): return .bool(b)
            case .string(let s): return .string(s)
            case .list(let l): return .list(l.map { .string($0) })
            }
        }
    }

    enum Expected: Decodable, Sendable {
        case text(String), error(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) }
            else { self = .error(try c.decode([String: String].self)["error"] ?? "") }
        }
    }

    static let golden: Golden? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/snippets/cases.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Golden.self, from: $0) }
    }()

    static let cases: [Int] = Array((golden?.cases ?? []).indices)

    @Test func theGoldensAreThere() {
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases)
    func makesTheTextPymdownxMakes(_ index: Int) throws {
        let golden = try #require(Self.golden)
        let testCase = golden.cases[index]
        let root = FileManager.default.temporaryDirectory.appending(path: "snippet-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in golden.files {
            let url = root.appending(path: name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = golden.latin1.contains(name) ? try #require(text.data(using: .isoLatin1)) : Data(text.utf8)
            try data.write(to: url)
        }
        let real = root.resolvingSymlinksInPath()
        let options = SnippetOptions(ValueMap(testCase.options.map { ($0.key, $0.value.value) }.sorted { $0.0 < $1.0 }))
        var includer = SnippetIncluder(
            bases: options.basePaths.map { real.appending(path: $0) }, project: ProjectFolder(root: real), options: options)
        includer.root = real
        includer.plainMkDocs = true
        let page = PageText(text: testCase.page, sourceMap: .identity(length: testCase.page.utf8.count))
        let (result, diagnostics, _) = includer.include(into: page, file: SourceFile(path: "docs/index.md", text: testCase.page))
        let errors = diagnostics.filter { $0.severity == .error }
        switch testCase.expected {
        case .text(let expected):
            #expect(result.text == expected, "page \(testCase.page.debugDescription) options \(testCase.options)")
            #expect(errors.isEmpty, "\(errors.map(\.formatted))")
        case .error(let message):
            #expect(!errors.isEmpty, "pymdownx stops: \(message)")
        }
    }
}
