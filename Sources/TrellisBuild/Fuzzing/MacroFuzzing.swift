import TrellisCore
import TrellisMacros

/// The fuzz entry of the macro language: the first byte picks what undefined names do, the
/// rest is a page body parsed and rendered against variables of every type a brand config has.
/// The source map and every diagnostic must point into the file (an include is the page itself).
enum MacroFuzzing {
    static let context = ValueMap([
        ("brand", .map(ValueMap([("name", .string("Northwind")), ("domain", .string("northwind.example"))]))),
        ("version", .string("1.28.5")),
        ("count", .int(3)),
        ("ratio", .double(0.5)),
        ("enabled", .bool(true)),
        ("nothing", .null),
        ("list", .list([.string("a"), .int(2), .list([.string("nested")])])),
        ("config", .map(ValueMap([("site_name", .string("Docs")), ("extra", .map(ValueMap()))]))),
    ])

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let policies = UndefinedPolicy.allCases
        let policy = policies[Int(first) % policies.count]
        let file = SourceFile(path: "docs/page.md", text: String(decoding: bytes.dropFirst(), as: UTF8.self))
        // A first byte with bit 2 set (independent of the policy) adds a Python module defining `f`, setting `v`.
        let python =
            first & 4 != 0
            ? PythonMacros(modules: [PythonMacros.Module(functions: ["f"], variables: ["v"], source: "main.py")])
            : nil
        let (template, problems) = MacroTemplate.parse(file.text, file: file, sourceOffset: 0, python: python)
        FuzzTarget.requireInFile(problems, file)
        guard problems.isEmpty else { return }
        // Every `{% include %}` renders the page itself: includes nest to the limit, and the
        // output and work budgets the page shares with them must still bound it.
        let expansion = template.render(
            context: context, undefined: policy, includes: SelfInclude(template: template), python: python)
        FuzzTarget.requireInFile(expansion.diagnostics, file)
        let length = expansion.text.utf8.count
        for offset in [0, length / 2, length] {
            let source = expansion.sourceMap.sourceOffset(forOutputOffset: offset)
            FuzzTarget.require(
                source >= 0 && source <= file.utf8Count, "output offset \(offset) maps to \(source) of \(file.utf8Count)")
        }
    }
}

/// Includes that all name the fuzzed page.
private struct SelfInclude: MacroIncludeLoading {
    let template: MacroTemplate
    var searchedFolder: String? { nil }
    func template(named name: String) -> MacroTemplate? { name.hasPrefix("x") ? nil : template }
}
