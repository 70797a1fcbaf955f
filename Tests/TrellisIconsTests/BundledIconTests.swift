import Testing
import TrellisCore

@testable import TrellisIcons

/// The bundled icons render exactly as Material for MkDocs 9.8.2 renders them.
struct BundledIconTests {
    let library = IconLibrary.bundled

    @Test func materialIconIsMaterialsExactMarkup() {
        let expected =
            #"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M5 5h2v6H5zm5 0H8v6h2zM5 19h2v-6H5zm5-6H8v6h2v-2h5v-2h-5zm-8 8h2V3H2zM20 3v4h-7V5h-2v6h2V9h7v6h-2v-2h-2v6h2v-2h2v4h2V3z"/></svg></span>"#
        #expect(library.lookup("material-abacus") == .html(expected))
    }

    @Test func unknownNamesFromPagesDoNotGrowTheCacheWithoutBound() {
        // A library of its own: `bundled` is shared with the other tests.
        let library = IconLibrary(table: .bundled, overlay: IconOverlay(), unknownCacheLimit: 8)
        let names = (0..<20).map { "material-no-such-icon-\($0)" }
        for name in names {
            guard case .unknown = library.lookup(name) else {
                Issue.record("\(name) is not unknown")
                return
            }
        }
        #expect(library.cachedNames == 8)
        // Past the limit an unknown name is still answered in full, each time.
        guard case .unknown(let suggestions) = library.lookup("material-abacu") else {
            Issue.record("material-abacu is not unknown")
            return
        }
        #expect(suggestions.contains("material-abacus"))
        #expect(library.lookup("material-abacu") == library.lookup("material-abacu"))
        // Known icons are always kept (there are only as many as the sets have).
        _ = library.lookup("material-abacus")
        #expect(library.cachedNames == 9)
    }

    @Test func fontAwesomeIconKeepsTheLicenceComment() {
        let expected =
            #"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><!--! Font Awesome Free 7.1.0 by @fontawesome - https://fontawesome.com License - https://fontawesome.com/license/free (Icons: CC BY 4.0, Fonts: SIL OFL 1.1, Code: MIT License) Copyright 2025 Fonticons, Inc.--><path d="M256 512a256 256 0 1 0 0-512 256 256 0 1 0 0 512m17-377 80 80c9.4 9.4 9.4 24.6 0 33.9s-24.6 9.4-33.9 0l-39-39V360c0 13.3-10.7 24-24 24s-24-10.7-24-24V209.9l-39 39c-9.4 9.4-24.6 9.4-33.9 0s-9.4-24.6 0-33.9l80-80c9.4-9.4 24.6-9.4 33.9 0z"/></svg></span>"#
        #expect(library.lookup("fontawesome-solid-circle-arrow-up") == .html(expected))
    }

    @Test(arguments: [
        ("fontawesome-regular-face-smile", #"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><!--! Font Awesome Free 7.1.0"#),
        ("fontawesome-brands-github", #"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><!--! Font Awesome Free 7.1.0"#),
        ("octicons-alert-16", #"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M6.457 1.047c.659-1.234"#),
        ("octicons-alert-24", #"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M13 17.5a1 1 0 1 1-2 0"#),
        ("simple-github", #"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 .297c-6.63 0-12 5.373-12 12"#),
    ])
    func everySetRendersAsInlineSVG(name: String, start: String) throws {
        guard case .html(let html) = library.lookup(name) else {
            Issue.record("\(name) is not an icon")
            return
        }
        #expect(html.hasPrefix(start))
        #expect(html.hasSuffix("</svg></span>"))
        #expect(!html.contains("\n"))
    }

    @Test func multiLineThemeLogoKeepsItsLineBreaks() throws {
        guard case .html(let html) = library.lookup("logo") else {
            Issue.record("logo is not an icon")
            return
        }
        #expect(html.hasPrefix(#"<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 89 89">"# + "\n  <path"))
        #expect(html.hasSuffix("</svg>\n</span>"))
    }

    @Test func misspeltIconSuggestsTheRealOne() {
        #expect(
            library.lookup("fontawesome-solid-circle-arow-up")
                == .unknown(suggestions: ["fontawesome-solid-circle-arrow-up"]))
        guard case .unknown(let suggestions) = library.lookup("material-acount") else {
            Issue.record("material-acount should be unknown")
            return
        }
        #expect(suggestions.first == "material-account")
        #expect(suggestions.allSatisfy { $0.hasPrefix("material-") })
    }

    @Test(arguments: ["smile", "30", "10:30:00", "materials-home", "material", "material-", "Material-abacus", ""])
    func namesWithoutAnIconPrefixAreNotIcons(name: String) {
        #expect(library.lookup(name) == .notAnIcon)
        #expect(!library.isIconName(name))
    }

    @Test func knownPrefixesAreIconNames() {
        for name in ["fontawesome-x", "material-x", "octicons-x", "simple-x", "logo"] {
            #expect(library.isIconName(name), "\(name)")
        }
    }

    @Test func resourceHoldsEverySetSortedForBinarySearch() {
        let names = IconTable.bundled.allNames()
        #expect(names.count > 14_000)
        #expect(zip(names, names.dropFirst()).allSatisfy { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for set in ["fontawesome-solid-", "fontawesome-regular-", "fontawesome-brands-", "material-", "octicons-", "simple-"] {
            #expect(names.contains { $0.hasPrefix(set) }, "\(set)")
        }
        #expect(IconTable.bundled.source.hasPrefix("mkdocs-material 9.8.2"))
    }

    @Test func everyBundledNameIsFoundByBinarySearch() {
        let names = IconTable.bundled.allNames()
        let missing = names.filter { IconTable.bundled.svg(named: $0) == nil }
        #expect(missing.isEmpty)
    }

    @Test func concurrentLookupsAgreeWithSerialOnes() async {
        let names = [
            "material-abacus", "fontawesome-solid-circle-arrow-up", "octicons-alert-16", "simple-github",
            "material-acount", "smile", "fontawesome-brands-github", "material-home",
        ]
        let fresh = IconLibrary(table: .bundled, overlay: IconOverlay())
        let results = await withTaskGroup(of: [IconLookup].self) { group in
            for round in 0..<64 {
                group.addTask {
                    let rotated = Array(names[(round % names.count)...] + names[..<(round % names.count)])
                    let looked = Dictionary(uniqueKeysWithValues: rotated.map { ($0, fresh.lookup($0)) })
                    return names.map { looked[$0]! }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let serial = names.map { IconLibrary(table: .bundled, overlay: IconOverlay()).lookup($0) }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == serial })
    }
}
