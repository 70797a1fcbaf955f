/// Parses Markdown with MkDocs container blocks (admonitions, details, tabs) on top of cmark.
///
/// A line-level pre-pass: cmark first parses the text as plain CommonMark, which tells us which
/// lines are paragraph text (never fenced or indented code or HTML blocks). A
/// paragraph (or setext heading text) line that starts, at the paragraph's column, with an opener
/// of an enabled extension begins a container, as Python-Markdown finds openers at the start of
/// any line of a block; its body is the following lines indented 4 more columns than the opener
/// (blank lines allowed). Each container is replaced by an HTML comment placeholder of the same line count,
/// the text is parsed again, and each placeholder node is swapped for a container node whose
/// body is the de-indented body parsed the same way (recursively, at most `maxDepth` deep, and
/// within `NestingLimits`' copy budget). Body positions are mapped back, so every span refers to
/// the text given to `parse`.
struct ContainerParser: Sendable {
    /// Containers nested deeper than this are left as plain Markdown (bounds stack and work).
    static let maxDepth = 64

    let extensions: Set<MarkdownExtension>
    /// Whether cmark turns quotes, dashes and ellipses into typographic ones (`smarty`).
    var smart: Bool { extensions.contains(.smarty) }
    /// The page's nesting bounds, shared by the copies of the parser down the recursion.
    let limits = NestingLimits()
    /// The page's link reference definitions; those a body names are appended to it, so that
    /// `[text][ref]` inside a container resolves against definitions anywhere on the page.
    var definitions = ReferenceDefinitions()

    /// `pymdownx.arithmatex`'s options, when formulas are found as each text is parsed.
    let math: ArithmatexOptions?
    /// The `pymdownx.blocks` extensions' options.
    let blocks: BlockSettings
    /// The page's `///` blocks left as text, shared like `limits`.
    let notes = BlockNotes()

    init(extensions: Set<MarkdownExtension>, math: ArithmatexOptions? = nil, blocks: BlockSettings = BlockSettings()) {
        self.extensions = extensions
        self.math = math
        self.blocks = blocks
    }

    /// Parses `text` (whose line table `source` is, if the caller has one), numbering tab sets
    /// in document order as `pymdownx.tabbed` does. A container beyond the nesting limits stays
    /// plain; the first is `limits.problem`.
    func parse(_ text: String, source: ParsedText? = nil) -> MarkdownDocument {
        limits.start(pageBytes: text.utf8.count)
        notes.start()
        var document = parseTopLevel(text, source: source)
        // The sets are found by a walk first: a big page's array of every node is not needed.
        var sets: [(NodeID, Int)] = []
        for event in document.events() where event.entering {
            if case .tabbedSet(_, let selected) = document.kind(of: event.node) { sets.append((event.node, selected)) }
        }
        for (number, (node, selected)) in sets.enumerated() {
            document.setKind(.tabbedSet(number: number + 1, selected: selected), of: node)
        }
        if extensions.contains(.blocksCaption) { CaptionNumbering.apply(to: &document, autoLevel: blocks.captionAutoLevel) }
        return document
    }

