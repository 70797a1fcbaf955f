/// A Markdown extension beyond CommonMark that a site turns on, named after the MkDocs extension
/// whose syntax and HTML it reproduces.
///
/// All are off by default, so plain CommonMark pages render exactly as cmark renders them.
public enum MarkdownExtension: String, Hashable, Sendable, CaseIterable {
    /// Python-Markdown `admonition`: `!!! type "Title"` with a 4-space-indented body.
    case admonition
    /// `pymdownx.details`: `??? type "Title"` (collapsed) and `???+` (open).
    case details
    /// `pymdownx.tabbed` with `alternate_style: true`: consecutive `=== "Title"` blocks.
    case tabbed
    /// Python-Markdown `tables`: pipe tables (header row, delimiter row, body rows).
    case tables
    /// Python-Markdown `footnotes`: `[^label]` references and `[^label]: text` definitions.
    case footnotes
    /// Python-Markdown `attr_list`: `{ #id .class key=value }` after headings, paragraphs and
    /// inline elements sets their HTML attributes (a heading's id overrides its slug).
    case attrList
    /// Python-Markdown `def_list`: `Term` lines followed by `:   Definition` lines.
    case defList
    /// `pymdownx.tasklist`: `- [ ]` / `- [x]` list items get checkboxes.
    case taskList
    /// Python-Markdown `md_in_html`: the body of `<div markdown>` (`markdown="1"`, `"block"`) is
    /// parsed as Markdown.
    case mdInHTML
    /// Python-Markdown `smarty`: straight quotes, `--`, `---` and `...` become typographic ones
    /// (cmark's `SMART`). Trellis sites always have it; MkDocs sites only when they list it.
    case smarty
    /// `pymdownx.magiclink`: bare URLs, `www.` addresses and e-mail addresses become links;
    /// with its options, `#123`, `user/repo#1` and `@user` shorthands and shortened repository
    /// links.
    case magicLink
    /// `pymdownx.mark`: `==text==` is `<mark>`.
    case mark
    /// `pymdownx.caret`: `^^text^^` is `<ins>`, `^text^` is `<sup>`.
    case caret
    /// `pymdownx.tilde`: `~~text~~` is `<del>`, `~text~` is `<sub>`.
    case tilde
    /// `pymdownx.keys`: `++ctrl+alt+del++` is keyboard keys.
    case keys
    /// `pymdownx.smartsymbols`: `(c)`, `(tm)`, `-->`, `+/-`, `1/2`… become symbols.
    case smartSymbols
    /// Python-Markdown `abbr`: `*[HTML]: Hyper Text Markup Language` definitions, and each
    /// use of a defined abbreviation in the page's text wrapped in `<abbr title>`.
    case abbreviations
    /// `pymdownx.betterem`: with `smart_enable: all` or `asterisk`, a `*` inside a word is no
    /// emphasis delimiter.
    case betterEmphasis
    /// `pymdownx.superfences`: fenced blocks get `pymdownx.highlight`'s markup (titles, line
    /// numbers, highlighted lines) and custom fences (Mermaid) their own.
    case superFences
    /// `pymdownx.highlight` listed: its options apply, and indented code blocks get its markup.
    case highlight
    /// `pymdownx.inlinehilite`: `` `#!python range()` `` is highlighted inline code.
    case inlineHilite
    /// `pymdownx.arithmatex`: `$…$`, `\(…\)`, `$$…$$`, `\[…\]` and `\begin{env}…\end{env}`
    /// kept for MathJax or KaTeX in arithmatex's markup.
    case arithmatex
    /// `mdx_truly_sane_lists`: a list nests under an item indented 2 columns (3 too), and a
    /// marker indented 4 or more under an item line is text (see `PythonMarkdownBlocks`).
    case trulySaneLists
    /// Python-Markdown's block rules where MkDocs pages rely on them (see
    /// `PythonMarkdownBlocks`): on for every MkDocs site, off for Trellis sites (plain
    /// CommonMark). It has no `markdown_extensions` name.
    case pythonMarkdownBlocks
    /// The mkdocs-autorefs plugin's `[text][identifier]` cross-references (see `Autorefs`): on
    /// for MkDocs sites with the plugin. It has no `markdown_extensions` name.
    case autorefs
    /// `pymdownx.blocks.admonition`: `/// note | Title` … `///` admonitions.
    case blocksAdmonition
    /// `pymdownx.blocks.details`: `/// details | Summary` … `///` collapsible blocks.
    case blocksDetails
    /// `pymdownx.blocks.tab`: `/// tab | Title` … `///` tabs, grouped when consecutive.
    case blocksTab
    /// `pymdownx.blocks.caption`: `/// caption` … `///` wraps the block before it in a
    /// `<figure>` with a `<figcaption>` (numbered `figure-caption` and `table-caption` too).
    case blocksCaption
    /// `pymdownx.blocks.html`: `/// html | div.class#id` … `///` wraps its body in any element.
    case blocksHTML
    /// `pymdownx.blocks.definition`: `/// define` … `///` makes a definition list of its body:
    /// paragraphs (and other blocks) are terms, list items definitions.
    case blocksDefinition

