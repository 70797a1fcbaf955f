import Foundation
import Testing
import TrellisTestSupport
import TrellisCore

@testable import TrellisBuild

/// Every YAML file Trellis reads passes `YAMLBounds` before it is composed: an alias bomb or
/// nesting too deep is a diagnostic at the alias (or node) that goes past the bound, with the
/// file kind's rule, and the build goes on as for any other invalid YAML.
@Suite struct YAMLBoundsTests {
    /// "Billion laughs": nine levels of nine aliases to the level below, 9^9 values expanded.
    /// `key` names the top-level keys (`k0`…`k8`), one per line.
    static func bomb(_ key: String = "k") -> String {
        var lines = ["\(key)0: &\(key)0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<9 {
            let aliases = [String](repeating: "*\(key)\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("\(key)\(level): &\(key)\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Lists nested `depth` deep, written out (no aliases).
    static func nested(_ depth: Int) -> String {
        "x: " + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + "\n"
    }

    @Test func billionLaughsIsRefusedAtTheAliasThatPassesTheBound() {
        // `k4` stands for 66,430 values, about 75,000 so far: `k5`'s first alias passes the
        // bound this 468-byte text allows (100 × at most 2 values per byte = 93,600).
        #expect(
            YAMLBounds.check(Self.bomb())
                == YAMLBounds.Violation(
                    message: "this document has more than 93600 values once its aliases are expanded, which Trellis does not allow",
                    line: 6, column: 10))
    }

    @Test func anAliasBombAsAMappingKeyIsRefused() {
        // Yams hashes mapping keys to find duplicates: an expanded key would be walked whole.
        let text = Self.bomb() + "? *k8\n: value\n"
        #expect(YAMLBounds.check(text)?.line == 6)
    }

    @Test func aliasesUsedAsConfigsUseThemAreAccepted() {
        var text = "defaults: &defaults {a: 1, b: [x, y, z], c: {d: e}}\n"
        for i in 0..<200 { text += "item\(i): *defaults\n" }
        #expect(YAMLBounds.check(text) == nil)
        var reader = YAMLReader(path: "c.yml")
        #expect(reader.parse(text) != nil)
    }

    @Test func theBoundAtTheEndDependsOnTheValuesWritten() {
        // 1,402 values written (a 1,000-value anchor, 200 keys and aliases) expand to 201,202:
        // under the early bound (the text is long), over 100 × 1,402 once all are known. The
        // 140th alias is the first past 140,200.
        let anchor = "a: &a [" + [String](repeating: "x", count: 999).joined(separator: ",") + "]\n"
        let text = anchor + (0..<200).map { "k\($0): *a\n" }.joined()
        #expect(
            YAMLBounds.check(text)
                == YAMLBounds.Violation(message: YAMLBounds.tooLarge(140_200), line: 141, column: 7))
    }

    @Test func nestingThroughAliasesIsBounded() {
        // Each anchor nests 25 levels around the one before: 76 with the top map, once expanded.
        let deep = { (inner: String) in String(repeating: "[", count: 25) + inner + String(repeating: "]", count: 25) }
        let text = "a: &a \(deep("1"))\nb: &b \(deep("*a"))\nc: \(deep("*b"))\n"
        #expect(
            YAMLBounds.check(text)
                == YAMLBounds.Violation(message: YAMLBounds.tooDeep, line: 3, column: 29))
    }

    @Test func nestingAtTheLimitIsReadOnASmallStackAndOneMoreIsRefused() {
        let atLimit = Self.nested(YAMLBounds.maxDepth - 1)  // the map holding `x` is one more
        let value = onSmallStack { () -> Value? in
            var reader = YAMLReader(path: "deep.yml")
            return reader.parse(atLimit).map(YAMLReader.value(of:))
        }
        var depth = 0
        var cursor = value?.mapValue?["x"]
        while case .list(let items)? = cursor {
            depth += 1
            cursor = items.first
        }
        #expect(depth == YAMLBounds.maxDepth - 1)
        #expect(YAMLBounds.check(Self.nested(YAMLBounds.maxDepth))?.message == YAMLBounds.tooDeep)
    }

    /// Maps nested to the limit go through every reader of YAML (site config, brand file,
    /// mkdocs.yml with its tags, front matter, .pages) on a small stack: 100 levels overflowed it
    /// under AddressSanitizer (found by the yaml fuzz target).
    @Test func mapsNestedToTheLimitPassEveryReaderOnASmallStack() {
        let depth = YAMLBounds.maxDepth - 1
        let maps = "a: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"
        let unclosed = String(repeating: "{", count: YAMLBounds.maxDepth)
        for text in [maps, unclosed] {
            let done = onSmallStack { () -> Bool in
                YAMLFuzzing.run(Array(text.utf8))
                return true
            }
            #expect(done)
        }
        #expect(YAMLBounds.check(maps) == nil)
    }

    @Test func aHundredThousandOpenBracketsGiveADiagnostic() {
        let text = "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let lines = onSmallStack { () -> [String] in
            var reader = YAMLReader(path: "deep.yml")
            _ = reader.parse(text)
            return reader.diagnostics.map(\.formatted)
        }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("deep.yml:1:") == true)
        #expect(lines.first?.hasSuffix("[ConfigSyntax]") == true)
    }
}
