import ArgumentParser
import Foundation
import TrellisBuild

/// `trellis build`: every brand (or one) into `site/<brand>/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site for every brand into <site_dir>/<brand>/.",
        discussion: """
            Exit codes: 0 success, 1 the docs have errors (or warnings with --strict), \
            2 bad usage or an unreadable config. A failed build leaves the previous output untouched.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Build only this brand, or this brand file (.yml) over the site (repeatable).")
    var brand: [String] = []

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Print each stage with its time.")
    var verbose = false

    func run() throws {
        var options = BuildOptions(root: site.rootURL)
        options.configName = site.configFile
        try site.applyBrands(brand, to: &options)
        options.strict = strict
        if verbose {
            options.log = { @Sendable (line: String) in StandardError.write(line + "\n") }
        }
        let report = SiteBuilder.build(options)
        let printer = DiagnosticPrinter(useColour: StandardError.isTerminal, sources: report.sources)
        StandardError.write(printer.render(report.diagnostics))
        StandardError.write(report.summary + "\n")
        if report.outcome != .success { throw ExitCode(report.outcome.exitCode) }
    }
}
