import CZlib
import Foundation

/// gzip files as Python's `gzip.GzipFile` writes them (how MkDocs writes `sitemap.xml.gz`):
/// the header names the file (without `.gz`) and carries the given modification time, the
/// data is DEFLATE at level 9 from the system's zlib, and the trailer holds CRC-32 and size.
/// The one file that imports zlib.
enum Gzip {
    /// `data` compressed into a gzip member, or nil if zlib fails (it does not for valid input).
    static func compress(_ data: Data, fileName: String, modificationTime: UInt32) -> Data? {
        var stream = z_stream()
        let level: Int32 = 9
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var output = Data([0x1f, 0x8b, 0x08])
        var name = Array(fileName.utf8)
        if name.count >= 3, name.suffix(3) == Array(".gz".utf8) { name.removeLast(3) }
        // FNAME when there is a name; XFL 2 for the best compression; OS 255 (unknown), as Python.
        output.append(name.isEmpty ? 0 : 0x08)
        output.append(contentsOf: littleEndian(modificationTime))
        output.append(contentsOf: [0x02, 0xff])
        if !name.isEmpty { output.append(contentsOf: name + [0]) }

        var input = [UInt8](data)
        var buffer = [UInt8](repeating: 0, count: 65536)
        var status: Int32 = Z_OK
        let inputCount = input.count
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(inputCount)
            repeat {
                buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = deflate(&stream, Z_FINISH)
                    if let base = target.baseAddress { output.append(base, count: target.count - Int(stream.avail_out)) }
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { return nil }
        let crc = data.withUnsafeBytes { bytes in
            crc32(0, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count))
        }
        output.append(contentsOf: littleEndian(UInt32(truncatingIfNeeded: crc)))
        output.append(contentsOf: littleEndian(UInt32(truncatingIfNeeded: data.count)))
        return output
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
