import TrellisCore

/// A `///` block whose name, argument and options the enabled `pymdownx.blocks` extensions
/// accept, with what it renders as; or why it stays text.
enum BlockKind: Equatable {
    /// A `div` (`admonition` and its classes) with an optional title paragraph.
    case admonition(attributes: HTMLAttributes, title: String?)
    /// A `details` element with an optional `summary`.
    case details(attributes: HTMLAttributes, title: String?)
    /// One tab of a tab set.
    case tab(title: String, new: Bool, select: Bool)
    /// Any element; `mode` says how its body is read.
    case html(open: String, close: String, mode: HTMLMode)
    /// A figure caption around the block before it.
    case caption(CaptionFigure)
    /// A `dl` made of the body's paragraphs and list items.
    case definition(attributes: HTMLAttributes)

    enum HTMLMode: Equatable {
        case block, inline
        /// The body as text: HTML-escaped, or (`html` mode, `script`, `style`) as written.
        case raw(escaped: Bool)
    }

    /// What `header` with `options` renders as under `settings`, or the message of why
    /// pymdownx leaves it as text.
    static func resolve(
        _ header: BlockHeader, options: ValueMap?, extensions: Set<MarkdownExtension>, settings: BlockSettings
    ) -> Result<BlockKind, BlockRejection> {
        let name = header.name
        guard let options else { return .failure(.init("its options are not a YAML mapping")) }
        var spec = BlockOptionSpec(options)
        let argument = header.argument
        if extensions.contains(.blocksAdmonition), name == "admonition" || settings.admonitionTypes.contains(where: { $0.name == name }) {
            var type: BlockSettings.NamedType?
            if name == "admonition" {
                if let given = spec.identifier("type"), !given.isEmpty {
                    type = BlockSettings.NamedType(name: given, className: given, title: BlockSettings.title(ofClass: given))
                }
            } else {
                type = settings.admonitionTypes.first { $0.name == name }
            }
            let attrs = spec.attributes()
            if let problem = spec.problem { return .failure(problem) }
            var classes = ["admonition"]
            if let type, type.name != "admonition" { classes.append(type.className) }
            let title = argument == nil ? type?.title : (argument?.isEmpty == false ? argument : nil)
            return .success(.admonition(attributes: attrs.merged(classes: classes), title: title))
        }
        if extensions.contains(.blocksDetails), name == "details" || settings.detailsTypes.contains(where: { $0.name == name }) {
            let open = spec.boolean("open") ?? false
            var type: BlockSettings.NamedType?
            if name == "details" {
                if let given = spec.identifier("type"), !given.isEmpty {
                    type = BlockSettings.NamedType(name: given, className: given, title: BlockSettings.title(ofClass: given))
                }
            } else {
                type = settings.detailsTypes.first { $0.name == name }
            }
            let attrs = spec.attributes()
            if let problem = spec.problem { return .failure(problem) }
            var merged = attrs.merged(classes: type.map { [$0.className] } ?? [])
            if open { merged.set("open", "open") }
            let title = argument == nil ? type?.title : (argument?.isEmpty == false ? argument : nil)
            return .success(.details(attributes: merged, title: title))
        }
        if extensions.contains(.blocksTab), name == "tab" {
            guard let title = argument, !title.isEmpty else { return .failure(.init("a tab needs a title (`/// tab | Title`)")) }
            let new = spec.boolean("new") ?? false
            let select = spec.boolean("select") ?? false
            _ = spec.attributes()
            if let problem = spec.problem { return .failure(problem) }
            return .success(.tab(title: title, new: new, select: select))
        }
        if extensions.contains(.blocksHTML), name == "html" {
            guard let argument, !argument.isEmpty else { return .failure(.init("`html` needs a tag (`/// html | div.class`)")) }
            let given = spec.string("markdown")?.lowercased() ?? "auto"
            if !BlockModes.valid.contains(given) { spec.reject("`markdown` must be one of auto, inline, block, raw, html") }
            let attrs = spec.attributes()
            if let problem = spec.problem { return .failure(problem) }
            guard let (tag, selected) = BlockSelector.parse(argument, requireTag: true), let tag else {
                return .failure(.init("`\(argument)` is not a tag with `#id`, `.class` and `[attr=value]` selectors"))
            }
            var element = selected
            for (key, value) in attrs.pairs {
                if key == "class", case let existing?? = element["class"] {
                    element.set("class", existing + " " + (value ?? ""))
                } else {
                    element.set(key, value)
                }
            }
            let lowered = tag.lowercased()
            var mode = given
            if mode == "auto" { mode = settings.htmlCustom[lowered] ?? "auto" }
            let kind: HTMLMode
            switch mode {
            case "block": kind = .block
            case "inline": kind = .inline
            case "raw": kind = .raw(escaped: true)
            case "html": kind = .raw(escaped: false)
            default:
                if lowered == "script" || lowered == "style" { kind = .raw(escaped: false) }
                else if HTMLBlockTags.raw.contains(lowered) { kind = .raw(escaped: true) }
                else { kind = HTMLBlockTags.block.contains(lowered) ? .block : .inline }
            }
            return .success(.html(open: HTMLBlockTags.openTag(lowered, element), close: "</\(lowered)>", mode: kind))
        }
        if extensions.contains(.blocksCaption), let type = settings.captionTypes.first(where: { $0.name == name }) {
            let attrs = spec.attributes()
            if let problem = spec.problem { return .failure(problem) }
            guard let figure = CaptionFigure(type: type, argument: argument, attributes: attrs, settings: settings) else {
                return .failure(.init("`\(argument ?? "")` is not a caption number or `#id`, `.class` and `[attr=value]` selectors"))
            }
            return .success(.caption(figure))
        }
        if extensions.contains(.blocksDefinition), name == "define" {
            if argument?.isEmpty == false { return .failure(.init("`define` takes no argument")) }
            let attrs = spec.attributes()
            if let problem = spec.problem { return .failure(problem) }
            return .success(.definition(attributes: attrs))
        }
        return .failure(.init("no enabled `pymdownx.blocks` extension has a block named `\(name)`", unknownName: true))
    }
}

/// Why a `///` block stays text.
struct BlockRejection: Error, Equatable {
    var message: String
    /// Whether the name is unknown (rather than its argument or options invalid).
    var unknownName = false

    init(_ message: String, unknownName: Bool = false) {
        self.message = message
        self.unknownName = unknownName
    }
}

extension HTMLAttributes {
    /// These attributes with `classes` first in the `class` attribute (pymdownx puts a block's
    /// own classes before those of its `attrs` option).
    func merged(classes: [String]) -> HTMLAttributes {
        var out = HTMLAttributes()
        let own = classes.joined(separator: " ")
        if !own.isEmpty { out.set("class", own) }
        for (name, value) in pairs {
            if name == "class", case let existing?? = out["class"] {
                out.set("class", existing + " " + (value ?? ""))
            } else {
                out.set(name, value)
            }
        }
        return out
    }
}
