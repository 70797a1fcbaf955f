/// The one ordered registry of check rules. (Link rules run in `CheckLinks`; macro, icon and
/// config rules where those are read; `UnusedAsset` once all brands are checked.)
enum CheckRegistry {
    static let pageChecks: [any PageCheck] = [
        AbsoluteSiteLink(),
        DuplicateHeadingId(),
        ImageWithoutAlt(),
        EmptyLinkText(),
        BrandLeak(),
        StaleVersion(),
    ]

    static let brandChecks: [any BrandCheck] = [
        PageNotInNav(),
        OrphanPage(),
        MissingAsset(),
        StaleVersion.WalkthroughStart(),
    ]
}
