import Testing

@testable import TrellisMarkdown

/// Node kinds stored compactly come back exactly as they were set, through every change.
struct StoredKindTests {
    static let kinds: [NodeKind] = [
        .blockQuote, .list(ListStyle(ordered: true, start: 7, tight: false)), .item,
        .codeBlock(info: "swift", code: "let x = 1\n"), .htmlBlock("<div>é</div>"), .paragraph,
        .heading(level: 2, id: "a-b"), .heading(level: 3, id: nil), .thematicBreak, .text(""), .text("short"),
        .text(String(repeating: "long text ", count: 20)), .softBreak, .lineBreak, .code("x < y"), .inlineHTML("<b>"),
        .emphasis, .strong, .link(destination: "a.md#b", title: "T"), .image(source: "i.png", title: ""), .rawHTML("<i></i>"),
        .admonition(classes: "note"), .details(classes: "tip", open: true), .tabbedSet(number: 3, selected: 1), .tab,
        .containerTitle, .table, .tableRow, .tableCell(header: true, alignment: nil), .tableCell(header: false, alignment: .left),
        .tableCell(header: true, alignment: .center), .tableCell(header: false, alignment: .right), .footnotes,
        .footnoteDefinition(label: "1"), .definitionList, .definitionTerm, .definitionDescription(tight: true),
        .htmlElement(open: "<div markdown>", close: "</div>", block: true), .taskListMarker(checked: true),
    ]

    @Test func everyKindComesBackAsAppended() {
        var document = MarkdownDocument()
        let nodes = Self.kinds.map { document.appendChild($0, to: document.root) }
        #expect(nodes.map { document.kind(of: $0) } == Self.kinds)
        #expect(nodes.map { document.kind(of: $0).isLeaf } == Self.kinds.map(\.isLeaf))
    }

    @Test func everyKindComesBackAfterBeingReplacedByEveryOther() {
        var document = MarkdownDocument()
        let node = document.appendChild(.paragraph, to: document.root)
        for kind in Self.kinds + Self.kinds.reversed() {
            document.setKind(kind, of: node)
            #expect(document.kind(of: node) == kind)
        }
    }

    @Test func textGrowsInPlaceOrIsCopiedWhenAnotherTextCameAfter() {
        var document = MarkdownDocument()
        let first = document.appendChild(.text("ab"), to: document.root)
        document.appendText("cd", to: first)
        let second = document.appendChild(.text("x"), to: document.root)
        document.appendText("ef", to: first)
        document.appendText("y", to: second)
        #expect(document.kind(of: first) == .text("abcdef"))
        #expect(document.kind(of: second) == .text("xy"))
        #expect(document.isText(first) && !document.isText(document.root))
    }
}
