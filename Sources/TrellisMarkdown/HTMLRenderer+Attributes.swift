/// Elements carrying extension attributes (`attr_list`, task lists): all attributes, the
/// element's own included, are written sorted by name, as Python-Markdown's serializer does.
extension HTMLRenderer {
    /// Writes `<name` and the attributes; `own` values are already escaped. No `>`.
    func appendOpenTag(
        _ name: String, own: [(String, [UInt8])], extra: HTMLAttributes, to out: inout [UInt8]
    ) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        var all = own.map { (name: $0.0, value: Optional($0.1)) }
        for pair in extra.escapedPairs where !own.contains(where: { $0.0 == pair.name }) { all.append(pair) }
        HTMLAttributes.appendSorted(all, to: &out)
    }

    /// `<name attributes>` for a node whose only attributes are extra ones.
    func appendSimpleOpen(_ name: String, node: NodeID, in document: MarkdownDocument, plain: [UInt8], to out: inout [UInt8]) {
        let extra = document.attributes(of: node)
        if extra.isEmpty {
            out.append(contentsOf: plain)
        } else {
            appendOpenTag(name, own: [], extra: extra, to: &out)
            out.append(UInt8(ascii: ">"))
            if plain.last == UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        }
    }

    /// A link with extra attributes: `href` and `title` join the sorted list. An `href` among
    /// them is the one written (magiclink's, or `attr_list`'s `{ href=… }`, which Python-Markdown
    /// lets replace the link's own).
    func appendLinkOpen(destination: String, title: String, extra: HTMLAttributes, to out: inout [UInt8]) {
        var own: [(String, [UInt8])] = []
        if extra["href"] == nil {
            var href: [UInt8] = []
            HTMLEscaping.appendEscapedHref(destination, to: &href)
            own.append(("href", href))
        }
        if !title.isEmpty { own.append(("title", HTMLEscaping.escapedHTML(title))) }
        appendOpenTag("a", own: own, extra: extra, to: &out)
        out.append(UInt8(ascii: ">"))
    }

    /// An image with extra attributes, written whole (`alt` must be known to sort it).
    func appendImage(_ node: NodeID, source: String, title: String, in document: MarkdownDocument, to out: inout [UInt8]) {
        var alt: [UInt8] = []
        for event in document.events(from: node) where event.entering && event.node != node {
            appendPlain(document.kind(of: event.node), to: &alt)
        }
        var src: [UInt8] = []
        HTMLEscaping.appendEscapedHref(source, to: &src)
        var own = [("src", src), ("alt", alt)]
        if !title.isEmpty { own.append(("title", HTMLEscaping.escapedHTML(title))) }
        appendOpenTag("img", own: own, extra: document.attributes(of: node), to: &out)
        out.append(contentsOf: " />".utf8)
    }
}
