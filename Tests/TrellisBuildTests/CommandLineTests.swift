import ArgumentParser
import Foundation
import Testing
import TrellisBuild

@testable import TrellisCLI

/// The command line's parsing; running goes through the same `SiteBuilder` the other tests drive.
@Suite struct CommandLineTests {
    @Test func serveOpensTheBrowserCommandsThenTheSystemsOpener() {
        let url = "http://127.0.0.1:8000/"
        let commands = Browser.commands(for: url, environment: ["BROWSER": "firefox:chromium --new-window %s:"])
        #expect(commands.count == 3)
        #expect(commands.prefix(2) == [["/bin/sh", "-c", "firefox 'http://127.0.0.1:8000/'"], ["/bin/sh", "-c", "chromium --new-window 'http://127.0.0.1:8000/'"]])
        #expect(commands.last?.last == url)
        #expect(Browser.commands(for: url, environment: [:]).map(\.last) == [url])
        // A quote in the address stays inside the quoted argument.
        #expect(Browser.commands(for: "x'y", environment: ["BROWSER": "b"]).first == ["/bin/sh", "-c", "b 'x'\\''y'"])
    }

    @Test func parsesBuildOptions() throws {
        let command = try TrellisCommand.parseAsRoot(["build", "--brand", "a", "--brand", "b", "--strict", "--root", "/x"])
        let build = try #require(command as? BuildCommand)
        #expect(build.brand == ["a", "b"])
        #expect(build.strict)
        #expect(build.site.root == "/x")
    }

    @Test func brandValuesAreIdsOrBrandFilesButNotBoth() throws {
        var options = BuildOptions(root: URL(fileURLWithPath: "/x"))
        let ids = try #require(try TrellisCommand.parseAsRoot(["build", "--brand", "a"]) as? BuildCommand)
        try ids.site.applyBrands(ids.brand, to: &options)
        #expect(options.brands == ["a"] && options.brandFiles.isEmpty)

        options = BuildOptions(root: URL(fileURLWithPath: "/x"))
        let files = try #require(
            try TrellisCommand.parseAsRoot(["lint", "--brand", "/b/acme.yml", "--brand", "/b/zen.yaml"]) as? LintCommand)
        try files.site.applyBrands(files.brand, to: &options)
        #expect(options.brands == nil)
        #expect(options.brandFiles.map(\.path) == ["/b/acme.yml", "/b/zen.yaml"])

        let mixed = try #require(try TrellisCommand.parseAsRoot(["build", "--brand", "a", "--brand", "b.yml"]) as? BuildCommand)
        #expect(throws: ValidationError.self) { try mixed.site.applyBrands(mixed.brand, to: &options) }
    }

    /// `--config sub/mkdocs.yml` reads the site from the config's folder, as `mkdocs build -f`
    /// resolves `docs_dir` and `site_dir` from there.
    @Test func aConfigInAFolderMakesThatFolderTheRoot() throws {
        let nested = try #require(try TrellisCommand.parseAsRoot(["build", "--root", "/x", "--config", "sub/mkdocs.yml"]) as? BuildCommand)
        #expect(nested.site.rootURL.path == "/x/sub" && nested.site.configFile == "mkdocs.yml")
        let absolute = try #require(try TrellisCommand.parseAsRoot(["lint", "--config", "/y/site/mkdocs.reference.yml"]) as? LintCommand)
        #expect(absolute.site.rootURL.path == "/y/site" && absolute.site.configFile == "mkdocs.reference.yml")
        let plain = try #require(try TrellisCommand.parseAsRoot(["build", "--root", "/x"]) as? BuildCommand)
        #expect(plain.site.rootURL.path == "/x" && plain.site.configFile == "trellis.yml")
    }

    @Test func parsesRenderFromStandardInput() throws {
        let command = try TrellisCommand.parseAsRoot(["render", "-", "--brand", "beta"])
        let render = try #require(command as? RenderCommand)
        #expect(render.file == "-")
        #expect(render.brand == "beta")
    }

    @Test func unknownOptionsAreUsageErrors() {
        #expect(throws: (any Error).self) { try TrellisCommand.parseAsRoot(["build", "--frob"]) }
        do {
            _ = try TrellisCommand.parseAsRoot(["build", "--frob"])
        } catch {
            #expect(TrellisCommand.exitCode(for: error) == .validationFailure)
        }
    }
}
