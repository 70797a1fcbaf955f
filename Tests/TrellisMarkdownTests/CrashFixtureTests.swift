import Foundation
import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// Inputs that once crashed the process, one raw file each in `Fixtures/crashes/` (named after
/// what it exercises): every file dropped there is processed with every extension on, so a
/// fuzz-found input becomes a regression test by adding the file.
struct CrashFixtureTests {
    static let folder = Fixtures.root.appendingPathComponent("crashes")

    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func theFolderHoldsTheReportedInputs() {
        #expect(Self.names.count >= 7)
    }

    @Test(arguments: names)
    func processesWithEveryExtensionWithoutCrashing(_ name: String) throws {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let text = String(decoding: bytes, as: UTF8.self)
        let (page, lineFeeds, raw) = onSmallStack {
            let page = MarkdownPage.process(text: text, pipeline: everyExtensionPipeline)
            let lineFeeds = MarkdownPage.process(text: Self.withLineFeeds(text), pipeline: everyExtensionPipeline)
            // The pre-pass itself, on the text as given (no normalisation in front of it).
            let raw = ContainerParser(extensions: Set(MarkdownExtension.allCases)).parse(text)
            return (page, lineFeeds, HTMLRenderer().render(raw))
        }
        // A CR, alone or before a LF, is a line break like a LF.
        #expect(page.html == lineFeeds.html)
        #expect(page.links.map(\.position) == lineFeeds.links.map(\.position))
        // The author's words survive: as text, raw HTML, attributes or link destinations.
        let output = (page.html + " " + page.links.map(\.destination).joined(separator: " ")).lowercased()
        for word in Self.words(text) {
            #expect(output.contains(word), "'\(word)' is missing from \(page.html)")
        }
        #expect(!raw.isEmpty || text.allSatisfy(\.isWhitespace))
    }

    /// `text` with every `\r\n` and bare `\r` as `\n`.
    static func withLineFeeds(_ text: String) -> String {
        String(decoding: Array(text.utf8).split(separator: UInt8(ascii: "\r"), omittingEmptySubsequences: false)
            .enumerated().flatMap { index, piece -> [UInt8] in
                let rest = index > 0 && piece.first == UInt8(ascii: "\n") ? Array(piece.dropFirst()) : Array(piece)
                return (index > 0 ? [UInt8(ascii: "\n")] : []) + rest
            }, as: UTF8.self)
    }

    /// The runs of ASCII letters and digits in `text`, lowercased.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    }
}
