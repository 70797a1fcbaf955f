import TrellisCore

/// A page's Markdown after macro expansion, with the map back to its file.
struct PageText: Sendable {
    var text: String
    var sourceMap: SourceMap
}
