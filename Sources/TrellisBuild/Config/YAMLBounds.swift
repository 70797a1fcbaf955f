import CYaml

/// The one check every YAML text passes before Yams composes it: aliases may not expand the
/// document past a bound (a "billion laughs" document is a few hundred bytes that expand to a
/// billion values), and nesting, aliases included, may not go deeper than the recursive walks
/// over the composed tree (Yams' own composer and key hashing, ours) can go on a small stack.
///
/// It reads the libyaml events Yams composes from, so it sees the document exactly as Yams
/// will. Each alias counts as the values its anchor stands for, the way any consumer that
/// expands aliases sees it, by arithmetic on anchor sizes (nothing is expanded), and it stops
/// at the first event past a bound: the check is linear in the text whatever the aliases.
enum YAMLBounds {
    /// The most lists and maps nested in one another, aliases expanded: real configs and front
    /// matter nest a handful of levels (a nav ten sections deep is about 22), and every walk over
    /// the values (composing, converting, printing and comparing them in macros) must fit a
    /// 512 KiB thread stack, even unoptimised or under AddressSanitizer, where 100 nested maps
    /// overflowed it (found by the yaml fuzz target).
    static let maxDepth = 64
    /// Aliases may expand a document to this many times the values it writes…
    static let expansionRatio = 100
    /// …but a small document may always reach this many values…
    static let minExpandedValues = 10_000
    /// …and no document more than this many.
    static let maxExpandedValues = 1_000_000

    /// Why a document is refused, at the alias or node (1-based line and column) that went past.
    struct Violation: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first bound `text` goes past, or nil (also for invalid YAML, which Yams reports).
    static func check(_ text: String) -> Violation? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { scan($0) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Violation? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, base, bytes.count)
        // No document writes more than two values per byte, so this bound is known up front.
        var counter = ExpansionCounter(earlyLimit: limit(forWritten: 2 * bytes.count))
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            let problem: String?
            switch event.type {
            case YAML_STREAM_END_EVENT: return counter.finish()
            case YAML_SCALAR_EVENT: problem = counter.value(anchor: name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT: problem = counter.open(anchor: name(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT: problem = counter.open(anchor: name(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: problem = counter.close()
            case YAML_ALIAS_EVENT: problem = counter.alias(name(event.data.alias.anchor), at: mark)
            default: problem = nil
            }
            if let problem { return Violation(message: problem, line: mark.line, column: mark.column) }
        }
        return nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    /// How many values a document that writes `written` values may expand to.
    static func limit(forWritten written: Int) -> Int {
        let (scaled, overflow) = written.multipliedReportingOverflow(by: expansionRatio)
        return min(maxExpandedValues, max(minExpandedValues, overflow ? .max : scaled))
    }

    static func tooLarge(_ limit: Int) -> String {
        "this document has more than \(limit) values once its aliases are expanded, which Trellis does not allow"
    }

    static let tooDeep = "nested more than \(maxDepth) levels deep (aliases included), which Trellis does not allow"
}
