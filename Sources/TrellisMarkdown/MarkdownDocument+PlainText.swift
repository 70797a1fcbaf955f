extension MarkdownDocument {
    /// The plain text of a node's content, as Python-Markdown's `toc` sees a heading: text and
    /// code-span literals (entities already decoded by cmark), the text of inline extensions'
    /// markup, breaks as spaces, raw HTML tags and images dropped. Iterative, so any depth is safe.
    public func plainText(of node: NodeID) -> String {
        var text = ""
        var skipping: NodeID?
        for event in events(from: node) {
            if let skip = skipping {
                if skip == event.node && !event.entering { skipping = nil }
                continue
            }
            guard event.entering else { continue }
            switch kind(of: event.node) {
            case .text(let literal), .code(let literal), .inlineMarkup(_, let literal):
                text += literal
            case .softBreak, .lineBreak:
                text += " "
            case .image:
                skipping = event.node
            default:
                break
            }
        }
        return text
    }
}
