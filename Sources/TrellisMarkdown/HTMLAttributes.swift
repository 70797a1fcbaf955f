/// Extra HTML attributes on an element, in the order they were set (`attr_list`'s `{ #id .class
/// key=value }`, the task list classes). The renderer writes them sorted by name, as
/// Python-Markdown's serializer does.
public struct HTMLAttributes: Hashable, Sendable {
    /// Name and value pairs; a `nil` value is an attribute written without one (`hidden`).
    public private(set) var pairs: [(name: String, value: String?)] = []

    public init() {}

    /// The value of `name`, if set (a valueless attribute gives `.some(nil)`).
    public subscript(name: String) -> String?? {
        pairs.first { $0.name == name }.map(\.value)
    }

    /// Sets `name`, replacing an earlier value.
    public mutating func set(_ name: String, _ value: String?) {
        if let index = pairs.firstIndex(where: { $0.name == name }) {
            pairs[index].value = value
        } else {
            pairs.append((name, value))
        }
    }

    /// Removes `name`, if set.
    public mutating func remove(_ name: String) {
        pairs.removeAll { $0.name == name }
    }

    /// Appends one class to the `class` attribute (space-separated).
    public mutating func addClass(_ name: String) {
        if case let current?? = self["class"], !current.isEmpty {
            set("class", current + " " + name)
        } else {
            set("class", name)
        }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    /// The pairs with their values HTML-escaped, for `appendSorted`.
    var escapedPairs: [(name: String, value: [UInt8]?)] {
        pairs.map { ($0.name, $0.value.map(HTMLEscaping.escapedHTML)) }
    }

    /// Writes ` name="value"` for each pair in name order, as Python-Markdown's serializer does;
    /// values are already escaped, a `nil` value is written bare (`hidden`).
    static func appendSorted(_ escaped: [(name: String, value: [UInt8]?)], to out: inout [UInt8]) {
        for (name, value) in escaped.sorted(by: { $0.name < $1.name }) {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: name.utf8)
            if let value {
                out.append(contentsOf: "=\"".utf8)
                out.append(contentsOf: value)
                out.append(UInt8(ascii: "\""))
            }
        }
    }

    public static func == (lhs: HTMLAttributes, rhs: HTMLAttributes) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}

extension MarkdownDocument {
    /// The extra HTML attributes of a node (empty unless an extension set some).
    public func attributes(of node: NodeID) -> HTMLAttributes {
        // Most pages set none: skip hashing the index for every node the renderer visits.
        guard !attributeTable.isEmpty else { return HTMLAttributes() }
        return attributeTable[node.index] ?? HTMLAttributes()
    }

    /// Replaces the extra HTML attributes of a node.
    public mutating func setAttributes(_ attributes: HTMLAttributes, of node: NodeID) {
        attributeTable[node.index] = attributes.isEmpty ? nil : attributes
    }

    /// The `id`s extensions set on nodes (`attr_list`'s `{ #id }`), in no particular order.
    var attributeIDs: [String] {
        attributeTable.values.compactMap { attributes in
            if case let id?? = attributes["id"] { return id }
            return nil
        }
    }
}
