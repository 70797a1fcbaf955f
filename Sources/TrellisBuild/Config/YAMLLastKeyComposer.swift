import CYaml
import Yams

/// Composes YAML as PyYAML does when a map repeats a key: the last value wins. MkDocs reads
/// `mkdocs.yml`, front matter and `.pages` files with PyYAML, and real configs repeat keys
/// (a second `analytics:` under `extra:`); Yams refuses such a document outright, so
/// `YAMLReader` comes here only after Yams reported duplicated keys, for the files MkDocs reads.
///
/// It builds the same `Node`s Yams' composer builds (tags, styles, marks, anchors), from the same
/// libyaml events, and drops each earlier entry of a repeated key. The text has passed
/// `YAMLBounds`, so nesting is shallow enough to recurse and aliases cannot blow up.
struct YAMLLastKeyComposer {
    /// A key given more than once in one map: where each earlier entry is, and the last one.
    struct Duplicate {
        var key: String
        var earlier: Mark
        var last: Mark
    }

    enum Failure: Error {
        /// libyaml's own problem and where (1-based), as Yams would report it.
        case syntax(problem: String, line: Int, column: Int)
        case undefinedAlias(line: Int, column: Int)
    }

    private var parser = yaml_parser_t()
    private var anchors: [String: Node] = [:]
    private(set) var duplicates: [Duplicate] = []

    /// The first document of `text`, or nil for an empty one.
    static func compose(_ text: String) throws(Failure) -> (node: Node?, duplicates: [Duplicate]) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x0A] }
        var composer = YAMLLastKeyComposer()
        let node = try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> Node? in
            guard yaml_parser_initialize(&composer.parser) == 1 else { return nil }
            defer { yaml_parser_delete(&composer.parser) }
            yaml_parser_set_encoding(&composer.parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&composer.parser, buffer.baseAddress, buffer.count)
            return try composer.document()
        }
        return (node, composer.duplicates)
    }

    /// One libyaml event, deleted when it goes out of scope.
    private final class Event {
        var event = yaml_event_t()
        deinit { yaml_event_delete(&event) }
        var type: yaml_event_type_t { event.type }
        var mark: Mark? { YAMLLastKeyComposer.mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1) }
    }

    private mutating func next() throws(Failure) -> Event {
        let event = Event()
        guard yaml_parser_parse(&parser, &event.event) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            throw .syntax(
                problem: problem, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        }
        return event
    }

    private mutating func document() throws(Failure) -> Node? {
        var event = try next()
        while event.type == YAML_STREAM_START_EVENT || event.type == YAML_DOCUMENT_START_EVENT {
            event = try next()
        }
        guard event.type != YAML_STREAM_END_EVENT else { return nil }
        return try node(from: event)
    }

    private mutating func node(from event: Event) throws(Failure) -> Node {
        switch event.type {
        case YAML_ALIAS_EVENT:
            guard let name = Self.string(event.event.data.alias.anchor), let node = anchors[name] else {
                throw .undefinedAlias(line: Int(event.event.start_mark.line) + 1, column: Int(event.event.start_mark.column) + 1)
            }
            return node
        case YAML_SCALAR_EVENT:
            let data = event.event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let tag = data.quoted_implicit == 1 ? Tag.Name.str.rawValue : Self.string(data.tag)
            let style = Node.Scalar.Style(rawValue: data.style.rawValue) ?? .any
            let anchor = Self.string(data.anchor)
            let node = Node.scalar(.init(value, Self.tag(tag), style, event.mark, anchor.map(Anchor.init(stringLiteral:))))
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_SEQUENCE_START_EVENT:
            let data = event.event.data.sequence_start
            var items: [Node] = []
            var item = try next()
            while item.type != YAML_SEQUENCE_END_EVENT {
                items.append(try node(from: item))
                item = try next()
            }
            let anchor = Self.string(data.anchor)
            let node = Node.sequence(
                .init(
                    items, Self.tag(data.implicit != 0 ? nil : Self.string(data.tag)),
                    Node.Sequence.Style(rawValue: data.style.rawValue) ?? .any, event.mark,
                    anchor.map(Anchor.init(stringLiteral:))))
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_MAPPING_START_EVENT:
            let data = event.event.data.mapping_start
            var pairs: [(Node, Node)] = []
            var index: [Node: Int] = [:]
            var entry = try next()
            while entry.type != YAML_MAPPING_END_EVENT {
                let key = try node(from: entry)
                let value = try node(from: try next())
                if let earlier = index[key] {
                    if let first = pairs[earlier].0.mark, let last = key.mark {
                        duplicates.append(Duplicate(key: key.string ?? "?", earlier: first, last: last))
                    }
                    pairs[earlier] = (key, value)
                } else {
                    index[key] = pairs.count
                    pairs.append((key, value))
                }
                entry = try next()
            }
            // The last value, in the place of the first: PyYAML's dict keeps the first position.
            let anchor = Self.string(data.anchor)
            let node = Node.mapping(
                .init(
                    pairs, Self.tag(data.implicit != 0 ? nil : Self.string(data.tag)),
                    Node.Mapping.Style(rawValue: data.style.rawValue) ?? .any, event.mark,
                    anchor.map(Anchor.init(stringLiteral:))))
            if let anchor { anchors[anchor] = node }
            return node
        default:
            throw .syntax(
                problem: "unexpected event", line: Int(event.event.start_mark.line) + 1,
                column: Int(event.event.start_mark.column) + 1)
        }
    }

    /// A Yams `Mark`, whose initializer Yams keeps internal: it is two `Int`s (line, column),
    /// which is checked here on the first use; should the layout ever differ, nodes get no mark
    /// (diagnostics lose their position, nothing breaks).
    static func mark(line: Int, column: Int) -> Mark? {
        guard marksCanBeMade else { return nil }
        return unsafeBitCast((line, column), to: Mark.self)
    }

    private static let marksCanBeMade: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let probe = unsafeBitCast((3, 7), to: Mark.self)
        return probe.line == 3 && probe.column == 7
    }()

    private static func tag(_ name: String?) -> Tag {
        Tag(name.map(Tag.Name.init(rawValue:)) ?? .implicit)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
