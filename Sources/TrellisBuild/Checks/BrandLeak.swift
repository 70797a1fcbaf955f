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
    func matches(in text: String) -> [(term: Term, offset: Int)] {
        guard !terms.isEmpty else { return [] }
        let haystack = Self.lowered(Array(text.utf8))
        var found: [(term: Term, offset: Int)] = []
        for term in terms {
            var start = 0
            while let offset = Self.find(term.needle, in: haystack, from: start) {
                if Self.isWholeWord(haystack, offset, term.needle.count) { found.append((term, offset)) }
                start = offset + max(term.needle.count, 1)
            }
        }
        // Where terms overlap ("Northwind" inside "Northwind Cloud"), report the first
        // registered (other brands' names before forbidden terms), once.
        var kept: [(term: Term, offset: Int)] = []
        var covered: [Range<Int>] = []
        for match in found {
            let range = match.offset..<(match.offset + match.term.needle.count)
            if covered.contains(where: { $0.overlaps(range) }) { continue }
            covered.append(range)
            kept.append(match)
        }
        return kept.sorted { $0.offset < $1.offset }
    }

    static func lowered(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Letters and digits on either side mean the term is part of a longer word.
    static func isWholeWord(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> Bool {
        func isWordByte(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80 }
        if offset > 0, isWordByte(bytes[offset - 1]), isWordByte(bytes[offset]) { return false }
        let end = offset + length
        if end < bytes.count, isWordByte(bytes[end]), isWordByte(bytes[end - 1]) { return false }
        return true
    }
}
