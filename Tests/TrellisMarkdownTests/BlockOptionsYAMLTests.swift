import Testing
import TrellisCore

@testable import TrellisMarkdown

/// The YAML subset of `///` block options, read as PyYAML's safe loader reads it.
struct BlockOptionsYAMLTests {
    @Test func readsScalarsFlowAndBlockCollections() {
        let yaml = """
            open: yes
            type: "tip"
            count: 3
            ratio: 0.5
            attrs: {id: x, class: 'a b', data-k: "v, w"}
            list: [a, 'b c']
            nested:
              key: value
              deeper:
                - one
                - two
            none: ~
            """
        let map = BlockOptionsYAML.parse(yaml)
        #expect(map?["open"] == .bool(true))
        #expect(map?["type"] == .string("tip"))
        #expect(map?["count"] == .int(3))
        #expect(map?["ratio"] == .double(0.5))
        #expect(map?["attrs"]?["class"] == .string("a b"))
        #expect(map?["attrs"]?["data-k"] == .string("v, w"))
        #expect(map?["list"] == .list([.string("a"), .string("b c")]))
        #expect(map?["nested"]?["deeper"] == .list([.string("one"), .string("two")]))
        #expect(map?["none"] == .null)
    }

    @Test func emptyIsAnEmptyMapAndNonMappingsAreNil() {
        #expect(BlockOptionsYAML.parse("") == ValueMap())
        #expect(BlockOptionsYAML.parse("# only a comment") == ValueMap())
        #expect(BlockOptionsYAML.parse("just text") == nil)
        #expect(BlockOptionsYAML.parse("- a\n- b") == nil)
        #expect(BlockOptionsYAML.parse("a: {b: c") == nil)
        #expect(BlockOptionsYAML.parse("a: \"open") == nil)
        #expect(BlockOptionsYAML.parse("a: b\n  c: d") == nil)
    }

    @Test func deepFlowNestingIsRefusedWithoutCrashing() {
        #expect(BlockOptionsYAML.parse("a: " + String(repeating: "[", count: 100_000)) == nil)
        #expect(BlockOptionsYAML.parse("a: " + String(repeating: "{b: ", count: 10_000)) == nil)
        var deep = ""
        for level in 0..<200 { deep += String(repeating: " ", count: level) + "k:\n" }
        #expect(BlockOptionsYAML.parse(deep) == nil)
    }
}
