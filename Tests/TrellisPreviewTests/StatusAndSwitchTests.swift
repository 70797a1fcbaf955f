import Foundation
import Testing
import TrellisBuild
import TrellisCore
import TrellisPreview
import TrellisTestSupport

/// `/__trellis/status.json` (what the overlay and the switcher show) and `/__trellis/switch`.
@Suite(.timeLimit(.minutes(1))) struct StatusAndSwitchTests {
    private struct Status: Decodable {
        struct Brand: Decodable, Equatable {
            var id: String
            var name: String
        }
        struct Problem: Decodable {
            var path: String?
            var line: Int?
            var column: Int?
            var severity: String
            var message: String
            var rule: String
            var notes: [String]
            var source: String?
        }
        var generation: Int
        var brand: String
        var brands: [Brand]
        var hasErrors: Bool
        var diagnostics: [Problem]
        var total: Int
    }

    private func status(_ port: Int) async throws -> Status {
        let response = try await rawHTTP(port: port, "/__trellis/status.json")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("Cache-Control") == "no-store")
        return try JSONDecoder().decode(Status.self, from: response.body)
    }

    static let brands = [PreviewBrand(id: "northwind", name: "Northwind"), PreviewBrand(id: "white", name: "White label")]

    @Test func statusListsErrorsFirstWithTheirSourceLines() async throws {
        let source = SourceFile(path: "content/a.md", text: "# Title\n\nHello {{ missing }} world <b>\n")
        let diagnostics = [
            Diagnostic(.brokenLink, .warning, path: "content/a.md", at: SourceLocation(line: 1, column: 3), message: "a warning"),
            Diagnostic(
                .undefinedVariable, .error, path: "content/a.md", at: SourceLocation(line: 3, column: 7),
                message: "undefined variable 'missing' <script>", notes: ["did you mean 'mission'?"]),
            Diagnostic(.configType, .error, path: nil, at: nil, message: "no file"),
        ]
        let site = snapshot(
            ["index.html": "x"], generation: 4, brand: "white", brands: Self.brands, diagnostics: diagnostics,
            sources: ["content/a.md": source])
        try await withPreviewServer(site) { _, port in
            let status = try await status(port)
            #expect(status.generation == 4)
            #expect(status.brand == "white")
            #expect(status.brands == [.init(id: "northwind", name: "Northwind"), .init(id: "white", name: "White label")])
            #expect(status.hasErrors)
            #expect(status.total == 3)
            #expect(status.diagnostics.map(\.severity) == ["error", "error", "warning"])
            let first = try #require(status.diagnostics.first)
            #expect(first.path == "content/a.md")
            #expect(first.line == 3)
            #expect(first.column == 7)
            #expect(first.rule == "UndefinedVariable")
            #expect(first.message == "undefined variable 'missing' <script>")
            #expect(first.notes == ["did you mean 'mission'?"])
            #expect(first.source == "Hello {{ missing }} world <b>")
            let unplaced = status.diagnostics[1]
            #expect(unplaced.path == nil && unplaced.line == nil && unplaced.source == nil)
            #expect(status.diagnostics[2].source == "# Title")
        }
    }

    @Test func aCleanBuildHasNoErrors() async throws {
        try await withPreviewServer(snapshot(["index.html": "x"])) { server, port in
            #expect(try await status(port).hasErrors == false)
            let broken = Diagnostic(.macroSyntax, .error, path: "content/b.md", at: SourceLocation(line: 1, column: 1), message: "bad")
            server.publish(snapshot(["index.html": "x"], generation: 2, diagnostics: [broken]))
            let status = try await status(port)
            #expect(status.hasErrors)
            #expect(status.diagnostics.first?.message == "bad")
            #expect(status.diagnostics.first?.source == nil)
        }
    }

    @Test func switchingBrandPublishesTheBrandAndReturnsToThePage() async throws {
        let calls = Locked<[String]>([])
        let north = snapshot(["guide/index.html": "<body>Northwind guide</body>"], generation: 1, brand: "northwind", brands: Self.brands)
        let switchBrand: @Sendable (String) async -> PreviewSnapshot? = { brand in
            calls.withLock { $0.append(brand) }
            return snapshot(["guide/index.html": "<body>White guide</body>"], generation: 2, brand: brand, brands: Self.brands)
        }
        try await withPreviewServer(north, switchBrand: switchBrand) { server, port in
            let events = try await RawHTTPConnection(port: port)
            try await events.request("GET", "/__trellis/events")
            _ = try await events.read(untilText: "event: hello")

            let response = try await rawHTTP(port: port, "/__trellis/switch?brand=white&path=%2Fguide%2F%3Ftab%3D2%23setup")
            #expect(response.status == 303)
            #expect(response.header("Location") == "/guide/?tab=2#setup")
            #expect(calls.withLock { $0 } == ["white"])
            _ = try await events.read(untilText: "event: reload\ndata: 2\n\n")
            #expect(try await rawHTTP(port: port, "/guide/").text.contains("White guide"))
            #expect(try await status(port).brand == "white")
            #expect(server.snapshot.brand == "white")

            // The brand shown already: nothing to build, back to the page.
            #expect(try await rawHTTP(port: port, "/__trellis/switch?brand=white&path=/guide/").status == 303)
            #expect(calls.withLock { $0 } == ["white"])
        }
    }

    @Test func theSwitchRefusesUnknownBrandsForeignPagesAndForeignReturnPaths() async throws {
        let calls = Locked<[String]>([])
        let north = snapshot(["index.html": "x"], generation: 1, brand: "northwind", brands: Self.brands)
        let switchBrand: @Sendable (String) async -> PreviewSnapshot? = { brand in
            calls.withLock { $0.append(brand) }
            return nil
        }
        try await withPreviewServer(north, switchBrand: switchBrand) { server, port in
            #expect(try await rawHTTP(port: port, "/__trellis/switch?brand=nosuch&path=/").status == 400)
            #expect(try await rawHTTP(port: port, "/__trellis/switch?path=/").status == 400)
            let crossSite = try await rawHTTP(
                port: port, "/__trellis/switch?brand=white&path=/", headers: ["Sec-Fetch-Site": "cross-site"])
            #expect(crossSite.status == 403)
            let head = try await rawHTTP(port: port, "HEAD", "/__trellis/switch?brand=white&path=/")
            #expect(head.status == 303)
            #expect(calls.withLock { $0 }.isEmpty)

            for path in ["%2F%2Fevil.example%2F", "https%3A%2F%2Fevil.example%2F", "%2F%5Cevil.example", "%2Fa%0D%0AX%3A%20y"] {
                let response = try await rawHTTP(port: port, "/__trellis/switch?brand=white&path=\(path)")
                #expect(response.status == 303)
                #expect(response.header("Location") == "/", "\(path)")
            }
            // A brand that cannot be built changes nothing.
            #expect(server.snapshot.brand == "northwind")
            #expect(calls.withLock { $0 }.count == 4)
        }
    }

    @Test func unknownPreviewEndpointsAreMissesNotSiteFiles() async throws {
        try await withPreviewServer(snapshot(["__trellis/other": "site file", "404.html": "site 404"])) { _, port in
            let response = try await rawHTTP(port: port, "/__trellis/other")
            #expect(response.status == 404)
            #expect(response.text == "404 Not Found\n")
        }
    }
}
