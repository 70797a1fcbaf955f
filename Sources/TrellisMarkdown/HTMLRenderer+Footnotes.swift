/// The footnotes block, in Python-Markdown's markup: `<div class="footnote">`, a rule, and an
/// ordered list whose items carry the `fn:label` ids that references link to.
extension HTMLRenderer {
    /// Emits one enter or exit event of a `footnotes` or `footnoteDefinition` node.
    func renderFootnotes(_ kind: NodeKind, entering: Bool, to out: inout [UInt8]) {
        cr(&out)
        switch kind {
        case .footnotes:
            out.append(contentsOf: (entering ? "<div class=\"footnote\">\n<hr />\n<ol>\n" : "</ol>\n</div>\n").utf8)
        case .footnoteDefinition(let label):
            guard entering else {
                out.append(contentsOf: "</li>\n".utf8)
                return
            }
            out.append(contentsOf: "<li id=\"fn:".utf8)
            HTMLEscaping.appendEscapedHTML(label, to: &out)
            out.append(contentsOf: "\">\n".utf8)
        default:
            break
        }
    }
}
