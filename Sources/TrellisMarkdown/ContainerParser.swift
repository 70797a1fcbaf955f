/// Parses Markdown with MkDocs container blocks (admonitions, details, tabs) on top of cmark.
///
/// A line-level pre-pass: cmark first parses the text as plain CommonMark, which tells us which
/// lines are paragraph text (never fenced or indented code or HTML blocks). A
/// paragraph (or setext heading text) line that starts, at the paragraph's column, with an opener
/// of an enabled extension begins a container, as Python-Markdown finds openers at the start of
/// any line of a block; its body is the following lines indented 4 more columns than the opener
/// (blank lines allowed). Each container is replaced by an HTML comment placeholder of the same line count,
/// the text is parsed again, and each placeholder node is swapped for a container node whose
/// body is the de-indented body parsed the same way (recursively, at most `maxDepth` deep).
/// Body positions are mapped back, so every span refers to the text given to `parse`.
struct ContainerParser: Sendable {
    /// Containers nested deeper than this are left as plain Markdown (bounds stack and work).
    static let maxDepth = 64

    let extensions: Set<MarkdownExtension>
    /// The page's link reference definitions; those a body names are appended to it, so that
    /// `[text][ref]` inside a container resolves against definitions anywhere on the page.
    var definitions = ReferenceDefinitions()

    init(extensions: Set<MarkdownExtension>) {
        self.extensions = extensions
    }

    /// Parses `text`, numbering tab sets in document order as `pymdownx.tabbed` does.
    func parse(_ text: String) -> MarkdownDocument {
        var document = parseTopLevel(text)
        var number = 0
        for node in document.preorder() {
            if case .tabbedSet(_, let selected) = document.kind(of: node) {
                number += 1
                document.setKind(.tabbedSet(number: number, selected: selected), of: node)
            }
        }
        return document
    }

    /// The page parsed with its footnote definitions (if that extension is on and there are any)
    /// moved to a footnotes block at the end.
    private func parseTopLevel(_ text: String) -> MarkdownDocument {
        guard extensions.contains(.footnotes), Self.mightHaveFootnotes(text) else { return parse(text, depth: 0) }
        let plain = CMark.parse(text)
        let source = ParsedText(text)
        let found = Self.footnoteDefinitions(in: plain, source: source)
        return found.isEmpty ? parse(text, depth: 0) : parseWithFootnotes(text, found, source: source, plain: plain)
    }

    /// One container found by the pre-pass.
    struct Found {
        var opener: ContainerOpener
        /// The 1-based line of the opener and the 1-based byte column where `!!!` etc. start.
        var line: Int
        var column: Int
        /// The opener's visual indentation (tabs to multiples of 4) after any block quote markers,
        /// which the body must exceed by 4.
        var indent: Int
        /// How many block quotes the opener is in; every body line carries as many `>` markers.
        var quotes: Int
        /// The body's 1-based lines; `nil` when the container has no body.
        var body: ClosedRange<Int>?
    }

    func parse(_ text: String, depth: Int) -> MarkdownDocument {
        let plain = CMark.parse(text)
        guard depth < Self.maxDepth, !extensions.isEmpty, Self.mightHaveOpener(
                text, pipes: extensions.contains(.tables), colons: extensions.contains(.defList),
                markdownAttribute: extensions.contains(.mdInHTML)) else { return plain }
        let source = ParsedText(text)
        let found = findContainers(in: plain, source: source)
        guard !found.isEmpty else { return plain }
        var parser = self
        if depth == 0 { parser.definitions = Self.referenceDefinitions(in: plain, source: source) }
        var document = CMark.parse(placeholderText(source, found))
        var byLine: [Int: Int] = [:]
        for (index, container) in found.enumerated() { byLine[container.line] = index }
        var placeholders: [(NodeID, Int)] = []
        for node in document.preorder() {
            if case .htmlBlock = document.kind(of: node), let line = document.span(of: node)?.start.line,
                let index = byLine.removeValue(forKey: line)
            {
                placeholders.append((node, index))
            }
        }
        // A placeholder cmark did not see as its own block would lose text: keep plain Markdown.
        guard byLine.isEmpty else { return plain }
        var tabCounts: [NodeID: Int] = [:]
        for (node, index) in placeholders {
            parser.splice(
                found[index], replacing: node, in: &document, tabCounts: &tabCounts, source: source, depth: depth)
        }
        return document
    }

