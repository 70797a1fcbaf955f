import TrellisCore

/// The YAML a `///` block's indented option lines hold, read as `pymdownx.blocks` reads them
/// with `yaml.safe_load`, for the subset block options use: a block mapping of `key: value`
/// lines, values being plain or quoted scalars, flow maps and lists (`{id: x, class: "a b"}`,
/// `[a, b]`), or a nested block mapping or `- item` list indented under their key.
///
/// Anything else is `nil`, which the block treats as YAML that did not load: it stays text.
enum BlockOptionsYAML {
    /// Bounds the nesting of flow collections and block mappings (no input may exhaust the stack).
    static let maxDepth = 16

    /// The mapping `text` (already de-indented) holds; `[:]` for an empty text; `nil` when it
    /// is not a mapping this subset reads.
    static func parse(_ text: String) -> ValueMap? {
        var lines: [(indent: Int, text: Substring)] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = stripComment(raw)
            guard !line.allSatisfy({ $0 == " " }) else { continue }
            // YAML forbids tabs in indentation.
            let indent = line.prefix { $0 == " " }.count
            if line.dropFirst(indent).first == "\t" { return nil }
            lines.append((indent, line.dropFirst(indent)))
        }
        guard !lines.isEmpty else { return ValueMap() }
        var index = 0
        guard case .map(let map)? = block(&lines[...], at: &index, indent: lines[0].indent, depth: 0), index == lines.count else { return nil }
        return map
    }

    /// A block collection (mapping or `- ` list) whose lines start at `indent`.
    private static func block(_ lines: inout ArraySlice<(indent: Int, text: Substring)>, at index: inout Int, indent: Int, depth: Int) -> Value? {
        guard depth < maxDepth, index < lines.count else { return nil }
        if lines[index].text.hasPrefix("- ") || lines[index].text == "-" {
            var items: [Value] = []
            while index < lines.count, lines[index].indent == indent, lines[index].text.hasPrefix("-") {
                let rest = lines[index].text.dropFirst().drop { $0 == " " }
                index += 1
                if rest.isEmpty {
                    guard index < lines.count, lines[index].indent > indent, let value = block(&lines, at: &index, indent: lines[index].indent, depth: depth + 1) else { return nil }
                    items.append(value)
                } else {
                    guard let value = scalarOrFlow(Substring(rest), depth: depth + 1) else { return nil }
                    items.append(value)
                }
            }
            return .list(items)
        }
        var pairs: [(String, Value)] = []
        while index < lines.count, lines[index].indent == indent {
            guard let (key, rest) = keyAndRest(lines[index].text) else { return nil }
            index += 1
            let value: Value
            if rest.isEmpty {
                if index < lines.count, lines[index].indent > indent {
                    guard let nested = block(&lines, at: &index, indent: lines[index].indent, depth: depth + 1) else { return nil }
                    value = nested
                } else if index < lines.count, lines[index].indent == indent, lines[index].text.hasPrefix("- ") {
                    // A list may sit at its key's own indentation.
                    guard let nested = block(&lines, at: &index, indent: indent, depth: depth + 1) else { return nil }
                    value = nested
                } else {
                    value = .null
                }
            } else {
                guard let parsed = scalarOrFlow(rest, depth: depth + 1) else { return nil }
                value = parsed
            }
            if let existing = pairs.firstIndex(where: { $0.0 == key }) { pairs.remove(at: existing) }
            pairs.append((key, value))
        }
        if index < lines.count, lines[index].indent > indent { return nil }
        return .map(ValueMap(pairs))
    }

    /// `key: rest` (the key plain or quoted); `nil` if the line is no mapping entry.
    private static func keyAndRest(_ line: Substring) -> (String, Substring)? {
        var scanner = FlowScanner(line)
        guard let key = scanner.key(), scanner.take(":") else { return nil }
        let rest = scanner.rest
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (key, rest.drop { $0 == " " })
    }

    private static func scalarOrFlow(_ text: Substring, depth: Int) -> Value? {
        var scanner = FlowScanner(text)
        guard let value = scanner.value(depth: depth, inFlow: false) else { return nil }
        scanner.skipSpaces()
        return scanner.rest.isEmpty ? value : nil
    }

    /// The line without a ` # comment` (a `#` at the start or after a space, outside quotes).
    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " {
                return line[..<index]
            }
            previous = character
        }
        return line
    }
}
