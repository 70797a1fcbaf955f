import TrellisIcons
import TrellisMarkdown

/// How a site's pages are parsed and rendered: its Markdown extensions with their options, and
/// the directives the brand renders. The build and `trellis render` use the same.
struct MarkdownSettings: Sendable {
    var extensions: Set<MarkdownExtension> = []
    var renderer = HTMLRenderer()
    /// `toc`'s `toc_depth`.
    var tocLevels: ClosedRange<Int> = 2...3
    /// `toc`'s `slugify`.
    var slugStyle: HeadingSlugStyle = .pythonMarkdown
    var directives: [FencedDirective] = []
    /// The inline extensions' options.
    var inline = InlineExtensionSettings()
    /// `pymdownx.emoji`: which index and generator turn shortcodes into emoji (nil: icons only).
    var emoji: EmojiSettings?
    /// `pymdownx.highlight`'s and `pymdownx.superfences`' options.
    var codeBlocks = CodeHighlightOptions()
    /// `pymdownx.arithmatex`'s options.
    var math = ArithmatexOptions()
    /// The `pymdownx.blocks` extensions' options.
    var blocks = BlockSettings()
    /// `pymdownx.tabbed`'s `slugify` (nil: numbered tab ids).
    var tabSlugs: TabSlugOptions?

    /// The rewriter pipeline of one page.
    func pipeline(icons: ShortcodeResolver, resolveLink: LinkRewriter.Resolve?) -> MarkdownPipeline {
        .standard(
            icons: icons, tocLevels: tocLevels, slugStyle: slugStyle, resolveLink: resolveLink, extensions: extensions,
            directives: directives, inline: inline, codeBlocks: codeBlocks, math: math, blocks: blocks, tabSlugs: tabSlugs)
    }
}
