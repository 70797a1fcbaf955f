import Foundation

extension MkDocsCustomDir {
    /// The stylesheets a Material `main.html` override adds to every page, which Trellis can
    /// apply without running Jinja: `<link rel="stylesheet">`s to a file of the site
    /// (`{{ base_url }}/css/site.css`, `{{ 'css/site.css' | url }}`), and `<style>` blocks with
    /// no template tags inside (a site's colour variables). Sites set their look this way as
    /// often as through `extra_css`; the rest of the override is still not applied (and named
    /// in `unsupportedTemplatesWarning`).
    struct HeadStyles: Equatable {
        /// Paths relative to the site root.
        var stylesheets: [String] = []
        /// The CSS of each `<style>` block.
        var styles: [String] = []
    }

    private static let linkPattern = try? NSRegularExpression(
        pattern: #"<link\s+rel=["']stylesheet["']\s+href=["']\{\{\s*(?:base_url\s*\}\}/?([^"'{}\s]+)|['"]([^'"{}]+)['"]\s*\|\s*url\s*\}\})["']\s*/?>"#,
        options: [.caseInsensitive])
    private static let stylePattern = try? NSRegularExpression(
        pattern: #"<style(?:\s[^>]*)?>(.*?)</style\s*>"#, options: [.caseInsensitive, .dotMatchesLineSeparators])

    /// The styles of `main.html` in this folder (none when it has no such file).
    func headStyles(root: URL) -> HeadStyles {
        guard files.contains("main.html"),
            let data = FileManager.default.contents(atPath: root.appending(path: path).appending(path: "main.html").path)
        else { return HeadStyles() }
        return Self.headStyles(in: String(decoding: data, as: UTF8.self))
    }

    static func headStyles(in text: String) -> HeadStyles {
        var result = HeadStyles()
        let range = NSRange(text.startIndex..., in: text)
        for match in linkPattern?.matches(in: text, range: range) ?? [] {
            for group in 1...2 {
                guard let found = Range(match.range(at: group), in: text) else { continue }
                let href = String(text[found])
                if !href.contains("..") && !href.hasPrefix("/") { result.stylesheets.append(href) }
            }
        }
        for match in stylePattern?.matches(in: text, range: range) ?? [] {
            guard let found = Range(match.range(at: 1), in: text) else { continue }
            let css = text[found].trimmingCharacters(in: .whitespacesAndNewlines)
            if !css.isEmpty && !css.contains("{{") && !css.contains("{%") && !css.contains("{#") { result.styles.append(css) }
        }
        return result
    }
}
