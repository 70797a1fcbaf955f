import TrellisCore

/// The options of the `pymdownx.blocks` extensions, as `mkdocs.yml` gives them: which block
/// names each registers and how they render.
public struct BlockSettings: Hashable, Sendable {
    /// A named block type of `pymdownx.blocks.admonition` or `.details` (`types`): the block
    /// `name`, the class it adds and its default title.
    public struct NamedType: Hashable, Sendable {
        public var name: String
        public var className: String
        public var title: String
    }

    /// A caption type of `pymdownx.blocks.caption` (`types`): its name, its prefix template
    /// (`Figure {}.`; empty for none) and the classes its figure gets.
    public struct CaptionType: Hashable, Sendable {
        public var name: String
        public var prefix: String
        public var classes: String
    }

    public var admonitionTypes: [NamedType] = [
        "note", "attention", "caution", "danger", "error", "tip", "hint", "warning", "important",
    ].map { NamedType(name: $0, className: $0, title: Self.title(ofClass: $0)) }
    public var detailsTypes: [NamedType] = []
    public var captionTypes: [CaptionType] = [
        CaptionType(name: "caption", prefix: "", classes: ""),
        CaptionType(name: "figure-caption", prefix: "Figure {}.", classes: ""),
        CaptionType(name: "table-caption", prefix: "Table {}.", classes: ""),
    ]
    /// `pymdownx.blocks.caption`'s `auto`, `prepend` and `auto_level`.
    public var captionAuto = true
    public var captionPrepend = false
    public var captionAutoLevel = 0
    /// `pymdownx.blocks.html`'s `custom`: a tag's content mode (`auto`, `block`, `inline`, `raw`, `html`).
    public var htmlCustom: [String: String] = [:]

    public init() {}

    /// The settings the extensions' option maps give (`options(name)` for each extension's name).
    public init(options: (String) -> ValueMap) {
        if let types = options("pymdownx.blocks.admonition")["types"]?.listValue { admonitionTypes = types.compactMap(Self.namedType) }
        if let types = options("pymdownx.blocks.details")["types"]?.listValue { detailsTypes = types.compactMap(Self.namedType) }
        let caption = options("pymdownx.blocks.caption")
        if let types = caption["types"]?.listValue {
            captionTypes = types.compactMap { entry in
                if case .string(let name) = entry { return CaptionType(name: name.lowercased(), prefix: "", classes: "") }
                guard let map = entry.mapValue, let name = map["name"]?.stringValue else { return nil }
                return CaptionType(name: name.lowercased(), prefix: map["prefix"]?.stringValue ?? "", classes: map["classes"]?.stringValue ?? "")
            }
        }
        if case .bool(let auto)? = caption["auto"] { captionAuto = auto }
        if case .bool(let prepend)? = caption["prepend"] { captionPrepend = prepend }
        if case .int(let level)? = caption["auto_level"] { captionAutoLevel = max(0, level) }
        for entry in options("pymdownx.blocks.html")["custom"]?.listValue ?? [] {
            guard let tag = entry["tag"]?.stringValue else { continue }
            let mode = entry["mode"]?.stringValue ?? "auto"
            htmlCustom[tag] = BlockModes.valid.contains(mode) ? mode : "auto"
        }
    }

    /// `types` entry: a name, or `{name, class, title}`.
    private static func namedType(_ entry: Value) -> NamedType? {
        if case .string(let name) = entry { return NamedType(name: name.lowercased(), className: name, title: title(ofClass: name)) }
        guard let map = entry.mapValue, let name = map["name"]?.stringValue else { return nil }
        let className = map["class"]?.stringValue ?? name
        return NamedType(name: name.lowercased(), className: className, title: map["title"]?.stringValue ?? title(ofClass: className))
    }

    /// Python's `RE_SEP.sub(' ', name).title()`: `_` and `-` runs become a space, each word
    /// capitalised (a word starts after any character that is not a letter).
    static func title(ofClass name: String) -> String {
        var out = ""
        var previousLetter = false
        var inSeparator = false
        for character in name {
            if character == "_" || character == "-" {
                if !inSeparator { out.append(" ") }
                inSeparator = true
                previousLetter = false
                continue
            }
            inSeparator = false
            if character.isLetter {
                out += previousLetter ? character.lowercased() : character.uppercased()
                previousLetter = true
            } else {
                out.append(character)
                previousLetter = false
            }
        }
        return out
    }
}

/// The content modes of `pymdownx.blocks.html`.
enum BlockModes {
    static let valid: Set<String> = ["auto", "inline", "block", "raw", "html"]
}
