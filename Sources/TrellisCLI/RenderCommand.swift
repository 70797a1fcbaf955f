import ArgumentParser
import Foundation
import TrellisBuild

/// `trellis render FILE|-`: one Markdown file to an HTML fragment, for debugging and conformance.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Markdown file (or - for standard input) to an HTML fragment.",
        discussion: """
            Runs the build's own stages over a site of this one page, with the site's config \
            (trellis.yml or mkdocs.yml) and brand, and prints the page body the build would write. \
            Nothing is written. A file inside the docs folder renders at its place there; \
            standard input renders as page.md at the top.
            """
    )

    @Argument(help: "The Markdown file, or - for standard input.")
    var file: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The brand whose variables to use, or a brand file (.yml) over the site (default: the first brand).")
    var brand: String?

    func run() throws {
        let page: PageSource
        let path: String
        if file == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            page = PageSource(text: String(decoding: data, as: UTF8.self))
            path = "<stdin>"
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("error: cannot read '\(file)'\n")
                throw ExitCode(2)
            }
            page = PageSource(text: String(decoding: data, as: UTF8.self), file: URL(fileURLWithPath: file))
            path = file
        }
        var options = BuildOptions(root: site.rootURL)
        options.configName = site.configFile
        try site.applyBrands(brand.map { [$0] } ?? [], to: &options)
        let result = SiteBuilder.render(page, displayPath: path, options: options)
        let printer = DiagnosticPrinter(useColour: StandardError.isTerminal, sources: result.sources)
        StandardError.write(printer.render(result.diagnostics))
        FileHandle.standardOutput.write(Data(result.html.utf8))
        if result.outcome != .success { throw ExitCode(result.outcome.exitCode) }
    }
}
