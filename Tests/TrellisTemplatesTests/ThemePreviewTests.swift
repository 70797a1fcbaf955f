import Foundation
import Testing
import TrellisTemplates

/// Writes the sample page with the theme's assets to `TRELLIS_THEME_PREVIEW` (a folder), to look
/// at it in a browser. Does nothing unless that variable is set.
@Suite struct ThemePreviewTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRELLIS_THEME_PREVIEW"] != nil))
    func writesSamplePageForPreview() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TRELLIS_THEME_PREVIEW"]!)
        var files = try ThemeRenderer.assets()
        files[SamplePage.url] = Data(try ThemeRenderer().render(page: SamplePage.page()).utf8)
        files["assets/images/logo.svg"] = Data(
            ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#fff"/><path d="M8 22 16 8l8 14z" fill="#0b5cad"/></svg>"##.utf8)
        for (path, data) in files {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: SamplePage.url).path))
    }
}
