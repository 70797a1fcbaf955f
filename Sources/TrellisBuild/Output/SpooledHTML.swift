import Foundation
import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A big page's body HTML, kept in a nameless file in the build's staging folder from the stage
/// that renders the Markdown to the one that writes the themed page, so it is never held in
/// memory beside the page's document tree (for a big page, the two are each several times the
/// page). The file is unlinked as soon as it is made and closed with this object.
final class SpooledHTML: Sendable {
    /// Pages whose text is at least this big spool their HTML.
    static let minimumTextBytes = 4 << 20

    private let fd: Int32
    /// How many bytes were written (by the thread rendering the page, read by a later stage's).
    private let written = Locked(0)

    /// A new spool file in `folder`; `nil` if none can be made there.
    init?(in folder: URL) {
        var template = Array((folder.path + "/.trellis-spool-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { unlink($0) } }
        self.fd = fd
    }

    deinit { close(fd) }

    /// How many bytes the spool holds.
    private var count: Int { written.withLock { $0 } }

    /// Appends `bytes`; `false` if they could not all be written.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let start = count
        var offset = 0
        while offset < bytes.count {
            let done = pwrite(fd, base + offset, bytes.count - offset, off_t(start + offset))
            if done < 0 && errno == EINTR { continue }
            guard done > 0 else { return false }
            offset += done
        }
        written.withLock { $0 += bytes.count }
        return true
    }

    /// Hands the HTML written to `append` a megabyte at a time.
    func copy(into append: (UnsafeRawBufferPointer) throws -> Void) throws {
        let count = self.count
        var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
        var offset = 0
        while offset < count {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, count - offset), off_t(offset)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw SpoolError() }
            try buffer.withUnsafeBytes { try append(UnsafeRawBufferPointer(rebasing: $0.prefix(got))) }
            offset += got
        }
    }

    /// A spool file that could not be read back.
    struct SpoolError: Error, CustomStringConvertible {
        var description: String { "cannot read back the page's HTML from the staging folder" }
    }

    /// The HTML written, read back; `nil` if it cannot be read.
    func read() -> String? {
        let count = self.count
        var complete = true
        let text = String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            while offset < count, let base = buffer.baseAddress {
                let got = pread(fd, base + offset, count - offset, off_t(offset))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                offset += got
            }
            complete = offset == count
            return offset
        }
        return complete ? text : nil
    }
}