    /// The `pymdownx.blocks` extensions, which share the `///` block syntax.
    public static let blockExtensions: Set<MarkdownExtension> = [
        .blocksAdmonition, .blocksDetails, .blocksTab, .blocksCaption, .blocksHTML, .blocksDefinition,
    ]

    /// Every syntax extension: all but the Python-Markdown block rules and autorefs, which change
    /// how plain CommonMark reads (the rest only add syntax).
    public static let syntaxExtensions = Set(allCases).subtracting([.pythonMarkdownBlocks, .autorefs])

    /// The extensions that only rewrite inline text after parsing: the container pre-pass
    /// has nothing to do for them.
    public static let inlineExtensions: Set<MarkdownExtension> = [
        .smarty, .magicLink, .mark, .caret, .tilde, .keys, .smartSymbols, .abbreviations, .betterEmphasis, .inlineHilite,
    ]

    /// The extension an `mkdocs.yml` `markdown_extensions` entry names (`admonition`,
    /// `pymdownx.details`, `pymdownx.tabbed`, `tables`, `footnotes`, `attr_list`, `def_list`,
    /// `pymdownx.tasklist`, `md_in_html`, `smarty`, `pymdownx.magiclink`, `pymdownx.mark`,
    /// `pymdownx.caret`, `pymdownx.tilde`, `pymdownx.keys`, `pymdownx.smartsymbols`, `abbr`,
    /// `pymdownx.betterem`, `pymdownx.superfences`, `pymdownx.highlight`, `pymdownx.inlinehilite`, `pymdownx.arithmatex`,
    /// `mdx_truly_sane_lists`, `pymdownx.blocks.admonition`, `.details`, `.tab`, `.caption`, `.html`,
    /// `.definition`;
    /// Python-Markdown's own also as `markdown.extensions.<name>`); `nil` for any other entry.
    public init?(mkdocsName: String) {
        switch mkdocsName {
        case "admonition", "markdown.extensions.admonition": self = .admonition
        case "pymdownx.details": self = .details
        case "pymdownx.tabbed": self = .tabbed
        case "tables", "markdown.extensions.tables": self = .tables
        case "footnotes", "markdown.extensions.footnotes": self = .footnotes
        case "attr_list", "markdown.extensions.attr_list": self = .attrList
        case "def_list", "markdown.extensions.def_list": self = .defList
        case "pymdownx.tasklist": self = .taskList
        case "md_in_html", "markdown.extensions.md_in_html": self = .mdInHTML
        case "smarty", "markdown.extensions.smarty": self = .smarty
        case "pymdownx.magiclink": self = .magicLink
        case "pymdownx.mark": self = .mark
        case "pymdownx.caret": self = .caret
        case "pymdownx.tilde": self = .tilde
        case "pymdownx.keys": self = .keys
        case "pymdownx.smartsymbols": self = .smartSymbols
        case "abbr", "markdown.extensions.abbr": self = .abbreviations
        case "pymdownx.betterem": self = .betterEmphasis
        case "pymdownx.superfences": self = .superFences
        case "pymdownx.highlight": self = .highlight
        case "pymdownx.inlinehilite": self = .inlineHilite
        case "pymdownx.arithmatex": self = .arithmatex
        case "mdx_truly_sane_lists": self = .trulySaneLists
        case "pymdownx.blocks.admonition": self = .blocksAdmonition
        case "pymdownx.blocks.details": self = .blocksDetails
        case "pymdownx.blocks.tab": self = .blocksTab
        case "pymdownx.blocks.caption": self = .blocksCaption
        case "pymdownx.blocks.html": self = .blocksHTML
        case "pymdownx.blocks.definition": self = .blocksDefinition
        default: return nil
        }
    }
}
