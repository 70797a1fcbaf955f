/// Pipe tables, in Python-Markdown's markup: every table element on its own line, `thead` then
/// `tbody`, and alignment as `style="text-align: …;"` (its default, which MkDocs keeps).
extension HTMLRenderer {
    /// Emits one enter or exit event of a table, row or cell node.
    func renderTable(
        _ kind: NodeKind, node: NodeID, entering: Bool, in document: MarkdownDocument, to out: inout [UInt8]
    ) {
        switch kind {
        case .table:
            cr(&out)
            out.append(contentsOf: (entering ? "<table>\n<thead>\n" : "</tbody>\n</table>\n").utf8)
        case .tableRow:
            guard !entering else {
                out.append(contentsOf: "<tr>\n".utf8)
                return
            }
            out.append(contentsOf: "</tr>\n".utf8)
            if let table = document.parent(of: node), document.firstChild(of: table) == node {
                out.append(contentsOf: "</thead>\n<tbody>\n".utf8)
            }
        case .tableCell(let header, let alignment):
            let tag = header ? "th" : "td"
            guard entering else {
                out.append(contentsOf: "</\(tag)>\n".utf8)
                return
            }
            let extra = document.attributes(of: node)
            if !extra.isEmpty {
                let own = alignment.map { [("style", Array("text-align: \($0.rawValue);".utf8))] } ?? []
                appendOpenTag(tag, own: own, extra: extra, to: &out)
            } else {
                out.append(contentsOf: "<\(tag)".utf8)
                if let alignment {
                    out.append(contentsOf: " style=\"text-align: \(alignment.rawValue);\"".utf8)
                }
            }
            out.append(UInt8(ascii: ">"))
        default:
            break
        }
    }
}
