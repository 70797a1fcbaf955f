import Foundation
import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// A deterministic generator of adversarial pages: container openers, definitions, footnotes,
/// reference definitions, tables, HTML, fences, quotes, lists and attribute lists, indented with
/// spaces and tabs, with LF, CR and CRLF line breaks.
struct AdversarialPages {
    /// SplitMix64: small, fast and the same on every platform.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let pieces = [
        "!!! note", "!!! note \"Title\"", "!!!", "!!! a b \"\"", "??? tip", "???+ warning \"T\"", "???", "=== \"Tab\"",
        "=== ! \"New\"", "===+ \"Sel\"", "===", ": definition", ":   def", ":", "Term", "[^x]: note", "[^x]", "[^",
        "[ref]: https://e.x", "[a][ref]", "[ref]:", "| a | b |", "|---|---|", "a | b", "--- | ---", "|", "<div markdown>",
        "<div markdown=\"1\">", "<p markdown>", "</div>", "</p>", "<details markdown>", "<!-- c -->", "<!--", "-->",
        "<!X>", "<!Y", "<?x?>", "<?x", "?>", "<![CDATA[", "]]>", "```", "```py", "~~~", "> q", ">", "- item", "1. item",
        "* [ ] task", "- [x] done", "{: #id }", "{: .c }", "{0}", "# Head {#h}", "Head", "===", "---", "Text `code`",
        ":material-check:", "", "", "[", "]", "<", ">", "x", "    code", "<table>", "</table>",
    ]
    static let indents = ["", "", "", " ", "  ", "   ", "    ", "\t", "\t\t", " \t", "        ", "> ", ">    ", "- ", "1. "]
    static let breaks = ["\n", "\n", "\n", "\r", "\r\n"]

    /// One page of 1 to 24 lines.
    mutating func page() -> String {
        var text = ""
        for _ in 0..<(1 + Int(next() % 24)) {
            text += pick(Self.indents)
            if next() % 4 == 0 { text += pick(Self.indents) }
            text += pick(Self.pieces)
            if next() % 5 == 0 { text += " " + pick(Self.pieces) }
            if next() % 64 == 0 { text += "\u{0}" }
            text += pick(Self.breaks)
        }
        if next() % 3 == 0 { text.removeLast() }
        return text
    }
}

/// Seeded adversarial pages never trap, through the whole page pipeline and through the
/// container pre-pass on the text as given. `TRELLIS_FUZZ_CASES` (and `TRELLIS_FUZZ_SEED`)
/// scale the run locally; the suite runs a small count. With `TRELLIS_FUZZ_LAST=path` each page is
/// written there before it is processed, so a trap leaves its input behind.
struct ContainerFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = environment["TRELLIS_FUZZ_CASES"].flatMap { Int($0) } ?? 3_000
    static let seed = environment["TRELLIS_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x7472_656C_6C69_73
    static let lastInput = environment["TRELLIS_FUZZ_LAST"].map { URL(fileURLWithPath: $0) }

    @Test func adversarialPagesNeverTrap() {
        let (count, pages) = onSmallStack {
            var generator = AdversarialPages(seed: Self.seed)
            let parser = ContainerParser(extensions: Set(MarkdownExtension.allCases))
            var processed = 0
            var nonEmpty = 0
            for _ in 0..<Self.cases {
                let text = generator.page()
                if let lastInput = Self.lastInput { try? Data(text.utf8).write(to: lastInput) }
                let page = MarkdownPage.process(text: text, pipeline: everyExtensionPipeline)
                _ = HTMLRenderer().render(parser.parse(text))
                processed += 1
                if !page.html.isEmpty { nonEmpty += 1 }
            }
            return (processed, nonEmpty)
        }
        #expect(count == Self.cases)
        #expect(pages > Self.cases / 2)
    }
}
