import Foundation
import TrellisCore

/// MkDocs' `theme.custom_dir`, the folder an MkDocs Material site keeps its theme overrides in.
///
/// MkDocs copies every file of a theme folder that is not a template to the site root at the
/// same relative path (`overrides/assets/images/banner.png` → `assets/images/banner.png`), so
/// the overrides' images, stylesheets and scripts ship exactly as before. Trellis templates are
/// Mustache: `*.mustache` files there override the default theme's templates of the same name
/// (`partials/footer.mustache`), like a brand's `theme.templates` folder. Material's Jinja
/// templates (`main.html`, `partials/*.html`) cannot run in Trellis, so they are named in one
/// warning rather than dropped silently.
struct MkDocsCustomDir {
    /// The folder, relative to the site root as written in `mkdocs.yml`.
    let path: String
    /// Its files, relative to the folder, sorted; empty when the folder does not exist.
    let files: [String]
    /// Symlinks in it that are not followed (outside the project, dangling, loops).
    let linkProblems: [Diagnostic]

    init(path: String, root: URL, project: ProjectFolder) {
        self.path = path
        let folder = root.appending(path: path).path
        if case .outside(let target) = project.follow(folder) {
            files = []
            linkProblems = [LinkProblem.outside(link: path, target: target).diagnostic(in: "")]
            return
        }
        let walk = FileTree.files(under: folder, within: project)
        files = walk.files
        linkProblems = walk.problems.map { $0.diagnostic(in: path) }
    }

    /// Files MkDocs copies to the site: not templates (`*.html`), not Trellis templates, not
    /// theme metadata or Python files.
    var staticFiles: [String] {
        files.filter { file in
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return !name.hasSuffix(".html") && !name.hasSuffix(".mustache") && !name.hasSuffix(".py")
                && !name.hasSuffix(".pyc") && name != "mkdocs_theme.yml" && !file.contains("__pycache__/")
        }
    }

    /// Material's Jinja templates, which Trellis cannot apply.
    var jinjaTemplates: [String] { files.filter { $0.hasSuffix(".html") } }

    /// Whether the folder replaces Material's `partials/content.html`, the partial that writes a
    /// page's title as its heading when the page has none: such a site decides that itself
    /// (often by leaving the heading out), and Trellis cannot run its template.
    var replacesContentPartial: Bool { files.contains("partials/content.html") }

    /// One warning naming the Jinja templates that are left out, at the `custom_dir` setting.
    func unsupportedTemplatesWarning(at position: ConfigPosition?, configPath: String) -> Diagnostic? {
        let templates = jinjaTemplates
        guard !templates.isEmpty else { return nil }
        let shown = templates.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        let more = templates.count > 5 ? " and \(templates.count - 5) more" : ""
        return Diagnostic(
            .unsupportedPlugin, path: position?.path ?? configPath, at: position?.location,
            message: "the Jinja template overrides in '\(path)' (\(shown)\(more)) are not applied; "
                + "Trellis themes are Mustache, so write them as '.mustache' files there")
    }
}
