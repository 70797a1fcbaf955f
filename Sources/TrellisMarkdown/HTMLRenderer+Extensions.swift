/// Markup of the `pymdownx.tasklist` checkbox, `md_in_html` elements and the inline extensions'
/// span elements.
extension HTMLRenderer {
    /// pymdownx's checkbox, followed by a space; wrapped in Material's label with `custom_checkbox`.
    func appendTaskMarker(checked: Bool, to out: inout [UInt8]) {
        if customTaskCheckboxes { out.append(contentsOf: "<label class=\"task-list-control\">".utf8) }
        out.append(contentsOf: "<input type=\"checkbox\"".utf8)
        if !clickableTaskCheckboxes { out.append(contentsOf: " disabled".utf8) }
        if checked { out.append(contentsOf: " checked".utf8) }
        out.append(contentsOf: "/>".utf8)
        if customTaskCheckboxes { out.append(contentsOf: "<span class=\"task-list-indicator\"></span></label>".utf8) }
        out.append(UInt8(ascii: " "))
    }

    /// A block element's tags on lines of their own around its content; a span element's
    /// tags around its inline content.
    func appendHTMLElement(
        open: String, close: String, block: Bool, node: NodeID, entering: Bool, in document: MarkdownDocument,
        to out: inout [UInt8]
    ) {
        if entering {
            cr(&out)
            out.append(contentsOf: open.utf8)
        } else {
            if block, document.firstChild(of: node) != nil { cr(&out) }
            out.append(contentsOf: close.utf8)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// `<mark>`, `<ins>`, … around inline content, with `attr_list`'s attributes if any.
    func appendInlineTag(_ tag: InlineTag, node: NodeID, entering: Bool, in document: MarkdownDocument, to out: inout [UInt8]) {
        if !entering {
            out.append(contentsOf: "</".utf8)
            out.append(contentsOf: tag.rawValue.utf8)
            out.append(UInt8(ascii: ">"))
            return
        }
        let extra = document.attributes(of: node)
        if extra.isEmpty {
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: tag.rawValue.utf8)
        } else {
            appendOpenTag(tag.rawValue, own: [], extra: extra, to: &out)
        }
        out.append(UInt8(ascii: ">"))
    }
}
