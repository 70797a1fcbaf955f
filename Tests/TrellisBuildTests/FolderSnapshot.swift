import Foundation

/// Every file under a folder with its bytes (symlinks as `-> target`), to compare a tree
/// before and after a build byte for byte.
func folderSnapshot(_ root: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = root.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return result }
    while let path = walker.nextObject() as? String {
        let full = base + "/" + path
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
            result[path] = Data("-> \(target)".utf8)
            continue
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = FileManager.default.contents(atPath: full)
        }
    }
    return result
}

/// Names in `folder` (hidden ones too), sorted.
func names(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}
