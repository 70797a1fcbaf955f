extension Blog {
    /// Whether `path` is a page the blog generates rather than one of the docs folder: an archive
    /// or category view, or a further page of any view (`page/2/`).
    func isGeneratedView(_ path: String) -> Bool {
        guard let (view, number) = viewPages[path], views.indices.contains(view) else { return false }
        return number > 0 || views[view].kind != .index
    }
}