    /// Paragraph lines (outside block quotes) that open a container, with their bodies.
    private func findContainers(in document: MarkdownDocument, source: ParsedText) -> [Found] {
        var found: [Found] = []
        var nextFreeLine = 1
        let paragraphs = extensions.contains(.defList) ? Self.paragraphLines(in: document) : [:]
        var quoteDepth = 0
        for event in document.events() {
            let kind = document.kind(of: event.node)
            if case .blockQuote = kind {
                quoteDepth += event.entering ? 1 : -1
                continue
            }
            // A setext heading's text was paragraph text until its underline: an opener there
            // still opens a container (whose body then ends before the underline).
            guard event.entering, let span = document.span(of: event.node) else { continue }
            if case .htmlBlock = kind, quoteDepth == 0, extensions.contains(.mdInHTML), span.start.line >= nextFreeLine,
                document.parent(of: event.node) == document.root, let element = markdownElement(at: span, source: source)
            {
                found.append(element)
                nextFreeLine = (element.body?.upperBound ?? element.line) + 1
                continue
            }
            switch kind {
            case .paragraph, .heading: break
            default: continue
            }
            var inItem = false
            if let parent = document.parent(of: event.node), case .item = document.kind(of: parent) { inItem = true }
            var line = max(span.start.line, nextFreeLine)
            if case .paragraph = kind, line == span.start.line, extensions.contains(.defList),
                let list = definitionList(
                    paragraph: span, previous: previousParagraph(of: event.node, in: document, from: nextFreeLine),
                    quotes: quoteDepth, paragraphs: paragraphs, source: source)
            {
                found.append(list)
                line = (list.body?.upperBound ?? line) + 1
                nextFreeLine = line
            }
            if case .paragraph = kind, line == span.start.line, extensions.contains(.tables),
                let table = table(in: span, quotes: quoteDepth, source: source)
            {
                found.append(table)
                line = (table.body?.upperBound ?? line) + 1
                nextFreeLine = line
            }
            while line <= span.end.line {
                if let container = opener(
                    at: line, paragraphStart: span.start, inItem: inItem, quotes: quoteDepth, source: source)
                {
                    found.append(container)
                    line = (container.body?.upperBound ?? line) + 1
                    nextFreeLine = line
                } else {
                    line += 1
                }
            }
        }
        return found
    }

    /// The container opened on `line`, if the line holds an opener at the paragraph's column
    /// (or, on a continuation line, further left). In a list item a continuation line may indent
    /// the opener up to 3 more columns, as in Python-Markdown's 4-space list content.
    private func opener(
        at line: Int, paragraphStart: TextPosition, inItem: Bool, quotes: Int, source: ParsedText
    ) -> Found? {
        let start = source.lineStarts[line - 1]
        let end = lineEnd(line, source)
        var offset = start + paragraphStart.byteColumn - 1
        var contentStart = start
        if line == paragraphStart.line {
            guard offset + 3 <= end else { return nil }
            if quotes > 0 {
                guard let marker = source.bytes[start..<offset].lastIndex(of: UInt8(ascii: ">")) else { return nil }
                contentStart = marker + 1
                if contentStart < offset, source.bytes[contentStart] == UInt8(ascii: " ") { contentStart += 1 }
            }
        } else {
            // Python-Markdown matches an opener at the start of any line of a block, so a lazy
            // continuation line (less indented, even outside the list item) opens one too.
            guard let prefixEnd = quotePrefixEnd(line, quotes: quotes, source) else { return nil }
            contentStart = prefixEnd
            offset = prefixEnd
            while offset < end, source.bytes[offset] == UInt8(ascii: " ") { offset += 1 }
            guard offset - start + 1 <= paragraphStart.byteColumn + (inItem ? 3 : 0) else { return nil }
        }
        guard offset + 3 <= end,
            let opener = ContainerOpener.recognise(source.bytes[offset..<end], extensions: extensions)
        else { return nil }
        let indent = Self.columns(source.bytes[contentStart..<offset])
        var last = line
        var next = line + 1
        while next <= source.lineStarts.count, let prefixEnd = quotePrefixEnd(next, quotes: quotes, source) {
            let (columns, blank) = leadingColumns(next, from: prefixEnd, source)
            if !blank && columns < indent + 4 { break }
            if !blank { last = next }
            next += 1
        }
        return Found(
            opener: opener, line: line, column: offset - start + 1, indent: indent, quotes: quotes,
            body: last > line ? (line + 1)...last : nil)
    }

