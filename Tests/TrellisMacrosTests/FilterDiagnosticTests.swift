import Testing
import TrellisCore
import TrellisMacros

/// Where Jinja raises in a builtin filter or test, Trellis reports a positioned diagnostic with
/// Python's wording (and prints nothing there); sizes a filter would build past `MacroLimits`
/// are refused before they are built; no argument crashes.
struct FilterDiagnosticTests {
    static func expand(_ body: String) -> MacroExpansion {
        MacroExpander.expand(
            body, file: SourceFile(path: "f.md", text: body), sourceOffset: 0,
            context: ValueMap([("names", ["a", "b"]), ("n", 3)]))
    }

    static func lines(_ body: String) -> [String] { expand(body).diagnostics.map(\.formatted) }

    @Test(arguments: [
        ("{{ names | sum }}", "f.md:1:12: error: unsupported operand type(s) for +: 'int' and 'str' [MacroType]"),
        ("{{ [1, 'a'] | sort }}", "f.md:1:15: error: '<' not supported between instances of 'str' and 'int' [MacroType]"),
        ("{{ '%d' | format('x') }}", "f.md:1:11: error: %d format: a real number is required, not str [MacroType]"),
        ("{{ '%s %s' | format(1) }}", "f.md:1:14: error: not enough arguments for format string [MacroType]"),
        ("{{ '%s' | format(1, 2) }}", "f.md:1:11: error: not all arguments converted during string formatting [MacroType]"),
        ("{{ 'a' % n }}", "f.md:1:8: error: not all arguments converted during string formatting [MacroType]"),
        ("{{ names | map('nope') | list }}", "f.md:1:12: error: No filter named 'nope'. [UnknownFilter]"),
        ("{{ names | select('nope') | list }}", "f.md:1:12: error: No test named 'nope'. [UnknownFilter]"),
        ("{{ n | round(method='up') }}", "f.md:1:21: error: method must be common, ceil or floor [MacroType]"),
        ("{{ names | slice(0) | list }}", "f.md:1:12: error: integer division or modulo by zero [MacroType]"),
        ("{{ 'abc' | truncate(2) }}", "f.md:1:12: error: expected length >= 3, got 2 [MacroType]"),
        ("{{ n | items }}", "f.md:1:8: error: Can only get item pairs from a mapping. [MacroType]"),
        ("{{ n is divisibleby 0 }}", "f.md:1:9: error: integer modulo by zero [MacroType]"),
        ("{{ n | dictsort }}", "f.md:1:8: error: 'int' object has no attribute 'items' [MacroType]"),
        ("{{ (1e308 * 10) | int }}", "f.md:1:19: error: cannot convert float infinity to integer [MacroType]"),
        ("{{ (1e308 * 10) | round(method='ceil') }}", "f.md:1:19: error: cannot convert float infinity to integer [MacroType]"),
        ("{{ names | first(1) }}", "f.md:1:12: error: filter 'first' takes no arguments [MacroType]"),
        ("{{ n is odd(1) }}", "f.md:1:9: error: test 'odd' takes no arguments [MacroType]"),
        ("{{ '{} {}'.format(1) }}", "f.md:1:12: error: Replacement index 1 out of range for positional args tuple [MacroType]"),
        ("{{ '{0} {}'.format(1, 2) }}", "f.md:1:13: error: cannot switch from manual field specification to automatic field numbering [MacroType]"),
        ("{{ '{:d}'.format('x') }}", "f.md:1:11: error: Unknown format code 'd' for object of type 'str' [MacroType]"),
        ("{{ '{' .format(1) }}", "f.md:1:9: error: Single '{' encountered in format string [MacroType]"),
        ("{{ n is divisibleby }}", "f.md:1:9: error: test 'divisibleby' needs 1 argument [MacroType]"),
    ])
    func jinjaErrorsArePositionedDiagnostics(_ body: String, _ expected: String) {
        let result = Self.expand(body)
        #expect(result.diagnostics.map(\.formatted) == [expected])
        #expect(result.text == "")
    }

    @Test func anEmptySequenceHasNoFirstItem() {
        #expect(
            Self.lines("{{ [] | first }}") == [
                "f.md:1:9: error: 'first' of an empty sequence is undefined (No first item, sequence was empty.) [UndefinedVariable]"
            ])
        // Undefined is fine where it is only tested.
        #expect(Self.expand("{{ [] | max is defined }}").text == "False")
    }

    @Test(arguments: [
        "{{ names | batch(1000000000000, 'x') | list }}",
        "{{ 'x' | center(1000000000000) }}",
        "{{ 'a\nb' | indent(1000000000000) }}",
        "{{ names | slice(1000000000000) | list }}",
        "{{ '%1000000000000d' | format(1) }}",
        "{{ '%.1000000000000f' | format(1.5) }}",
        "{{ 'x' | center(9223372036854775807) }}",
        "{{ '{:1000000000000}'.format(1) }}",
        "{{ '{:.1000000000000f}'.format(1.5) }}",
        "{{ '{:99999999999999999999999}'.format('x') }}",
        "{{ '%*d' | format(-9223372036854775807 - 1, 1) }}",
        "{{ '%*d' % (-9223372036854775807 - 1, 1) }}",
        "{{ '%*d' % (9223372036854775807, 1) }}",
    ])
    func hugeCountsAreRefusedBeforeTheyAreBuilt(_ body: String) {
        let result = Self.expand(body)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.formatted.hasSuffix("[MacroLimit]") == true)
        #expect(result.text == "")
    }

    @Test func oddArgumentsGiveDiagnosticsOrTextNeverACrash() {
        let filters = [
            "list", "first", "last", "sort", "unique", "reverse", "sum", "min", "max", "int", "float", "string", "abs",
            "round", "truncate", "wordcount", "indent", "center", "batch", "slice", "dictsort", "items", "attr", "tojson",
            "escape", "safe", "urlencode", "filesizeformat", "map", "select", "reject", "selectattr", "rejectattr", "format",
        ]
        let values = ["none", "-1", "0", "9223372036854775807", "(-9223372036854775807 - 1)", "(1e308 * 10)", "(0 * (1e308 * 10))", "''", "[]", "{}",
            "[[1], {'a': none}]", "'é𝄞'"]
        for filter in filters {
            for value in values {
                for argument in ["", "(-1)", "(\(value))", "(\(value), \(value))"] {
                    _ = Self.expand("{{ \(value) | \(filter)\(argument) }}{{ \(value) is divisibleby\(argument) }}")
                }
            }
        }
    }

    @Test func nanAndInfinityRoundAndFormatAsPython() {
        #expect(Self.expand("{{ (1e308 * 10) | round }} {{ (0 * (1e308 * 10)) | round(2) }}").text == "inf nan")
        #expect(Self.expand("{{ '%f %e' | format(1e308 * 10, -1e308 * 10) }}").text == "inf -inf")
        #expect(Self.expand("{{ (1e308 * 10) | filesizeformat }} {{ 1e308 | tojson }}").text == "inf YB 1e+308")
    }
}
