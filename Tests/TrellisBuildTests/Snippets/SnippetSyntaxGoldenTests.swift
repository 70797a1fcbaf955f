import Foundation
import Testing

@testable import TrellisBuild

/// Trellis's matchers against pymdownx.snippets' own regular expressions, `split_path` and
/// `extract_lines`, on 800 random lines, paths and ranges (`Fixtures/snippets/syntax.json`,
/// written by `scripts/snippets-goldens.py`; most are near misses of the notation).
@Suite struct SnippetSyntaxGoldenTests {
    struct Golden: Decodable {
        var lines: [LineCase]
        var specs: [SpecCase]
        var ranges: [RangeCase]
    }

    struct LineCase: Decodable {
        var line: String
        var notation: Notation?
        var section: Section?
    }

    struct Notation: Decodable {
        var space: String
        var escaped: Bool
        var quoted: String?
    }

    struct Section: Decodable {
        var type: String
        var name: String
        var escaped: Bool
        var unescaped: String
    }

    struct SpecCase: Decodable {
        var spec: String
        var split: [String?]
    }

    struct RangeCase: Decodable {
        var spec: String
        var lines: [Int]?
    }

    static let golden: Golden? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/snippets/syntax.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Golden.self, from: $0) }
    }()

    @Test func notationIsReadAsPymdownxReadsIt() throws {
        let golden = try #require(Self.golden)
        #expect(golden.lines.count >= 800 && golden.lines.contains { $0.notation?.quoted != nil })
        for c in golden.lines {
            let mine = SnippetSyntax.notation(c.line)
            let theirs = c.notation.map { SnippetSyntax.Notation(space: $0.space, escaped: $0.escaped, quoted: $0.quoted) }
            #expect(mine == theirs, "\(c.line.debugDescription)")
        }
    }

    @Test func sectionMarkersAreFoundAsPymdownxFindsThem() throws {
        let golden = try #require(Self.golden)
        #expect(golden.lines.contains { $0.section?.escaped == true })
        for c in golden.lines {
            let mine = SnippetSyntax.sectionMarker(c.line)
            let theirs = c.section.map {
                SnippetSyntax.SectionMarker(type: $0.type, name: $0.name, escaped: $0.escaped, unescaped: $0.unescaped)
            }
            #expect(mine == theirs, "\(c.line.debugDescription)")
        }
    }

    @Test func pathsSplitAsSplitPathSplitsThem() throws {
        let golden = try #require(Self.golden)
        for c in golden.specs {
            let (path, ranges, section) = SnippetTarget.split(Array(c.spec.unicodeScalars))
            let mine: [String?] = [path, ranges.map { String(String.UnicodeScalarView($0)) }, section.map { String(String.UnicodeScalarView($0)) }]
            #expect(mine == c.split, "\(c.spec.debugDescription)")
        }
    }

    @Test func rangesPickTheLinesExtractLinesPicks() throws {
        let golden = try #require(Self.golden)
        for c in golden.ranges {
            let target = try #require(SnippetTarget(c.spec))
            let mine = target.ranges.isEmpty ? nil : target.lines(of: Array(0..<10))
            #expect(mine == c.lines, "\(c.spec)")
        }
    }
}
