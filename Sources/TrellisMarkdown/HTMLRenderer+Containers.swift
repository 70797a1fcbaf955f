/// Container blocks, in the markup Python-Markdown's serializer gives Material for MkDocs:
/// attributes in alphabetical order, XHTML-style void tags, and a newline after an opening tag
/// only when the element has content.
extension HTMLRenderer {
    /// Emits one enter or exit event of a container node; returns `false` when the node's
    /// subtree must be skipped (a tab's title, which the tab set's header renders instead).
    func renderContainer(
        _ kind: NodeKind, node: NodeID, entering: Bool, in document: MarkdownDocument, to out: inout [UInt8]
    ) -> Bool {
        switch kind {
        case .admonition(let classes):
            if entering {
                cr(&out)
                out.append(contentsOf: "<div class=\"admonition ".utf8)
                HTMLEscaping.appendEscapedHTML(classes, to: &out)
                out.append(contentsOf: "\">".utf8)
            } else {
                close("</div>\n", hasContent: document.firstChild(of: node) != nil, to: &out)
            }
        case .details(let classes, let open):
            if entering {
                cr(&out)
                out.append(contentsOf: "<details".utf8)
                if !classes.isEmpty {
                    out.append(contentsOf: " class=\"".utf8)
                    HTMLEscaping.appendEscapedHTML(classes, to: &out)
                    out.append(UInt8(ascii: "\""))
                }
                out.append(contentsOf: (open ? " open=\"open\">" : ">").utf8)
            } else {
                close("</details>\n", hasContent: document.firstChild(of: node) != nil, to: &out)
            }
        case .tabbedSet(let number, let selected):
            if entering {
                cr(&out)
                appendTabHeader(node, number: number, selected: selected, in: document, to: &out)
            } else {
                cr(&out)
                out.append(contentsOf: "</div>\n</div>\n".utf8)
            }
        case .tab:
            if entering {
                cr(&out)
                out.append(contentsOf: "<div class=\"tabbed-block\">".utf8)
            } else {
                var body = document.firstChild(of: node)
                if let first = body, case .containerTitle = document.kind(of: first) { body = document.nextSibling(of: first) }
                close("</div>\n", hasContent: body != nil, to: &out)
            }
        case .containerTitle:
            guard let parent = document.parent(of: node) else { return false }
            switch document.kind(of: parent) {
            case .admonition:
                if entering {
                    cr(&out)
                    out.append(contentsOf: "<p class=\"admonition-title\">".utf8)
                } else {
                    out.append(contentsOf: "</p>\n".utf8)
                }
            case .details:
                if entering {
                    cr(&out)
                    out.append(contentsOf: "<summary>".utf8)
                } else {
                    out.append(contentsOf: "</summary>\n".utf8)
                }
            default:
                return false
            }
        default:
            break
        }
        return true
    }

    /// The set's opening tag, one radio input per tab and the labels row, then the content opener.
    private func appendTabHeader(
        _ set: NodeID, number: Int, selected: Int, in document: MarkdownDocument, to out: inout [UInt8]
    ) {
        let tabs = document.children(of: set)
        // A tab's own id is its slug (`TabSlugRewriter`), else the set's number and its own.
        let ids = tabs.enumerated().map { index, tab in
            if case let id?? = document.attributes(of: tab)["id"] { return HighlightMarkup.escapeAttribute(id) }
            return "__tabbed_\(number)_\(index + 1)"
        }
        out.append(contentsOf: "<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"\(number):\(tabs.count)\">".utf8)
        for index in tabs.indices {
            out.append(contentsOf: "<input \(index == selected ? "checked=\"checked\" " : "")".utf8)
            out.append(contentsOf: "id=\"\(ids[index])\" name=\"__tabbed_\(number)\" type=\"radio\" />".utf8)
        }
        out.append(contentsOf: "<div class=\"tabbed-labels\">".utf8)
        for (index, tab) in tabs.enumerated() {
            out.append(contentsOf: "<label for=\"\(ids[index])\">".utf8)
            if let title = document.firstChild(of: tab), case .containerTitle = document.kind(of: title) {
                appendSubtree(document, from: title, to: &out)
            }
            out.append(contentsOf: "</label>".utf8)
        }
        out.append(contentsOf: "</div>\n<div class=\"tabbed-content\">".utf8)
    }

    private func close(_ tag: String, hasContent: Bool, to out: inout [UInt8]) {
        if hasContent { cr(&out) }
        out.append(contentsOf: tag.utf8)
    }
}
