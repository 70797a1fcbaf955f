import Testing

@testable import TrellisIcons

/// What a shortcode turns into for a site's pymdownx.emoji settings.
struct ShortcodeResolverTests {
    let material = ShortcodeResolver(icons: .bundled, emoji: .material)

    @Test func materialsSetupWritesTwemojiImages() {
        #expect(
            material.lookup("white_check_mark")
                == .html(
                    #"<img alt="✅" class="twemoji" src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/2705.svg" title=":white_check_mark:" />"#
                ))
        // The alt text joins every code point of a sequence; the title is the name as written.
        #expect(
            material.lookup("+1")
                == .html(
                    #"<img alt="👍" class="twemoji" src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/1f44d.svg" title=":+1:" />"#
                ))
        guard case .html(let family) = material.lookup("family_mwgb") else {
            Issue.record("family_mwgb is not an emoji")
            return
        }
        #expect(family.hasPrefix("<img alt=\"\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}\" class=\"twemoji\""))
    }

    @Test func materialsIndexHasTheIconsAfterTheEmoji() {
        #expect(material.lookup("material-check") == IconLibrary.bundled.lookup("material-check"))
        guard case .unknown(let suggestions) = material.lookup("material-chek") else {
            Issue.record("material-chek is not an unknown icon")
            return
        }
        #expect(suggestions.first == "material-check")
        #expect(material.lookup("not_an_emoji") == .notAnIcon)
    }

    @Test func withoutTheExtensionOnlyIconsRender() {
        let icons = ShortcodeResolver(icons: .bundled)
        #expect(icons.lookup("smile") == .notAnIcon)
        #expect(icons.lookup("material-check") == IconLibrary.bundled.lookup("material-check"))
    }

    @Test func pymdownxsOwnIndexesHaveNoIcons() {
        let gemoji = ShortcodeResolver(icons: .bundled, emoji: EmojiSettings(index: .pymdownx(.gemoji), generator: .svg))
        #expect(gemoji.lookup("material-check") == .notAnIcon)
        #expect(gemoji.lookup("material-chek") == .notAnIcon)
        // Any index but twemoji takes EmojiOne's CDN for SVG, as pymdownx does.
        #expect(
            gemoji.lookup("smile")
                == .html(#"<img alt="😄" class="gemoji" src="https://cdnjs.cloudflare.com/ajax/libs/emojione/2.2.7/assets/svg/1f604.svg" title=":smile:" />"#))
    }

    @Test func optionsChangeClassesTitlesAltTextAndAttributes() {
        var settings = EmojiSettings(index: .material, generator: .material)
        settings.classes = "e \"x\""
        settings.title = .long
        settings.alt = .htmlEntity
        settings.attributes = [.init(name: "loading", value: "lazy"), .init(name: "class", value: "only")]
        let resolver = ShortcodeResolver(icons: .bundled, emoji: settings)
        #expect(
            resolver.lookup("copyright")
                == .html(
                    #"<img alt="&#x00a9;" class="only" loading="lazy" src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/a9.svg" title="copyright" />"#
                ))
        guard case .html(let icon) = resolver.lookup("material-check") else {
            Issue.record("material-check is not an icon")
            return
        }
        #expect(icon.hasPrefix(#"<span class="e &quot;x&quot;"><svg"#))
    }

    @Test func pythonNamesSelectIndexesAndGenerators() {
        #expect(EmojiSettings.index(pythonName: "material.extensions.emoji.twemoji") == .material)
        #expect(EmojiSettings.index(pythonName: "materialx.emoji.twemoji") == .material)
        #expect(EmojiSettings.index(pythonName: "pymdownx.emoji.emojione") == .pymdownx(.emojione))
        #expect(EmojiSettings.index(pythonName: "pymdownx.emoji.to_svg") == nil)
        #expect(EmojiSettings.generator(pythonName: "pymdownx.emoji.to_png_sprite") == .pngSprite)
        #expect(EmojiSettings.generator(pythonName: "materialx.emoji.to_svg") == .materialx)
        #expect(EmojiSettings.generator(pythonName: "pymdownx.emoji.material") == nil)
        #expect(EmojiSettings.generator(pythonName: "my.module.to_svg") == nil)
    }
}
