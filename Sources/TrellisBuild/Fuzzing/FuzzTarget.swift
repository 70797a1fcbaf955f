import Foundation
import TrellisCore
import TrellisIcons
import TrellisMacros
@_spi(Fuzzing) import TrellisMarkdown

/// The untrusted-input surfaces the coverage-guided fuzzers drive (`Fuzz/`), and the regression
/// tests replay (`Tests/TrellisBuildTests/FuzzRegressions/<target>/`): each takes arbitrary bytes,
/// runs them through the code a page, a macro or a config reaches in a real build, and traps
/// when an invariant of the result is broken, so a fuzzer reports it like a crash.
@_spi(Fuzzing) public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A whole page: front matter, every Markdown extension, icons, links, positions.
    case markdown
    /// The macro language: parsing and rendering a page body against typical variables.
    case macros
    /// YAML as every loader reads it: `trellis.yml`, brand files, `mkdocs.yml`, front matter,
    /// `.pages`.
    case yaml
    /// The HTML scanners: start tags (`md_in_html`), raw HTML ids, `attr_list` braces.
    case htmlAttributes = "html-attributes"

    /// Runs one input through the surface.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .markdown: MarkdownFuzzing.run(bytes)
        case .macros: MacroFuzzing.run(bytes)
        case .yaml: YAMLFuzzing.run(bytes)
        case .htmlAttributes: HTMLScannerFuzzing.run(bytes)
        }
    }

    /// Traps with `message` when `condition` does not hold: a broken invariant is a finding.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant: \(message())") }
    }

    /// Every diagnostic points into its file: a line of it, a column within that line (or just
    /// past its end).
    static func requireInFile(_ diagnostics: [Diagnostic], _ file: SourceFile) {
        for diagnostic in diagnostics where diagnostic.path == file.path {
            guard let location = diagnostic.range?.start else { continue }
            require(
                location.line >= 1 && location.line <= file.lineStarts.count,
                "\(diagnostic.id) at line \(location.line) of a \(file.lineStarts.count)-line file")
            require(
                location.column >= 1 && location.column <= file.lineText(location.line).unicodeScalars.count + 1,
                "\(diagnostic.id) at \(location) beyond its line")
        }
    }
}
