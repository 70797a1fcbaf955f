/// How code blocks are marked up as `pymdownx.highlight` and `pymdownx.superfences` mark them
/// up (their options, by the names `mkdocs.yml` gives them), so Material's stylesheet and
/// scripts (copy button, line numbers, annotations) find what they look for.
///
/// The code is highlighted as Pygments highlights it (`HighlightMarkup`, `SyntaxLexers`), and
/// everything around it (the wrapping `div`, title, line numbers, line spans and anchors,
/// highlighted lines) is what pymdownx writes.
public struct CodeHighlightOptions: Hashable, Sendable {
    /// `pymdownx.superfences` is on: fenced blocks get highlight markup, custom fences run.
    public var superFences = true
    /// `pymdownx.highlight` is listed: indented code blocks get highlight markup too.
    public var highlightIndented = false
    /// `attr_list` is on: a fence's `{ key=value }` attributes reach the markup.
    public var attrList = false

    /// `use_pygments`: Pygments' structure (`div.highlight > pre > code`); off, a plain
    /// `pre.highlight > code.language-x` for a JavaScript highlighter.
    public var usePygments = true
    /// `css_class`: the class of the wrapping element.
    public var cssClass = "highlight"
    /// superfences' own `css_class`, which fenced blocks use instead when set.
    public var fenceCSSClass: String?
    /// `linenums`: `nil` lets a fence turn line numbers on, `true` numbers every block, `false` none.
    public var linenums: Bool?
    /// `linenums_style`: `table`, `inline` or `pymdownx-inline`.
    public var linenumsStyle = "table"
    /// `linenums_special`: every nth line number is special (-1: none).
    public var linenumsSpecial = -1
    /// `anchor_linenums`: line numbers link to their lines.
    public var anchorLinenums = false
    /// `line_spans`: each line wrapped in `<span id="<prefix>-<block>-<line>">`.
    public var lineSpans = ""
    /// `line_anchors`: each line preceded by `<a id="<prefix>-<block>-<line>">`.
    public var lineAnchors = ""
    /// `pygments_lang_class`: the `language-x` class on the wrapping `div`.
    public var pygmentsLangClass = false
    /// `auto_title`: a block without a title gets its lexer's name.
    public var autoTitle = false
    /// `auto_title_map`: lexer name → the title to show instead.
    public var autoTitleMap: [String: String] = [:]
    /// `language_prefix`.
    public var languagePrefix = "language-"
    /// `code_attr_on_pre` (without Pygments): classes and attributes on `pre`, not `code`.
    public var codeAttrOnPre = false
    /// `default_lang`: the language of a block that names none.
    public var defaultLang = ""
    /// `extend_pygments_lang`: a language name (lowercased) → the lexer it stands for.
    public var extendedLanguages: [String: String] = [:]
    /// `stripnl`: leading and trailing blank lines of a block are dropped (Pygments' default).
    public var stripNewlines = true
    /// `pymdownx.superfences` `custom_fences` that Trellis can render, in the order listed.
    public var customFences: [CustomFence] = []

    public init() {}

    /// The line anchor prefix: `anchor_linenums` implies `__codelineno` when none is set.
    var effectiveLineAnchors: String { anchorLinenums && lineAnchors.isEmpty ? "__codelineno" : lineAnchors }
}

/// A superfences custom fence whose format Trellis reproduces: a fence named `name` (its
/// language) renders as `<pre class="class"><code>…</code></pre>` (`fence_code_format`, what
/// Material configures for Mermaid) or `<div class="class">…</div>` (`fence_div_format`).
public struct CustomFence: Hashable, Sendable {
    public enum Format: Hashable, Sendable {
        case code, div
    }

    public var name: String
    public var className: String
    public var format: Format

    public init(name: String, className: String, format: Format) {
        self.name = name
        self.className = className
        self.format = format
    }
}
