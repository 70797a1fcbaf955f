/// A named section of a snippet file: the lines between `--8<-- [start:name]` and
/// `--8<-- [end:name]` (pymdownx's `extract_section`). The first start opens it, a second start
/// is passed over, the first end after it closes it (an end before any start ends the search
/// empty), and a section never closed runs to the end of the file. Markers of other sections
/// inside it are left out; escaped ones (`;--8<--`) are text without their first `;`.
enum SnippetSection {
    /// The section's lines, and whether its start marker was found.
    static func extract(_ name: String, from lines: [SnippetExpansion.Line]) -> (lines: [SnippetExpansion.Line], found: Bool) {
        var selected: [SnippetExpansion.Line] = []
        var inside = false
        var found = false
        for var line in lines {
            let marker = SnippetSyntax.sectionMarker(line.text)
            if let marker, marker.escaped {
                line.text = marker.unescaped
            } else if let marker, marker.name == name {
                if !inside && marker.type == "start" {
                    inside = true
                    found = true
                    continue
                } else if inside && marker.type == "start" {
                    continue
                }
                break
            } else if marker != nil && inside {
                continue
            }
            if inside { selected.append(line) }
        }
        return (selected, found)
    }
}
