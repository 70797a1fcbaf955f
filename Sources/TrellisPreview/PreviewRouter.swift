import Foundation
import TrellisBuild
import TrellisCore

/// The snapshot being served and the browsers to tell when it changes.
final class PreviewState: Sendable {
    private let current: Locked<PreviewSnapshot>
    let hub = EventHub()

    init(_ snapshot: PreviewSnapshot) {
        current = Locked(snapshot)
    }

    /// The snapshot a request is answered from, read once per request.
    var snapshot: PreviewSnapshot { current.withLock { $0 } }

    /// Swaps `snapshot` in whole, then (with `reload`) tells every browser to reload.
    func publish(_ snapshot: PreviewSnapshot, reload: Bool = true) {
        current.withLock { $0 = snapshot }
        if reload { hub.reload(generation: snapshot.generation) }
    }
}

/// Answers a request from one snapshot: the site's files, and the preview's own endpoints under
/// `/__trellis/` (the script, the events stream, the status and the brand switch).
struct PreviewRouter: Sendable {
    let state: PreviewState
    let switchBrand: @Sendable (String) async -> PreviewSnapshot?
    /// Whether the server listens on a loopback address only; then requests must name a local
    /// host, so a page elsewhere cannot read the preview through DNS rebinding.
    let loopbackOnly: Bool

    static let allowedMethods = "GET, HEAD"

    func respond(to request: PreviewRequest) async -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(405, "405 Method Not Allowed", headers: [("Allow", Self.allowedMethods)])
        }
        if loopbackOnly, let host = request.headers["host"], !Self.isLocal(host: host) {
            return .text(403, "403 Forbidden: this preview answers only to localhost")
        }
        var response = await answer(request, head: request.method == "HEAD")
        response.omitsBody = request.method == "HEAD"
        return response
    }

    private func answer(_ request: PreviewRequest, head: Bool) async -> PreviewResponse {
        let snapshot = state.snapshot
        guard let target = RequestTarget(request.target) else { return notFound(snapshot) }
        if target.segments.first == "__trellis" {
            return await endpoint(target, request: request, snapshot: snapshot, head: head)
        }
        let path = target.filePath
        if let contents = snapshot.files.contents(of: path) {
            return file(contents, type: MediaType.of(path), status: 200, generation: snapshot.generation)
        }
        // `/a/b` for the folder `a/b/`: the browser must resolve the page's relative links from `/a/b/`.
        if let index = target.indexPathIfFolder, snapshot.files.contents(of: index) != nil {
            return .redirect(302, to: target.rawPath + "/" + (target.query.map { "?" + $0 } ?? ""))
        }
        return notFound(snapshot)
    }

    private func endpoint(_ target: RequestTarget, request: PreviewRequest, snapshot: PreviewSnapshot, head: Bool) async
        -> PreviewResponse
    {
        switch target.segments.dropFirst().joined(separator: "/") {
        case "preview.js":
            return PreviewResponse(status: 200, contentType: MediaType.javascript, body: .bytes(PreviewScript.data))
        case "status.json":
            return PreviewResponse(status: 200, contentType: MediaType.json, body: .bytes(PreviewStatus(snapshot).encoded()))
        case "events":
            guard !head else { return PreviewResponse(status: 200, contentType: MediaType.eventStream) }
            return PreviewResponse(
                status: 200, contentType: MediaType.eventStream, headers: [("X-Accel-Buffering", "no")],
                body: .events(state.hub.subscribe(generation: snapshot.generation)))
        case "switch":
            return await switchBrand(target.queryParameters, request: request, snapshot: snapshot, head: head)
        default:
            return .text(404, "404 Not Found")
        }
    }

    /// `/__trellis/switch?brand=ID&path=/a/b/`: previews another brand, then sends the reader back
    /// to the page they were on. A HEAD request switches nothing.
    private func switchBrand(_ parameters: [String: String], request: PreviewRequest, snapshot: PreviewSnapshot, head: Bool)
        async -> PreviewResponse
    {
        // A page of another site may not switch the preview (browsers say where a request came from).
        if request.headers["sec-fetch-site"] == "cross-site" {
            return .text(403, "403 Forbidden: the brand switch is for the preview's own pages")
        }
        guard let brand = parameters["brand"], snapshot.brands.contains(where: { $0.id == brand }) else {
            return .text(400, "400 Bad Request: no such brand")
        }
        let location = ReturnPath.sanitize(parameters["path"])
        if !head, brand != snapshot.brand, let switched = await switchBrand(brand) {
            state.publish(switched)
        }
        return .redirect(303, to: location)
    }

    private func file(_ contents: Data, type: String, status: Int, generation: Int) -> PreviewResponse {
        let body = MediaType.isHTML(type) ? ScriptInjection.inject(into: contents, generation: generation) : contents
        return PreviewResponse(status: status, contentType: type, body: .bytes(body))
    }

    /// The site's own `404.html` when it has one, with the preview script like any page.
    private func notFound(_ snapshot: PreviewSnapshot) -> PreviewResponse {
        guard let page = snapshot.files.contents(of: "404.html") else { return .text(404, "404 Not Found") }
        return file(page, type: MediaType.html, status: 404, generation: snapshot.generation)
    }

    /// Whether a `Host` header names this machine: `localhost` (or a name under it), an address in
    /// 127.0.0.0/8, or `::1`, with or without a port.
    static func isLocal(host: String) -> Bool {
        let lowered = host.lowercased()
        let name: Substring
        if lowered.hasPrefix("[") {
            name = lowered.dropFirst().prefix { $0 != "]" }
        } else if let colon = lowered.lastIndex(of: ":") {
            name = lowered[..<colon]
        } else {
            name = lowered[...]
        }
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
