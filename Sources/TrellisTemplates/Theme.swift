import Foundation

/// The default theme's files, embedded in the binary at build time.
public enum DefaultTheme {
    /// Every file of the default theme, keyed by its path ("templates/page.mustache").
    public static func files() -> [String: Data] {
        var result: [String: Data] = [:]
        for (path, base64) in EmbeddedTheme.files {
            result[path] = Data(base64Encoded: base64)
        }
        return result
    }
}
