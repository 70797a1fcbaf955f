/// `pymdownx.tasklist`: a list item whose text starts with `[ ]`, `[x]` or `[X]` and a space gets
/// a disabled checkbox (`taskListMarker`), the class `task-list-item`, and its list the class
/// `task-list`, as pymdownx marks them.
public struct TaskListRewriter: MarkdownRewriter {
    public var name: String { "task lists" }

    public init() {}

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let bytes = context.source.bytes
        var markedList: NodeID?
        for item in document.preorder() {
            guard case .item = document.kind(of: item), let paragraph = document.firstChild(of: item),
                case .paragraph = document.kind(of: paragraph), let first = document.firstChild(of: paragraph),
                case .text = document.kind(of: first), let span = document.span(of: first)
            else { continue }
            let start = context.source.utf8Offset(of: span.start)
            guard start + 4 < bytes.count, bytes[start] == UInt8(ascii: "["), bytes[start + 2] == UInt8(ascii: "]"),
                bytes[start + 3] == UInt8(ascii: " ")
            else { continue }
            let state = bytes[start + 1]
            guard state == UInt8(ascii: " ") || state == UInt8(ascii: "x") || state == UInt8(ascii: "X") else { continue }
            var end = start + 4
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
            // The marker must be followed by text on the same line, as the pattern `\] +(.*)` needs.
            guard end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r"),
                document.cut(start..<end, under: paragraph, blockStart: nil, source: context.source)
            else { continue }
            let marker = TextSpan(start: span.start, end: TextPosition(line: span.start.line, byteColumn: span.start.byteColumn + 2))
            let checkbox = NodeKind.taskListMarker(checked: state != UInt8(ascii: " "))
            if let head = document.firstChild(of: paragraph) {
                document.insert(checkbox, span: marker, before: head)
            } else {
                document.appendChild(checkbox, span: marker, to: paragraph)
            }
            var itemAttributes = document.attributes(of: item)
            itemAttributes.addClass("task-list-item")
            document.setAttributes(itemAttributes, of: item)
            // The list's classes are read once per run of its task items, not for each one.
            guard let list = document.parent(of: item), list != markedList else { continue }
            markedList = list
            var listAttributes = document.attributes(of: list)
            let classes = listAttributes["class"].flatMap { $0 } ?? ""
            if !classes.split(separator: " ").contains("task-list") {
                listAttributes.addClass("task-list")
                document.setAttributes(listAttributes, of: list)
            }
        }
    }
}
