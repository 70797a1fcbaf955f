/// Renders a `MarkdownDocument` to HTML, byte-identical to cmark's `cmark_render_html` with
/// `UNSAFE | SMART` for documents no rewriter touched.
///
/// Trellis additions: a heading with an id gets `id="…"` and a Python-Markdown `toc` permalink
/// (`<a class="headerlink" href="#id" title="Permanent link">&para;</a>`), `rawHTML` nodes are
/// emitted verbatim, and container nodes (admonitions, details, tabs) get Material for MkDocs'
/// markup (see `HTMLRenderer+Containers.swift`). The walk is iterative, so nesting depth costs
/// no stack.
public struct HTMLRenderer: Sendable {
    /// Whether headings with an id get a permalink anchor (Material's `toc.permalink: true`).
    public var permalinks: Bool
    /// The permalink's content, inserted as HTML (Python-Markdown's default is `&para;`).
    public var permalinkSymbol: String
    /// The permalink's `title` attribute.
    public var permalinkTitle: String
    /// `pymdownx.tasklist`'s `custom_checkbox`: wrap task checkboxes in Material's
    /// `task-list-control` label (off by default, as in pymdownx; Material recommends it on).
    public var customTaskCheckboxes: Bool
    /// `pymdownx.tasklist`'s `clickable_checkbox`: task checkboxes without `disabled`.
    public var clickableTaskCheckboxes: Bool
    /// `toc`'s `baselevel`: a `#` heading is written at this level, deeper ones below it (at
    /// most `h6`), as Python-Markdown shifts them. Material's blog renders excerpts at 2.
    public var headingBaseLevel = 1
    /// `toc`'s `anchorlink`: a heading with an id wraps its content in
    /// `<a class="toclink" href="#id">`, as Material's blog renders excerpt headings.
    public var headingAnchorLinks = false

    public init(
        permalinks: Bool = true, permalinkSymbol: String = "&para;", permalinkTitle: String = "Permanent link",
        customTaskCheckboxes: Bool = false, clickableTaskCheckboxes: Bool = false
    ) {
        self.permalinks = permalinks
        self.permalinkSymbol = permalinkSymbol
        self.permalinkTitle = permalinkTitle
        self.customTaskCheckboxes = customTaskCheckboxes
        self.clickableTaskCheckboxes = clickableTaskCheckboxes
    }

    /// The HTML of the whole document. Top-level blocks are rendered into pieces of about
    /// 64 KiB, copied into the result (allocated once, at its size) and freed one by one, so a
    /// big page's HTML is never held twice nor grown by doubling.
    public func render(_ document: MarkdownDocument) -> String {
        render(document, expectedBytes: 0)
    }

