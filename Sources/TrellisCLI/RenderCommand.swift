import ArgumentParser
import Foundation
import TrellisBuild

/// `trellis render FILE|-`: one Markdown file to an HTML fragment, for debugging and conformance.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Markdown file (or - for standard input) to an HTML fragment.",
        discussion: "Uses the same extensions as build. With a site config, the brand's variables apply."
    )

    @Argument(help: "The Markdown file, or - for standard input.")
    var file: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The brand whose variables to use (default: the first brand).")
    var brand: String?

    func run() throws {
        let text: String
        let path: String
        if file == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            text = String(decoding: data, as: UTF8.self)
            path = "<stdin>"
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("error: cannot read '\(file)'\n")
                throw ExitCode(2)
            }
            text = String(decoding: data, as: UTF8.self)
            path = file
        }
        var options = RenderOptions(root: site.rootURL)
        options.configName = site.configFile
        options.brand = brand
        let result = FragmentRenderer.render(text: text, path: path, options: options)
        let printer = DiagnosticPrinter(useColour: StandardError.isTerminal, sources: result.sources)
        StandardError.write(printer.render(result.diagnostics))
        FileHandle.standardOutput.write(Data(result.html.utf8))
        if result.outcome != .success { throw ExitCode(result.outcome.exitCode) }
    }
}
