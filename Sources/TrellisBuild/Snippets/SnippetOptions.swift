import Foundation
import TrellisCore

/// The options of `pymdownx.snippets` (13.1.2) as `mkdocs.yml` gives them. `url_max_size`,
/// `url_timeout`, `url_request_headers`, `max_retries` and `backoff_factor` only tune downloads,
/// which Trellis does not make.
struct SnippetOptions: Sendable, Equatable {
    /// `base_path`: folders (or single files) snippet paths are relative to, in order.
    var basePaths: [String] = ["."]
    /// `restrict_base_path`: a path may not climb out of its base path.
    var restrictBasePath = true
    /// `encoding`: the snippet files' encoding, a Python codec name.
    var encoding = "utf-8"
    /// `check_paths`: a missing snippet or section stops the build.
    var checkPaths = false
    /// `auto_append`: snippets added at the end of every page.
    var autoAppend: [String] = []
    /// `url_download`: `http(s)://` snippets are downloaded (by MkDocs; Trellis builds offline).
    var urlDownload = false
    /// `dedent_subsections`: a section or line range loses the indentation its lines share.
    var dedentSubsections = false

    init() {}

    init(_ options: ValueMap) {
        switch options["base_path"] {
        case .string(let path)?: basePaths = [path]
        case .list(let paths)?: basePaths = paths.compactMap(\.stringValue)
        default: break
        }
        if case .bool(let value)? = options["restrict_base_path"] { restrictBasePath = value }
        if case .string(let value)? = options["encoding"] { encoding = value }
        if case .bool(let value)? = options["check_paths"] { checkPaths = value }
        if case .list(let names)? = options["auto_append"] { autoAppend = names.compactMap(\.stringValue) }
        if case .bool(let value)? = options["url_download"] { urlDownload = value }
        if case .bool(let value)? = options["dedent_subsections"] { dedentSubsections = value }
    }

    /// The text of a snippet file's bytes, as Python's `open(path, encoding=…)` reads it: decoded
    /// strictly (nil when the bytes are not in the encoding) with every `\r\n` and `\r` made `\n`.
    /// `.unknownEncoding` for a codec name Trellis does not know.
    static func decode(_ data: Data, encoding: String) -> Decoded {
        let name = encoding.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        var text: String?
        switch name {
        case "utf-8", "utf8", "u8", "utf", "cp65001":
            text = String(validating: data, as: UTF8.self)
        case "utf-8-sig", "utf8-sig":
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            text = String(validating: data.starts(with: bom) ? data.dropFirst(3) : data, as: UTF8.self)
        case "latin-1", "latin1", "latin", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "iso-ir-100":
            text = String(data: data, encoding: .isoLatin1)
        case "ascii", "us-ascii", "646":
            text = data.allSatisfy { $0 < 0x80 } ? String(decoding: data, as: UTF8.self) : nil
        case "cp1252", "windows-1252":
            text = String(data: data, encoding: .windowsCP1252)
        case "utf-16", "utf16":
            text = String(data: data, encoding: .utf16)
        case "utf-16-le", "utf-16le":
            text = String(data: data, encoding: .utf16LittleEndian)
        case "utf-16-be", "utf-16be":
            text = String(data: data, encoding: .utf16BigEndian)
        default:
            return .unknownEncoding
        }
        guard let text else { return .invalid }
        return .text(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    enum Decoded: Equatable {
        case text(String)
        case invalid
        case unknownEncoding
    }
}
