import TrellisCore

/// What one shortcode names in the site's emoji index: an emoji, or (in Material's index) an icon.
enum EmojiEntry {
    /// `name` is the index's name for it (an alias resolved), without colons.
    case emoji(name: String, Emoji)
    /// An icon of Material's index, with its SVG (which only Material's generators inline).
    case icon(name: String, svg: String)
}

/// The HTML pymdownx.emoji's generators write, byte for byte as Python-Markdown serializes it
/// (attributes sorted by name, values escaped as its serializer escapes them, `<img … />`).
enum EmojiMarkup {
    static let twemojiSVG = "https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/"
    static let twemojiPNG = "https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/72x72/"
    static let emojioneSVG = "https://cdnjs.cloudflare.com/ajax/libs/emojione/2.2.7/assets/svg/"
    static let emojionePNG = "https://cdnjs.cloudflare.com/ajax/libs/emojione/2.2.7/assets/png/"
    static let githubUnicode = "https://github.githubassets.com/images/icons/emoji/unicode/"
    static let github = "https://github.githubassets.com/images/icons/emoji/"
    static let svgSprite = "./../assets/sprites/emojione.sprites.svg"

    /// The markup for `entry`, written in the page as `:written:`.
    static func html(_ entry: EmojiEntry, written: String, settings: EmojiSettings) -> String {
        let shortcode = ":" + written + ":"
        let name: String, unicode: String?, category: String?, longName: String
        var shown: String?
        switch entry {
        case .emoji(let canonical, let emoji):
            (name, unicode, category, longName) = (canonical, emoji.unicode, emoji.category, emoji.name)
            shown = emoji.unicodeAlt ?? emoji.unicode
        case .icon(let canonical, let svg):
            if settings.generator == .material || settings.generator == .materialx {
                let classes = settings.classes ?? settings.indexName
                return #"<span class=""# + PythonMarkdownText.escapedAttribute(classes) + #"">"# + svg + "</span>"
            }
            // Material's index entry for an icon: no code points, its name is the shortcode.
            (name, unicode, category, longName) = (canonical, nil, nil, ":" + canonical + ":")
        }
        if settings.removeVariationSelector, let value = shown { shown = value.replacingOccurrences(of: "-fe0f", with: "") }
        let title: String?
        switch settings.title {
        case .short: title = shortcode
        case .long: title = longName
        case .none: title = nil
        }
        let alt = self.alt(shown, shortcode: shortcode, settings.alt)
        let classes = settings.classes ?? settings.indexName
        // Python formats a missing code point as `None`.
        let points = unicode ?? "None"
        var attributes = [("class", classes), ("alt", alt)]
        switch settings.generator {
        case .material, .svg:
            let folder = settings.indexName == EmojiIndex.Kind.twemoji.rawValue ? twemojiSVG : emojioneSVG
            attributes.append(("src", (settings.imagePath ?? folder) + points + ".svg"))
        case .materialx:
            attributes.append(("src", (settings.imagePath ?? twemojiSVG) + points + ".svg"))
        case .png:
            let (standard, nonStandard): (String, String)
            switch settings.indexName {
            case EmojiIndex.Kind.gemoji.rawValue: (standard, nonStandard) = (githubUnicode, github)
            case EmojiIndex.Kind.twemoji.rawValue: (standard, nonStandard) = (twemojiPNG, twemojiPNG)
            default: (standard, nonStandard) = (emojionePNG, emojionePNG)
            }
            if let unicode {
                attributes.append(("src", (settings.imagePath ?? standard) + unicode + ".png"))
            } else {
                attributes.append(("src", (settings.nonStandardImagePath ?? nonStandard) + name + ".png"))
            }
        case .pngSprite:
            let spriteClass = "\(classes)-\(settings.spriteSize)-\(category ?? "") _\(points)"
            var spanAttributes = [("class", spriteClass)]
            if let title, !title.isEmpty { spanAttributes.append(("title", title)) }
            return element("span", with(spanAttributes, settings.attributes), closing: false)
                + PythonMarkdownText.escapedText(alt) + "</span>"
        case .svgSprite:
            return element("svg", [("class", classes)], closing: false) + "<description>" + PythonMarkdownText.escapedText(alt)
                + "</description>" + element("use", [("xlink:href", (settings.imagePath ?? svgSprite) + "#emoji-" + points)], closing: false)
                + "</use></svg>"
        case .alt:
            // Stashed as raw HTML: written as it is.
            return alt
        }
        if let title, !title.isEmpty { attributes.append(("title", title)) }
        return element("img", with(attributes, settings.attributes), closing: true)
    }

    /// pymdownx's alt text: the code points shown as characters (or `&#x…;` references), or the
    /// shortcode when asked for or when there are none.
    private static func alt(_ shown: String?, shortcode: String, _ style: EmojiSettings.Alt) -> String {
        guard let shown, style != .short else { return shortcode }
        let scalars = shown.split(separator: "-").map { Unicode.Scalar(UInt32($0, radix: 16) ?? 0xFFFD) ?? "\u{FFFD}" }
        guard style == .htmlEntity else { return String(String.UnicodeScalarView(scalars)) }
        return scalars.map { scalar in
            let hex = String(scalar.value, radix: 16)
            return "&#x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ";"
        }.joined()
    }

    /// `attributes` with the `options: attributes` entries set over them, as `add_attributes` does.
    private static func with(_ attributes: [(String, String)], _ extra: [EmojiSettings.Attribute]) -> [(String, String)] {
        var result = attributes
        for attribute in extra {
            if let index = result.firstIndex(where: { $0.0 == attribute.name }) {
                result[index].1 = attribute.value
            } else {
                result.append((attribute.name, attribute.value))
            }
        }
        return result
    }

    /// A start tag as Python-Markdown's XHTML serializer writes it: attributes sorted by name,
    /// `<img … />` for an empty element.
    static func element(_ tag: String, _ attributes: [(String, String)], closing: Bool) -> String {
        var out = "<" + tag
        for (name, value) in attributes.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            out += " " + name + #"=""# + PythonMarkdownText.escapedAttribute(value) + #"""#
        }
        return out + (closing ? " />" : ">")
    }
}
