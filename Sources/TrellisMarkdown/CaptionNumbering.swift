/// Numbers the page's caption figures as `pymdownx.blocks.caption`'s tree processor does (with
/// `auto`), or as its blocks do one by one (without), and turns each into a `<figure>` element:
/// an id `__<type>_<n>_<m>` unless it has one, and `<span class="caption-prefix">Figure 1.2.</span>`
/// at the start of its caption.
enum CaptionNumbering {
    static func apply(to document: inout MarkdownDocument, autoLevel: Int) {
        var figures: [NodeID] = []
        var types: [NodeID: String] = [:]
        for event in document.events() where event.entering {
            if case .captionFigure(let figure) = document.kind(of: event.node) {
                figures.append(event.node)
                types[event.node] = figure.type
            }
        }
        guard !figures.isEmpty else { return }
        // Per figure, the level it was given or took (pymdownx's `__figure_level`).
        var levels: [NodeID: Int] = [:]
        var last: [String: Int] = [:]
        var counters: [String: [Int]] = [:]
        for node in figures {
            guard case .captionFigure(var figure) = document.kind(of: node) else { continue }
            defer { document.setKind(.htmlElement(open: HTMLBlockTags.openTag("figure", figure.attributes), close: "</figure>", block: true), of: node) }
            guard figure.auto else {
                if !figure.prefix.isEmpty {
                    let number = figure.level.map { Array(repeating: 1, count: $0 + 1) } ?? figure.number
                    if let number { label(&figure, node: node, number: number, in: &document) }
                }
                continue
            }
            guard !figure.prefix.isEmpty else { continue }
            var stack = -1
            if let level = figure.level {
                levels[node] = level
                stack += level + 1
                if autoLevel > 0, stack >= autoLevel { continue }
            } else {
                stack += 1
            }
            var skip = false
            var current = node
            while let parent = document.parent(of: current) {
                if types[parent] == figure.type {
                    if let level = levels[parent] {
                        stack += level + 1
                        levels[node] = stack + 1
                    } else {
                        stack += 1
                    }
                    if autoLevel > 0, stack >= autoLevel {
                        skip = true
                        break
                    }
                }
                current = parent
            }
            if skip { continue }
            if let number = figure.number {
                let newStack = number.count - 1
                levels[node] = newStack - stack
                stack = newStack
            }
            var counter = counters[figure.type] ?? [0]
            let previous = last[figure.type] ?? 0
            if stack > previous {
                counter += Array(repeating: 1, count: stack - previous)
            } else if stack == previous, stack < counter.count {
                counter[stack] += 1
            } else {
                counter = Array(counter.prefix(stack + 1))
                if !counter.isEmpty { counter[counter.count - 1] += 1 }
            }
            last[figure.type] = stack
            if let number = figure.number, number.lexicographicallyPrecedes(counter) == false, number != counter { counter = number }
            counters[figure.type] = counter
            label(&figure, node: node, number: Array(counter.prefix(stack + 1)), in: &document)
        }
    }

    /// Gives the figure its id (unless it has one) and its caption the numbered prefix.
    private static func label(_ figure: inout CaptionFigure, node: NodeID, number: [Int], in document: inout MarkdownDocument) {
        if figure.attributes["id"] == nil {
            figure.attributes.set("id", "__\(figure.type)_" + number.map(String.init).joined(separator: "_"))
        }
        guard figure.prefix.contains("{}") || !figure.prefix.isEmpty else { return }
        let children = document.children(of: node)
        guard let caption = (figure.prepend ? children : children.reversed()).first(where: { Self.isCaption($0, in: document) }) else { return }
        let text = figure.prefix.replacingOccurrences(of: "{}", with: number.map(String.init).joined(separator: "."))
        let span = "<span class=\"caption-prefix\">\(text)</span>"
        if let first = document.firstChild(of: caption), case .paragraph = document.kind(of: first) {
            if let head = document.firstChild(of: first) {
                if case .text(let words) = document.kind(of: head), !words.isEmpty {
                    document.setKind(.text(" " + words), of: head)
                }
                document.insert(.rawHTML(span), before: head)
            } else {
                document.appendChild(.rawHTML(span), to: first)
            }
        } else {
            let paragraph = document.appendChild(.paragraph, to: caption)
            document.appendChild(.rawHTML(span), to: paragraph)
            document.remove(paragraph)
            if let first = document.firstChild(of: caption) { document.insertExisting(paragraph, before: first) } else { document.appendExisting(paragraph, to: caption) }
        }
    }

    static func isCaption(_ node: NodeID, in document: MarkdownDocument) -> Bool {
        if case .htmlElement(let open, _, _) = document.kind(of: node) { return open == figcaptionOpen }
        return false
    }

    static let figcaptionOpen = "<figcaption>"
}
