import Foundation
import TrellisCore
import Yams

/// Reads YAML (config files, front matter) into positioned nodes and `Value`s, turning every
/// problem into a diagnostic at the exact line and column.
struct YAMLReader {
    /// The path printed in diagnostics.
    let path: String
    /// Added to every line Yams reports (front matter starts below the file's first line).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// The length in characters of each line of the text parsed last, to keep positions inside
    /// it: libyaml reports an error at the end of the input one line below the last.
    private var lineLengths: [Int] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Parses `text`; a syntax error, or a document past `YAMLBounds` (an alias bomb, nesting
    /// too deep), becomes a `ConfigSyntax` (or `id`) diagnostic and nil.
    ///
    /// `lastKeyWins`: a map that repeats a key keeps the last value, with a `DuplicateKey`
    /// warning at each earlier one, as PyYAML reads the files MkDocs reads; otherwise a
    /// repeated key is an error (Trellis's own configs).
    mutating func parse(_ text: String, syntaxID: RuleID = .configSyntax, lastKeyWins: Bool = false) -> Node? {
        lineLengths = Self.lineLengths(text)
        if let violation = YAMLBounds.check(text) {
            let at = clamped(line: violation.line, column: violation.column)
            diagnostics.append(Diagnostic(syntaxID, path: path, at: at, message: "invalid YAML: \(violation.message)"))
            return nil
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error, lastKeyWins { return composeLastKeyWins(text, syntaxID: syntaxID) }
            let (message, mark) = Self.describe(error)
            diagnostics.append(
                Diagnostic(syntaxID, path: path, at: mark.map { location(of: $0) }, message: "invalid YAML: \(message)"))
        } catch {
            diagnostics.append(Diagnostic(syntaxID, path: path, at: nil, message: "invalid YAML: \(error)"))
        }
        return nil
    }

    private mutating func composeLastKeyWins(_ text: String, syntaxID: RuleID) -> Node? {
        do throws(YAMLLastKeyComposer.Failure) {
            let (node, duplicates) = try YAMLLastKeyComposer.compose(text)
            for duplicate in duplicates {
                let last = location(of: duplicate.last)
                diagnostics.append(
                    Diagnostic(
                        .duplicateKey, path: path, at: location(of: duplicate.earlier),
                        message: "'\(duplicate.key)' is given again at line \(last.line); the last value is used, as MkDocs reads it"))
            }
            return node
        } catch {
            let (problem, line, column): (String, Int, Int)
            switch error {
            case .syntax(let p, let l, let c): (problem, line, column) = (p, l, c)
            case .undefinedAlias(let l, let c): (problem, line, column) = ("found undefined alias", l, c)
            }
            diagnostics.append(
                Diagnostic(syntaxID, path: path, at: clamped(line: line, column: column), message: "invalid YAML: \(problem)"))
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let context { return ("\(problem) (\(context.text))", mark) }
            return (problem, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams' context text here is the whole document, not a phrase.
            return ("duplicated keys \(duplicates.joined(separator: ", "))", context.mark)
        default:
            return ("\(error)", nil)
        }
    }

    func location(of mark: Mark) -> SourceLocation {
        clamped(line: mark.line, column: mark.column)
    }

    /// A 1-based position in the parsed text, moved inside it (past the end: the end of its
    /// last line), in the file's lines.
    private func clamped(line: Int, column: Int) -> SourceLocation {
        guard !lineLengths.isEmpty else { return SourceLocation(line: max(line, 1) + lineOffset, column: max(column, 1)) }
        if line > lineLengths.count {
            return SourceLocation(line: lineLengths.count + lineOffset, column: lineLengths[lineLengths.count - 1] + 1)
        }
        let line = max(line, 1)
        return SourceLocation(line: line + lineOffset, column: min(max(column, 1), lineLengths[line - 1] + 1))
    }

    /// The characters (Unicode scalars) of each line, lines ending at LF, CRLF or CR as
    /// `SourceFile` ends them.
    private static func lineLengths(_ text: String) -> [Int] {
        var lengths: [Int] = []
        var count = 0
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previous != "\r" { lengths.append(count) }
                count = 0
            } else if scalar == "\r" {
                lengths.append(count)
                count = 0
            } else {
                count += 1
            }
            previous = scalar
        }
        lengths.append(count)
        return lengths
    }

