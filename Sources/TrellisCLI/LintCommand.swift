import ArgumentParser
import Foundation
import TrellisBuild

extension ReportFormat: ExpressibleByArgument {}

/// `trellis lint`: every check of the build, for every brand, without writing anything.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the docs for every brand (links, anchors, images, macros, icons, nav, brand leaks).",
        discussion: """
            Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 bad usage or an unreadable \
            config. The text format ends with a summary line; other formats print it on standard error.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Lint only this brand, or this brand file (.yml) over the site (repeatable).")
    var brand: [String] = []

    @Flag(name: .long, help: "Lint every brand (the default).")
    var allBrands = false

    @Option(name: .long, help: "Output format: text, json, github, sarif or junit.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Report only on pages changed since this git ref, and the pages linking to them.")
    var changedSince: String?

    @Flag(name: .long, help: "Also check external http(s) links.")
    var external = false

    @Flag(name: .long, help: "Print each stage with its time.")
    var verbose = false

    func validate() throws {
        if allBrands && !brand.isEmpty { throw ValidationError("--brand and --all-brands exclude each other.") }
    }

    func run() async throws {
        var options = BuildOptions(root: site.rootURL)
        options.configName = site.configFile
        options.mode = .lint
        try site.applyBrands(brand, to: &options)
        options.strict = strict
        options.changedSince = changedSince
        options.checkExternalLinks = external
        if verbose {
            options.log = { @Sendable (line: String) in StandardError.write(line + "\n") }
        }
        let report = await SiteBuilder.lint(options)
        let input = ReportInput(
            report, toolVersion: TrellisVersion.current, root: site.rootURL,
            useColour: format == .text && output == nil && StandardError.isTerminal)
        let rendered = ReportWriter.render(input, format: format)
        if let output {
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                StandardError.write("error: cannot write '\(output)': \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if format != .text || output != nil { StandardError.write(input.summaryLine + "\n") }
        if report.outcome != .success { throw ExitCode(report.outcome.exitCode) }
    }
}
