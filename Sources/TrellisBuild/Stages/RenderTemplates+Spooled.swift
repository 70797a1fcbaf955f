import Foundation
import TrellisTemplates

extension RenderTemplates {
    /// Stands for a spooled page's HTML in its theme: an HTML comment (so escaping would change
    /// it) no theme holds, made once per run.
    static let contentMarker = "<!--trellis-page-content-\(UUID().uuidString)-->"

    /// Writes a page whose HTML is spooled without reading that HTML back whole: the theme is
    /// rendered around `contentMarker`, and the page is written as the theme before it, the
    /// spooled HTML, then the theme after it. Returns those two parts of the theme, or `nil`
    /// (writing nothing) when the theme does not put the content in exactly once and verbatim.
    static func writeAround(
        _ spool: SpooledHTML, view: PageView, renderer: ThemeRenderer, to path: String, in output: any OutputWriter
    ) throws -> [String]? {
        var view = view
        view.contentHTML = contentMarker
        let parts = try renderer.render(page: view).components(separatedBy: contentMarker)
        guard parts.count == 2 else { return nil }
        var (before, after) = (parts[0], parts[1])
        try output.write(to: path) { append in
            try before.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
            try spool.copy(into: append)
            try after.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
        }
        return parts
    }
}
