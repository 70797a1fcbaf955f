/// The Kubernetes versions a page's text names (`1.27`, `v1.27.8`), and the upgrades it shows
/// between two of them (`1.26 to 1.27`, `1.26 → 1.27`), for `StaleVersion`.
///
/// A version counts only in a paragraph that talks about Kubernetes (it names Kubernetes, k8s,
/// kubectl, the kubelet, a cluster or a shoot), so `Go 1.22` in a build guide is not read as
/// one. Versions inside URLs and paths (`CHANGELOG-1.30.md`, `/v1.27/`) are not mentions.
struct VersionMentions {
    struct Mention: Equatable {
        var minor: Int
        var patch: Int?
        /// As written, without a leading `v` (`1.27.8`).
        var text: String
        /// The UTF-8 offset of its first byte (the `v`, if any) in the scanned text.
        var offset: Int
    }

    struct Upgrade: Equatable {
        var from: Mention
        var to: Mention
    }

    var mentions: [Mention] = []
    var upgrades: [Upgrade] = []

    static let contextWords: [[UInt8]] = ["kubernetes", "k8s", "kubectl", "kubelet", "cluster", "shoot"].map { Array($0.utf8) }
    static let arrows: Set<String> = ["to", "→", "->", "-->", "=>", "⟶", "⇒"]

    init(scanning text: String) {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = Self.paragraphEnd(bytes, from: start)
            if Self.hasContext(bytes[start..<end]) { scanParagraph(bytes, start..<end) }
            start = end
        }
    }

    /// The end of the paragraph starting at `start`: after the next blank line, or the text's end.
    private static func paragraphEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        var lineHasText = false
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                if !lineHasText && i > start { return i + 1 }
                lineHasText = false
            } else if bytes[i] != UInt8(ascii: " ") && bytes[i] != UInt8(ascii: "\t") && bytes[i] != UInt8(ascii: "\r") {
                lineHasText = true
            }
            i += 1
        }
        return bytes.count
    }

    private static func hasContext(_ paragraph: ArraySlice<UInt8>) -> Bool {
        var lowered = [UInt8]()
        lowered.reserveCapacity(paragraph.count)
        for b in paragraph { lowered.append(b >= 65 && b <= 90 ? b + 32 : b) }
        return contextWords.contains { word in
            guard lowered.count >= word.count else { return false }
            var i = 0
            while i + word.count <= lowered.count {
                if lowered[i] == word[0], lowered[i..<(i + word.count)].elementsEqual(word) { return true }
                i += 1
            }
            return false
        }
    }

    private mutating func scanParagraph(_ bytes: [UInt8], _ range: Range<Int>) {
        var found: [(mention: Mention, end: Int)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (mention, end) = Self.version(in: bytes, at: i, limit: range.upperBound) {
                found.append((mention, end))
                i = end
            } else {
                i += 1
            }
        }
        mentions += found.map(\.mention)
        for (a, b) in zip(found, found.dropFirst()) {
            let between = String(decoding: bytes[a.end..<b.mention.offset], as: UTF8.self)
            if Self.arrows.contains(between.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) {
                upgrades.append(Upgrade(from: a.mention, to: b.mention))
            }
        }
    }

    /// A version starting exactly at `i`: `v?1.MM(.P+)?`, not glued to a word, path or number.
    private static func version(in bytes: [UInt8], at i: Int, limit: Int) -> (Mention, Int)? {
        var j = i
        if bytes[j] == UInt8(ascii: "v") { j += 1 }
        guard j + 3 < limit, bytes[j] == UInt8(ascii: "1"), bytes[j + 1] == UInt8(ascii: ".") else { return nil }
        if i > 0, isGlue(bytes[i - 1]) { return nil }
        j += 2
        let minorStart = j
        while j < limit, isDigit(bytes[j]) { j += 1 }
        guard j - minorStart == 2, let minor = Int(String(decoding: bytes[minorStart..<j], as: UTF8.self)), minor >= 10
        else { return nil }
        var patch: Int?
        if j + 1 < limit, bytes[j] == UInt8(ascii: "."), isDigit(bytes[j + 1]) {
            let patchStart = j + 1
            j = patchStart
            while j < limit, isDigit(bytes[j]) { j += 1 }
            guard j - patchStart <= 3 else { return nil }
            patch = Int(String(decoding: bytes[patchStart..<j], as: UTF8.self))
        }
        // Not a longer dotted number (an address) and not part of a word, file name or path.
        if j < limit {
            let next = bytes[j]
            if isLetterOrDigit(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "-") || next == UInt8(ascii: "_") {
                return nil
            }
            if next == UInt8(ascii: "."), j + 1 < limit, isLetterOrDigit(bytes[j + 1]) { return nil }
        }
        let textStart = bytes[i] == UInt8(ascii: "v") ? i + 1 : i
        let text = String(decoding: bytes[textStart..<j], as: UTF8.self)
        return (Mention(minor: minor, patch: patch, text: text, offset: i), j)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isLetterOrDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20 >= 97 && b | 0x20 <= 122) || b >= 0x80
    }
    /// Bytes that tie a version to what comes before it (`CHANGELOG-1.30`, `/v1.27`, `x1.27`).
    private static func isGlue(_ b: UInt8) -> Bool {
        isLetterOrDigit(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/")
            || b == UInt8(ascii: "_")
    }
}
