import Foundation
import Mustache
import TrellisCore

/// Renders pages with the default theme and a brand's overrides.
///
/// Build one per brand: it parses the embedded default templates, then each override folder
/// in order, a file there replacing the default of the same name (`partials/header.mustache`),
/// exactly like MkDocs' `custom_dir`. Templates are named by their path in `templates/` without
/// the extension (`page`, `partials/header`), which is also how partials include them
/// (`{{> partials/header}}`). `page` is the entry point; the default `page` inherits `base`, so
/// a brand can override one block (`{{< base}}{{$extrahead}}…{{/extrahead}}{{/base}}`).
///
/// The renderer is immutable and `Sendable`: render pages from as many threads as you like.
public struct ThemeRenderer: Sendable {
    /// The template every page is rendered with.
    public static let entryTemplate = "page"
    /// How a template's file name ends.
    public static let templateExtension = ".mustache"
    /// Deeper section nesting is refused before parsing: the parser recurses per level.
    static let maxTemplateNesting = 64
    /// The partial that renders one sidebar entry.
    static let navItemTemplate = "partials/nav-item"
    /// The names a `partials/nav-item` may use for its output to be cached: a `NavItem`'s
    /// fields, and `html`, which nothing on an entry's context stack answers.
    static let navItemNames: Set<String> = [
        "title", "href", "hasHref", "isSection", "isActive", "isInActiveTrail", "isExpanded", "children",
        "childBlocks", "isPrerendered", "html", "integratedToc", "hasIntegratedToc", "level", "hasChildren", "tocTitle",
    ]

    private let library: MustacheLibrary
    /// Collapsed sidebar entries already rendered; nil when the brand's `partials/nav-item`
    /// reads something else (the page's fields), so its output may differ from page to page.
    private let navCache: NavItemCache?
    /// Where each template came from, for diagnostics (`templates/page.mustache`).
    public let templatePaths: [String: String]

    /// Loads the default templates, then `overrides` (folders of templates) in order.
    /// - Throws: `DiagnosticError` with a `TemplateError` diagnostic per broken template
    ///   (naming the file and line), or an `IOError` for an unreadable folder.
    public init(overrides: [URL] = []) throws {
        var sources: [String: (path: String, data: Data)] = [:]
        for (path, data) in DefaultTheme.files() where path.hasPrefix("templates/") && path.hasSuffix(Self.templateExtension) {
            sources[Self.templateName(String(path.dropFirst("templates/".count)))] = (path, data)
        }
        for folder in overrides {
            for (relative, data) in try ThemeFiles.read(folder: folder) where relative.hasSuffix(Self.templateExtension) {
                sources[Self.templateName(relative)] = (ThemeFiles.displayPath(folder, relative), data)
            }
        }
        try self.init(sources: sources)
    }

    /// Parses named template sources (name → display path and bytes).
    init(sources: [String: (path: String, data: Data)]) throws {
        var library = MustacheLibrary()
        var paths: [String: String] = [:]
        var texts: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            paths[name] = source.path
            guard let text = String(data: source.data, encoding: .utf8) else {
                problems.append(Diagnostic(.templateError, path: source.path, at: nil, message: "template is not valid UTF-8"))
                continue
            }
            if let problem = TemplateChecks.nestingProblem(text, limit: Self.maxTemplateNesting) {
                problems.append(Diagnostic(.templateError, path: source.path, at: problem.location, message: problem.message))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                texts[name] = text
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber)
                problems.append(
                    Diagnostic(
                        .templateError, path: source.path, at: location,
                        message: "cannot parse template: \(TemplateChecks.describe(error.error))"))
            } catch {
                problems.append(Diagnostic(.templateError, path: source.path, at: nil, message: "cannot parse template: \(error)"))
            }
        }
        // Templates that failed to parse are already reported; only unknown names are checked.
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateChecks.partialReferences(text) where paths[reference.name] == nil {
                problems.append(
                    Diagnostic(
                        .templateError, path: paths[name], at: reference.location,
                        message: "template includes '\(reference.name)', which does not exist",
                        notes: Suggestions.didYouMean(reference.name, in: paths.keys).map { [$0] } ?? []))
            }
        }
        for (name, problem) in TemplateChecks.recursionProblems(texts) {
            problems.append(Diagnostic(.templateError, path: paths[name], at: problem.location, message: problem.message))
        }
        if problems.isEmpty && library.getTemplate(named: Self.entryTemplate) == nil {
            problems.append(
                Diagnostic(.templateError, path: nil, at: nil, message: "the theme has no '\(Self.entryTemplate).mustache' template"))
        }
        guard problems.isEmpty else { throw DiagnosticError(problems.sorted(by: Diagnostic.sortKey)) }
        self.library = library
        self.templatePaths = paths
        let cacheable = TemplateChecks.usesOnlyNames(Self.navItemNames, from: Self.navItemTemplate, in: texts)
        self.navCache = cacheable ? NavItemCache() : nil
    }

    /// The page's HTML document.
    public func render(page: PageView) throws -> String {
        try render(page: page, usingCache: true)
    }

    /// Whether collapsed sidebar entries are rendered once and reused.
    var cachesNavItems: Bool { navCache != nil }

    /// The page's HTML document; without the cache, every sidebar entry is rendered in place
    /// (the same HTML, slower: for tests).
    func render(page: PageView, usingCache: Bool) throws -> String {
        let context: PageContext
        if usingCache, let navCache {
            let library = self.library
            context = PageContext(page) { items in
                navCache.html(for: items) { library.render($0, withTemplate: Self.navItemTemplate) }
            }
        } else {
            context = PageContext(page)
        }
        guard let html = library.render(context, withTemplate: Self.entryTemplate) else {
            throw DiagnosticError(
                Diagnostic(.templateError, path: nil, at: nil, message: "the theme has no '\(Self.entryTemplate)' template"))
        }
        return html
    }

    /// The theme's static files keyed by their path in the output site (`assets/trellis.css`):
    /// the default theme's `assets/`, then each override folder's files but its templates (as
    /// MkDocs copies a theme folder's static files but its templates) in order, a file there
    /// replacing the default of the same name.
    public static func assets(overrides: [URL] = []) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for (path, data) in DefaultTheme.files() where path.hasPrefix("assets/") {
            result[path] = data
        }
        for folder in overrides {
            for (relative, data) in try ThemeFiles.read(folder: folder) where !relative.hasSuffix(templateExtension) {
                result["assets/" + relative] = data
            }
        }
        return result
    }

    static func templateName(_ relativePath: String) -> String {
        String(relativePath.dropLast(templateExtension.count))
    }
}
