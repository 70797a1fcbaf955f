import Foundation
import TrellisCore
import Yams

/// The fuzz entry of YAML: the bytes are read as every loader reads YAML — `trellis.yml`, a brand
/// file, `mkdocs.yml`, a page's front matter and an awesome-pages `.pages` file. Every
/// diagnostic must point into its file, and the last-key composer must build Yams' tree
/// wherever Yams accepts the text.
enum YAMLFuzzing {
    static let root = URL(fileURLWithPath: "/nonexistent-trellis-fuzz")

    static func run(_ bytes: [UInt8]) {
        let loader = ConfigLoader(root: root)
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let file = SourceFile(path: "trellis.yml", text: text)
        var reader = YAMLReader(path: file.path)
        if let node = reader.parse(text) {
            let config = loader.readSite(node, path: file.path, base: nil, reader: &reader)
            _ = loader.readBrand(node, path: file.path, id: "fuzz", config: config, reader: &reader)
        }
        FuzzTarget.requireInFile(reader.diagnostics, file)

        let mkdocs = SourceFile(path: "mkdocs.yml", text: text)
        let (_, _, _, problems) = MkDocsConfigLoader(root: root, environment: ["HOME": "/home/fuzz"])
            .read(text, path: mkdocs.path)
        FuzzTarget.requireInFile(problems, mkdocs)

        let page = SourceFile(path: "docs/page.md", text: "---\n" + text + "\n---\n# Page\n")
        FuzzTarget.requireInFile(FrontMatter.split(page).diagnostics, page)

        if YAMLBounds.check(text) == nil, let yams = try? Yams.compose(yaml: text) {
            let ours = try? YAMLLastKeyComposer.compose(text)
            FuzzTarget.require(
                ours?.node == yams && ours?.duplicates.isEmpty == true,
                "the last-key composer differs from Yams on a document Yams accepts")
        }

        var pagesReader = YAMLReader(path: "docs/.pages")
        _ = PagesFile(text, reader: &pagesReader)
        FuzzTarget.requireInFile(pagesReader.diagnostics, SourceFile(path: "docs/.pages", text: text))
    }
}
