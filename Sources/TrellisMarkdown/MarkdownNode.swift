/// A position in the parsed text as cmark reports it: a 1-based line and a 1-based *byte* column.
///
/// Byte columns keep positions exact for any script; `LineIndex` turns them into UTF-8 offsets,
/// which TrellisCore's `SourceMap`/`SourceFile` then map back to what the author wrote.
public struct TextPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based byte offset within the line (not a character count).
    public var byteColumn: Int

    public init(line: Int, byteColumn: Int) {
        self.line = line
        self.byteColumn = byteColumn
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.byteColumn) < (rhs.line, rhs.byteColumn)
    }

    public var description: String { "\(line):\(byteColumn)" }
}

/// The inclusive source span of a node, as cmark's `SOURCEPOS` reports it.
public struct TextSpan: Hashable, Sendable {
    /// The first byte of the node.
    public var start: TextPosition
    /// The last byte of the node (inclusive, as cmark reports it).
    public var end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    /// The lines the span covers. cmark reports some spans (HTML blocks, empty nodes) ending
    /// before they start; such a span covers its first line only.
    public var lines: ClosedRange<Int> { start.line...max(start.line, end.line) }
}

/// A handle to one node inside a `MarkdownDocument`'s arena.
public struct NodeID: Hashable, Sendable, Comparable {
    /// The node's index in the arena; stable while the node exists.
    public var index: Int { Int(stored) }
    /// 32 bits, as the arena's links: a big page's lists of nodes take half the memory.
    private let stored: Int32

    init(_ index: Int) { stored = Int32(truncatingIfNeeded: index) }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
}

/// How a list is numbered and spaced.
public struct ListStyle: Hashable, Sendable {
    /// Whether the list is numbered (`1.`) rather than bulleted (`-`).
    public var ordered: Bool
    /// The first number of an ordered list.
    public var start: Int
    /// Tight lists render their paragraphs without `<p>`.
    public var tight: Bool

    public init(ordered: Bool, start: Int, tight: Bool) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
    }
}

/// What a node is, with the data that kind carries.
///
/// The cases mirror cmark's node types, plus `rawHTML` for HTML that Trellis inserts (icons):
/// cmark's own `inlineHTML` is author-written HTML, which the slugger treats as tags to drop.
/// Cases with more than a string of payload are `indirect`, so a node's kind takes 24 bytes,
/// not 40: a page has a node every dozen bytes or so.
public enum NodeKind: Hashable, Sendable {
    case document
    case blockQuote
    case list(ListStyle)
    case item
    /// A fenced or indented code block; `info` is the fence's info string (empty if indented).
    indirect case codeBlock(info: String, code: String)
    case htmlBlock(String)
    case paragraph
    /// A heading; `id` is assigned by `HeadingIDRewriter` and rendered with a permalink.
    indirect case heading(level: Int, id: String?)
    case thematicBreak
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case inlineHTML(String)
    case emphasis
    case strong
    indirect case link(destination: String, title: String)
    indirect case image(source: String, title: String)
    /// HTML inserted by a rewriter, emitted verbatim (and left out of image alt text).
    case rawHTML(String)
    /// An admonition (`!!! type`); `classes` is its lowercased class list, e.g. `note inline end`.
    /// Its first child is a `containerTitle` when the admonition has a title.
    case admonition(classes: String)
    /// A collapsible block (`??? type`); its first child is always a `containerTitle`.
    case details(classes: String, open: Bool)
    /// A set of tabs; its children are `tab` nodes. `number` is the page-wide set counter used in
    /// the radio ids (`__tabbed_<number>_<tab>`); `selected` is the 0-based checked tab.
    case tabbedSet(number: Int, selected: Int)
    /// One tab of a `tabbedSet`; its first child is a `containerTitle` (the label).
    case tab
    /// The inline title of an admonition, details block or tab.
    case containerTitle
    /// A Python-Markdown `tables` table; its children are `tableRow`s, the first being the header.
    case table
    /// One row of a `table`.
    case tableRow
    /// One cell of a `tableRow` (`th` in the header row), holding inline nodes.
    case tableCell(header: Bool, alignment: TableAlignment?)
    /// The footnotes block at the end of a page (`<div class="footnote">`); its children are
    /// `footnoteDefinition`s in footnote-number order.
    case footnotes
    /// One footnote's body (`<li id="fn:label">`), holding blocks parsed from its definition.
    case footnoteDefinition(label: String)
    /// A Python-Markdown `def_list` list (`<dl>`); its children are terms and descriptions.
    case definitionList
    /// A term (`<dt>`), holding inline nodes.
    case definitionTerm
    /// A definition (`<dd>`), holding blocks; when `tight`, its paragraphs render without `<p>`.
    case definitionDescription(tight: Bool)
    /// An `md_in_html` element: its opening and closing tags around Markdown content, parsed as
    /// blocks when `block`, else as inline nodes.
    indirect case htmlElement(open: String, close: String, block: Bool)
    /// A `pymdownx.tasklist` checkbox at the start of a list item (`[ ]` or `[x]`).
    case taskListMarker(checked: Bool)
    /// A span element an inline extension wraps around inline content (`==mark==` is `mark`).
    case inlineTag(InlineTag)
    /// Markup an inline extension writes whole (keys, a symbol, an e-mail link, an abbreviation,
    /// a magic link's text): `html` is emitted verbatim, `text` is what the page's text reads
    /// there (TOC titles and heading ids, as Python-Markdown's `toc` reads the element's text).
    /// Nothing rewrites inside it, as nothing rewrites inside pymdownx's `AtomicString`s.
    indirect case inlineMarkup(html: String, text: String)
    /// A `pymdownx.arithmatex` formula inside a paragraph or heading: its HTML, emitted verbatim.
    /// Unlike `rawHTML`, its text counts in a heading's text (the formula is part of its id).
    case math(String)
    /// A `pymdownx.blocks.caption` figure before the page's figures are numbered; the parser
    /// turns every one into an `htmlElement` (`CaptionNumbering`).
    indirect case captionFigure(CaptionFigure)

    /// Whether the node can never have children (its content is its literal).
    public var isLeaf: Bool {
        switch self {
        case .codeBlock, .htmlBlock, .thematicBreak, .text, .softBreak, .lineBreak, .code, .inlineHTML, .rawHTML, .taskListMarker,
            .inlineMarkup, .math:
            return true
        default:
            return false
        }
    }
}

/// The elements `pymdownx.mark`, `pymdownx.caret` and `pymdownx.tilde` wrap text in.
public enum InlineTag: String, Hashable, Sendable, CaseIterable {
    /// `==text==`
    case mark
    /// `^^text^^`
    case ins
    /// `^text^`
    case sup
    /// `~~text~~`
    case del
    /// `~text~`
    case sub
}

/// A table column's alignment, from the colons of its delimiter row (`:--`, `:-:`, `--:`).
public enum TableAlignment: String, Hashable, Sendable {
    case left, center, right
}
