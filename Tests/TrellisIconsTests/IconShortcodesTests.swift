import Testing

@testable import TrellisIcons

/// Shortcodes are found where `pymdownx.emoji` finds them, with UTF-8 ranges.
struct IconShortcodesTests {
    func scan(_ text: String) -> [IconShortcode] {
        IconShortcodes.scan(text, library: .bundled)
    }

    @Test func findsIconShortcodesWithUTF8Ranges() {
        let text = "Go :material-home: or é :fontawesome-solid-circle-arrow-up:!"
        let found = scan(text)
        #expect(found.map(\.name) == ["material-home", "fontawesome-solid-circle-arrow-up"])
        let bytes = Array(text.utf8)
        for match in found {
            #expect(String(decoding: bytes[match.range], as: UTF8.self) == ":\(match.name):")
        }
        #expect(found.first?.range == 3..<18)
    }

    @Test func leavesTimesAndEmojiAlone() {
        #expect(scan("at 12:30:45 and 10:30:00 :smile: :+1: :x:").isEmpty)
    }

    @Test func reportsUnknownIconsWithAKnownPrefix() {
        #expect(scan(":material-no-such-icon:").map(\.name) == ["material-no-such-icon"])
    }

    @Test func matchesDoNotOverlapAsInPythonFinditer() {
        #expect(scan(":x:material-home:").isEmpty)
        #expect(scan("::material-home::").map(\.range) == [1..<16])
        #expect(scan(":material-home:material-home:").map(\.range) == [0..<15])
        #expect(scan("a :é:material-home:").isEmpty)
        #expect(scan("a :material-home :material-abacus:").map(\.name) == ["material-abacus"])
    }

    @Test func scansSubstringsRelativeToTheirStart() {
        let text = "xx :material-home:"
        let found = IconShortcodes.scan(text.dropFirst(3), library: .bundled)
        #expect(found == [IconShortcode(range: 0..<15, name: "material-home")])
    }

    @Test func survivesLargeAndAwkwardInput() {
        #expect(scan("").isEmpty)
        #expect(scan(":").isEmpty)
        #expect(scan(String(repeating: ":", count: 100_000)).isEmpty)
        #expect(scan(":" + String(repeating: "a", count: 1_000_000)).isEmpty)
        let many = String(repeating: ":material-home: ", count: 10_000)
        #expect(scan(many).count == 10_000)
    }
}