    /// As `render(_:)`, first trying to write the HTML straight into a string of
    /// `expectedBytes` (an upper guess: pages of memory it never writes are never touched), so
    /// no pieces are held beside it; a page whose HTML is bigger is rendered in pieces.
    func render(_ document: MarkdownDocument, expectedBytes: Int) -> String {
        if expectedBytes >= 1 << 20, let html = renderDirectly(document, capacity: expectedBytes) { return html }
        let pieceSize = 1 << 16
        var pieces: [[UInt8]] = []
        var out: [UInt8] = []
        var block = document.firstChild(of: document.root)
        while let current = block {
            appendSubtree(document, from: current, to: &out)
            if out.count >= pieceSize {
                pieces.append(out)
                out = []
            }
            block = document.nextSibling(of: current)
        }
        pieces.append(out)
        let total = pieces.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var written = 0
            for index in pieces.indices {
                let piece = UnsafeMutableBufferPointer(rebasing: buffer[written..<(written + pieces[index].count)])
                _ = piece.initialize(from: pieces[index])
                written += pieces[index].count
                pieces[index] = []
            }
            return written
        }
    }

    /// Renders the document, handing `write` pieces of about 64 KiB (cut anywhere, even inside
    /// one huge paragraph); `false` as soon as `write` does.
    func render(_ document: MarkdownDocument, writingTo write: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var out: [UInt8] = []
        // `cr` looks at the byte before, so the last byte handed on stays at the piece's start.
        var carried = 0
        func flush(_ out: inout [UInt8]) -> Bool {
            guard out.count > carried else { return true }
            guard out.withUnsafeBytes({ write(UnsafeRawBufferPointer(rebasing: $0[carried...])) }) else { return false }
            let last = out[out.count - 1]
            out.removeAll(keepingCapacity: true)
            out.append(last)
            carried = 1
            return true
        }
        var block = document.firstChild(of: document.root)
        while let current = block {
            guard appendSubtree(document, from: current, to: &out, flushingAt: 1 << 16, flush) else { return false }
            block = document.nextSibling(of: current)
        }
        return flush(&out)
    }

    /// The HTML written a top-level block at a time into a string of `capacity` bytes; `nil`
    /// if it does not fit.
    private func renderDirectly(_ document: MarkdownDocument, capacity: Int) -> String? {
        var fits = true
        let html = String(unsafeUninitializedCapacity: capacity) { buffer in
            var written = 0
            var out: [UInt8] = []
            var block = document.firstChild(of: document.root)
            while let current = block {
                // `cr` looks at the byte before, so the block starts after the last one written.
                out.removeAll(keepingCapacity: true)
                if written > 0 { out.append(buffer[written - 1]) }
                let carried = out.count
                appendSubtree(document, from: current, to: &out)
                let count = out.count - carried
                guard count <= capacity - written else {
                    fits = false
                    return 0
                }
                _ = UnsafeMutableBufferPointer(rebasing: buffer[written..<(written + count)]).initialize(from: out[carried...])
                written += count
                block = document.nextSibling(of: current)
            }
            return written
        }
        return fits ? html : nil
    }

    /// Renders the subtree under `start`. A tab's title renders only from the tab set's header
    /// (where it is the `start`), never in the tab's body.
    func appendSubtree(_ document: MarkdownDocument, from start: NodeID, to out: inout [UInt8]) {
        appendSubtree(document, from: start, to: &out, flushingAt: .max) { _ in true }
    }

    /// As `appendSubtree(_:from:to:)`, handing `out` to `flush` whenever it holds `threshold`
    /// bytes or more between two nodes; `false` as soon as `flush` does.
    @discardableResult
    func appendSubtree(
        _ document: MarkdownDocument, from start: NodeID, to out: inout [UInt8], flushingAt threshold: Int,
        _ flush: (inout [UInt8]) -> Bool
    ) -> Bool {
        // While rendering an image's alt text, the image node; its descendants render as plain text.
        var plainImage: NodeID?
        // A subtree being skipped (a tab's title in the tab body).
        var skipping: NodeID?
        for event in document.events(from: start) {
            if out.count >= threshold, !flush(&out) { return false }
            let node = event.node
            if let skip = skipping {
                if skip == node && !event.entering { skipping = nil }
                continue
            }
            if plainImage == node { plainImage = nil }
            let kind = document.kind(of: node)
            if plainImage != nil {
                appendPlain(kind, to: &out)
                continue
            }
            switch kind {
            case .document:
                break
            case .admonition, .details, .tabbedSet, .tab, .containerTitle:
                if node == start, case .containerTitle = kind { break }
                if !renderContainer(kind, node: node, entering: event.entering, in: document, to: &out) {
                    skipping = node
                }
            case .table, .tableRow, .tableCell:
                renderTable(kind, node: node, entering: event.entering, in: document, to: &out)
            case .htmlElement(let open, let close, let block):
                appendHTMLElement(open: open, close: close, block: block, node: node, entering: event.entering, in: document, to: &out)
            case .captionFigure(let figure):
                appendHTMLElement(
                    open: HTMLBlockTags.openTag("figure", figure.attributes), close: "</figure>", block: true, node: node,
                    entering: event.entering, in: document, to: &out)
            case .definitionList, .definitionTerm, .definitionDescription:
                renderDefinitionList(kind, node: node, entering: event.entering, in: document, to: &out)
            case .footnotes, .footnoteDefinition:
                renderFootnotes(kind, entering: event.entering, to: &out)
            case .blockQuote:
                cr(&out)
                out.append(contentsOf: event.entering ? Tags.blockquoteOpen : Tags.blockquoteClose)
            case .list(let style):
                if event.entering {
                    cr(&out)
                    let extra = document.attributes(of: node)
                    if !extra.isEmpty {
                        let own = style.ordered && style.start != 1 ? [("start", Array(String(style.start).utf8))] : []
                        appendOpenTag(style.ordered ? "ol" : "ul", own: own, extra: extra, to: &out)
                        out.append(contentsOf: ">\n".utf8)
                    } else if !style.ordered {
                        out.append(contentsOf: Tags.ulOpen)
                    } else if style.start == 1 {
                        out.append(contentsOf: Tags.olOpen)
                    } else {
                        out.append(contentsOf: Array("<ol start=\"\(style.start)\">\n".utf8))
                    }
                } else {
                    out.append(contentsOf: style.ordered ? Tags.olClose : Tags.ulClose)
                }
            case .item:
                if event.entering {
                    cr(&out)
                    appendSimpleOpen("li", node: node, in: document, plain: Tags.liOpen, to: &out)
                } else {
                    out.append(contentsOf: Tags.liClose)
                }
            case .heading(let level, let id):
                if event.entering {
                    cr(&out)
                    appendHeadingOpen(level: level, id: id, extra: document.attributes(of: node), to: &out)
                } else {
                    appendHeadingClose(level: level, id: id, to: &out)
                }
            case .codeBlock(let info, let code):
                cr(&out)
                if info.isEmpty {
                    out.append(contentsOf: Tags.preCode)
                } else {
                    out.append(contentsOf: Tags.preCodeClass)
                    HTMLEscaping.appendEscapedHTML(firstWord(of: info), to: &out)
                    out.append(contentsOf: Tags.quoteClose)
                }
                HTMLEscaping.appendEscapedHTML(code, to: &out)
                out.append(contentsOf: Tags.preCodeClose)
            case .htmlBlock(let html):
                cr(&out)
                out.append(contentsOf: html.utf8)
                cr(&out)
            case .thematicBreak:
                cr(&out)
                out.append(contentsOf: Tags.hr)
            case .paragraph:
                if !isTight(node, in: document) {
                    if event.entering {
                        cr(&out)
                        appendSimpleOpen("p", node: node, in: document, plain: Tags.pOpen, to: &out)
                    } else {
                        out.append(contentsOf: Tags.pClose)
                    }
                }
            case .text(let text):
                HTMLEscaping.appendEscapedHTML(text, to: &out)
            case .softBreak:
                out.append(UInt8(ascii: "\n"))
            case .lineBreak:
                out.append(contentsOf: Tags.br)
            case .code(let code):
                appendSimpleOpen("code", node: node, in: document, plain: Tags.codeOpen, to: &out)
                HTMLEscaping.appendEscapedHTML(code, to: &out)
                out.append(contentsOf: Tags.codeClose)
            case .taskListMarker(let checked):
                appendTaskMarker(checked: checked, to: &out)
            case .inlineHTML(let html), .rawHTML(let html), .inlineMarkup(let html, _), .math(let html):
                out.append(contentsOf: html.utf8)
            case .inlineTag(let tag):
                appendInlineTag(tag, node: node, entering: event.entering, in: document, to: &out)
            case .emphasis:
                if event.entering {
                    appendSimpleOpen("em", node: node, in: document, plain: Tags.emOpen, to: &out)
                } else {
                    out.append(contentsOf: Tags.emClose)
                }
            case .strong:
                if event.entering {
                    appendSimpleOpen("strong", node: node, in: document, plain: Tags.strongOpen, to: &out)
                } else {
                    out.append(contentsOf: Tags.strongClose)
                }
            case .link(let destination, let title):
                if !event.entering {
                    out.append(contentsOf: Tags.aClose)
                } else if case let extra = document.attributes(of: node), !extra.isEmpty {
                    appendLinkOpen(destination: destination, title: title, extra: extra, to: &out)
                } else {
                    out.append(contentsOf: Tags.aOpen)
                    HTMLEscaping.appendEscapedHref(destination, to: &out)
                    appendTitle(title, to: &out)
                    out.append(contentsOf: Tags.quoteClose)
                }
            case .image(let source, let title):
                if event.entering, !document.attributes(of: node).isEmpty {
                    appendImage(node, source: source, title: title, in: document, to: &out)
                    skipping = node
                } else if event.entering {
                    out.append(contentsOf: Tags.imgOpen)
                    HTMLEscaping.appendEscapedHref(source, to: &out)
                    out.append(contentsOf: Tags.altOpen)
                    plainImage = node
                } else {
                    appendTitle(title, to: &out)
                    out.append(contentsOf: Tags.imgClose)
                }
            }
        }
        return true
    }

    private func appendHeadingOpen(level written: Int, id: String?, extra: HTMLAttributes, to out: inout [UInt8]) {
        let level = shifted(written)
        defer {
            if headingAnchorLinks, let id {
                out.append(contentsOf: "<a class=\"toclink\" href=\"#".utf8)
                HTMLEscaping.appendEscapedHTML(id, to: &out)
                out.append(contentsOf: "\">".utf8)
            }
        }
        if extra.isEmpty {
            out.append(contentsOf: "<h\(level)".utf8)
            if let id {
                out.append(contentsOf: " id=\"".utf8)
                HTMLEscaping.appendEscapedHTML(id, to: &out)
                out.append(UInt8(ascii: "\""))
            }
        } else {
            let own = id.map { [("id", HTMLEscaping.escapedHTML($0))] } ?? []
            appendOpenTag("h\(level)", own: own, extra: extra, to: &out)
        }
        out.append(UInt8(ascii: ">"))
    }

    /// A heading's level after `headingBaseLevel`.
    private func shifted(_ level: Int) -> Int {
        min(6, max(1, level + headingBaseLevel - 1))
    }

    private func appendHeadingClose(level written: Int, id: String?, to out: inout [UInt8]) {
        let level = shifted(written)
        if headingAnchorLinks, id != nil { out.append(contentsOf: "</a>".utf8) }
        if let id, permalinks {
            out.append(contentsOf: "<a class=\"headerlink\" href=\"#".utf8)
            HTMLEscaping.appendEscapedHTML(id, to: &out)
            out.append(contentsOf: "\" title=\"".utf8)
            HTMLEscaping.appendEscapedHTML(permalinkTitle, to: &out)
            out.append(contentsOf: "\">".utf8)
            out.append(contentsOf: permalinkSymbol.utf8)
            out.append(contentsOf: "</a>".utf8)
        }
        out.append(contentsOf: "</h\(level)>\n".utf8)
    }

    /// Inside an image's alt text, cmark keeps only the literal text, breaks become spaces.
    func appendPlain(_ kind: NodeKind, to out: inout [UInt8]) {
        switch kind {
        case .text(let text), .code(let text), .inlineHTML(let text), .inlineMarkup(_, let text):
            HTMLEscaping.appendEscapedHTML(text, to: &out)
        case .softBreak, .lineBreak:
            out.append(UInt8(ascii: " "))
        case .math(let html):
            HTMLEscaping.appendEscapedHTML(MarkdownDocument.textContent(ofHTML: html), to: &out)
        default:
            break
        }
    }

    private func appendTitle(_ title: String, to out: inout [UInt8]) {
        guard !title.isEmpty else { return }
        out.append(contentsOf: Tags.titleOpen)
        HTMLEscaping.appendEscapedHTML(title, to: &out)
    }

    private func isTight(_ paragraph: NodeID, in document: MarkdownDocument) -> Bool {
        guard let parent = document.parent(of: paragraph) else { return false }
        if case .definitionDescription(true) = document.kind(of: parent) { return true }
        guard let grandparent = document.parent(of: parent), case .list(let style) = document.kind(of: grandparent) else { return false }
        return style.tight
    }

    /// The info string up to its first whitespace (cmark's `cmark_isspace`), the language.
    private func firstWord(of info: String) -> String {
        let utf8 = info.utf8
        let end = utf8.firstIndex { [9, 10, 11, 12, 13, 32].contains($0) } ?? utf8.endIndex
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self)
    }

    func cr(_ out: inout [UInt8]) {
        if let last = out.last, last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
    }
}

