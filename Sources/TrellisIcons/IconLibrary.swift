import Foundation
import TrellisCore

/// Material for MkDocs' icon shortcodes (`:fontawesome-solid-circle-arrow-up:`), as inline SVG.
///
/// Backed by the bundled resource generated from mkdocs-material (all of Font Awesome, Material
/// Design Icons, Octicons and Simple Icons), plus optional overlay folders for a brand's icons.
/// The resource is memory-mapped and binary-searched, so a build reads only the icons it uses.
/// Thread-safe: pages can look icons up in parallel.
public final class IconLibrary: IconResolving {
    /// The bundled icons without overlays.
    public static let bundled = IconLibrary(table: .bundled, overlay: IconOverlay())

    private let table: IconTable
    private let overlay: IconOverlay
    /// `<set>-` for every known set, longest first so the most specific set wins.
    private let prefixes: [String]
    private let roots: Set<String>
    private let state = Locked(State())

    /// How many unknown names the cache keeps: names come from pages, and a long-lived library
    /// (`bundled`, a preview server's) must not grow with every name ever written.
    static let unknownCacheLimit = 1024
    private let unknownCacheLimit: Int

    /// What the library knows about an icon-like name.
    enum Found: Equatable {
        /// The icon's SVG, exactly as Material embeds it.
        case svg(String)
        /// No such icon; up to three close names, best first.
        case unknown(suggestions: [String])
    }

    private struct State {
        /// Every icon found (as many as the sets have), and up to `unknownCacheLimit` unknown names.
        var cache: [String: Found] = [:]
        var unknownCached = 0
        /// Candidate names per prefix, built the first time an icon is unknown.
        var namesByPrefix: [String: [Int: [Suggestions.Candidate]]]?
    }

    /// The bundled icons plus folders laid out like Material's `custom_icons`
    /// (`<folder>/<set>/<name>.svg`, nested folders joined with `-`). An overlay icon replaces a
    /// bundled one of the same name; among overlays the first folder wins, as in Material.
    ///
    /// - Throws: `DiagnosticError` naming each folder or file that cannot be read.
    public convenience init(overlays: [URL]) throws {
        self.init(table: .bundled, overlay: try IconOverlay(folders: overlays))
    }

    init(table: IconTable, overlay: IconOverlay, unknownCacheLimit: Int = IconLibrary.unknownCacheLimit) {
        self.table = table
        self.overlay = overlay
        self.unknownCacheLimit = unknownCacheLimit
        let sets = Set(table.sets).union(overlay.sets)
        self.prefixes = sets.map { $0 + "-" }.sorted { ($0.utf8.count, $1) > ($1.utf8.count, $0) }
        self.roots = Set(table.roots).union(overlay.roots)
    }

    /// Where the bundled icons came from, e.g. `mkdocs-material 9.8.2 (…)`.
    public var source: String { table.source }

    /// Whether a shortcode name (without colons) belongs to the icon sets: it starts with a
    /// known set prefix (`material-`) or is an icon at the top of a folder (`logo`). Names that
    /// are not, like `smile`, are left to emoji or stay text.
    public func isIconName(_ name: String) -> Bool {
        roots.contains(name) || prefix(of: name) != nil
    }

    /// The markup for the icon `name` (without colons), or why there is none: Material's
    /// `<span class="twemoji">` around the SVG.
    public func lookup(_ name: String) -> IconLookup {
        switch find(name) {
        case .svg(let svg)?: return .html(#"<span class="twemoji">"# + svg + "</span>")
        case .unknown(let suggestions)?: return .unknown(suggestions: suggestions)
        case nil: return .notAnIcon
        }
    }

    /// The bare SVG of an icon named by its path, as Material's `theme.icon` settings and
    /// `extra.social` name them (`fontawesome/brands/github`), or nil when there is none.
    public func svg(path: String) -> String? {
        let name = path.hasSuffix(".svg") ? String(path.dropLast(4)) : path
        if case .svg(let svg)? = find(name.replacingOccurrences(of: "/", with: "-")) { return svg }
        return nil
    }

    /// The SVG of the icon `name` (without colons), why there is none, or nil for a name that is
    /// not an icon name.
    func find(_ name: String) -> Found? {
        guard isIconName(name) else { return nil }
        if let cached = state.withLock({ $0.cache[name] }) { return cached }
        let result: Found
        if let svg = overlay.icons[name] ?? table.svg(named: name) {
            result = .svg(svg)
        } else {
            result = .unknown(suggestions: suggestions(for: name))
        }
        state.withLock { state in
            if case .unknown = result {
                guard state.unknownCached < unknownCacheLimit else { return }
                state.unknownCached += 1
            }
            state.cache[name] = result
        }
        return result
    }

    /// How many names the cache holds (for tests).
    var cachedNames: Int { state.withLock { $0.cache.count } }

    private func prefix(of name: String) -> String? {
        prefixes.first { name.utf8.count > $0.utf8.count && name.utf8.starts(with: $0.utf8) }
    }

    /// Close names from the same set only: comparing against all 14,000 icons would be slow and
    /// would suggest icons from sets the author did not mean. Only names within 3 characters of
    /// the name's length are compared (no suggestion is further away), so a page of thousands of
    /// unknown icons does not compare each with every icon of its set.
    private func suggestions(for name: String) -> [String] {
        guard let prefix = prefix(of: name) else { return [] }
        let length = Suggestions.Candidate(name).length
        let candidates = state.withLock { state -> [Suggestions.Candidate] in
            if state.namesByPrefix == nil { state.namesByPrefix = groupNames() }
            guard let byLength = state.namesByPrefix?[prefix] else { return [] }
            let window = max(0, length - Suggestions.maxDistance)...(length + Suggestions.maxDistance)
            return window.flatMap { byLength[$0] ?? [] }
        }
        return Suggestions.closest(to: name, among: candidates)
    }

    /// Names by set prefix, then by length as suggestions compare them.
    private func groupNames() -> [String: [Int: [Suggestions.Candidate]]] {
        var groups: [String: [Int: [Suggestions.Candidate]]] = [:]
        var seen: Set<String> = []
        for name in overlay.icons.keys.sorted() + table.allNames() where seen.insert(name).inserted {
            guard let prefix = prefix(of: name) else { continue }
            let candidate = Suggestions.Candidate(name)
            groups[prefix, default: [:]][candidate.length, default: []].append(candidate)
        }
        return groups
    }
}
