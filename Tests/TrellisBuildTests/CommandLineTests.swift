import ArgumentParser
import Testing

@testable import TrellisCLI

/// The command line's parsing; running goes through the same `SiteBuilder` the other tests drive.
@Suite struct CommandLineTests {
    @Test func parsesBuildOptions() throws {
        let command = try TrellisCommand.parseAsRoot(["build", "--brand", "a", "--brand", "b", "--strict", "--root", "/x"])
        let build = try #require(command as? BuildCommand)
        #expect(build.brand == ["a", "b"])
        #expect(build.strict)
        #expect(build.site.root == "/x")
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
