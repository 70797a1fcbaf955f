// swift-tools-version:6.0
import PackageDescription

/// Trellis: a multi-brand static documentation site generator.
///
/// Modules, each depending only on those below it:
/// - `UpgradeModel`: the Kubernetes/Gardener upgrade domain shared by the docs build and the
///   interactive walkthrough; no dependency on the rest of Trellis.
/// - `TrellisCore`: diagnostics, source files and maps, the `Value` model of variables.
/// - `CCmark`: libcmark from the system (Debian `libcmark-dev`).
/// - `CZlib`: zlib from the system (Debian `zlib1g-dev`), for `sitemap.xml.gz`.
/// - `TrellisMarkdown`: the only importer of cmark; typed nodes, rewriters, HTML.
/// - `TrellisMacros`: the Jinja-compatible `{{ … }}` macro language.
/// - `TrellisIcons`: icon shortcodes backed by a generated resource.
/// - `TrellisTemplates`: the only importer of the template engine; the embedded default theme.
/// - `TrellisBuild`: config, the staged build pipeline, output.
/// - `TrellisPreview`: the only importer of the HTTP library (Hummingbird); the live preview
///   server of `trellis serve`.
/// - `TrellisCLI`: the command line; `trellis` is a thin `main.swift` over it.
let package = Package(
    name: "Trellis",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trellis", targets: ["trellis"]),
        .library(name: "TrellisBuild", targets: ["TrellisBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "UpgradeModel"),
        .target(name: "TrellisCore"),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "TrellisMarkdown",
            dependencies: ["CCmark", "TrellisCore"],
            resources: [.copy("Resources/pygments-rules")],
            // The highlighter calls ICU's regex C interface, which Foundation ships on Linux.
            linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]
        ),
        .target(name: "TrellisMacros", dependencies: ["TrellisCore"]),
        .target(
            name: "TrellisIcons",
            dependencies: ["TrellisCore"],
            resources: [.copy("Resources/icons.tsv"), .copy("Resources/emoji.tsv"), .copy("Resources/LICENSES.md")]
        ),
        .target(
            name: "TrellisTemplates",
            dependencies: ["TrellisCore", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedTheme"]
        ),
        .executableTarget(name: "ThemeEmbedder", path: "Plugins/ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(
            name: "TrellisBuild",
            dependencies: [
                "TrellisCore", "TrellisMarkdown", "TrellisMacros", "TrellisIcons", "TrellisTemplates", "UpgradeModel", "CZlib",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "TrellisPreview",
            dependencies: [
                "TrellisBuild", "TrellisCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TrellisCLI",
            dependencies: ["TrellisBuild", "TrellisPreview", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "trellis", dependencies: ["TrellisCLI"]),

        .target(name: "TrellisTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "UpgradeModelTests", dependencies: ["UpgradeModel"]),
        .testTarget(name: "TrellisCoreTests", dependencies: ["TrellisCore"]),
        .testTarget(name: "TrellisMarkdownTests", dependencies: ["TrellisMarkdown", "TrellisTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrellisMacrosTests", dependencies: ["TrellisMacros", "TrellisTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrellisIconsTests", dependencies: ["TrellisIcons"]),
        .testTarget(name: "TrellisTemplatesTests", dependencies: ["TrellisTemplates"]),
        .testTarget(name: "TrellisPreviewTests", dependencies: ["TrellisPreview", "TrellisBuild", "TrellisCore", "TrellisTestSupport"]),
        .testTarget(name: "TrellisBuildTests", dependencies: ["TrellisBuild", "TrellisCLI", "TrellisTestSupport"], exclude: ["FailingSites", "FuzzRegressions", "Fixtures"]),
    ]
)
