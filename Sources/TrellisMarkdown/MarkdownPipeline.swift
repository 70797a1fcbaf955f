import TrellisCore

/// The one ordered registry of Markdown rewriters: nothing else decides their order.
public struct MarkdownPipeline: Sendable {
    /// The rewriters, run first to last.
    public var rewriters: [any MarkdownRewriter]
    /// The syntax extensions the parser recognises (none by default: plain CommonMark).
    public var extensions: Set<MarkdownExtension>
    /// `pymdownx.arithmatex`'s options when it is on: formulas are found as the page is parsed.
    public var math: ArithmatexOptions?
    /// The `pymdownx.blocks` extensions' options.
    public var blocks = BlockSettings()

    public init(
        rewriters: [any MarkdownRewriter], extensions: Set<MarkdownExtension> = [], math: ArithmatexOptions? = nil,
        blocks: BlockSettings = BlockSettings()
    ) {
        self.rewriters = rewriters
        self.extensions = extensions
        self.math = math
        self.blocks = blocks
    }

    /// Trellis's standard order. Directive blocks first (their HTML is the build's, not the
    /// author's); code blocks next (superfences and highlight, with `codeBlocks`' options; the
    /// extensions say which are on); then the inline patterns in Python-Markdown's priority
    /// order: magiclink (85), icons (pymdownx.emoji, 75; so an icon in a heading is markup, not
    /// slug text), keys (70), then mark, caret and tilde (60); then `attr_list` and task lists (tree processors that run
    /// before `toc` in Python-Markdown), so an `{#id}` is the heading's id; heading ids next;
    /// link targets last. `tocLevels` is `toc_depth` (see `HeadingIDRewriter.tocLevels(tocDepth:)`),
    /// `slugStyle` is `toc`'s `slugify`; `tabSlugs` pymdownx.tabbed's, whose tab ids come after
    /// the headings'.
    public static func standard(
        icons: (any IconResolving)? = nil,
        tocLevels: ClosedRange<Int> = 2...3,
        slugStyle: HeadingSlugStyle = .pythonMarkdown,
        reserveHTMLIDs: Bool = false,
        resolveLink: LinkRewriter.Resolve? = nil,
        extensions: Set<MarkdownExtension> = [],
        directives: [FencedDirective] = [],
        inline: InlineExtensionSettings = InlineExtensionSettings(),
        codeBlocks: CodeHighlightOptions = CodeHighlightOptions(),
        math: ArithmatexOptions = ArithmatexOptions(),
        blocks: BlockSettings = BlockSettings(),
        tabSlugs: TabSlugOptions? = nil
    ) -> MarkdownPipeline {
        var rewriters: [any MarkdownRewriter] = []
        if !directives.isEmpty { rewriters.append(FencedDirectiveRewriter(directives)) }
        if extensions.contains(.superFences) || extensions.contains(.highlight) {
            var options = codeBlocks
            options.superFences = extensions.contains(.superFences)
            options.highlightIndented = extensions.contains(.highlight)
            options.attrList = extensions.contains(.attrList)
            rewriters.append(CodeBlockRewriter(options: options))
        }
        // Before the strip: inlinehilite reads the span as written (`#!python  ` is empty code).
        if extensions.contains(.inlineHilite) { rewriters.append(InlineHiliteRewriter(options: codeBlocks)) }
        if extensions.contains(.pythonMarkdownBlocks) { rewriters.append(CodeSpanStripRewriter()) }
        if extensions.contains(.abbreviations) { rewriters.append(AbbreviationDefinitionRewriter(glossary: inline.glossary)) }
        if extensions.contains(.betterEmphasis), inline.smartAsterisk { rewriters.append(BetterEmphasisRewriter()) }
        if extensions.contains(.magicLink) { rewriters.append(MagicLinkRewriter(options: inline.magicLink)) }
        if let icons { rewriters.append(IconShortcodeRewriter(resolver: icons)) }
        if extensions.contains(.keys) { rewriters.append(KeysRewriter(options: inline.keys)) }
        let delimiters = inline.delimiters(for: extensions)
        if !delimiters.isEmpty { rewriters.append(DelimiterRewriter(delimiters: delimiters)) }
        if extensions.contains(.attrList) { rewriters.append(AttributeListRewriter()) }
        if extensions.contains(.taskList) { rewriters.append(TaskListRewriter()) }
        if extensions.contains(.abbreviations) { rewriters.append(AbbreviationRewriter()) }
        if extensions.contains(.smartSymbols) { rewriters.append(SmartSymbolsRewriter(options: inline.smartSymbols)) }
        rewriters.append(HeadingIDRewriter(tocLevels: tocLevels, reserveHTMLIDs: reserveHTMLIDs, slugStyle: slugStyle))
        if let tabSlugs, extensions.contains(.tabbed) { rewriters.append(TabSlugRewriter(options: tabSlugs)) }
        if let resolveLink { rewriters.append(LinkRewriter(resolveLink)) }
        var math = math
        math.undoesListEscapes = extensions.contains(.pythonMarkdownBlocks)
        return MarkdownPipeline(
            rewriters: rewriters, extensions: extensions, math: extensions.contains(.arithmatex) ? math : nil, blocks: blocks)
    }

    /// Runs every rewriter in order.
    public func run(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        for rewriter in rewriters {
            rewriter.rewrite(&document, context: &context)
        }
    }
}
