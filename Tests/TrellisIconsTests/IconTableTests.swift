import Foundation
import Testing

@testable import TrellisIcons

/// The compact resource format decodes losslessly and binary search finds every line.
struct IconTableTests {
    static let text = """
        #format trellis-icons 1
        #source test 1.0
        #sets a b
        #roots top
        #dict <svg 
        #dict <!--c-->
        a-first\t\\0x="1">\\1</svg>
        a-mid\t\\0>line\\none\\\\two\\tthree\\rfour</svg>
        b-last\tplain
        top\t\\0/>

        """

    @Test func decodesEscapesAndDictionaryEntries() throws {
        let table = try IconTable(data: Data(Self.text.utf8))
        #expect(table.svg(named: "a-first") == #"<svg x="1"><!--c--></svg>"#)
        #expect(table.svg(named: "a-mid") == "<svg >line\none\\two\tthree\rfour</svg>")
        #expect(table.svg(named: "b-last") == "plain")
        #expect(table.svg(named: "top") == "<svg />")
        #expect(table.sets == ["a", "b"])
        #expect(table.roots == ["top"])
        #expect(table.source == "test 1.0")
    }

    @Test(arguments: ["", "a", "a-", "a-firsts", "a-mi", "0", "zzz", "b-lastx", "#sets"])
    func missingNamesAreNotFound(name: String) throws {
        let table = try IconTable(data: Data(Self.text.utf8))
        #expect(table.svg(named: name) == nil)
    }

    @Test func fileWithoutTrailingNewlineStillFindsTheLastLine() throws {
        let table = try IconTable(data: Data(Self.text.dropLast().utf8))
        #expect(table.svg(named: "top") == "<svg />")
        #expect(table.allNames() == ["a-first", "a-mid", "b-last", "top"])
    }

    @Test func fileWithoutHeaderIsRejected() {
        #expect(throws: (any Error).self) { try IconTable(data: Data("a\tb\n".utf8)) }
        #expect(throws: (any Error).self) { try IconTable(data: Data()) }
    }
}
