/// Whether a destination belongs to a link or an image.
public enum LinkKind: String, Hashable, Sendable {
    case link, image
}

/// A link or image destination split into the parts a site generator cares about.
public struct LinkTarget: Hashable, Sendable {
    /// The destination as cmark parsed it (entities and backslash escapes already resolved).
    public var destination: String
    /// Whether the destination belongs to a link or an image.
    public var kind: LinkKind
    /// The part before any `?` or `#` (`guide/x.md`); empty for `#frag` alone.
    public var path: Substring
    /// The query without its `?`, if there is one.
    public var query: Substring?
    /// The fragment without its `#`, if there is one.
    public var fragment: Substring?

    public init(destination: String, kind: LinkKind) {
        self.destination = destination
        self.kind = kind
        var rest = Substring(destination)
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        path = rest
    }

    /// Whether the destination has a URL scheme (`https:`, `mailto:`) or is protocol-relative (`//`).
    public var isExternal: Bool {
        if destination.hasPrefix("//") { return true }
        guard let first = destination.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else {
            return false
        }
        for scalar in destination.unicodeScalars.dropFirst() {
            if scalar == ":" { return true }
            guard scalar.isASCII else { return false }
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".contains(Character(scalar))
            if !allowed { return false }
        }
        return false
    }

    /// The destination with `path` replaced, keeping the query and fragment.
    public func replacingPath(with newPath: String) -> String {
        var result = newPath
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }
}
