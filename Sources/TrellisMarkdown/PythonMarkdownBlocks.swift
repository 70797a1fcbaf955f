/// Python-Markdown's block rules where they differ from CommonMark and real MkDocs pages rely on
/// them, applied to an MkDocs page as small edits of its text before cmark reads it (the edits
/// are mapped back like the line-ending normalisation, so positions stay the file's):
///
/// - a list cannot interrupt a paragraph: Python-Markdown starts a list only at the start of a
///   block (after a blank line), so `Text:` followed by `- a` lines is one paragraph and the
///   markers are text. The marker is escaped (`\-`, `12\.`);
/// - `1)` never starts a list (Python-Markdown knows only `1.`): the `)` is escaped;
/// - an ATX heading needs no space after its `#`s (`##Title`, `###` + no-break space): a space
///   is inserted, or the no-break space becomes one (Python-Markdown strips it from the title);
/// - inside an `md_in_html` element (`<div markdown="1">`), an HTML element is a block of its own:
///   the line after one that ends an element (`<hr />`, `</summary>`, a `<p markdown>…</p>`
///   line, the `</div>` of a nested `markdown` element) starts a new block, where cmark would
///   go on with the HTML block to the next blank line. A blank line is inserted.
///
/// Lines in fenced code, in indented code and in raw HTML blocks are never edited. Which lines
/// are code is told by indentation as Python-Markdown tells it (4 columns past the content of
/// the list item or admonition the line is in); where that is unclear the line is left alone,
/// so an edit can only ever be missing, never land in code.
enum PythonMarkdownBlocks {
    struct Edit: Equatable {
        /// UTF-8 offset in the text, bytes removed there, bytes inserted instead.
        var offset: Int
        var removing: Int
        var inserting: [UInt8]
    }

    /// What the previous non-blank line was, for the next one.
    private enum Previous: Equatable {
        case blank
        /// A paragraph line; its indentation.
        case paragraph(indent: Int)
        /// A list item line or its lazy continuation, which a list item may follow.
        case listItem
        /// Anything else: heading, code, HTML, container opener, quote, table.
        case other
    }

