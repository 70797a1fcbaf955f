/// A `pymdownx.emoji` configuration that Trellis reproduces: the index that names the shortcodes,
/// the generator that writes them, and the extension's options that are data.
///
/// The defaults are pymdownx's own (the EmojiOne index, PNG images, short titles, Unicode alt
/// text); `material` is what Material for MkDocs documents and Trellis sites use.
public struct EmojiSettings: Hashable, Sendable {
    /// The `emoji_index`.
    public enum Index: Hashable, Sendable {
        /// One of pymdownx's own indexes (`pymdownx.emoji.twemoji`, …): emoji only.
        case pymdownx(EmojiIndex.Kind)
        /// Material's (`material.extensions.emoji.twemoji`, or the older
        /// `materialx.emoji.twemoji`): pymdownx's twemoji plus every icon, emoji first.
        case material
    }

    /// The `emoji_generator`.
    public enum Generator: String, Hashable, Sendable {
        /// pymdownx's generators, by their function names.
        case svg = "to_svg", png = "to_png", pngSprite = "to_png_sprite", svgSprite = "to_svg_sprite", alt = "to_alt"
        /// `material.extensions.emoji.to_svg`: an icon as inline SVG in a span, an emoji as
        /// pymdownx's `to_svg` writes it.
        case material
        /// `materialx.emoji.to_svg` (mkdocs-material-extensions): as Material's, but an emoji's
        /// image always comes from the Twemoji CDN, whatever the index.
        case materialx
    }

    /// The `title` option: the shortcode as written, the emoji's long name, or none.
    public enum Title: Hashable, Sendable { case short, long, none }
    /// The `alt` option: the emoji's characters, the same as `&#x…;` references, or the shortcode.
    public enum Alt: Hashable, Sendable { case unicode, htmlEntity, short }

    /// One entry of `options: attributes`, added to every image (a same-named attribute replaced).
    public struct Attribute: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var index: Index
    public var generator: Generator
    public var title: Title = .short
    public var alt: Alt = .unicode
    /// `remove_variation_selector`: drops `-fe0f` from the code points shown.
    public var removeVariationSelector = false
    /// `options: classes` (default: the index's name).
    public var classes: String?
    /// `options: image_path` (default: the generator's CDN for the index).
    public var imagePath: String?
    /// `options: non_standard_image_path`: `to_png`'s folder for entries without code points.
    public var nonStandardImagePath: String?
    /// `options: size` of `to_png_sprite`'s class.
    public var spriteSize = "64"
    /// `options: attributes`.
    public var attributes: [Attribute] = []

    public init(index: Index = .pymdownx(.emojione), generator: Generator = .png) {
        self.index = index
        self.generator = generator
    }

    /// Material for MkDocs' documented setup: its twemoji index with its `to_svg`.
    public static let material = EmojiSettings(index: .material, generator: .material)

    /// The index's name as generators see it (their default class): `twemoji` for Material's.
    public var indexName: String {
        switch index {
        case .material: return EmojiIndex.Kind.twemoji.rawValue
        case .pymdownx(let kind): return kind.rawValue
        }
    }

    /// The emoji data behind the index.
    public var emojiIndex: EmojiIndex {
        switch index {
        case .material: return .bundled(.twemoji)
        case .pymdownx(let kind): return .bundled(kind)
        }
    }

    /// The index a Python name (`pymdownx.emoji.gemoji`, as `!!python/name:` gives it) stands for.
    public static func index(pythonName: String) -> Index? {
        switch pythonName {
        case "material.extensions.emoji.twemoji", "materialx.emoji.twemoji": return .material
        default:
            guard pythonName.hasPrefix("pymdownx.emoji."),
                let kind = EmojiIndex.Kind(rawValue: String(pythonName.dropFirst("pymdownx.emoji.".count)))
            else { return nil }
            return .pymdownx(kind)
        }
    }

    /// The generator a Python name (`pymdownx.emoji.to_png`) stands for.
    public static func generator(pythonName: String) -> Generator? {
        switch pythonName {
        case "material.extensions.emoji.to_svg": return .material
        case "materialx.emoji.to_svg": return .materialx
        default:
            guard pythonName.hasPrefix("pymdownx.emoji."),
                let generator = Generator(rawValue: String(pythonName.dropFirst("pymdownx.emoji.".count))),
                generator != .material, generator != .materialx
            else { return nil }
            return generator
        }
    }
}
