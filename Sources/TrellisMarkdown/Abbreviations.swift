/// The abbreviations of a page (Python-Markdown `abbr`): the `glossary` option's, then the
/// page's `*[ABBR]: Title` definitions, in the order Python's dict keeps them (a redefinition
/// keeps its place, one removed by `*[ABBR]: ""` and defined again goes last).
public struct Abbreviations: Sendable, Equatable {
    public private(set) var names: [String] = []
    public private(set) var titles: [String: String] = [:]

    public init(_ glossary: [(String, String)] = []) {
        for (name, title) in glossary { define(name, title) }
    }

    public var isEmpty: Bool { names.isEmpty }

    public mutating func define(_ name: String, _ title: String) {
        if titles[name] == nil { names.append(name) }
        titles[name] = title
    }

    public mutating func remove(_ name: String) {
        guard titles.removeValue(forKey: name) != nil else { return }
        names.removeAll { $0 == name }
    }
}