    /// Files whose nodes this reader's tree holds beside its own (an MkDocs config's `INHERIT`
    /// chain): their lines are moved down by `base` (see `shiftingLines`), the first base
    /// being past any line of the reader's own text.
    private(set) var inheritedFiles: [(base: Int, path: String)] = []

    /// Lines of inherited files start this far apart in the tree.
    static let inheritedLineSpan = 1 << 40

    /// Registers an inherited file's nodes, whose lines `shiftingLines(_:by:)` moved by the
    /// returned base.
    mutating func addInherited(path: String) -> Int {
        let base = (inheritedFiles.count + 1) * Self.inheritedLineSpan
        inheritedFiles.append((base, path))
        return base
    }

    /// The file and position of a node, its own or an inherited file's.
    func place(of node: Node) -> ConfigPosition {
        guard let mark = node.mark else { return ConfigPosition(path: path, location: nil) }
        if let file = inheritedFiles.last(where: { mark.line > $0.base }) {
            return ConfigPosition(
                path: file.path, location: SourceLocation(line: mark.line - file.base, column: max(mark.column, 1)))
        }
        return ConfigPosition(path: path, location: location(of: mark))
    }

    /// A node of this reader's text, with its line moved down by `lines` (and every node in it).
    static func shiftingLines(_ node: Node, by lines: Int) -> Node {
        func moved(_ mark: Mark?) -> Mark? {
            mark.flatMap { YAMLLastKeyComposer.mark(line: $0.line + lines, column: $0.column) }
        }
        switch node {
        case .scalar(let s):
            return .scalar(Node.Scalar(s.string, s.tag, s.style, moved(s.mark), s.anchor))
        case .sequence(let sequence):
            return .sequence(
                Node.Sequence(sequence.map { shiftingLines($0, by: lines) }, sequence.tag, sequence.style, moved(sequence.mark)))
        case .mapping(let mapping):
            let pairs = mapping.map { (shiftingLines($0.key, by: lines), shiftingLines($0.value, by: lines)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, moved(mapping.mark)))
        case .alias:
            return node
        }
    }

    /// The node's position in the reader's own text; nil for a node of an inherited file (whose
    /// path the caller would not know: use `place(of:)`).
    func location(of node: Node) -> SourceLocation? {
        if let mark = node.mark, let first = inheritedFiles.first, mark.line > first.base { return nil }
        return node.mark.map { location(of: $0) }
    }

    /// Reports a problem under `id`, at the severity the rule catalogue gives the rule.
    mutating func report(_ id: RuleID, _ node: Node?, _ message: String) {
        let place = node.map { self.place(of: $0) } ?? ConfigPosition(path: path, location: nil)
        diagnostics.append(Diagnostic(id, path: place.path, at: place.location, message: message))
    }

    /// `report` for the config rules the catalogue makes errors (`ConfigType`, `ConfigSyntax`,
    /// `IOError`, `InvalidEncoding`, `FrontMatter`), which are most of what a reader reports.
    mutating func error(_ id: RuleID, _ node: Node?, _ message: String) {
        report(id, node, message)
    }

    /// Reports a finding of `variant`, at the severity the rule catalogue gives it.
    mutating func report(_ variant: RuleVariant, _ node: Node?, _ message: String) {
        let place = node.map { self.place(of: $0) } ?? ConfigPosition(path: path, location: nil)
        diagnostics.append(Diagnostic(variant, path: place.path, at: place.location, message: message))
    }

    /// Diagnostics of another reader (an inherited file's), kept with this reader's.
    mutating func append(_ other: [Diagnostic]) {
        diagnostics += other
    }

