/// Python-Markdown strips a code span's text of white space at both ends (`` `] ` `` is
/// `<code>]</code>`), where CommonMark strips one space only when both ends have one. On MkDocs
/// pages (the Python-Markdown dialect) code spans are stripped as Python-Markdown strips them.
public struct CodeSpanStripRewriter: MarkdownRewriter {
    public var name: String { "code span white space" }

    public init() {}

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        var edits: [(NodeID, String)] = []
        for node in document.preorder() {
            guard case .code(let text) = document.kind(of: node), let first = text.unicodeScalars.first,
                let last = text.unicodeScalars.last, PythonCharacter.isSpace(first) || PythonCharacter.isSpace(last)
            else { continue }
            edits.append((node, text.trimmingPythonWhitespace()))
        }
        for (node, text) in edits { document.setKind(.code(text), of: node) }
    }
}
