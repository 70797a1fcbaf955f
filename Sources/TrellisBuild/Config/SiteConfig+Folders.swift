import Foundation
import TrellisCore

extension SiteConfig {
    /// A folder setting as a URL: relative to the site root, or absolute as written (MkDocs
    /// honours an absolute `docs_dir` and `site_dir`).
    func url(of path: String, root: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appending(path: path)
    }

    /// Refuses an output folder the build would destroy sources with, as MkDocs refuses it (with
    /// its wording where it has one): `site_dir` is the project folder or holds it, is or holds
    /// the docs folder or another folder the site reads, lies inside the docs folder, is a file,
    /// or holds another project. Paths are compared after resolving `..` and symlinks.
    func folderProblems(root: URL, inputs: [(key: String, path: String)]) -> [Diagnostic] {
        let project = ProjectFolder.resolvedPath(root.standardizedFileURL.path)
        let site = ProjectFolder.resolvedPath(url(of: siteDir, root: root).standardizedFileURL.path)
        let docs = ProjectFolder.resolvedPath(url(of: docsDir, root: root).standardizedFileURL.path)
        let sitePosition = settingPositions["site_dir"] ?? settingPositions["docs_dir"]
        let docsPosition = settingPositions["docs_dir"] ?? settingPositions["site_dir"]
        func problem(_ position: ConfigPosition?, _ message: String) -> Diagnostic {
            Diagnostic(.configType, path: position?.path ?? path, at: position?.location, message: message)
        }
        var problems: [Diagnostic] = []
        if docs == project {
            problems.append(
                problem(
                    docsPosition,
                    "The 'docs_dir' should not be the parent directory of the config file. Use a child directory "
                        + "instead so that the 'docs_dir' is a sibling of the config file."))
        }
        if ProjectFolder.isInside(project, folder: site) {
            problems.append(
                problem(
                    sitePosition,
                    "The 'site_dir' should not be the project folder or contain it, as the build replaces the "
                        + "'site_dir' with its output. (site_dir: '\(site)', project: '\(project)')"))
        } else if ProjectFolder.isInside(docs, folder: site) {
            problems.append(
                problem(
                    sitePosition,
                    "The 'docs_dir' should not be within the 'site_dir' as this can mean the source files are "
                        + "overwritten by the output, and the build replaces the 'site_dir' with its output. "
                        + "(site_dir: '\(site)', docs_dir: '\(docs)')"))
        } else if ProjectFolder.isInside(site, folder: docs) {
            problems.append(
                problem(
                    sitePosition,
                    "The 'site_dir' should not be within the 'docs_dir' as this leads to the build directory being "
                        + "copied into itself and duplicate nested files in the 'site_dir'. "
                        + "(site_dir: '\(site)', docs_dir: '\(docs)')"))
        } else if let input = inputs.first(where: {
            ProjectFolder.isInside(ProjectFolder.resolvedPath(url(of: $0.path, root: root).standardizedFileURL.path), folder: site)
        }) {
            let resolved = ProjectFolder.resolvedPath(url(of: input.path, root: root).standardizedFileURL.path)
            problems.append(
                problem(
                    sitePosition,
                    "The '\(input.key)' should not be within the 'site_dir' as the build replaces the 'site_dir' "
                        + "with its output. (site_dir: '\(site)', \(input.key): '\(resolved)')"))
        } else if let reason = Self.unreplaceableReason(site) {
            problems.append(problem(sitePosition, "The 'site_dir' '\(site)' \(reason); the build would replace it with its output."))
        }
        return problems
    }

    /// Why an existing `site_dir` is not an output folder the build may replace: a file, a
    /// folder holding a project (a site config), or a folder with visible files but no page at
    /// its top or in a brand folder (`index.html`, `404.html`), which no build of Trellis or MkDocs
    /// left. Hidden entries (a `.git` of a deploy worktree) are kept by the build, as MkDocs
    /// keeps them, and do not count.
    private static func unreplaceableReason(_ site: String) -> String? {
        var info = stat()
        guard lstat(site, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return "is not a folder" }
        for marker in ["mkdocs.yml", "mkdocs.yaml", "trellis.yml"] where lstat(site + "/" + marker, &info) == 0 {
            return "holds a project ('\(marker)'), not a built site"
        }
        let visible = ((try? FileManager.default.contentsOfDirectory(atPath: site)) ?? []).filter { !$0.hasPrefix(".") }
        guard !visible.isEmpty else { return nil }
        let pages = ["index.html", "404.html"]
        let folders = [""] + visible.map { $0 + "/" }
        if folders.contains(where: { folder in pages.contains { lstat(site + "/" + folder + $0, &info) == 0 } }) { return nil }
        return "is not empty and holds no site a build left (no 'index.html' or '404.html'); empty it or choose another folder"
    }
}