    /// The text with each container replaced by an HTML comment spanning the same lines; the
    /// comment starts at the opener's column, so it stays inside the same list item.
    private func placeholderText(_ source: ParsedText, _ found: [Found]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count)
        var copiedUpTo = 0
        for container in found {
            let start = source.lineStarts[container.line - 1]
            out.append(contentsOf: source.bytes[copiedUpTo..<(start + container.column - 1)])
            out.append(contentsOf: "<!--trellis-container".utf8)
            var endLine = container.line
            if let body = container.body {
                for line in body {
                    out.append(UInt8(ascii: "\n"))
                    let lineStart = source.lineStarts[line - 1]
                    let prefixEnd = quotePrefixEnd(line, quotes: container.quotes, source) ?? lineStart
                    out.append(contentsOf: source.bytes[lineStart..<prefixEnd])
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: container.indent))
                    out.append(UInt8(ascii: "x"))
                }
                endLine = body.upperBound
            }
            out.append(contentsOf: "-->".utf8)
            copiedUpTo = lineEnd(endLine, source)
        }
        out.append(contentsOf: source.bytes[copiedUpTo...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Replaces a placeholder by its container, grouping consecutive tabs into one set
    /// (`tabCounts` holds how many tabs each set made so far has).
    private func splice(
        _ found: Found, replacing placeholder: NodeID, in document: inout MarkdownDocument,
        tabCounts: inout [NodeID: Int], source: ParsedText, depth: Int
    ) {
        let endLine = found.body?.upperBound ?? found.line
        let span = TextSpan(
            start: TextPosition(line: found.line, byteColumn: found.column),
            end: TextPosition(line: endLine, byteColumn: max(1, lineEnd(endLine, source) - source.lineStarts[endLine - 1])))
        let container: NodeID
        switch found.opener.kind {
        case .admonition:
            container = document.insert(.admonition(classes: found.opener.classes), span: span, before: placeholder)
        case .details(let open):
            container = document.insert(
                .details(classes: found.opener.classes, open: open), span: span, before: placeholder)
        case .table(let table):
            let node = document.insert(.table, span: span, before: placeholder)
            document.remove(placeholder)
            appendRows(of: table, to: node, in: &document, source: source)
            return
        case .htmlElement(let shape):
            let node = document.insert(.htmlElement(open: shape.open, close: shape.close, block: shape.block), span: span, before: placeholder)
            document.remove(placeholder)
            appendBody(of: shape, to: node, in: &document, source: source, depth: depth)
            return
        case .definitionList(let shape):
            let node = document.insert(.definitionList, span: span, before: placeholder)
            document.remove(placeholder)
            appendEntries(of: shape, found: found, to: node, in: &document, source: source, depth: depth)
            return
        case .tab(let select, let newSet):
            var set: NodeID
            if !newSet, let previous = document.previousSibling(of: placeholder),
                case .tabbedSet = document.kind(of: previous)
            {
                set = previous
                if var setSpan = document.span(of: set) {
                    setSpan.end = span.end
                    document.setSpan(setSpan, of: set)
                }
            } else {
                set = document.insert(.tabbedSet(number: 0, selected: 0), span: span, before: placeholder)
            }
            let count = tabCounts[set, default: 0]
            tabCounts[set] = count + 1
            if select { document.setKind(.tabbedSet(number: 0, selected: count), of: set) }
            container = document.appendChild(.tab, span: span, to: set)
        }
        document.remove(placeholder)
        if let title = found.opener.title {
            let titleNode = document.appendChild(.containerTitle, span: nil, to: container)
            appendTitle(title, line: found.line, column: found.column + found.opener.titleOffset, to: titleNode, in: &document)
        }
        if let body = found.body {
            let (text, shifts) = dedentedBody(body, indent: found.indent + 4, quotes: found.quotes, source: source)
            let sub = parseBody(text, lineCount: body.count, depth: depth + 1)
            Self.graft(sub, under: container, in: &document) { position in
                let index = min(max(position.line - 1, 0), shifts.count - 1)
                return TextPosition(line: body.lowerBound + index, byteColumn: position.byteColumn + shifts[index])
            }
        }
    }

    /// Parses a title as inline Markdown; anything cmark would not read as one paragraph stays text.
    private func appendTitle(_ title: String, line: Int, column: Int, to node: NodeID, in document: inout MarkdownDocument) {
        guard !title.isEmpty else { return }
        let parsed = CMark.parse(title)
        let blocks = parsed.children(of: parsed.root)
        guard blocks.count == 1, case .paragraph = parsed.kind(of: blocks[0]) else {
            document.appendChild(.text(title), to: node)
            return
        }
        Self.graft(parsed, from: blocks[0], under: node, in: &document) { position in
            TextPosition(line: line, byteColumn: position.byteColumn + column - 1)
        }
    }

    /// Copies the children of `from` (the root by default) in `sub` under `parent`, mapping spans.
    static func graft(
        _ sub: MarkdownDocument, from start: NodeID? = nil, under parent: NodeID, in document: inout MarkdownDocument,
        map: (TextPosition) -> TextPosition
    ) {
        let start = start ?? sub.root
        var parents: [NodeID] = []
        for event in sub.events(from: start) {
            if event.node == start {
                if event.entering { parents.append(parent) }
                continue
            }
            guard event.entering else {
                parents.removeLast()
                continue
            }
            let kind = sub.kind(of: event.node)
            let span = sub.span(of: event.node).map { TextSpan(start: map($0.start), end: map($0.end)) }
            let node = document.appendChild(kind, span: span, to: parents[parents.count - 1])
            if !kind.isLeaf { parents.append(node) }
        }
    }
}
