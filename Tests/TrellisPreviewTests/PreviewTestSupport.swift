import Foundation
import TrellisBuild
import TrellisCore
import TrellisPreview

/// A site held in memory, by path.
struct MemoryFiles: PreviewFiles {
    var files: [String: Data]

    init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    init(data: [String: Data]) {
        files = data
    }

    func contents(of path: String) -> Data? { files[path] }
}

/// A snapshot of one brand (`default`) with `files`.
func snapshot(
    _ files: [String: String], generation: Int = 1, brand: String = "default", brands: [PreviewBrand]? = nil,
    diagnostics: [Diagnostic] = [], sources: [String: SourceFile] = [:]
) -> PreviewSnapshot {
    PreviewSnapshot(
        generation: generation, brand: brand, brands: brands ?? [PreviewBrand(id: brand, name: brand)],
        files: MemoryFiles(files), diagnostics: diagnostics, sources: sources)
}

/// Runs a preview server on an ephemeral port of 127.0.0.1 for `body`, then stops it and waits
/// until `run()` has returned (so every test also checks that the server stops).
func withPreviewServer<T: Sendable>(
    _ snapshot: PreviewSnapshot, keepAliveInterval: Duration = .seconds(15),
    switchBrand: @escaping @Sendable (String) async -> PreviewSnapshot? = { _ in nil },
    _ body: (PreviewServer, Int) async throws -> T
) async throws -> T {
    let server = PreviewServer(port: 0, snapshot: snapshot, keepAliveInterval: keepAliveInterval, switchBrand: switchBrand)
    let running = Task { try await server.run() }
    let result: T
    do {
        let port = try await server.listeningPort()
        result = try await body(server, port)
    } catch {
        server.stop()
        _ = try? await running.value
        throw error
    }
    server.stop()
    try await running.value
    return result
}

/// Waits (in short sleeps, up to `limit`) until `condition` holds; false if it never did.
func eventually(within limit: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while clock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
