import Foundation
import TrellisCore

/// Builds a navigation from `.pages` files the way mkdocs-awesome-pages-plugin (v2) does, for
/// MkDocs sites that use it instead of a `nav`: each folder lists its items in MkDocs' default
/// order (index page, other pages by name, then subfolders by name), and its `.pages` file can
/// reorder (`nav`, `arrange`, `...` rests), retitle, add links, hide and collapse sections.
public struct AwesomePages {
    /// A published page.
    public struct Page: Sendable, Equatable {
        /// The path under the docs folder (`guide/start.md`).
        public var path: String
        /// The page's own title (front matter, first heading or file name).
        public var title: String
        /// The page URL relative to the site root.
        public var url: String

        public init(path: String, title: String, url: String) {
            self.path = path
            self.title = title
            self.url = url
        }
    }

    /// Options from the plugin's entry in `mkdocs.yml`.
    public struct Options: Sendable {
        /// The name of the per-folder file.
        public var filename = ".pages"
        /// Replace every section holding a single item by that item (`collapse_single_pages`).
        public var collapseSinglePages = false
        /// Material's `navigation.indexes`: a section's own index page becomes the section's link.
        public var indexesAsSectionLinks = false

        public init() {}

        /// Reads the plugin's options and Material's features.
        public init(plugin options: ValueMap, features: [String]) {
            if case .string(let name)? = options["filename"] { filename = name }
            if case .bool(let collapse)? = options["collapse_single_pages"] { collapseSinglePages = collapse }
            indexesAsSectionLinks = features.contains("navigation.indexes")
        }
    }

    /// MkDocs' section title for a folder (`mkdocs.utils.dirname_to_title`).
    static func folderTitle(_ name: String) -> String { Builder.title(ofFolder: name) }

    /// Folders nested deeper than this are left out of the navigation, keeping recursion bounded.
    static let maxDepth = 200

    private final class Folder {
        let path: String
        var pages: [Page] = []
        var folders: [String: Folder] = [:]
        init(path: String) { self.path = path }
    }

    private enum Item {
        case page(Page, title: String?)
        case folder(Folder, title: String?)
        case link(title: String, url: String)

        var name: String? {
            switch self {
            case .page(let page, _): return page.path.split(separator: "/").last.map(String.init)
            case .folder(let folder, _): return folder.path.split(separator: "/").last.map(String.init)
            case .link: return nil
            }
        }
    }

    /// The navigation of `pages`. `readFile` returns the text of a docs-relative file
    /// (`guide/.pages`) or nil when there is none; `docsDir` prefixes paths in diagnostics.
    public static func navigation(
        pages: [Page], docsDir: String, options: Options = Options(), readFile: (String) -> String?
    ) -> (items: [NavItem], diagnostics: [Diagnostic]) {
        let root = Folder(path: "")
        for page in pages {
            var folder = root
            for part in page.path.split(separator: "/").dropLast() {
                let name = String(part)
                if let next = folder.folders[name] {
                    folder = next
                } else {
                    let next = Folder(path: folder.path.isEmpty ? name : folder.path + "/" + name)
                    folder.folders[name] = next
                    folder = next
                }
            }
            folder.pages.append(page)
        }
        return withoutActuallyEscaping(readFile) { readFile in
            var builder = Builder(docsDir: docsDir, options: options, readFile: readFile)
            let meta = builder.pagesFile(of: root)
            let collapse = meta.collapseSinglePages ?? options.collapseSinglePages
            let items = builder.children(of: root, meta: meta, collapse: collapse, depth: 0)
            return (items, builder.diagnostics)
        }
    }

    private struct Builder {
        let docsDir: String
        let options: Options
        let readFile: (String) -> String?
        var diagnostics: [Diagnostic] = []

        func filePath(of folder: Folder) -> String {
            folder.path.isEmpty ? options.filename : folder.path + "/" + options.filename
        }

        mutating func pagesFile(of folder: Folder) -> PagesFile {
            let path = filePath(of: folder)
            guard let text = readFile(path) else { return PagesFile() }
            var reader = YAMLReader(path: docsDir.isEmpty ? path : docsDir + "/" + path)
            let file = PagesFile(text, reader: &reader)
            diagnostics += reader.diagnostics
            return file
        }

        /// MkDocs' order: the index page, the other pages by name, then subfolders by name.
        static func defaultItems(of folder: Folder) -> [Item] {
            func isIndex(_ page: Page) -> Bool { SourcePage.hasIndexName(page.path) }
            let pages = folder.pages.sorted {
                let (a, b) = (isIndex($0), isIndex($1))
                return a != b ? a : $0.path < $1.path
            }
            let folders = folder.folders.sorted { $0.key < $1.key }.map(\.value)
            return pages.map { .page($0, title: nil) } + folders.map { .folder($0, title: nil) }
        }

