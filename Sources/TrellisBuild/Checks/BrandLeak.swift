import Foundation
import TrellisCore

/// A brand's pages naming another brand (its name, its domain, its logo) or a term the
/// brand forbids. White-label sites must never show the platform behind them.
struct BrandLeak: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        brand.leakMatcher.matches(in: subject.text.text).map { match in
            Diagnostic(
                .brandLeak, path: subject.page.file.path, at: subject.location(ofExpandedOffset: match.offset),
                message: "\(match.term.reason) appears in brand '\(brand.brand.id)'")
        }
    }
}

/// The terms one brand must not show, and a case-insensitive, whole-word search for them.
struct BrandLeakMatcher: Sendable {
    struct Term: Sendable {
        var text: String
        /// Why it is forbidden ("'Northwind Cloud', the name of brand 'northwind'").
        var reason: String
        /// ASCII-lowercased bytes.
        var needle: [UInt8]
    }

    let terms: [Term]

    init(brand: Brand, all brands: [Brand]) {
        var terms: [Term] = []
        let own = Set([brand.name, AbsoluteSiteLink.base(brand.siteURL ?? "")?.host].compactMap { $0?.lowercased() })
        func add(_ text: String, _ reason: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.count >= 2, !own.contains(trimmed.lowercased()),
                !terms.contains(where: { $0.text.lowercased() == trimmed.lowercased() })
            else { return }
            terms.append(Term(text: trimmed, reason: reason, needle: Self.lowered(Array(trimmed.utf8))))
        }
        for other in brands where other.id != brand.id {
            add(other.name, "'\(other.name)', the name of brand '\(other.id)',")
            if let host = AbsoluteSiteLink.base(other.siteURL ?? "")?.host {
                add(host, "'\(host)', the domain of brand '\(other.id)',")
            }
            if let logo = other.theme.logo, logo != brand.theme.logo {
                add(logo, "'\(logo)', the logo of brand '\(other.id)',")
            }
        }
        for term in brand.forbiddenTerms { add(term, "'\(term)', a term brand '\(brand.id)' forbids,") }
        self.terms = terms
    }

    /// Every whole-word occurrence of a term in `text`, as UTF-8 offsets, in text order.
    /// One pass over the bytes, comparing ASCII case-insensitively in place.
    func matches(in text: String) -> [(term: Term, offset: Int)] {
        guard !terms.isEmpty else { return [] }
        var text = text
        var found: [(term: Term, offset: Int)] = []
        text.withUTF8 { bytes in
            var starts = [Bool](repeating: false, count: 256)
            for term in terms { starts[Int(term.needle[0])] = true }
            var i = 0
            while i < bytes.count {
                let b = Self.lower(bytes[i])
                if starts[Int(b)] {
                    for term in terms where term.needle[0] == b && Self.matches(term.needle, bytes, at: i) {
                        if Self.isWholeWord(bytes, i, term.needle.count) { found.append((term, i)) }
                    }
                }
                i += 1
            }
        }
        // Where terms overlap ("Northwind" inside "Northwind Cloud"), report the first
        // registered (other brands' names before forbidden terms), once.
        var kept: [(term: Term, offset: Int)] = []
        var covered: [Range<Int>] = []
        let order = Dictionary(terms.enumerated().map { ($1.text, $0) }, uniquingKeysWith: { first, _ in first })
        for match in found.sorted(by: { ($0.offset, order[$0.term.text] ?? 0) < ($1.offset, order[$1.term.text] ?? 0) })
        where !covered.contains(where: { $0.overlaps(match.offset..<(match.offset + match.term.needle.count)) }) {
            covered.append(match.offset..<(match.offset + match.term.needle.count))
            kept.append(match)
        }
        return kept
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    static func lowered(_ bytes: [UInt8]) -> [UInt8] { bytes.map(lower) }

    static func matches(_ needle: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 1..<max(needle.count, 1) where lower(bytes[i + k]) != needle[k] { return false }
        return true
    }

    /// Letters and digits on either side mean the term is part of a longer word.
    static func isWholeWord(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ length: Int) -> Bool {
        func isWordByte(_ b: UInt8) -> Bool {
            let c = lower(b)
            return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0x80
        }
        if offset > 0, isWordByte(bytes[offset - 1]), isWordByte(bytes[offset]) { return false }
        let end = offset + length
        if end < bytes.count, isWordByte(bytes[end]), isWordByte(bytes[end - 1]) { return false }
        return true
    }
}
