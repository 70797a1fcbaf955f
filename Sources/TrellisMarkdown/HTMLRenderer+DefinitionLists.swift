/// `def_list` markup as Python-Markdown writes it: `<dd>text</dd>` for a tight definition,
/// `<dd>` and a newline before block content otherwise.
extension HTMLRenderer {
    func renderDefinitionList(
        _ kind: NodeKind, node: NodeID, entering: Bool, in document: MarkdownDocument, to out: inout [UInt8]
    ) {
        switch kind {
        case .definitionList:
            cr(&out)
            out.append(contentsOf: (entering ? "<dl>\n" : "</dl>\n").utf8)
        case .definitionTerm:
            if entering {
                cr(&out)
                appendSimpleOpen("dt", node: node, in: document, plain: Self.dtOpen, to: &out)
            } else {
                out.append(contentsOf: "</dt>\n".utf8)
            }
        case .definitionDescription(let tight):
            if entering {
                cr(&out)
                out.append(contentsOf: "<dd>".utf8)
            } else {
                var endsInText = false
                if tight, let last = document.lastChild(of: node), case .paragraph = document.kind(of: last) { endsInText = true }
                if !endsInText, document.firstChild(of: node) != nil { cr(&out) }
                out.append(contentsOf: "</dd>\n".utf8)
            }
        default:
            break
        }
    }

    private static let dtOpen = Array("<dt>".utf8)
}
