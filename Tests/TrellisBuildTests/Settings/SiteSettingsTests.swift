import Foundation
import Testing
import TrellisCore
import TrellisMacros

@testable import TrellisBuild

/// The config stage turns `mkdocs.yml`, `trellis.yml` and brand files into the typed settings
/// the stages read, with MkDocs' and its plugins' defaults, and reports what it cannot honour.
@Suite struct SiteSettingsTests {
    /// The settings `LoadConfig` makes for a site of `files`.
    static func settings(_ files: [String: String]) throws -> SiteSettings {
        let s = try TestSite(files)
        defer { s.cleanUp() }
        var site = SiteState(options: BuildOptions(root: s.root))
        try LoadConfig().run(&site)
        return site.settings
    }

    @Test func aTrellisSiteKeepsTrellisDefaults() throws {
        let settings = try Self.settings(["trellis.yml": "site_name: D\n"])
        #expect(!settings.isMkDocs && !settings.isPlainMkDocs)
        #expect(settings.macros.enabled && settings.macros.renderByDefault)
        #expect(settings.macros.undefined == .strict)
        #expect(settings.macros.plugin == nil && settings.macros.mkdocsConfig == nil && settings.macros.repository == nil)
        #expect(settings.snippets == nil && settings.inclusion == nil && settings.blog == nil)
        #expect(settings.navigation.literateNav == nil && settings.navigation.awesomePages == nil)
        #expect(!settings.navigation.sectionIndex && !settings.navigation.materialIndexes)
        #expect(settings.redirects.maps.isEmpty)
        #expect(settings.templates.extraCSS.isEmpty && settings.templates.editLinks == nil)
        #expect(settings.markdown.tocLevels == 2...3 && settings.markdown.renderer.permalinks)
        #expect(settings.markdown.extensions.contains(.smarty) && !settings.markdown.extensions.contains(.pythonMarkdownBlocks))
    }

    @Test func aPlainMkDocsSiteWithoutTheMacrosPluginLeavesMacrosAlone() throws {
        let settings = try Self.settings(["mkdocs.yml": "site_name: D\n"])
        #expect(settings.isMkDocs && settings.isPlainMkDocs)
        #expect(!settings.macros.enabled && !settings.macros.renderByDefault)
        #expect(settings.macros.undefined == .strict && settings.macros.plugin == nil)
        #expect(settings.inclusion != nil)
        #expect(settings.markdown.tocLevels == 1...6 && !settings.markdown.renderer.permalinks)
        #expect(settings.markdown.extensions.contains(.pythonMarkdownBlocks))
    }

    @Test func theMacrosPluginKeepsUndefinedVariablesByDefault() throws {
        let plain = try Self.settings(["mkdocs.yml": "site_name: D\nplugins: [macros]\n"])
        #expect(plain.macros.enabled && plain.macros.renderByDefault)
        #expect(plain.macros.undefined == .keep)
        #expect(plain.macros.plugin == MacrosPluginSettings())
        let unknown = try Self.settings(["mkdocs.yml": "site_name: D\nplugins:\n  - macros:\n      on_undefined: loud\n"])
        #expect(unknown.macros.undefined == .keep)
    }

    @Test func anMkDocsBaseUnderTrellisRendersMacrosOnEveryPage() throws {
        let settings = try Self.settings([
            "trellis.yml": "site_name: T\nmkdocs: mkdocs.yml\n", "mkdocs.yml": "site_name: M\n",
        ])
        #expect(settings.isMkDocs && !settings.isPlainMkDocs)
        #expect(settings.macros.enabled && settings.macros.renderByDefault && settings.macros.undefined == .strict)
    }

    @Test func pluginAndExtensionOptionsBecomeTypedSettings() throws {
        let settings = try Self.settings([
            "mkdocs.yml": """
                site_name: D
                repo_url: https://example.com/r
                edit_uri: edit/main/docs
                extra_css: [extra.css]
                theme:
                  name: material
                  features: [navigation.indexes, content.action.edit]
                markdown_extensions:
                  - toc:
                      title: On this page
                      permalink: "#"
                  - pymdownx.snippets:
                      base_path: [parts]
                      check_paths: true
                plugins:
                  - macros:
                      on_undefined: silent
                      render_by_default: false
                      include_dir: templates
                      module_name: hooks
                      modules: [pluglet, 3]
                      include_yaml: [vars.yml, {more: other.yml}, 4]
                  - redirects:
                      redirect_maps:
                        old.md: new.md
                  - literate-nav:
                      nav_file: NAV.md
                  - section-index
                """,
        ])
        var plugin = MacrosPluginSettings()
        plugin.includeDir = "templates"
        plugin.moduleName = "hooks"
        plugin.modules = ["pluglet"]
        plugin.includeYAML = [.init(key: nil, file: "vars.yml"), .init(key: "more", file: "other.yml")]
        #expect(settings.macros.plugin == plugin)
        #expect(settings.macros.undefined == .silent && settings.macros.enabled && !settings.macros.renderByDefault)
        #expect(settings.macros.mkdocsConfig?["repo_url"] == "https://example.com/r")
        #expect(settings.macros.repository?.editURL(for: "a/b.md") == "https://example.com/r/edit/main/docs/a/b.md")
        #expect(settings.templates.editLinks == settings.macros.repository)
        #expect(settings.templates.extraCSS == ["extra.css"] && settings.templates.tocTitle == "On this page")
        #expect(settings.markdown.renderer.permalinks && settings.markdown.renderer.permalinkSymbol == "#")
        #expect(settings.snippets?.basePaths == ["parts"] && settings.snippets?.checkPaths == true)
        #expect(settings.redirects.maps == ["old.md": "new.md"])
        #expect(settings.navigation.literateNav?.navFile == "NAV.md")
        #expect(settings.navigation.sectionIndex && settings.navigation.materialIndexes)
        #expect(settings.navigation.awesomePages == nil)
    }

    @Test func anOptionTrellisCannotHonourIsReportedWithTheConfig() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - toc:\n      toc_depth: deep\n",
            "docs/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines == ["mkdocs.yml: warning: toc: toc_depth 'deep' is not a level or a range such as 2-3; it is ignored [UnsupportedPlugin]"])
    }

    @Test func aBlogLeavingTheDocsFolderFailsTheBuildButNotTheConfig() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nplugins:\n  - blog:\n      blog_dir: ../outside\n",
            "docs/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .failed)
        #expect(report.lines == [
            "mkdocs.yml:3:5: error: blog: 'blog_dir' leads to '../outside', outside the docs folder; the blog is not built [ConfigType]",
            "mkdocs.yml:3:5: error: blog: 'post_dir' leads to '../outside/posts', outside the docs folder; the blog is not built [ConfigType]",
        ])
    }
}
