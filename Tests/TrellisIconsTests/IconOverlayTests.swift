import Foundation
import Testing
import TrellisCore

@testable import TrellisIcons

/// Brand icon folders add and replace icons like Material's `custom_icons`.
struct IconOverlayTests {
    /// A fresh temporary folder holding `files` (relative path → contents).
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-icons-\(UUID())")
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    @Test func overlayAddsANewSetWithNestedNames() throws {
        let dir = try folder(["mybrand/logo.svg": "<svg>L</svg>", "mybrand/dark/logo.svg": "<svg>D</svg>"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try IconLibrary(overlays: [dir])
        #expect(library.lookup("mybrand-logo") == .html(#"<span class="twemoji"><svg>L</svg></span>"#))
        #expect(library.lookup("mybrand-dark-logo") == .html(#"<span class="twemoji"><svg>D</svg></span>"#))
        #expect(library.isIconName("mybrand-anything"))
        #expect(library.lookup("mybrand-lgo") == .unknown(suggestions: ["mybrand-logo"]))
        #expect(!IconLibrary.bundled.isIconName("mybrand-logo"))
    }

    @Test func overlayReplacesABundledIconAndKeepsTheRest() throws {
        let dir = try folder(["material/abacus.svg": "<svg>mine</svg>"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try IconLibrary(overlays: [dir])
        #expect(library.lookup("material-abacus") == .html(#"<span class="twemoji"><svg>mine</svg></span>"#))
        #expect(library.lookup("material-account") == IconLibrary.bundled.lookup("material-account"))
        #expect(IconLibrary.bundled.lookup("material-abacus") != library.lookup("material-abacus"))
    }

    @Test func firstOverlayFolderWins() throws {
        let first = try folder(["brand/a.svg": "<svg>1</svg>"])
        let second = try folder(["brand/a.svg": "<svg>2</svg>", "brand/b.svg": "<svg>B</svg>"])
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let library = try IconLibrary(overlays: [first, second])
        #expect(library.lookup("brand-a") == .html(#"<span class="twemoji"><svg>1</svg></span>"#))
        #expect(library.lookup("brand-b") == .html(#"<span class="twemoji"><svg>B</svg></span>"#))
    }

    @Test func topLevelFilesAreIconsByExactNameAndHiddenOrOtherFilesAreIgnored() throws {
        let dir = try folder([
            "badge.svg": "<svg>badge</svg>", ".hidden/x.svg": "<svg/>", "brand/notes.txt": "x", "brand/.y.svg": "<svg/>",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try IconLibrary(overlays: [dir])
        #expect(library.lookup("badge") == .html(#"<span class="twemoji"><svg>badge</svg></span>"#))
        #expect(library.lookup("badges") == .notAnIcon)
        #expect(library.lookup("hidden-x") == .notAnIcon)
        #expect(!library.isIconName("brand-notes"))
    }

    @Test func lineEndingsBecomeLineFeedsAsInPythonTextMode() throws {
        let dir = try folder(["brand/a.svg": "<svg>\r\n<path/>\r</svg>\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try IconLibrary(overlays: [dir])
        #expect(library.lookup("brand-a") == .html("<span class=\"twemoji\"><svg>\n<path/>\n</svg>\n</span>"))
    }

    @Test func missingFolderIsAnIODiagnostic() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/trellis-icons-\(UUID())")
        do {
            _ = try IconLibrary(overlays: [missing])
            Issue.record("expected an error")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.map(\.id) == [.io])
            #expect(error.diagnostics.first?.path == missing.path)
        }
    }

    @Test func invalidUTF8IconIsAnEncodingDiagnostic() throws {
        let dir = try folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("brand"), withIntermediateDirectories: true)
        try Data([0x3C, 0xFF, 0xFE, 0x3E]).write(to: dir.appendingPathComponent("brand/bad.svg"))
        #expect(throws: DiagnosticError.self) { try IconLibrary(overlays: [dir]) }
        do {
            _ = try IconLibrary(overlays: [dir])
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.map(\.id) == [.invalidEncoding])
        }
    }

    @Test func symlinkLoopDoesNotHang() throws {
        let dir = try folder(["brand/a.svg": "<svg/>"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("brand/loop"), withDestinationURL: dir.appendingPathComponent("brand"))
        let library = try IconLibrary(overlays: [dir])
        #expect(library.lookup("brand-a") == .html(#"<span class="twemoji"><svg/></span>"#))
    }
}