    /// With `superFences`, a fence whose header superfences does not recognise
    /// (`` ```powershell (file.ps1) ``) is text, as superfences leaves it: its first backtick or
    /// tilde is escaped. With `blocks`, a `pymdownx.blocks` line (`/// name | title` or a closing
    /// `///`) ends the block before it, as the block's body is read on its own.
    ///
    /// With `saneLists` (mdx_truly_sane_lists, `nested_indent: 2`), a marker right under an item
    /// line nests when indented 2 or 3 columns past the item's marker (spaces are inserted up to
    /// the item's text where cmark needs them) and is text when indented 4 or more.
    static func edits(
        _ bytes: UnsafeBufferPointer<UInt8>, superFences: Bool = false, saneLists: Bool = false, blocks: Bool = false,
        keptEscapes: Set<UInt8> = []
    ) -> [Edit] {
        var edits: [Edit] = []
        var previous = Previous.blank
        /// The fence a fenced code block is open with (its character, length and indentation).
        var fence: (byte: UInt8, length: Int, indent: Int)?
        /// Spaces put before each line of the open fence, to keep it in a list item (see below).
        var fenceShift: [UInt8] = []
        let closingFences = ClosingFences(bytes)
        /// A raw HTML block is open (until a blank line).
        var inHTML = false
        /// Indentations of the list items and containers the current line may be inside, and
        /// the columns their text starts at.
        var openers: [Int] = []
        var openerContent: [Int] = []
        /// Whether the last top-level block was a bullet list (mdx_truly_sane_lists ends it at a
        /// blank line).
        var inTopBulletList = false
        /// The `markdown` elements the line is inside (their tag names), the raw elements open
        /// inside the innermost one, and whether the last line ended an element there.
        var markdownElements: [String] = []
        var rawDepth = 0
        var endedElement = false
        /// How many elements a top-level raw block-level element has open, while it is followed.
        var rawBlockDepth: Int?
        /// The reference definitions seen: label and where its text starts.
        var definitions: [(label: String, labelStart: Int)] = []
        var afterDefinition = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1 }
            let (indent, content) = indentation(bytes, start, end)
            if content == end {
                // Blank line.
                if inHTML, fence == nil, let depth = rawBlockDepth, depth > 0, nextLineIsIndented(bytes, after: end) {
                    // Python-Markdown keeps a block-level element raw to its end, blank lines
                    // and all; cmark ends the HTML block here and would read the indented line
                    // after it as code. An inert comment makes the blank line part of the block
                    // (and is taken out of the block's HTML after the parse). (Before other
                    // lines cmark's reading is kept: superfences, run before Python-Markdown's
                    // raw HTML, finds fences inside raw blocks as cmark does.)
                    edits.append(Edit(offset: start, removing: 0, inserting: inertMarker))
                    continue
                }
                if fence == nil { previous = .blank }
                inHTML = false
                rawBlockDepth = nil
                endedElement = false
                continue
            }
            if fence == nil, endedElement {
                // After the end of an element inside (or of) a `markdown` element, the next line
                // is a block of its own.
                edits.append(Edit(offset: start, removing: 0, inserting: [UInt8(ascii: "\n")]))
                endedElement = false
                previous = .blank
            }
            if fence == nil, !markdownElements.isEmpty {
                if bytes[content] == UInt8(ascii: "<") {
                    let tags = HTMLLineTags(bytes, content, end)
                    if let name = tags.closing, rawDepth == 0, name == markdownElements.last {
                        markdownElements.removeLast()
                        endedElement = true
                    } else if let name = tags.markdownOpener, rawDepth == 0 {
                        markdownElements.append(name)
                        endedElement = false
                    } else {
                        rawDepth = max(0, rawDepth + tags.depthChange)
                        endedElement = rawDepth == 0 && bytes[end - 1] == UInt8(ascii: ">")
                    }
                    previous = .other
                    continue
                }
                if rawDepth > 0 { continue }
            }
            if let open = fence {
                if !fenceShift.isEmpty { edits.append(Edit(offset: start, removing: 0, inserting: fenceShift)) }
                // A fence line indented 4 columns past the opening one is code (superfences wants
                // the opening line's indentation exactly, cmark at most 3 columns more): an
                // example of a nested fence (`    ```` inside ```` ``` ````) does not close it.
                if indent < open.indent + 4, let (byte, length) = fenceMarker(bytes, content, end), byte == open.byte,
                    length >= open.length, onlySpaces(bytes, content + length, end)
                {
                    fence = nil
                    fenceShift = []
                    previous = .other
                }
                continue
            }
            if inHTML {
                if let depth = rawBlockDepth {
                    rawBlockDepth = depth + HTMLLineTags(bytes, content, end).depthChange
                    if let depth = rawBlockDepth, depth <= 0 {
                        // The element is closed: a line ending with it ends the raw block.
                        endedElement = endsWithTag(bytes, content, end)
                        inHTML = !endedElement
                        rawBlockDepth = nil
                    }
                }
                continue
            }
            // With superfences, a fence at column 0 right under a list item's line (no blank line
            // between) stays in the item: superfences finds fences in the whole text before the
            // blocks are read, and the stashed block is a line of the item's paragraph, so the
            // list goes on after it (Python-Markdown's own fenced_code ends the list, as cmark). The fence's lines are indented to the
            // item's text (cmark strips that much from the code lines again).
            if superFences, indent == 0, case .listItem = previous, let itemContent = openerContent.last, itemContent > 0,
                let (byte, length) = fenceMarker(bytes, content, end),
                FenceHeader(UnsafeBufferPointer(rebasing: bytes[(content + length)..<end])) != nil,
                closingFences.closes(after: end, byte: byte, length: length)
            {
                fenceShift = [UInt8](repeating: UInt8(ascii: " "), count: itemContent)
                edits.append(Edit(offset: start, removing: 0, inserting: fenceShift))
                fence = (byte, length, indent)
                previous = .other
                continue
            }
            while let last = openers.last, indent <= last {
                openers.removeLast()
                openerContent.removeLast()
            }
            // Any other block at the top level after a blank line ends a top-level list.
            if openers.isEmpty, previous == .blank, listMarker(bytes, content, end) == nil { inTopBulletList = false }
            let base = openers.last.map { $0 + 4 } ?? 0
            // Indented code: 4 columns past where the enclosing content starts, after a blank line
            // or another code line. Inside a paragraph the line is a continuation, never code.
            let isParagraphContinuation: Bool
            switch previous {
            case .paragraph, .listItem: isParagraphContinuation = true
            case .blank, .other: isParagraphContinuation = false
            }
            if indent >= base + 4, !isParagraphContinuation {
                previous = .other
                continue
            }
            if let (byte, length) = fenceMarker(bytes, content, end) {
                // A fence at column 0 that nothing closes is text to Python-Markdown (fenced_code
                // and superfences look for the closing line); cmark would run it to the end.
                let unclosed = indent == 0 && !closingFences.closes(after: end, byte: byte, length: length)
                if unclosed || superFences && FenceHeader(UnsafeBufferPointer(rebasing: bytes[(content + length)..<end])) == nil {
                    edits.append(Edit(offset: content, removing: 0, inserting: [UInt8(ascii: "\\")]))
                    if case .paragraph = previous {} else { previous = .paragraph(indent: indent) }
                    continue
                }
                fence = (byte, length, indent)
                previous = .other
                continue
            }
            // A definition starts a block, or follows another (cmark reads none inside a paragraph).
            let startsBlock: Bool
            switch previous {
            case .blank, .other: startsBlock = true
            case .paragraph, .listItem: startsBlock = afterDefinition
            }
            afterDefinition = false
            if startsBlock, let definition = referenceDefinition(bytes, content, end) {
                definitions.append(definition)
                afterDefinition = true
            }
            // Links with spaces in their destination, edited after the line's other edits.
            var destinationEdits: [Edit] = []
            spacedDestinationEdits(bytes, content, end, into: &destinationEdits)
            var referenceEdits: [Edit] = []
            characterReferenceEdits(bytes, content, end, into: &referenceEdits)
            if !keptEscapes.isEmpty { keptBackslashEdits(bytes, content, end, kept: keptEscapes, into: &referenceEdits) }
            destinationEdits = merging(destinationEdits, referenceEdits)
            defer { edits += destinationEdits }
            let first = bytes[content]
            if first == UInt8(ascii: "<") {
                let tags = HTMLLineTags(bytes, content, end)
                if let name = tags.markdownOpener {
                    // The element's body is Markdown: followed line by line from here.
                    markdownElements = [name]
                    rawDepth = 0
                    endedElement = false
                    previous = .other
                    continue
                }
                let inText: Bool
                switch previous {
                case .paragraph, .listItem: inText = true
                case .blank, .other: inText = false
                }
                switch htmlStart(bytes, content, end, afterParagraph: inText) {
                case .paragraph:
                    if !inText { previous = .paragraph(indent: indent) }
                    continue
                case .inlineTagParagraph(let tagEnd):
                    edits.append(Edit(offset: tagEnd, removing: 0, inserting: inertMarker))
                    previous = .paragraph(indent: indent)
                    continue
                case .rawBlock(let name):
                    destinationEdits = []
                    inHTML = true
                    previous = .other
                    // A block-level element Python-Markdown keeps raw at the top level, up to
                    // the line that closes it (script, pre, style, textarea end there in cmark too).
                    guard openers.isEmpty, indent < 4, Self.blockLevelElements.contains(name),
                        !["script", "pre", "style", "textarea"].contains(name)
                    else { continue }
                    if tags.depthChange <= 0 {
                        endedElement = endsWithTag(bytes, content, end)
                        inHTML = !endedElement
                    } else {
                        rawBlockDepth = tags.depthChange
                    }
                    continue
                case .otherHTML:
                    destinationEdits = []
                    inHTML = true
                    previous = .other
                    continue
                }
            }
            if blocks, first == UInt8(ascii: "/"), isBlockLine(bytes, content, end) {
                previous = .blank
                continue
            }
            if indent == 0, first == UInt8(ascii: "#"), let edit = headingEdit(bytes, content, end) {
                if let edit { edits.append(edit) }
                previous = .other
                continue
            }
            if first == UInt8(ascii: ":"), content + 1 < end, bytes[content + 1] == UInt8(ascii: " ") || bytes[content + 1] == UInt8(ascii: "\t") {
                // A definition (`def_list`): `:   - item` is a list item, after which a marker
                // is the list's next item, not paragraph text.
                let (_, body) = indentation(bytes, content + 1, end)
                if body < end, listMarker(bytes, body, end) != nil {
                    openers.append(indent)
                    openerContent.append(indent + 4)
                    previous = .listItem
                    continue
                }
            }
            if let marker = listMarker(bytes, content, end) {
                if case .paragraph(let paragraphIndent) = previous, indent < paragraphIndent + 4 {
                    // Python-Markdown: the paragraph goes on; the marker is text.
                    edits.append(Edit(offset: marker.escapeAt, removing: 0, inserting: [UInt8(ascii: "\\")]))
                    continue
                }
                if marker.isParenthesis {
                    edits.append(Edit(offset: marker.escapeAt, removing: 0, inserting: [UInt8(ascii: "\\")]))
                    if case .paragraph = previous {} else { previous = .paragraph(indent: indent) }
                    continue
                }
                let isBullet = [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[marker.escapeAt])
                if saneLists, openers.isEmpty, indent < 4 {
                    if isBullet, inTopBulletList, previous == .blank {
                        // A blank line ends a bullet list: cmark would go on with it (loose).
                        edits.append(Edit(offset: start, removing: 0, inserting: inertMarker + [UInt8(ascii: "\n")]))
                    }
                    inTopBulletList = isBullet
                }
                if saneLists, let parent = openers.last, let parentContent = openerContent.last {
                    let depth = indent - parent
                    var afterItem = false
                    if case .listItem = previous { afterItem = true }
                    if depth >= 4, afterItem || previous == .blank {
                        // Text of the item, as mdx_truly_sane_lists leaves it.
                        edits.append(Edit(offset: marker.escapeAt, removing: 0, inserting: [UInt8(ascii: "\\")]))
                        continue
                    }
                    if depth >= 2, afterItem, indent < parentContent {
                        // Nested, where cmark would end the item: indented up to its text.
                        edits.append(Edit(offset: start, removing: 0, inserting: Array(repeating: UInt8(ascii: " "), count: parentContent - indent)))
                        openers.append(indent)
                        openerContent.append(parentContent + itemContentWidth(bytes, content, end, markerEnd: marker.escapeAt + 1))
                        previous = .listItem
                        continue
                    }
                }
                openers.append(indent)
                openerContent.append(indent + itemContentWidth(bytes, content, end, markerEnd: marker.escapeAt + 1))
                previous = .listItem
                continue
            }
            if isContainerOpener(bytes, content, end) {
                openers.append(indent)
                openerContent.append(indent + 4)
                previous = .other
                continue
            }
            if first == UInt8(ascii: ">") {
                previous = .other
                continue
            }
            if first == UInt8(ascii: "|") {
                // A table row: its block goes on like a paragraph's (an indented row after it is
                // a row, not code).
                if case .paragraph = previous {} else { previous = .paragraph(indent: indent) }
                continue
            }
            switch previous {
            case .paragraph:
                continue
            case .listItem:
                // Lazy continuation of the item's text: a marker after it starts the next item.
                continue
            case .blank, .other:
                previous = .paragraph(indent: indent)
            }
        }
        return withLastDefinitionsWinning(edits, definitions)
    }

    /// The indentation in columns (a tab to the next multiple of 4) and where the text starts.
    private static func indentation(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var column = 0
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: " ") {
                column += 1
            } else if bytes[index] == UInt8(ascii: "\t") {
                column += 4 - column % 4
            } else {
                break
            }
            index += 1
        }
        return (column, index)
    }

    static func onlySpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Bool {
        var index = from
        while index < end {
            guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") else { return false }
            index += 1
        }
        return true
    }

    /// A run of at least three backticks or tildes at `at` that can open or close a fence.
    static func fenceMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> (UInt8, Int)? {
        let byte = bytes[at]
        guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
        var length = 0
        while at + length < end, bytes[at + length] == byte { length += 1 }
        guard length >= 3 else { return nil }
        // A backtick fence's info string has no backtick (```` ```a``` ```` is a code span).
        if byte == UInt8(ascii: "`") {
            var index = at + length
            while index < end {
                if bytes[index] == byte { return nil }
                index += 1
            }
        }
        return (byte, length)
    }

    /// The lines at column 0 that could close a fence (a run of backticks or tildes and nothing
    /// but spaces after), read once per page, so asking whether a fence is closed is a binary
    /// search rather than a scan of the rest of the page.
    struct ClosingFences {
        /// Each candidate's line start, in order, with the longest backtick and tilde runs among
        /// it and the candidates after it.
        private var starts: [Int] = []
        private var longestBackticks: [Int] = []
        private var longestTildes: [Int] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var runs: [(start: Int, byte: UInt8, length: Int)] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if let (byte, length) = PythonMarkdownBlocks.fenceMarker(bytes, start, end),
                    PythonMarkdownBlocks.onlySpaces(bytes, start + length, end)
                {
                    runs.append((start, byte, length))
                }
                start = end + 1
            }
            starts = runs.map(\.start)
            longestBackticks = Array(repeating: 0, count: runs.count)
            longestTildes = Array(repeating: 0, count: runs.count)
            var backticks = 0
            var tildes = 0
            for index in runs.indices.reversed() {
                if runs[index].byte == UInt8(ascii: "`") { backticks = max(backticks, runs[index].length) }
                else { tildes = max(tildes, runs[index].length) }
                longestBackticks[index] = backticks
                longestTildes[index] = tildes
            }
        }

        /// Whether a line starting after `offset` closes a fence of `byte` and `length`.
        func closes(after offset: Int, byte: UInt8, length: Int) -> Bool {
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] > offset { high = middle } else { low = middle + 1 }
            }
            guard low < starts.count else { return false }
            return (byte == UInt8(ascii: "`") ? longestBackticks[low] : longestTildes[low]) >= length
        }
    }

    /// Whether the next line that is not blank, after the line ending at `end`, is indented 4
    /// columns or more.
    private static func nextLineIsIndented(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var start = end + 1
        while start < bytes.count {
            var lineEnd = start
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let (indent, content) = indentation(bytes, start, lineEnd)
            if content < lineEnd { return indent >= 4 }
            start = lineEnd + 1
        }
        return false
    }

    /// The columns from a list item's marker to its text: the marker and the spaces after it
    /// (one, when more than four or none follow).
    private static func itemContentWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ content: Int, _ end: Int, markerEnd: Int) -> Int {
        var spaces = 0
        var index = markerEnd
        while index < end, bytes[index] == UInt8(ascii: " ") {
            spaces += 1
            index += 1
        }
        if spaces == 0 || spaces > 4 || index == end { spaces = 1 }
        return markerEnd - content + spaces
    }

    /// For a line starting with `#`s at column 0: nil if it is no heading to Python-Markdown
    /// (7 or more `#`s are handled like cmark: not one), `.some(nil)` if cmark reads it the
    /// same, else the edit that makes cmark read it as Python-Markdown does.
    private static func headingEdit(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Edit?? {
        var hashes = 0
        while at + hashes < end, bytes[at + hashes] == UInt8(ascii: "#") { hashes += 1 }
        guard hashes <= 6 else { return nil }
        let after = at + hashes
        guard after < end else { return .some(nil) }
        let byte = bytes[after]
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { return .some(nil) }
        // A no-break space (U+00A0) right after the marks: Python strips it from the title.
        if byte == 0xC2, after + 1 < end, bytes[after + 1] == 0xA0 {
            return .some(Edit(offset: after, removing: 2, inserting: [UInt8(ascii: " ")]))
        }
        return .some(Edit(offset: after, removing: 0, inserting: [UInt8(ascii: " ")]))
    }

    /// A list marker Python-Markdown or cmark would read at `at`: where a backslash makes it
    /// text, and whether it is `1)` (which only cmark reads).
    private static func listMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> (escapeAt: Int, isParenthesis: Bool)? {
        let byte = bytes[at]
        func spaceAfter(_ index: Int) -> Bool {
            index >= end || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
        }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            // `- - -` and `***` are rules, not items: left to cmark.
            guard spaceAfter(at + 1), at + 1 < end, !isRule(bytes, at, end) else { return nil }
            return (at, false)
        }
        var index = at
        while index < end, index - at < 9, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        guard index > at, index < end else { return nil }
        let mark = bytes[index]
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"), spaceAfter(index + 1), index + 1 < end else { return nil }
        return (index, mark == UInt8(ascii: ")"))
    }

    /// A thematic break: three or more of one of `-*_`, with only spaces between.
    private static func isRule(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        let byte = bytes[at]
        var count = 0
        var index = at
        while index < end {
            if bytes[index] == byte {
                count += 1
            } else if bytes[index] != UInt8(ascii: " ") && bytes[index] != UInt8(ascii: "\t") {
                return false
            }
            index += 1
        }
        return count >= 3
    }

    /// A `pymdownx.blocks` first or closing line.
    private static func isBlockLine(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        let line = UnsafeBufferPointer(rebasing: bytes[at..<end])
        return BlockHeader.closingLength(line) != nil || BlockHeader.parse(line) != nil
    }

    /// `!!!`, `???`, `???+` or `===` followed by a space: a container whose body is indented.
    private static func isContainerOpener(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        guard at + 3 < end else { return false }
        let byte = bytes[at]
        guard byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "="),
            bytes[at + 1] == byte, bytes[at + 2] == byte
        else { return false }
        var next = at + 3
        if byte == UInt8(ascii: "?"), bytes[next] == UInt8(ascii: "+") { next += 1 }
        return next < end && bytes[next] == UInt8(ascii: " ")
    }
}

