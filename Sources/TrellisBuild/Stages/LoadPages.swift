import Foundation
import TrellisCore

/// Stage: reads every page (in parallel; a page given in memory from there), checks its
/// encoding and splits its front matter.
struct LoadPages: SiteStage {
    let name = "load pages"
    var runsInRender: Bool { true }

    func run(_ site: inout SiteState) throws {
        let (pages, diagnostics) = Self.load(
            paths: site.files.loadedPages, docsDir: site.docsDir, docsPath: site.config.docsDir,
            brandIDs: Set(site.brands.map(\.id)), directoryURLs: site.config.directoryURLs, inMemory: site.files.inMemory,
            indexPaths: SourcePage.indexPages(site.files.pages))
        site.engine.emit(contentsOf: diagnostics)
        site.pages = pages
        for (i, page) in pages.enumerated() {
            site.pageIndex[page.path] = i
            site.sources[page.file.path] = page.file
        }
    }

    static func load(
        paths: [String], docsDir: URL, docsPath: String, brandIDs: Set<String>, directoryURLs: Bool = true,
        inMemory: [String: PageSource] = [:], indexPaths: Set<String>? = nil
    ) -> (
        [SourcePage], [Diagnostic]
    ) {
        let indexPaths = indexPaths ?? SourcePage.indexPages(paths)
        let results = ParallelMap.map(paths) { path -> (SourcePage?, [Diagnostic]) in
            let displayPath = docsPath + "/" + path
            guard let data = inMemory[path].map({ Data($0.text.utf8) }) ?? FileTree.contents(of: docsDir.path + "/" + path) else {
                return (nil, [Diagnostic(.io, path: displayPath, at: nil, message: "cannot read the file")])
            }
            var diagnostics: [Diagnostic] = []
            let text: String
            if let valid = String(validating: data, as: UTF8.self) {
                text = valid
            } else {
                text = String(decoding: data, as: UTF8.self)
                diagnostics.append(invalidEncoding(data, path: displayPath))
            }
            let file = SourceFile(path: displayPath, text: text)
            let (meta, bodyOffset, problems) = FrontMatter.split(file)
            diagnostics += problems
            if let brands = meta.brands {
                for brand in brands where !brandIDs.contains(brand) {
                    var message = "unknown brand '\(brand)' in 'brands'"
                    if let hint = Suggestions.didYouMean(brand, in: brandIDs) { message += "; \(hint)" }
                    diagnostics.append(
                        Diagnostic(.frontMatter, path: displayPath, at: location(of: brand, in: file), message: message))
                }
            }
            let page = SourcePage(
                path: path, file: file, meta: meta, bodyOffset: bodyOffset, isIndex: indexPaths.contains(path),
                directoryURLs: directoryURLs)
            return (page, diagnostics)
        }
        return (results.compactMap(\.0), results.flatMap(\.1))
    }

    /// Points at the first byte that is not valid UTF-8.
    static func invalidEncoding(_ data: Data, path: String) -> Diagnostic {
        var line = 1, column = 1
        let bytes = [UInt8](data)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                break loop
            }
        }
        return Diagnostic(
            .invalidEncoding, path: path, at: SourceLocation(line: line, column: column),
            message: "the file is not valid UTF-8; invalid bytes are shown as U+FFFD")
    }

    private static func location(of term: String, in file: SourceFile) -> SourceLocation? {
        guard let range = file.text.range(of: term) else { return nil }
        return file.location(ofUTF8Offset: file.text.utf8.distance(from: file.text.startIndex, to: range.lowerBound))
    }
}
