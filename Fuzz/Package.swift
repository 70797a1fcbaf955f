// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets, one per untrusted-input surface of Trellis (see `FuzzTarget` in
/// TrellisBuild). A package of its own so that a plain `swift build` of Trellis never needs
/// libFuzzer: build and run them with `scripts/fuzz.sh`, which passes `-sanitize=fuzzer,address`
/// (coverage instrumentation for all of Trellis, and libFuzzer's driver).
let package = Package(
    name: "TrellisFuzz",
    dependencies: [.package(name: "Trellis", path: "..")],
    targets: [.target(name: "FuzzDriver")]
        + ["markdown", "macros", "yaml", "html-attributes"].map { name in
            .executableTarget(
                name: "fuzz-\(name)",
                dependencies: ["FuzzDriver", .product(name: "TrellisBuild", package: "Trellis")],
                path: "Sources/\(name)")
        }
)
