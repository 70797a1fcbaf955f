import Foundation
import TrellisCore

extension LoadConfig {
    /// Checks the folders the config names and sets the folders symlinks may lead into: an
    /// unsafe `site_dir` (see `SiteConfig.folderProblems`), and a relative `docs_dir` whose real
    /// path leaves the project. An absolute `docs_dir` and the `allow_symlinks_to` paths are
    /// trusted as the config names them.
    static func checkFolders(
        _ config: SiteConfig, brands: [Brand], configName: String, isMkDocs: Bool, customDir: String?, site: inout SiteState
    ) -> [Diagnostic] {
        var inputs: [(key: String, path: String)] = [("config file", configName)]
        if let mkdocs = config.mkdocsConfig { inputs.append(("mkdocs", mkdocs)) }
        if !isMkDocs { inputs.append(("brands_dir", config.brandsDir)) }
        if let customDir { inputs.append(("custom_dir", customDir)) }
        for brand in brands {
            for (key, path) in [("theme.templates", brand.theme.templates), ("icons", brand.icons)] {
                if let path { inputs.append((key, path)) }
            }
        }
        var problems = config.folderProblems(root: site.root, inputs: inputs)
        var trusted = config.allowSymlinksTo.map { config.url(of: $0, root: site.root).standardizedFileURL.path }
        if config.docsDir.hasPrefix("/") {
            trusted.append(config.docsDir)
        }
        site.project = ProjectFolder(root: site.root, alsoTrusted: trusted)
        if !config.docsDir.hasPrefix("/"),             case .outside(let target) = site.project.follow(config.url(of: config.docsDir, root: site.root).path)
        {
            let position = config.settingPositions["docs_dir"]
            problems.append(
                Diagnostic(
                    .outsideRoot, path: position?.path ?? config.path, at: position?.location,
                    message: "the docs folder '\(config.docsDir)' leads to '\(target)', outside the project folder "
                        + "(list the target in 'allow_symlinks_to', or name it in 'docs_dir' as an absolute path)"))
        }
        return problems
    }

    /// A brand id names the brand's output folder: it must be one plain folder name.
    static func isValidBrandID(_ id: String) -> Bool {
        !id.isEmpty && !id.contains("/") && !id.hasPrefix(".")
    }
}