    /// The page parsed with its footnote definitions (if that extension is on and there are any)
    /// moved to a footnotes block at the end.
    private func parseTopLevel(_ text: String, source given: ParsedText?) -> MarkdownDocument {
        guard extensions.contains(.footnotes), Self.mightHaveFootnotes(text) else { return parse(text, depth: 0, source: given) }
        let source = given ?? ParsedText(text)
        let plain = Self.blockParse(source.bytes, smart: smart)
        let found = Self.footnoteDefinitions(in: plain, source: source)
        return found.isEmpty ? parse(text, depth: 0, source: source) : parseWithFootnotes(text, found, source: source, plain: plain)
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

    /// Parses `text` at nesting `depth` (`source` is its line table, if the caller has one).
    func parse(_ text: String, depth: Int, source given: ParsedText? = nil) -> MarkdownDocument {
        parse(given ?? ParsedText(text), depth: depth)
    }

    /// Parses the text of `source` at nesting `depth`. The text is let go of (if nothing else
    /// holds it) before the body of its last container is parsed, so a chain of nested bodies
    /// holds one or two of them at a time, not one per level.
    func parse(_ source: consuming ParsedText, depth: Int) -> MarkdownDocument {
        // The plain tree is gone before the placeholder text is parsed: a big page never holds both.
        let found: [Found], definitions: ReferenceDefinitions?
        switch plan(source, depth: depth) {
        case .plain(let document): return document
        case .splice(let containers, let pageDefinitions): (found, definitions) = (containers, pageDefinitions)
        }
        var parser = self
        if let definitions { parser.definitions = definitions }
        var document = CMark.parse(bytes: placeholderText(source, found), smart: smart, math: math)
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
        guard byLine.isEmpty, let (lastNode, lastIndex) = placeholders.popLast() else { return CMark.parse(bytes: source.bytes, smart: smart, math: math) }
        var tabCounts: [NodeID: Int] = [:]
        for (node, index) in placeholders {
            let body = parser.splice(
                found[index], replacing: node, in: &document, tabCounts: &tabCounts, source: copy source, depth: depth)
            if let body { parser.graftBody(body, in: &document, depth: depth) }
        }
        let body = parser.splice(
            found[lastIndex], replacing: lastNode, in: &document, tabCounts: &tabCounts, source: consume source, depth: depth)
        if let body { parser.graftBody(body, in: &document, depth: depth) }
        return document
    }

    /// A container's body cut out of its text, parsed once the splice is done (so the splice's
    /// frame is not on the stack of every nesting level).
    struct Body {
        var container: NodeID
        var bytes: [UInt8]
        /// Whether the body is inline content (a `pymdownx.blocks.html` span element).
        var inline = false
        /// Whether the body becomes a definition list (`pymdownx.blocks.definition`).
        var definition = false
        /// The body's lines in the text it was cut from, and per line the bytes removed before it.
        var lines: ClosedRange<Int>
        var shifts: [Int]
    }

    /// Parses `body` and grafts it under its container.
    private func graftBody(_ body: consuming Body, in document: inout MarkdownDocument, depth: Int) {
        let (container, first, shifts) = (body.container, body.lines.lowerBound, body.shifts)
        let map = { (position: TextPosition) -> TextPosition in
            let index = min(max(position.line - 1, 0), shifts.count - 1)
            return TextPosition(line: first + index, byteColumn: position.byteColumn + shifts[index])
        }
        let lineCount = body.lines.count
        let (inline, definition) = (body.inline, body.definition)
        let parsed = parseBody(ParsedText(bytes: (consume body).bytes), lineCount: lineCount, depth: depth + 1, map: map)
        if inline {
            Self.appendInline(parsed, under: container, in: &document, map: map)
        } else {
            Self.graft(parsed, under: container, in: &document, map: map)
        }
        if definition { Self.makeDefinitionList(container, in: &document) }
    }

    /// The text with each container replaced by an HTML comment spanning the same lines; the
    /// comment starts at the opener's column, so it stays inside the same list item.
    private func placeholderText(_ source: ParsedText, _ found: [Found]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count)
        var copiedUpTo = 0
        for container in found {
            let start = source.lineStart(container.line)
            out.append(contentsOf: source.slice(copiedUpTo, (start + container.column - 1)))
            out.append(contentsOf: "<!--trellis-container".utf8)
            var endLine = container.line
            if let body = container.body {
                for line in body {
                    out.append(UInt8(ascii: "\n"))
                    let lineStart = source.lineStart(line)
                    let prefixEnd = quotePrefixEnd(line, quotes: container.quotes, source) ?? lineStart
                    out.append(contentsOf: source.slice(lineStart, prefixEnd))
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: container.indent))
                    out.append(UInt8(ascii: "x"))
                }
                endLine = body.upperBound
            }
            out.append(contentsOf: "-->".utf8)
            copiedUpTo = source.lineEnd(endLine)
        }
        out.append(contentsOf: source.slice(copiedUpTo, source.bytes.count))
        return out
    }

    /// Replaces a placeholder by its container, grouping consecutive tabs into one set
    /// (`tabCounts` holds how many tabs each set made so far has).
    private func splice(
        _ found: Found, replacing placeholder: NodeID, in document: inout MarkdownDocument,
        tabCounts: inout [NodeID: Int], source: consuming ParsedText, depth: Int
    ) -> Body? {
        let endLine = found.body?.upperBound ?? found.line
        let span = TextSpan(
            start: TextPosition(line: found.line, byteColumn: found.column),
            end: TextPosition(line: endLine, byteColumn: max(1, source.lineEnd(endLine) - source.lineStart(endLine))))
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
            return nil
        case .htmlElement(let shape):
            let node = document.insert(.htmlElement(open: shape.open, close: shape.close, block: shape.block), span: span, before: placeholder)
            document.remove(placeholder)
            appendBody(of: shape, to: node, in: &document, source: source, depth: depth)
            return nil
        case .definitionList(let shape):
            let node = document.insert(.definitionList, span: span, before: placeholder)
            document.remove(placeholder)
            appendEntries(of: shape, found: found, to: node, in: &document, source: source, depth: depth)
            return nil
        case .tab(let select, let newSet):
            container = Self.tab(select: select, newSet: newSet, span: span, before: placeholder, in: &document, tabCounts: &tabCounts)
        case .block(let shape):
            return spliceBlock(found, shape, span: span, replacing: placeholder, in: &document, tabCounts: &tabCounts, source: source)
        }
        document.remove(placeholder)
        if let title = found.opener.title {
            let titleNode = document.appendChild(.containerTitle, span: nil, to: container)
            appendTitle(title, line: found.line, column: found.column + found.opener.titleOffset, to: titleNode, in: &document)
        }
        guard let lines = found.body else { return nil }
        let (bytes, shifts) = dedentedBody(lines, indent: found.indent + 4, quotes: found.quotes, source: source)
        return Body(container: container, bytes: bytes, lines: lines, shifts: shifts)
    }

    /// A new tab in the tab set just before `placeholder`, or in a new set there.
    static func tab(
        select: Bool, newSet: Bool, span: TextSpan, before placeholder: NodeID, in document: inout MarkdownDocument,
        tabCounts: inout [NodeID: Int]
    ) -> NodeID {
        var set: NodeID
        if !newSet, let previous = document.previousSibling(of: placeholder), case .tabbedSet = document.kind(of: previous) {
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
        return document.appendChild(.tab, span: span, to: set)
    }

    /// The bytes the bodies of `found` span, which splicing them copies (a tab may become 3
    /// spaces, so 4 bytes a line are added).
    static func bodyBytes(of found: [Found], _ source: ParsedText) -> Int {
        found.reduce(0) { total, container in
            guard let body = container.body else { return total }
            return total + source.lineEnd(body.upperBound) - source.lineStart(body.lowerBound) + 4 * body.count
        }
    }

    /// Parses a title as inline Markdown; anything cmark would not read as one paragraph stays text.
    func appendTitle(_ title: String, line: Int, column: Int, to node: NodeID, in document: inout MarkdownDocument) {
        guard !title.isEmpty else { return }
        let parsed = CMark.parse(title, smart: smart, math: math)
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
