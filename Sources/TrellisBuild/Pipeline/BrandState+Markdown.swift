import TrellisIcons
import TrellisMarkdown

extension BrandState {
    /// How the brand's pages are parsed: the site's Markdown settings with the brand's
    /// walkthrough directive. Every stage that renders the brand's Markdown takes these.
    func markdownSettings(site: SiteState) -> MarkdownSettings {
        var settings = site.settings.markdown
        settings.directives = [WalkthroughDirective.directive(for: walkthrough)]
        return settings
    }

    /// The brand's icons and the site's emoji settings, for `:shortcode:`s.
    func shortcodes(site: SiteState) -> ShortcodeResolver {
        ShortcodeResolver(icons: icons, emoji: site.settings.markdown.emoji)
    }
}
