import Foundation
import TrellisCore

@testable import TrellisBuild

/// A small site written from inline files into a fresh temporary folder, built, and read back.
struct TestSite {
    let root: URL

    /// Writes `files` (path → contents) under a new temporary folder.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "trellis-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, contents) }
    }

    /// A copy of the folder at `folder` in a new temporary folder.
    init(copying folder: URL) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "trellis-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder.resolvingSymlinksInPath(), to: root)
    }

    func write(_ path: String, _ contents: String) throws {
        try write(path, Data(contents.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appending(path: path))
    }

    /// Builds the site (all brands unless `brands` is given).
    func build(brands: [String]? = nil, strict: Bool = false) -> BuildReport {
        var options = BuildOptions(root: root)
        options.brands = brands
        options.strict = strict
        return SiteBuilder.build(options)
    }

    /// Lints the site (all brands unless `brands` is given).
    func lint(brands: [String]? = nil, strict: Bool = false, changedSince: String? = nil) -> BuildReport {
        var options = BuildOptions(root: root)
        options.mode = .lint
        options.brands = brands
        options.strict = strict
        options.changedSince = changedSince
        return SiteBuilder.build(options)
    }

    /// A file of the output, or nil when it was not written.
    func output(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appending(path: "site/" + path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: path).path)
    }

    /// Every file under the output folder, relative to it, sorted.
    func outputFiles() -> [String] {
        let base = root.appending(path: "site").standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

extension BuildReport {
    /// The diagnostics as `path:line:col: severity: message [ID]` lines.
    var lines: [String] { diagnostics.map(\.formatted) }
}

/// A minimal two-brand site config.
let twoBrandConfig = """
    site_name: Guides
    site_url: https://docs.example.com/
    brands: [alpha, beta]
    extra:
      product: Kubernetes
    """

let alphaBrand = """
    name: Alpha Cloud
    site_url: https://docs.alpha.example/
    theme:
      primary: "#112233"
    extra:
      brand: Alpha Cloud
      panel: { name: Alpha Panel, domain: panel.alpha.example }
    """

let betaBrand = """
    name: Beta Hosting
    site_url: https://docs.beta.example/
    theme:
      primary: "#445566"
    extra:
      brand: Beta Hosting
      panel: { name: Beta Console, domain: console.beta.example }
    """