        mutating func children(of folder: Folder, meta: PagesFile, collapse: Bool, depth: Int) -> [NavItem] {
            var items = Self.defaultItems(of: folder)
            if let order = meta.order {
                items.sort { (a, b) in order == "desc" ? (a.name ?? "") > (b.name ?? "") : (a.name ?? "") < (b.name ?? "") }
            }
            if let nav = meta.nav { items = arranged(items, by: nav, folder: folder) }
            var result: [NavItem] = []
            for item in items {
                switch item {
                case .page(let page, let title):
                    result.append(NavItem(title: title ?? page.title, url: page.url, pagePath: page.path))
                case .link(let title, let url):
                    var link = NavItem(title: title, url: url, pagePath: nil)
                    link.isExternal = true
                    result.append(link)
                case .folder(let sub, let title):
                    guard depth < AwesomePages.maxDepth else { continue }
                    if let section = section(sub, title: title, collapse: collapse, depth: depth + 1) {
                        result.append(section)
                    }
                }
            }
            return result
        }

        /// A subfolder's section, or nil when it is hidden or empty.
        mutating func section(_ folder: Folder, title: String?, collapse inherited: Bool, depth: Int) -> NavItem? {
            let meta = pagesFile(of: folder)
            if meta.hide { return nil }
            let collapse = meta.collapseSinglePages ?? inherited
            let name = String(folder.path.split(separator: "/").last ?? "")
            // The folder's own title wins over one given by its parent's `nav`, as in the plugin.
            var section = NavItem(
                title: meta.title ?? title ?? Self.title(ofFolder: name), url: nil, pagePath: nil,
                children: children(of: folder, meta: meta, collapse: collapse, depth: depth))
            if section.children.isEmpty { return nil }
            if meta.collapse ?? collapse, section.children.count == 1 { return section.children[0] }
            if options.indexesAsSectionLinks, let first = section.children.first, let path = first.pagePath,
                path.split(separator: "/").dropLast().joined(separator: "/") == folder.path,
                SourcePage.hasIndexName(path)
            {
                section.url = first.url
                section.pagePath = path
                section.children.removeFirst()
            }
            return section
        }

        /// `items` in the order of `nav`: named items first where named, rests filled with what is left.
        mutating func arranged(_ items: [Item], by nav: [PagesFile.Entry], folder: Folder) -> [Item] {
            var byName: [String: Int] = [:]
            for (i, item) in items.enumerated() { if let name = item.name { byName[name] = i } }
            var used = Set<Int>()
            enum Slot { case item(Item), rest(PagesFile.Rest) }
            var slots: [Slot] = []
            for entry in nav {
                switch entry {
                case .rest(let rest):
                    slots.append(.rest(rest))
                case .item(let value, let title, let location):
                    if let i = byName[value] {
                        used.insert(i)
                        switch items[i] {
                        case .page(let page, _): slots.append(.item(.page(page, title: title)))
                        case .folder(let sub, _): slots.append(.item(.folder(sub, title: title)))
                        case .link: break
                        }
                    } else if let title {
                        slots.append(.item(.link(title: title, url: value)))
                    } else {
                        var message = "'\(filePath(of: folder))' names '\(value)', which does not exist"
                        if let hint = Suggestions.didYouMean(value, in: Array(byName.keys)) { message += "; \(hint)" }
                        let path = docsDir.isEmpty ? filePath(of: folder) : docsDir + "/" + filePath(of: folder)
                        diagnostics.append(Diagnostic(.navFileMissingPage, path: path, at: location, message: message))
                    }
                }
            }
            // Patterned rests take their matches before a plain `...` takes the remainder.
            let rests = slots.compactMap { if case .rest(let r) = $0 { r } else { nil } }
            let ordered = rests.filter { $0.kind != .all } + rests.filter { $0.kind == .all }
            var filled: [PagesFile.Rest: [Item]] = [:]
            for (i, item) in items.enumerated() where !used.contains(i) {
                guard let name = item.name, let rest = ordered.first(where: { $0.matches(name) }) else { continue }
                filled[rest, default: []].append(item)
            }
            return slots.flatMap { slot -> [Item] in
                switch slot {
                case .item(let item): return [item]
                case .rest(let rest): return filled[rest] ?? []
                }
            }
        }

        /// MkDocs' section title for a folder: dashes and underscores become spaces, and an
        /// all-lowercase name is capitalised.
        static func title(ofFolder name: String) -> String {
            let spaced = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            guard spaced.lowercased() == spaced, let first = spaced.first else { return spaced }
            return first.uppercased() + spaced.dropFirst()
        }
    }
}
