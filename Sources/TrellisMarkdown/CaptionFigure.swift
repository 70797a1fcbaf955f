/// A figure a `pymdownx.blocks.caption` block made, until the page's figures are numbered
/// (`CaptionNumbering`), which turns it into a plain `htmlElement`.
public struct CaptionFigure: Hashable, Sendable {
    /// The caption type's name (`figure-caption`) and prefix template (`Figure {}.`).
    var type: String
    var prefix: String
    /// The figure's attributes: the type's classes first, then the block's own.
    var attributes: HTMLAttributes
    var prepend: Bool
    var auto: Bool
    /// `^N`: the figure's level below the last one of its type.
    var level: Int?
    /// `1.2`: the number given.
    var number: [Int]?

    /// The deepest `^N` level kept (a deeper one counts as this one).
    static let maxLevel = 32

    /// The figure `/// type | argument` with its `attrs` makes (pymdownx's `Caption.on_validate`);
    /// `nil` when the argument is neither a number nor selectors.
    init?(type: BlockSettings.CaptionType, argument: String?, attributes attrs: HTMLAttributes, settings: BlockSettings) {
        self.type = type.name
        prefix = type.prefix
        auto = settings.captionAuto
        prepend = settings.captionPrepend
        var attrs = attrs
        if let argument, !argument.isEmpty {
            var rest = Substring(argument)
            if rest.hasPrefix(">") {
                prepend = false
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            } else if rest.hasPrefix("<") {
                prepend = true
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            }
            let caret = rest.hasPrefix("^")
            let digits = caret ? rest.dropFirst() : rest
            let numberText = digits.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            let parts = numberText.split(separator: ".", omittingEmptySubsequences: false)
            let after = digits.dropFirst(numberText.count)
            if !numberText.isEmpty, after.isEmpty || after.first == " ",
                parts.allSatisfy({ !$0.isEmpty && $0.first != "0" && $0.count < 10 }), !caret || parts.count == 1
            {
                let numbers = parts.compactMap { Int($0) }
                // A level makes as many numbers: bounded, so `^999999999` cannot exhaust memory.
                if caret { level = numbers.first.map { min($0, Self.maxLevel) } } else { number = numbers }
                rest = after.drop { $0 == " " || $0 == "\t" }
            }
            if !rest.isEmpty {
                guard let (_, selected) = BlockSelector.parse(String(rest), requireTag: false) else { return nil }
                for (name, value) in selected.pairs {
                    if name == "class" {
                        var classes = Set((attrs["class"] ?? nil)?.split(separator: " ").map(String.init) ?? [])
                        classes.formUnion((value ?? "").split(separator: " ").map(String.init))
                        attrs.set("class", classes.sorted().joined(separator: " "))
                    } else if attrs[name] == nil {
                        attrs.set(name, value)
                    }
                }
            }
        }
        attributes = attrs.merged(classes: type.classes.split(separator: " ").map(String.init))
    }
}
