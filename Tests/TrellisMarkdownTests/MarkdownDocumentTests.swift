import Testing

@testable import TrellisMarkdown

struct MarkdownDocumentTests {
    @Test func convertsCmarkTreeWithSpansAndMergedText() {
        let document = CMark.parse("# A_b\n\nx :a-b: y\n")
        let kinds = document.preorder().map { document.kind(of: $0) }
        #expect(
            kinds == [
                .document, .heading(level: 1, id: nil), .text("A_b"), .paragraph, .text("x :a-b: y"),
            ])
        let paragraphText = document.preorder()[4]
        #expect(document.span(of: paragraphText) == TextSpan(start: .init(line: 3, byteColumn: 1), end: .init(line: 3, byteColumn: 9)))
    }

    @Test func insertAndRemoveKeepSiblingLinksConsistent() {
        var document = MarkdownDocument()
        let paragraph = document.appendChild(.paragraph, to: document.root)
        let b = document.appendChild(.text("b"), to: paragraph)
        let a = document.insert(.text("a"), before: b)
        let c = document.appendChild(.text("c"), to: paragraph)
        #expect(document.children(of: paragraph) == [a, b, c])
        document.remove(b)
        #expect(document.children(of: paragraph) == [a, c])
        #expect(document.nextSibling(of: a) == c && document.previousSibling(of: c) == a)
        document.remove(a)
        document.remove(c)
        #expect(document.children(of: paragraph).isEmpty)
        #expect(document.firstChild(of: paragraph) == nil && document.lastChild(of: paragraph) == nil)
        #expect(HTMLRenderer().render(document) == "<p></p>\n")
    }

    @Test func walkEntersContainersTwiceAndLeavesOnce() {
        let document = CMark.parse("> *a*\n")
        let events = document.events().map { "\(document.kind(of: $0.node).isLeaf ? "leaf" : "box")\($0.entering ? "+" : "-")" }
        #expect(events == ["box+", "box+", "box+", "box+", "leaf+", "box-", "box-", "box-", "box-"])
    }

    @Test func walkOfASubtreeStaysInsideIt() {
        let document = CMark.parse("*a* b\n\nc\n")
        let emphasis = document.preorder()[2]
        #expect(document.plainText(of: emphasis) == "a")
        #expect(document.plainText(of: document.root) == "a bc")
    }

    @Test func headingWithExistingIdKeepsIt() {
        var document = CMark.parse("## A\n## A\n")
        let first = document.preorder()[1]
        document.setKind(.heading(level: 2, id: "a"), of: first)
        var context = RewriteContext(source: ParsedText("## A\n## A\n"))
        HeadingIDRewriter().rewrite(&document, context: &context)
        #expect(context.headingIDs == ["a", "a_1"])
    }
}