/// The HTML tags of one line, as far as `PythonMarkdownBlocks` needs them: whether it opens a
/// `markdown` element it does not close, closes an element, and by how much it changes how many
/// elements are open (void and self-closed tags count nothing). Quotes inside tags are respected.
struct HTMLLineTags {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    /// The element a line that is only a closing tag closes.
    private(set) var closing: String?
    /// The element the line opens with a `markdown` attribute and does not close on the line.
    private(set) var markdownOpener: String?
    private(set) var depthChange = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var opened: [String] = []
        var index = start
        var tagCount = 0
        var onlyClosing: String?
        while index < end {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < end else {
                index += 1
                continue
            }
            var cursor = index + 1
            let isClose = bytes[cursor] == UInt8(ascii: "/")
            if isClose { cursor += 1 }
            let nameStart = cursor
            while cursor < end, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart, Self.isLetter(bytes[nameStart]) else {
                index += 1
                continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]), as: UTF8.self).lowercased()
            // To the tag's `>`, past quoted values.
            var quote: UInt8?
            var hasMarkdown = false
            var selfClosed = false
            while cursor < end {
                let byte = bytes[cursor]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    selfClosed = cursor > index && bytes[cursor - 1] == UInt8(ascii: "/")
                    break
                } else if byte == UInt8(ascii: "m"), Self.word("markdown", in: bytes, at: cursor, end: end) {
                    hasMarkdown = true
                }
                cursor += 1
            }
            tagCount += 1
            if isClose {
                if let last = opened.last, last == name {
                    opened.removeLast()
                } else {
                    depthChange -= 1
                    if tagCount == 1 { onlyClosing = name }
                }
            } else if !selfClosed, !Self.voidElements.contains(name) {
                opened.append(name)
                if hasMarkdown, opened.count == 1, markdownOpener == nil { markdownOpener = name }
            }
            index = cursor + 1
        }
        depthChange += opened.count
        if opened.first != markdownOpener || opened.count != 1 { markdownOpener = nil }
        closing = tagCount == 1 ? onlyClosing : nil
        if markdownOpener != nil { depthChange = 0 }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// Whether the attribute name `word` starts at `at` (a name boundary before and after).
    private static func word(_ word: String, in bytes: UnsafeBufferPointer<UInt8>, at: Int, end: Int) -> Bool {
        let pattern = Array(word.utf8)
        guard at + pattern.count <= end, at > 0, !isNameByte(bytes[at - 1]) else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[at + offset] != byte { return false }
        return at + pattern.count == end || !isNameByte(bytes[at + pattern.count])
    }
}