    /// The mapping's entries by key, warning about keys that are not in `known`.
    mutating func entries(of node: Node, known: Set<String>, context: String) -> [String: (key: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            error(.configType, node, "expected a map for \(context), found \(Self.kind(of: node))")
            return [:]
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            if !known.contains(name) {
                var message = "unknown key '\(name)' in \(context)"
                if let hint = Suggestions.didYouMean(name, in: known) { message += "; \(hint)" }
                report(.unknownConfigKey, key, message)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    mutating func string(_ node: Node?, _ name: String) -> String? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node, scalar.tagName != .null {
            if scalar.tagName == .str { return scalar.string }
        }
        if case .scalar(let scalar) = node, scalar.tagName == .null { return nil }
        error(.configType, node, "expected a string for '\(name)', found \(Self.kind(of: node))")
        return nil
    }

    mutating func bool(_ node: Node?, _ name: String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node, scalar.tagName == .bool, let b = node.bool { return b }
        error(.configType, node, "expected true or false for '\(name)', found \(Self.kind(of: node))")
        return nil
    }

    mutating func number(_ node: Node?, _ name: String) -> Double? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node,
            scalar.tagName == .int || scalar.tagName == .float,
            let d = node.float
        {
            return d
        }
        error(.configType, node, "expected a number for '\(name)', found \(Self.kind(of: node))")
        return nil
    }

    mutating func stringList(_ node: Node?, _ name: String) -> [String]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error(.configType, node, "expected a list of strings for '\(name)', found \(Self.kind(of: node))")
            return nil
        }
        return sequence.compactMap { element -> String? in
            if case .scalar(let s) = element, s.tagName != .null,
                s.tagName != .bool || !["true", "false"].contains(s.string.lowercased())
            {
                return s.string
            }
            error(.configType, element, "expected a string in '\(name)', found \(Self.kind(of: element))")
            return nil
        }
    }

    mutating func map(_ node: Node?, _ name: String) -> ValueMap? {
        guard let node else { return nil }
        if case .scalar(let s) = node, s.tagName == .null { return ValueMap() }
        guard case .map(let map) = Self.value(of: node) else {
            error(.configType, node, "expected a map for '\(name)', found \(Self.kind(of: node))")
            return nil
        }
        return map
    }

    /// A YAML node as a `Value`, typed as Python's YAML loader types it.
    static func value(of node: Node) -> Value {
        switch node {
        case .scalar(let scalar):
            switch scalar.tagName {
            case .null: return .null
            case .bool: return node.bool.map(Value.bool) ?? .string(scalar.string)
            case .int: return integer(node, scalar.string).map(Value.int) ?? .string(scalar.string)
            case .float: return node.float.map(Value.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(sequence.map { value(of: $0) })
        case .mapping(let mapping):
            var map = ValueMap()
            for (key, value) in mapping {
                map[Self.key(key)] = Self.value(of: value)
            }
            return .map(map)
        case .alias:
            return .null
        }
    }

    /// A map key as Python's YAML loader reads it: `1_17_0:` and `0x10:` are the integers 1170
    /// and 16 (so `date.1_17_0`, which Jinja reads as `date[1170]`, finds it), any other key
    /// its text.
    static func key(_ node: Node) -> String {
        guard let scalar = node.scalar else { return "\(node)" }
        if scalar.tagName == .int, let number = integer(node, scalar.string) { return String(number) }
        return scalar.string
    }

    /// An `int`-tagged scalar's value, or `nil` past 64 bits. Yams' own conversion traps on a
    /// base-60 integer (`1:30`, YAML 1.1) that overflows, so those are read here, as PyYAML reads
    /// them (underscores dropped, each part decimal), with the overflow checked.
    static func integer(_ node: Node, _ text: String) -> Int? {
        guard text.contains(":") else { return node.int }
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        var sign = 1
        if let first = digits.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            digits = digits.dropFirst()
        }
        var value = 0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
            guard let digit = Int(part, radix: 10), digit >= 0 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return sign * value
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let s):
            switch s.tagName {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            default: return "a string"
            }
        case .sequence: return "a list"
        case .mapping: return "a map"
        case .alias: return "an alias"
        }
    }
}

extension Node.Scalar {
    /// The resolved tag (`str`, `int`, `float`, `bool`, `null`) of a plain or quoted scalar.
    var tagName: Tag.Name { Tag.Name(rawValue: Node.scalar(self).tag.description) }
}
