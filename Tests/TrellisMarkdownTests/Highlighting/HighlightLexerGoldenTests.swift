import Foundation
import Testing

@testable import TrellisMarkdown

/// The hand-written lexers against Pygments: each sample in `Fixtures/highlight-lexers/<alias>/`
/// lexed by `SyntaxLexers.lexer(named: alias)` yields exactly the tokens Pygments 2.21.0 yields
/// (`<case>.tokens`, written by `scripts/pygments-lexer-goldens.py`), empty ones aside.
struct HighlightLexerGoldenTests {
    /// The samples: the fixtures, or another folder of the same shape (`TRELLIS_LEXER_SAMPLES`,
    /// for instance code blocks taken from real sites, goldens written by the same script).
    static let folder = ProcessInfo.processInfo.environment["TRELLIS_LEXER_SAMPLES"].map { URL(fileURLWithPath: $0) }
        ?? Fixtures.root.appendingPathComponent("highlight-lexers")

    /// `alias/case` for every sample.
    static let cases: [String] = {
        let aliases = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return aliases.sorted().flatMap { alias in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(alias).path)) ?? []
            return names.filter { $0.hasSuffix(".txt") }.sorted().map { alias + "/" + $0.dropLast(4) }
        }
    }()

    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRELLIS_LEXER_SAMPLES"] == nil))
    func everyLexerHasSamples() {
        let aliases = Set(Self.cases.map { $0.split(separator: "/")[0] })
        for alias in ["json", "jsonld", "yaml", "console", "pwsh-session", "doscon", "tcshcon", "pycon", "makefile", "slurm", "output", "ruby", "rbcon"] {
            #expect(aliases.contains(Substring(alias)), "\(alias)")
        }
    }

    @Test(arguments: cases)
    func tokensMatchPygments(_ sample: String) throws {
        let alias = String(sample.split(separator: "/")[0])
        let input = try String(contentsOf: Self.folder.appendingPathComponent(sample + ".txt"), encoding: .utf8)
        let golden = try String(contentsOf: Self.folder.appendingPathComponent(sample + ".tokens"), encoding: .utf8)
        // Empty tokens are left out on both sides: Pygments' HTML formatter writes nothing for
        // them, and the rule-table lexers drop them.
        let expected: [[String]] = try golden.split(separator: "\n").map { line in
            let array = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String]
            return try #require(array)
        }.filter { $0.count == 2 && !$0[1].isEmpty }
        let lexer = try #require(SyntaxLexers.lexer(named: alias))
        let actual = lexer.tokens(in: input[...]).filter { !$0.text.isEmpty }.map { [$0.type.name, String($0.text)] }
        #expect(actual.map { $0[1] }.joined() == input, "the tokens join back to the sample")
        let firstDifference = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
        #expect(
            actual == expected,
            "\(sample): first difference at token \(firstDifference): \(actual.dropFirst(firstDifference).prefix(4)) vs Pygments \(expected.dropFirst(firstDifference).prefix(4))")
    }
}
