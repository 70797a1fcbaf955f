import Foundation

/// Where the pipeline's `discover files` and `load pages` stages take the docs folder's pages
/// from: the disk (a build), or pages held in memory (`trellis render`; a preview server's
/// edited pages). Every later stage sees the same `SourcePage`s either way.
public enum DocsSource: Sendable {
    /// The docs folder as it is on disk.
    case disk
    /// These pages, in place of the docs folder's: only they are read and rendered. The folder's
    /// other files (when it exists) are only link targets, so a link to another page or an image
    /// is written as the build writes it; they are not read (a page is taken to be published for
    /// every brand) and their problems are not reported.
    case memory([PageSource])
}

/// A page given as text instead of read from the docs folder.
public struct PageSource: Sendable {
    /// The page's path in the docs folder (`guide/setup.md`): it decides the page's URL, what its
    /// relative links and snippets lead to and what `exclude_docs` says of it. Nil: the place
    /// of `file` in the docs folder, else `page.md` at its top.
    public var path: String?
    /// The file the text comes from, when it is one (nil for standard input).
    public var file: URL?
    public var text: String

    public init(text: String, path: String? = nil, file: URL? = nil) {
        self.text = text
        self.path = path
        self.file = file
    }

    /// The page's path in the docs folder at `docsDir`.
    func docsPath(in docsDir: URL) -> String {
        if let path { return path }
        let folder = docsDir.standardizedFileURL.resolvingSymlinksInPath().path
        if let file {
            let real = file.standardizedFileURL.resolvingSymlinksInPath().path
            if real.hasPrefix(folder + "/") { return String(real.dropFirst(folder.count + 1)) }
        }
        return "page.md"
    }
}
