import ArgumentParser
import Foundation
import TrellisBuild

/// The `trellis` command line.
public struct TrellisCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trellis",
        abstract: "Builds a themed documentation site per brand from one set of Markdown guides.",
        version: TrellisVersion.current,
        subcommands: [BuildCommand.self, LintCommand.self, RenderCommand.self, ServeCommand.self],
        defaultSubcommand: nil
    )
    public init() {}
}

/// The version printed by `--version`.
public enum TrellisVersion {
    public static let current = "0.1.0"
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site root (the folder holding trellis.yml).")
    var root: String = "."

    @Option(
        name: .long,
        help: "The site config file (trellis.yml, or an MkDocs config such as mkdocs.yml), relative to the root.")
    var config: String = "trellis.yml"

    /// The folder holding the config: the site's folders are relative to it, as MkDocs resolves
    /// `docs_dir` and `site_dir` of `mkdocs build -f sub/mkdocs.yml` from `sub/`.
    var rootURL: URL {
        let folder = (config as NSString).deletingLastPathComponent
        let base = URL(fileURLWithPath: root)
        if folder.isEmpty { return base.standardizedFileURL }
        return (config.hasPrefix("/") ? URL(fileURLWithPath: folder) : base.appending(path: folder)).standardizedFileURL
    }

    /// The config's file name inside `rootURL`.
    var configFile: String { (config as NSString).lastPathComponent }

    /// Applies `--brand` values: brand ids of the config, or brand files (`brands/acme.yml`,
    /// relative to the working folder) that overlay the site, typically an MkDocs one.
    func applyBrands(_ values: [String], to options: inout BuildOptions) throws {
        let isFile = { (value: String) in value.hasSuffix(".yml") || value.hasSuffix(".yaml") }
        let files = values.filter(isFile)
        if files.isEmpty {
            options.brands = values.isEmpty ? nil : values
        } else if files.count == values.count {
            options.brandFiles = files.map { URL(fileURLWithPath: $0).standardizedFileURL }
        } else {
            throw ValidationError("--brand takes brand ids or brand files (.yml), not both.")
        }
    }
}

/// Standard error, for diagnostics and summaries.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isTerminal: Bool { isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

extension TrellisCommand {
    /// Parses the process's arguments and runs the command, exiting with Trellis's codes:
    /// 0 success, 1 errors in the docs, 2 bad usage or an unreadable config.
    /// Async commands (lint, serve) are awaited; the others run as they are.
    public static func runAsMain(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
