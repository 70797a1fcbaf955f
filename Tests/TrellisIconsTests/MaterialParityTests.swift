import Foundation
import Testing

@testable import TrellisIcons

/// Compares every bundled icon with the files of an unpacked mkdocs-material wheel.
///
/// The wheel is not part of the repository, so this runs only when
/// `TRELLIS_MATERIAL_ICONS` names its `material/templates/.icons` folder (after
/// `scripts/update-icons.py`, unpack the same wheel and point the variable at it).
struct MaterialParityTests {
    static let folder = ProcessInfo.processInfo.environment["TRELLIS_MATERIAL_ICONS"]

    @Test(.enabled(if: folder != nil, "set TRELLIS_MATERIAL_ICONS to an unpacked .icons folder"))
    func everyIconMatchesTheWheelByteForByte() throws {
        let root = URL(fileURLWithPath: try #require(Self.folder))
        let names = IconTable.bundled.allNames()
        var compared = 0
        for name in names {
            let url = try #require(Self.file(for: name, in: root), "\(name) has no file")
            let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            #expect(IconLibrary.bundled.lookup(name) == .html(#"<span class="twemoji">"# + expected + "</span>"), "\(name)")
            compared += 1
        }
        #expect(compared == names.count)
    }

    /// The file Material derives `name` from: its dashes are either folder separators or dashes.
    static func file(for name: String, in root: URL) -> URL? {
        let parts = name.split(separator: "-").map(String.init)
        for depth in 0..<min(3, parts.count) {
            let folders = parts.prefix(depth)
            let file = parts.dropFirst(depth).joined(separator: "-") + ".svg"
            let url = folders.reduce(root) { $0.appendingPathComponent($1) }.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }
}
