import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

@Suite struct ConfigTests {
    func load(_ files: [String: String]) throws -> (SiteConfig, [Brand], [String]) {
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let (config, brands, diagnostics) = ConfigLoader(root: site.root).load()
        return (config, brands, diagnostics.sorted(by: Diagnostic.sortKey).map(\.formatted))
    }

    @Test func readsSiteAndBrandsWithMergedVariables() throws {
        let (config, brands, lines) = try load([
            "trellis.yml": twoBrandConfig, "brands/alpha.yml": alphaBrand, "brands/beta.yml": betaBrand,
        ])
        #expect(lines.isEmpty)
        #expect(config.siteName == "Guides")
        #expect(brands.map(\.id) == ["alpha", "beta"])
        #expect(brands[0].name == "Alpha Cloud")
        #expect(brands[0].siteURL == "https://docs.alpha.example/")
        #expect(brands[0].theme.primary == "#112233")
        #expect(brands[0].extra["product"] == "Kubernetes")
        #expect(brands[1].extra["panel"]?["domain"] == "console.beta.example")
    }

    @Test func wrongTypeIsAnErrorAtItsPosition() throws {
        let (_, _, lines) = try load(["trellis.yml": "site_name: [a, b]\nbrands: nope\n"])
        #expect(
            lines == [
                "trellis.yml:1:12: error: expected a string for 'site_name', found a list [ConfigType]",
                "trellis.yml:2:9: error: expected a list of strings for 'brands', found a string [ConfigType]",
            ])
    }

    @Test func unknownKeyIsAWarningWithASuggestion() throws {
        let (_, _, lines) = try load(["trellis.yml": "site_nme: Guides\n"])
        #expect(
            lines == [
                "trellis.yml:1:1: warning: unknown key 'site_nme' in the site config; did you mean 'site_name'? [UnknownConfigKey]"
            ])
    }

    @Test func brokenYAMLIsASyntaxErrorWithItsLine() throws {
        let (_, _, lines) = try load(["trellis.yml": "site_name: Guides\nnav:\n  - a.md\n - b.md\n"])
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("trellis.yml:4:"))
        #expect(lines[0].hasSuffix("[ConfigSyntax]"))
    }

    /// libyaml places an error at the end of the input one line below the last; the diagnostic
    /// stays at the end of the last line (found by the yaml fuzz target).
    @Test func syntaxErrorAtTheEndOfTheInputPointsAtTheLastLine() throws {
        let (_, _, lines) = try load(["trellis.yml": "site_name: Docs\nclassification"])
        #expect(lines == ["trellis.yml:2:15: error: invalid YAML: could not find expected ':' (while scanning a simple key) [ConfigSyntax]"])
        let page = SourceFile(path: "docs/a.md", text: "---\ntitle: A\nlist: [a, b\n---\n# A\n")
        let frontMatter = FrontMatter.split(page).diagnostics.map(\.formatted)
        #expect(frontMatter.count == 1 && frontMatter.allSatisfy { $0.hasPrefix("docs/a.md:4:1: error:") })
    }

    @Test func duplicatedKeysAreNamedWithoutEchoingTheWholeFile() throws {
        let (_, _, lines) = try load(["trellis.yml": "site_name: Guides\nextra:\n  a: 1\n  a: 2\n"])
        #expect(lines == ["trellis.yml:3:3: error: invalid YAML: duplicated keys a [ConfigSyntax]"])
    }

    @Test func brandFileErrorsNameTheBrandFile() throws {
        let (_, brands, lines) = try load([
            "trellis.yml": "brands: [alpha]\n",
            "brands/alpha.yml": "name: Alpha\ntheme:\n  primary: \"red; } body { display: none\"\n",
        ])
        #expect(brands.count == 1)
        #expect(
            lines == [
                "brands/alpha.yml:3:12: error: 'red; } body { display: none' is not a CSS colour for 'primary' [ConfigType]"
            ])
    }

    @Test func missingBrandFileIsAnError() throws {
        let (_, brands, lines) = try load(["trellis.yml": "brands: [ghost]\n"])
        #expect(brands.isEmpty)
        #expect(lines == ["trellis.yml: error: brand 'ghost' has no file 'brands/ghost.yml' [IOError]"])
    }

    @Test func noBrandsMeansOneDefaultBrand() throws {
        let (_, brands, lines) = try load(["trellis.yml": "site_name: Solo\nextra:\n  brand: Solo\n"])
        #expect(lines.isEmpty)
        #expect(brands.map(\.id) == ["default"])
        #expect(brands[0].extra["brand"] == "Solo")
    }

    @Test func validationLevelsOverrideRules() throws {
        let (config, _, lines) = try load(["trellis.yml": "validation:\n  BrokenLink: warning\n  MissingAnchor: off\n"])
        #expect(lines.isEmpty)
        #expect(config.ruleSeverities[.brokenLink] == .some(.warning))
        #expect(config.ruleSeverities[.missingAnchor] == .some(nil))
    }
}
