import Foundation
import TrellisCore
import TrellisIcons

/// Reads `pymdownx.emoji`'s configuration into the `EmojiSettings` Trellis renders with.
///
/// Only what is data can be reproduced: the indexes and generators pymdownx and Material ship,
/// and their options. A configuration naming anything else (a site's own Python function) gives
/// one `UnsupportedPlugin` warning naming it; emoji shortcodes then stay text and icons render as
/// Material's, as on a site without the extension.
enum EmojiOptions {
    static let extensionName = "pymdownx.emoji"

    /// The site's settings: the MkDocs config's `pymdownx.emoji` (MkDocs keeps the options of its
    /// last listing that has some), else Material's when `trellis.yml` lists the extension, else
    /// nil (no emoji: icons only).
    static func settings(mkdocs: MkDocsSettings?, trellisExtensions: [String], configPath: String) -> (EmojiSettings?, [Diagnostic]) {
        let listed = mkdocs?.markdownExtensions.filter { $0.name == extensionName } ?? []
        if let last = listed.last {
            let chosen = listed.last { !$0.options.isEmpty } ?? last
            return read(chosen.options, configPath: configPath)
        }
        return (trellisExtensions.contains(extensionName) ? .material : nil, [])
    }

    /// The settings `options` describe, or nil (with a warning) when they cannot be reproduced.
    static func read(_ options: ValueMap, configPath: String) -> (EmojiSettings?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        func warn(_ message: String) {
            problems.append(Diagnostic(.unsupportedPlugin, path: configPath, at: nil, message: "\(extensionName): \(message)"))
        }
        var settings = EmojiSettings()
        var unsupported: [String] = []
        if let value = options["emoji_index"] {
            let name = pythonName(value)
            if let index = EmojiSettings.index(pythonName: name) { settings.index = index } else { unsupported.append("emoji_index '\(name)'") }
        }
        if let value = options["emoji_generator"] {
            let name = pythonName(value)
            if let generator = EmojiSettings.generator(pythonName: name) {
                settings.generator = generator
            } else {
                unsupported.append("emoji_generator '\(name)'")
            }
        }
        guard unsupported.isEmpty else {
            warn(unsupported.joined(separator: " and ") + " cannot be reproduced; emoji shortcodes stay text and icons render as Material's")
            return (nil, problems)
        }
        // pymdownx takes any other title as `none`, and any other alt as the shortcode.
        if let title = options["title"] {
            switch title.stringValue {
            case "long": settings.title = .long
            case "short": settings.title = .short
            default: settings.title = .none
            }
        }
        if let alt = options["alt"] {
            switch alt.stringValue {
            case "unicode": settings.alt = .unicode
            case "html_entity": settings.alt = .htmlEntity
            default: settings.alt = .short
            }
        }
        settings.removeVariationSelector = options["remove_variation_selector"].map(isTruthy) ?? false
        if options["strict"].map(isTruthy) == true {
            warn("strict is not reproduced: an unknown shortcode stays text instead of stopping the build")
        }
        if let value = options["options"] {
            guard case .map(let generatorOptions) = value else {
                warn("'options' must be a map, found \(value.typeDescription); it is ignored")
                return (settings, problems)
            }
            readGeneratorOptions(generatorOptions, into: &settings, warn: warn)
        }
        return (settings, problems)
    }

    /// `options:`: the generators' `classes`, `image_path`, `non_standard_image_path`, `size`
    /// and `attributes`. Values pymdownx could not write into HTML are left out with a warning.
    private static func readGeneratorOptions(_ options: ValueMap, into settings: inout EmojiSettings, warn: (String) -> Void) {
        func string(_ key: String) -> String? {
            guard let value = options[key] else { return nil }
            guard case .string(let text) = value else {
                warn("options: '\(key)' must be a string, found \(value.typeDescription); it is ignored")
                return nil
            }
            return text
        }
        settings.classes = string("classes")
        settings.imagePath = string("image_path")
        settings.nonStandardImagePath = string("non_standard_image_path")
        switch options["size"] {
        case .string(let text)?: settings.spriteSize = text
        case .int(let number)?: settings.spriteSize = String(number)
        case let other?: warn("options: 'size' must be a string or an integer, found \(other.typeDescription); it is ignored")
        case nil: break
        }
        if let value = options["attributes"] {
            if case .map(let attributes) = value {
                for (name, attribute) in attributes {
                    guard case .string(let text) = attribute else {
                        warn("options: attribute '\(name)' must be a string, found \(attribute.typeDescription); it is ignored")
                        continue
                    }
                    settings.attributes.append(EmojiSettings.Attribute(name: name, value: text))
                }
            } else {
                warn("options: 'attributes' must be a map, found \(value.typeDescription); it is ignored")
            }
        }
        if options["custom_icons"] != nil {
            warn("options: custom_icons are not read; the icons in those folders are unknown icons")
        }
    }

    /// The dotted name of a `!!python/name:` value (MkDocs' YAML loader gives the function).
    private static func pythonName(_ value: Value) -> String {
        guard case .string(var text) = value else { return value.typeDescription }
        for prefix in ["!!python/name:", "!!python/object/apply:"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Python's truth value of a YAML value.
    private static func isTruthy(_ value: Value) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .map(let map): return !map.isEmpty
        }
    }
}
