import Foundation
import Testing

@testable import TrellisIcons

/// The bundled emoji indexes hold pymdown-extensions 13.1.2's data.
struct EmojiIndexTests {
    @Test func eachIndexHasPymdownxsNamesAndAliases() {
        let twemoji = EmojiIndex.bundled(.twemoji)
        #expect(twemoji.version == "v16.0.1")
        // twemoji_db's 11 keys without colons no shortcode can reach are left out.
        #expect(twemoji.counts.emoji == 3840 && twemoji.counts.aliases == 2401)
        #expect(EmojiIndex.bundled(.gemoji).version == "v4.1.0" && EmojiIndex.bundled(.gemoji).counts.emoji == 1870)
        #expect(EmojiIndex.bundled(.emojione).version == "v2.2.7" && EmojiIndex.bundled(.emojione).counts.aliases == 553)
    }

    @Test func anIndexIsReadOnceAndShared() {
        #expect(EmojiIndex.bundled(.twemoji) === EmojiIndex.bundled(.twemoji))
    }

    @Test func aliasesResolveToTheIndexsName() {
        let twemoji = EmojiIndex.bundled(.twemoji)
        #expect(twemoji.lookup("+1")?.name == "thumbsup")
        #expect(twemoji.lookup("thumbsup")?.emoji == Emoji(unicode: "1f44d", category: "people", name: "thumbs up"))
        #expect(twemoji.lookup("one")?.emoji.unicodeAlt == "0031-20e3")
        #expect(twemoji.lookup("woman_in_business_suit_levitating") == nil)
        #expect(twemoji.lookup("material-check") == nil)
        // Each index has its own names: gemoji has no flags by country code.
        #expect(EmojiIndex.bundled(.gemoji).lookup("flag_ch") == nil)
        #expect(twemoji.lookup("flag_ch")?.emoji.unicode == "1f1e8-1f1ed")
    }

    @Test func malformedLinesAreSkipped() {
        let text = """
            #format trellis-emoji 1
            #index twemoji v1
            #categories people\tplaces
            ok\t1f600\t\t1\tgrinning\tgrin
            short\t1f600
            \t1f600\t\t0\tno name
            far\t1f601\t\t9\tno such category
            #index gemoji v2
            other\t1f602\t\t0\tnot this index

            """
        let index = EmojiIndex.parse(Data(text.utf8), kind: .twemoji)
        #expect(index.version == "v1")
        #expect(index.lookup("grin")?.emoji == Emoji(unicode: "1f600", category: "places", name: "grinning"))
        #expect(index.lookup("far")?.emoji.category == "")
        #expect(index.lookup("short") == nil && index.lookup("other") == nil)
        #expect(index.counts.emoji == 2)
    }
}
