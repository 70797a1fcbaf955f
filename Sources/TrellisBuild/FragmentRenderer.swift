import Foundation
import TrellisCore
import TrellisIcons
import TrellisMacros
import TrellisMarkdown
import UpgradeModel

/// Options of `trellis render`.
public struct RenderOptions: Sendable {
    /// The site root; its config (if any) supplies the brand's variables and icons.
    public var root: URL
    public var configName = "trellis.yml"
    /// The brand whose variables to use; nil takes the first.
    public var brand: String?
    /// The day catalogue versions are judged on; nil: today.
    public var today: Date?

    public init(root: URL) {
        self.root = root
    }
}

/// The HTML fragment of one Markdown text and what went wrong on the way.
public struct FragmentResult: Sendable {
    public var html = ""
    public var outcome: BuildOutcome = .success
    public var diagnostics: [Diagnostic] = []
    public var sources: [String: SourceFile] = [:]
}

/// `trellis render`: one Markdown text through the same front matter, macro, icon and
/// heading stages as a page of the build, without a theme or a site around it.
public enum FragmentRenderer {
    /// The site config and brands of `root/name`, an MkDocs config or a Trellis one.
    private static func loadConfig(_ name: String, root: URL) -> (SiteConfig, [Brand], MkDocsSettings?, [Diagnostic]) {
        guard LoadConfig.isMkDocs(name, root: root) else {
            let (config, brands, diagnostics) = ConfigLoader(root: root).load(configName: name)
            return (config, brands, nil, diagnostics)
        }
        return MkDocsConfigLoader(root: root).load(configName: name)
    }

    public static func render(text: String, path: String, options: RenderOptions) -> FragmentResult {
        var result = FragmentResult()
        let file = SourceFile(path: path, text: text)
        result.sources[path] = file
        var brand = Brand(id: "default", name: "")
        var config = SiteConfig()
        var mkdocs: MkDocsSettings?
        let configName = LoadConfig.configName(options.configName, root: options.root)
        let hasConfig = FileManager.default.fileExists(atPath: options.root.appending(path: configName).path)
        if hasConfig {
            let (loaded, brands, settings, diagnostics) = loadConfig(configName, root: options.root)
            result.diagnostics += diagnostics
            config = loaded
            mkdocs = settings
            let chosen = options.brand.map { id in brands.first { $0.id == id } } ?? brands.first
            guard let chosen, !diagnostics.contains(where: { $0.severity == .error }) else {
                if let id = options.brand, !brands.contains(where: { $0.id == id }) {
                    result.diagnostics.append(Diagnostic(.configType, path: nil, at: nil, message: "unknown brand '\(id)'"))
                }
                result.outcome = .unusable
                return result
            }
            brand = chosen
        } else if let id = options.brand {
            result.diagnostics.append(
                Diagnostic(.io, path: nil, at: nil, message: "--brand \(id) needs a '\(configName)' in the site root"))
            result.outcome = .unusable
            return result
        }
        let (meta, bodyOffset, problems) = FrontMatter.split(file)
        result.diagnostics += problems
        let page = SourcePage(path: "page.md", file: file, meta: meta, bodyOffset: bodyOffset, isIndex: false)
        var pageText = PageText(
            text: String(page.body), sourceMap: .identity(length: page.body.utf8.count, sourceOffset: bodyOffset))
        if meta.renderMacros ?? true {
            var context = brand.extra
            if let upgrades = brand.upgrades {
                context = context.merging(UpgradeVariables.values(upgrades, on: CalendarDay(options.today ?? Date())))
            }
            context["config"] = ExpandMacros.configValue(config, brand: brand)
            context["page"] = ExpandMacros.pageValue(page)
            let expansion = MacroExpander.expand(String(page.body), file: file, sourceOffset: bodyOffset, context: context)
            result.diagnostics += expansion.diagnostics
            pageText = PageText(text: expansion.text, sourceMap: expansion.sourceMap)
        }
        var icons = IconLibrary.bundled
        if let folder = brand.icons {
            do {
                icons = try IconLibrary(overlays: [options.root.appending(path: folder)])
            } catch let error as DiagnosticError {
                result.diagnostics += error.diagnostics
            } catch {}
        }
        // The Markdown settings of a page of the site, as `LoadConfig` makes them for a build.
        let site = SiteState(options: BuildOptions(root: options.root))
        site.config = config
        site.mkdocs = mkdocs
        if let toc = mkdocs?.markdownExtension("toc") {
            result.diagnostics += LoadConfig.applyTocOptions(toc.options, to: site, configPath: config.path)
        }
        let (emoji, emojiProblems) = EmojiOptions.settings(
            mkdocs: mkdocs, trellisExtensions: config.markdownExtensions, configPath: config.path)
        site.emoji = emoji
        result.diagnostics += emojiProblems
        result.diagnostics += LoadConfig.applyCodeBlockOptions(to: site, configPath: config.path)
        if let mkdocs {
            let (inline, problems) = InlineExtensionOptions.read(mkdocs, configPath: config.path)
            site.inlineSettings = inline
            result.diagnostics += problems
        }
        let settings = site.markdownSettings
        let (rendered, diagnostics) = RenderMarkdown.render(
            page, text: pageText, icons: ShortcodeResolver(icons: icons, emoji: settings.emoji), resolver: nil, settings: settings)
        result.diagnostics += diagnostics
        result.diagnostics.sort(by: Diagnostic.sortKey)
        result.html = rendered.html
        if result.diagnostics.contains(where: { $0.severity == .error }) { result.outcome = .failed }
        return result
    }
}
