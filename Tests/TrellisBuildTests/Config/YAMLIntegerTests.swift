import Testing
import TrellisCore
import Yams

@testable import TrellisBuild

/// Integers in YAML files read as PyYAML (YAML 1.1) reads them, base 60 included, and one past
/// 64 bits stays the text it is: Yams' own conversion traps on a base-60 one that overflows.
@Suite struct YAMLIntegerTests {
    static func value(_ yaml: String) throws -> Value? {
        guard case .map(let map) = YAMLReader.value(of: try #require(try Yams.compose(yaml: "x: \(yaml)\n"))) else { return nil }
        return map["x"]
    }

    @Test(arguments: [
        ("1:30", Value.int(90)), ("-1:30", .int(-90)), ("+1:0:0", .int(3600)), ("1_0:3_0", .string("1_0:3_0")),
        ("42", .int(42)), ("0x1F", .int(31)),
        // Past 64 bits: kept as written (PyYAML's integers have no bound; Trellis's are 64-bit).
        ("553555155555511111:0", .string("553555155555511111:0")),
        ("1:0:0:0:0:0:0:0:0:0:0:0", .string("1:0:0:0:0:0:0:0:0:0:0:0")),
    ])
    func integersReadAsPyYAMLReadsThem(_ yaml: String, _ expected: Value) throws {
        #expect(try Self.value(yaml) == expected)
    }
}
