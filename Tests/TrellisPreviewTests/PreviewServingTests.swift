import Foundation
import Testing
import TrellisBuild
import TrellisCore
import TrellisPreview
import TrellisTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The preview serves the snapshot's files over real HTTP, on an ephemeral port of 127.0.0.1.
@Suite(.timeLimit(.minutes(1))) struct PreviewServingTests {
    static let page = "<html><head><title>Guide</title></head><body><h1>Guide</h1></body></html>"

    static let site = snapshot([
        "index.html": "<html><body><p>Home</p></body></html>",
        "guide/index.html": page,
        "guide/setup/index.html": "<html><body>Setup</body></html>",
        "assets/style.css": "body { color: red }",
        "assets/app.js": "console.log(1)",
        "search/index.json": "{}",
        "img/logo.svg": "<svg/>",
        "img/a.png": "png", "img/b.JPG": "jpg", "img/c.jpeg": "jpeg", "img/d.gif": "gif", "img/e.webp": "webp",
        "favicon.ico": "ico", "fonts/f.woff": "woff", "fonts/f.woff2": "woff2", "fonts/f.ttf": "ttf",
        "sitemap.xml": "<urlset/>", "sitemap.xml.gz": "gz", "robots.txt": "User-agent: *",
        "files/manual.pdf": "pdf", "media/clip.mp4": "mp4", "media/clip.webm": "webm", "app.wasm": "wasm",
        "files/data.bin": "bin", "LICENSE": "MIT",
    ])

    @Test(arguments: [
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/search/index.json", "application/json"),
        ("/img/logo.svg", "image/svg+xml"),
        ("/img/a.png", "image/png"),
        ("/img/b.JPG", "image/jpeg"),
        ("/img/c.jpeg", "image/jpeg"),
        ("/img/d.gif", "image/gif"),
        ("/img/e.webp", "image/webp"),
        ("/favicon.ico", "image/x-icon"),
        ("/fonts/f.woff", "font/woff"),
        ("/fonts/f.woff2", "font/woff2"),
        ("/fonts/f.ttf", "font/ttf"),
        ("/sitemap.xml", "application/xml"),
        ("/sitemap.xml.gz", "application/gzip"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/files/manual.pdf", "application/pdf"),
        ("/media/clip.mp4", "video/mp4"),
        ("/media/clip.webm", "video/webm"),
        ("/app.wasm", "application/wasm"),
        ("/files/data.bin", "application/octet-stream"),
        ("/LICENSE", "application/octet-stream"),
    ])
    func servesAssetsAsTheyAreWithTheirContentType(path: String, type: String) async throws {
        try await withPreviewServer(Self.site) { _, port in
            let response = try await rawHTTP(port: port, path)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == type)
            #expect(response.header("Cache-Control") == "no-store")
            let file = String(path.dropFirst())
            #expect(response.body == Self.site.files.contents(of: file))
        }
    }

    @Test func servesAFoldersIndexAndRedirectsTheFolderWithoutItsSlash() async throws {
        try await withPreviewServer(Self.site) { _, port in
            let home = try await rawHTTP(port: port, "/")
            #expect(home.status == 200)
            #expect(home.text.contains("<p>Home</p>"))
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")

            let guide = try await rawHTTP(port: port, "/guide/")
            #expect(guide.status == 200)
            #expect(guide.text.contains("<h1>Guide</h1>"))
            #expect(try await rawHTTP(port: port, "/guide/setup/").text.contains("Setup"))
            #expect(try await rawHTTP(port: port, "/guide/index.html").text.contains("<h1>Guide</h1>"))

            let bare = try await rawHTTP(port: port, "/guide")
            #expect(bare.status == 302)
            #expect(bare.header("Location") == "/guide/")
            #expect(bare.header("Cache-Control") == "no-store")
            let withQuery = try await rawHTTP(port: port, "/guide/setup?tab=2")
            #expect(withQuery.header("Location") == "/guide/setup/?tab=2")

            // A folder that has no index is not listed.
            let folder = try await rawHTTP(port: port, "/assets/")
            #expect(folder.status == 404)
            #expect(!folder.text.contains("style.css"))
            #expect(try await rawHTTP(port: port, "/assets").status == 404)
        }
    }

    @Test func aMissGetsTheSites404PageWithStatus404() async throws {
        var files = ["index.html": "<html><body>Home</body></html>", "404.html": "<html><body>Lost? Try the search.</body></html>"]
        try await withPreviewServer(snapshot(files)) { _, port in
            let miss = try await rawHTTP(port: port, "/no/such/page/")
            #expect(miss.status == 404)
            #expect(miss.header("Content-Type") == "text/html; charset=utf-8")
            #expect(miss.text.contains("Lost? Try the search."))
            #expect(miss.text.contains("/__trellis/preview.js"))
        }
        files["404.html"] = nil
        try await withPreviewServer(snapshot(files)) { _, port in
            let miss = try await rawHTTP(port: port, "/missing.css")
            #expect(miss.status == 404)
            #expect(miss.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(miss.text == "404 Not Found\n")
        }
    }

    @Test func headGetsTheHeadersOfGetAndNoBody() async throws {
        try await withPreviewServer(Self.site) { _, port in
            let connection = try await RawHTTPConnection(port: port)
            try await connection.request("HEAD", "/assets/style.css")
            let head = try await connection.readResponse(head: true)
            // The same connection then answers a GET: had HEAD sent a body, this would read it.
            try await connection.request("GET", "/assets/style.css")
            let get = try await connection.readResponse()
            #expect(head.status == 200)
            #expect(get.status == 200)
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(get.text == "body { color: red }")

            try await connection.request("HEAD", "/guide/")
            let page = try await connection.readResponse(head: true)
            try await connection.request("GET", "/guide/", keepAlive: false)
            let pageGet = try await connection.readResponse()
            #expect(page.header("Content-Length") == String(pageGet.body.count))
            #expect(try await connection.readToEnd().isEmpty)

            let miss = try await rawHTTP(port: port, "HEAD", "/nothing")
            #expect(miss.status == 404)
            #expect(miss.body.isEmpty)
        }
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"])
    func otherMethodsAreNotAllowed(method: String) async throws {
        try await withPreviewServer(Self.site) { _, port in
            let target = method == "CONNECT" ? "127.0.0.1:80" : "/guide/"
            let response = try await rawHTTP(port: port, method, target, headers: ["Content-Length": "0"])
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
            #expect(!response.text.contains("Guide"))
        }
    }

    @Test func onlyHTMLGetsThePreviewScript() async throws {
        let files = [
            "index.html": "<html><body><p>Home</p></body>\n</html>",
            "upper.html": "<HTML><BODY>Upper</BODY></HTML>",
            "fragment.html": "<p>No body tag</p>",
            "nested.html": "<body><pre>&lt;/body&gt; in code</pre><p>x</p></body></html>",
            "a.css": "body{}", "a.js": "var x", "a.json": "{\"body\":\"</body>\"}", "a.svg": "<svg></svg>",
        ]
        try await withPreviewServer(snapshot(files, generation: 7)) { _, port in
            let tag = "<script src=\"/__trellis/preview.js\" data-generation=\"7\"></script>"
            let home = try await rawHTTP(port: port, "/")
            #expect(home.text == "<html><body><p>Home</p>\(tag)</body>\n</html>")
            #expect(home.header("Content-Length") == String(home.body.count))
            #expect(try await rawHTTP(port: port, "/upper.html").text == "<HTML><BODY>Upper\(tag)</BODY></HTML>")
            #expect(try await rawHTTP(port: port, "/fragment.html").text == "<p>No body tag</p>\(tag)")
            #expect(try await rawHTTP(port: port, "/nested.html").text.hasSuffix("<p>x</p>\(tag)</body></html>"))
            for asset in ["/a.css", "/a.js", "/a.json", "/a.svg"] {
                let response = try await rawHTTP(port: port, asset)
                #expect(!response.text.contains("preview.js"), "\(asset)")
                #expect(response.body == Data(files[String(asset.dropFirst())].map { Array($0.utf8) } ?? []))
            }

            let script = try await rawHTTP(port: port, "/__trellis/preview.js")
            #expect(script.status == 200)
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(\"/__trellis/events\")"))
            #expect(script.text.contains("sessionStorage"))
            #expect(!script.text.contains("innerHTML"))
        }
    }

    /// URLSession (libcurl on Linux) as a client. It is not asked to follow the folder redirect:
    /// swift-corelibs-foundation drops the trailing slash of a relative `Location` when it
    /// follows one, which browsers do not.
    @Test func aURLSessionClientGetsPagesAndAssets() async throws {
        try await withPreviewServer(Self.site) { _, port in
            let session = URLSession(configuration: .ephemeral)
            defer { session.invalidateAndCancel() }
            for (path, type, text) in [
                ("/guide/", "text/html; charset=utf-8", "<h1>Guide</h1>"), ("/assets/style.css", "text/css; charset=utf-8", "color: red"),
            ] {
                let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
                let (data, response) = try await session.data(from: url)
                let http = try #require(response as? HTTPURLResponse)
                #expect(http.statusCode == 200)
                #expect(http.value(forHTTPHeaderField: "Content-Type") == type)
                #expect(String(decoding: data, as: UTF8.self).contains(text))
            }
        }
    }

    @Test func aClientThatNeverReadsABigFileHoldsUpNoOneAndTheServerStillStops() async throws {
        let big = Data(repeating: UInt8(ascii: "x"), count: 12 * 1024 * 1024)
        let site = PreviewSnapshot(
            generation: 1, brand: "b", brands: [PreviewBrand(id: "b", name: "B")],
            files: MemoryFiles(data: ["big.bin": big, "index.html": Data("<body>Home</body>".utf8)]))
        try await withPreviewServer(site) { _, port in
            // More than loopback's socket buffers take: the server's write to it cannot finish.
            let stuck = try await RawHTTPConnection(port: port, receiveBuffer: 1024)
            try await stuck.request("GET", "/big.bin")
            for _ in 1...20 {
                #expect(try await rawHTTP(port: port, "/").text.contains("Home"))
            }
            _ = stuck
        }
    }

    @Test func aLoopbackServerAnswersOnlyRequestsNamingALocalHost() async throws {
        try await withPreviewServer(Self.site) { _, port in
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "[::1]:\(port)", "docs.localhost:\(port)"] {
                #expect(try await rawHTTP(port: port, "/", headers: ["Host": host]).status == 200, "\(host)")
            }
            for host in ["attacker.example:\(port)", "127.0.0.1.attacker.example", "localhost.attacker.example"] {
                let response = try await rawHTTP(port: port, "/", headers: ["Host": host])
                #expect(response.status == 403, "\(host)")
                #expect(!response.text.contains("Home"))
            }
        }
    }
}