/// The fixed pieces of markup, as bytes.
private enum Tags {
    static let blockquoteOpen = Array("<blockquote>\n".utf8)
    static let blockquoteClose = Array("</blockquote>\n".utf8)
    static let ulOpen = Array("<ul>\n".utf8)
    static let ulClose = Array("</ul>\n".utf8)
    static let olOpen = Array("<ol>\n".utf8)
    static let olClose = Array("</ol>\n".utf8)
    static let liOpen = Array("<li>".utf8)
    static let liClose = Array("</li>\n".utf8)
    static let preCode = Array("<pre><code>".utf8)
    static let preCodeClass = Array("<pre><code class=\"language-".utf8)
    static let preCodeClose = Array("</code></pre>\n".utf8)
    static let quoteClose = Array("\">".utf8)
    static let hr = Array("<hr />\n".utf8)
    static let pOpen = Array("<p>".utf8)
    static let pClose = Array("</p>\n".utf8)
    static let br = Array("<br />\n".utf8)
    static let codeOpen = Array("<code>".utf8)
    static let codeClose = Array("</code>".utf8)
    static let emOpen = Array("<em>".utf8)
    static let emClose = Array("</em>".utf8)
    static let strongOpen = Array("<strong>".utf8)
    static let strongClose = Array("</strong>".utf8)
    static let aOpen = Array("<a href=\"".utf8)
    static let aClose = Array("</a>".utf8)
    static let imgOpen = Array("<img src=\"".utf8)
    static let altOpen = Array("\" alt=\"".utf8)
    static let imgClose = Array("\" />".utf8)
    static let titleOpen = Array("\" title=\"".utf8)
}
