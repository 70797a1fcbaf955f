import Foundation
import Testing
import TrellisBuild
import TrellisTestSupport

@testable import TrellisPreview

/// No request reaches a file outside the site: every traversal form gives 404 and serves nothing.
@Suite(.timeLimit(.minutes(1))) struct PathTraversalTests {
    static let secret = "TOP-SECRET-CONTENT"

    /// Request targets that try to leave the site, each as a hostile client would send it.
    static let attacks = [
        "/../secret.txt", "/site/../secret.txt", "/a/../../secret.txt", "/a/b/../../../secret.txt",
        "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt", "/a/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt", "/..%2Fsecret.txt", "/a/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt", "/..%5Csecret.txt", "/a/..%5c..%5csecret.txt", "/%2e%2e%5csecret.txt",
        "/secret.txt%00", "/a/page.html%00.txt", "/%00/../secret.txt", "/%00",
        "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/a/%252e%252e%255c%252e%252e%255csecret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt",
        "//secret.txt", "///etc/passwd", "/%2fetc%2fpasswd", "/%2Fetc/passwd", "/a//page.html", "/a/%2f/page.html",
        "/./index.html", "/a/./page.html", "/a/%2e/page.html", "/.", "/..", "/%2e", "/%2e%2e",
        "/link-out.txt", "/linked-folder/secret.txt", "/a/%zz", "/a/%2", "/%",
        "http://127.0.0.1/../secret.txt", "http://127.0.0.1/secret.txt", "*",
        "/..\\secret.txt", "/a\\..\\..\\secret.txt", "/a\\page.html",
    ]

    /// Targets the HTTP parser refuses as malformed (a raw control byte, a relative path): 400
    /// before any routing; nothing is served either.
    static let malformed = ["/secret.txt\u{1}", "/secret.txt\u{0}", "/a\u{7f}/../secret.txt", "../secret.txt", "secret.txt"]

    @Test func noTraversalFormLeavesTheSite() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = FolderFiles(root: root.appendingPathComponent("site"))
        let site = PreviewSnapshot(
            generation: 1, brand: "b", brands: [PreviewBrand(id: "b", name: "B")], files: files)
        try await withPreviewServer(site) { _, port in
            // The site is served, so a 404 below is the guard's doing.
            #expect(try await rawHTTP(port: port, "/a/page.html").text.contains("page"))
            #expect(try await rawHTTP(port: port, "/link-in.txt").text.contains("inside"))
            for target in Self.attacks {
                let response = try await rawHTTP(port: port, target)
                #expect(response.status == 404, "\(target)")
                #expect(!response.text.contains(Self.secret), "\(target)")
                #expect(response.text.contains("the site's own 404"), "\(target)")
            }
            for target in Self.malformed {
                let response = try await rawHTTP(port: port, target)
                #expect(response.status == 400, "\(target)")
                #expect(!response.text.contains(Self.secret), "\(target)")
            }
        }
    }

    /// `root/secret.txt` outside the site; `root/site/` with a page, a link inside and links out.
    private func makeSite() throws -> URL {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("trellis-traversal-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try manager.createDirectory(at: site.appendingPathComponent("a"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data(Self.secret.utf8).write(to: root.appendingPathComponent("secret.txt"))
        try Data(Self.secret.utf8).write(to: root.appendingPathComponent("outside/secret.txt"))
        try Data("<p>page</p>".utf8).write(to: site.appendingPathComponent("a/page.html"))
        try Data("<p>home</p>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("<p>the site's own 404</p>".utf8).write(to: site.appendingPathComponent("404.html"))
        try Data("inside".utf8).write(to: site.appendingPathComponent("a/inside.txt"))
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("link-in.txt").path, withDestinationPath: "a/inside.txt")
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("link-out.txt").path, withDestinationPath: "../secret.txt")
        try manager.createSymbolicLink(
            atPath: site.appendingPathComponent("linked-folder").path, withDestinationPath: root.appendingPathComponent("outside").path)
        return root
    }

    @Test(arguments: [
        ("/", [""], true, "index.html"),
        ("/a/b/", ["a", "b", ""], true, "a/b/index.html"),
        ("/a/b", ["a", "b"], false, "a/b"),
        ("/a%20b/c%2Bd.html?x=1#top", ["a b", "c+d.html"], false, "a b/c+d.html"),
        ("/caf%C3%A9/", ["café", ""], true, "café/index.html"),
        ("/%252e%252e/x", ["%2e%2e", "x"], false, "%2e%2e/x"),
        ("/..a/b..", ["..a", "b.."], false, "..a/b.."),
    ])
    func aSafeTargetNamesAFileInTheSite(target: String, segments: [String], folder: Bool, file: String) throws {
        let parsed = try #require(RequestTarget(target))
        #expect(parsed.segments == segments)
        #expect(parsed.isFolder == folder)
        #expect(parsed.filePath == file)
    }

    @Test(arguments: attacks + malformed + ["/a\u{0}b", "/a%7f", "/%0d%0aSet-Cookie:x"])
    func anUnsafeTargetNamesNothing(target: String) {
        let parsed = RequestTarget(target)
        // The double-encoded forms decode once, to names (`%2e%2e`) no file has; all else is refused.
        if let parsed {
            #expect(target.contains("%25") || ["/link-out.txt", "/linked-folder/secret.txt"].contains(target), "\(target)")
            #expect(!parsed.segments.contains(".."))
            #expect(!parsed.segments.contains { $0.contains("/") || $0.contains("\\") })
        }
    }

    @Test func theQueryIsDecodedOnce() throws {
        let target = try #require(RequestTarget("/__trellis/switch?brand=north+wind&path=%2Fa%2Fb%2F%3Fq%3D1&path=%2Fother&bad=%zz"))
        #expect(target.queryParameters == ["brand": "north wind", "path": "/a/b/?q=1"])
    }

    @Test(arguments: [
        ("/guide/", "/guide/"), ("/guide/?q=1#sec", "/guide/?q=1#sec"), ("//evil.example/", "/"),
        ("/\\evil.example", "/"), ("https://evil.example/", "/"), ("javascript:alert(1)", "/"), ("guide/", "/"),
        ("/a b", "/"), ("/a\r\nSet-Cookie: x", "/"), ("", "/"),
    ])
    func theSwitchReturnsOnlyToLocalPaths(path: String, expected: String) {
        #expect(ReturnPath.sanitize(path) == expected)
    }
}
