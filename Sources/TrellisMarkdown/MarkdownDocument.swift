/// A parsed Markdown document: an arena of typed nodes linked by indices.
///
/// Nodes live in one array and point at each other by index (parent, first/last child,
/// siblings), so walking, inserting and removing are O(1) per step and never recurse: a
/// 10,000-deep list is as safe as a flat one on a 512 KiB thread stack, and the whole tree is
/// freed as one array. It is a value type, so per-page work on different threads never shares it.
public struct MarkdownDocument: Sendable {
    /// The tree structure of one node; plain integers, so walks never touch the node payloads.
    /// 32-bit links keep a slot at 20 bytes (a page has a node every dozen bytes or so).
    struct Slot: Sendable {
        @Link var parent: Int
        @Link var firstChild: Int
        @Link var lastChild: Int
        @Link var previous: Int
        @Link var next: Int
    }

    /// A node index stored in 32 bits; -1 for none.
    @propertyWrapper
    struct Link: Sendable {
        private var stored: Int32 = -1

        init() {}

        var wrappedValue: Int {
            get { Int(stored) }
            set { stored = Int32(truncatingIfNeeded: newValue) }
        }
    }

    /// A span in 16 bytes instead of 40 (`TextSpan?`); line 0 means none.
    struct PackedSpan: Sendable {
        var startLine: Int32 = 0
        var startColumn: Int32 = 0
        var endLine: Int32 = 0
        var endColumn: Int32 = 0

        init(_ span: TextSpan?) {
            guard let span else { return }
            startLine = max(1, Int32(clamping: span.start.line))
            startColumn = Int32(clamping: span.start.byteColumn)
            endLine = Int32(clamping: span.end.line)
            endColumn = Int32(clamping: span.end.byteColumn)
        }

        var span: TextSpan? {
            guard startLine != 0 else { return nil }
            return TextSpan(
                start: TextPosition(line: Int(startLine), byteColumn: Int(startColumn)),
                end: TextPosition(line: Int(endLine), byteColumn: Int(endColumn)))
        }
    }

    var slots: [Slot]
    /// Each node's kind, stored compactly (see `MarkdownDocument+Kinds.swift`).
    var kinds: [StoredKind]
    /// The text of every text, code and HTML node, back to back.
    var literals: [UInt8] = []
    /// The kinds that carry more than a literal.
    var otherKinds: [NodeKind] = []
    var spans: [PackedSpan]
    /// HTML attributes set by extensions (`attr_list`, `pymdownx.tasklist`), by node index.
    var attributeTable: [Int: HTMLAttributes] = [:]

    /// An empty document (just its root).
    public init() {
        slots = [Slot()]
        kinds = [StoredKind(tag: .document)]
        spans = [PackedSpan(nil)]
    }

    /// Makes room for `count` nodes in all and `literalBytes` of their text, so building a big
    /// document allocates its arrays once.
    mutating func reserveCapacity(_ count: Int, literalBytes: Int = 0) {
        slots.reserveCapacity(count)
        kinds.reserveCapacity(count)
        spans.reserveCapacity(count)
        // Links, headings, lists and containers: a fraction of the nodes.
        otherKinds.reserveCapacity(count / 4)
        literals.reserveCapacity(literalBytes)
    }

    /// The document node every other node descends from.
    public var root: NodeID { NodeID(0) }

    /// How many nodes the arena holds (removed nodes included).
    public var arenaCount: Int { slots.count }

    /// What the node is.
    public func kind(of node: NodeID) -> NodeKind { decode(kinds[node.index]) }

    /// Replaces what the node is (e.g. a new link destination), keeping its place and children.
    public mutating func setKind(_ kind: NodeKind, of node: NodeID) {
        kinds[node.index] = encode(kind, replacing: kinds[node.index])
    }

    /// Where the node is in the parsed text, if known (nodes made by rewriters may have none).
    public func span(of node: NodeID) -> TextSpan? { spans[node.index].span }

    /// Changes where the node is said to be.
    public mutating func setSpan(_ span: TextSpan?, of node: NodeID) { spans[node.index] = PackedSpan(span) }

    /// The node's parent; `nil` for the root and for removed nodes.
    public func parent(of node: NodeID) -> NodeID? { id(slots[node.index].parent) }
    /// The node's first child, if any.
    public func firstChild(of node: NodeID) -> NodeID? { id(slots[node.index].firstChild) }
    /// The node's last child, if any.
    public func lastChild(of node: NodeID) -> NodeID? { id(slots[node.index].lastChild) }
    /// The sibling after the node, if any.
    public func nextSibling(of node: NodeID) -> NodeID? { id(slots[node.index].next) }
    /// The sibling before the node, if any.
    public func previousSibling(of node: NodeID) -> NodeID? { id(slots[node.index].previous) }

    /// The node's children in order.
    public func children(of node: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var child = slots[node.index].firstChild
        while child >= 0 {
            result.append(NodeID(child))
            child = slots[child].next
        }
        return result
    }

    /// Adds a new last child to `parent` and returns it.
    @discardableResult
    public mutating func appendChild(_ kind: NodeKind, span: TextSpan? = nil, to parent: NodeID) -> NodeID {
        let index = slots.count
        var slot = Slot()
        slot.parent = parent.index
        slot.previous = slots[parent.index].lastChild
        append(slot, kind: kind, span: span)
        if slot.previous >= 0 {
            slots[slot.previous].next = index
        } else {
            slots[parent.index].firstChild = index
        }
        slots[parent.index].lastChild = index
        return NodeID(index)
    }

    /// Inserts a new node just before `sibling` (which must have a parent) and returns it.
    @discardableResult
    public mutating func insert(_ kind: NodeKind, span: TextSpan? = nil, before sibling: NodeID) -> NodeID {
        let parent = slots[sibling.index].parent
        precondition(parent >= 0, "cannot insert a sibling of the root")
        let index = slots.count
        var slot = Slot()
        slot.parent = parent
        slot.next = sibling.index
        slot.previous = slots[sibling.index].previous
        append(slot, kind: kind, span: span)
        if slot.previous >= 0 {
            slots[slot.previous].next = index
        } else {
            slots[parent].firstChild = index
        }
        slots[sibling.index].previous = index
        return NodeID(index)
    }

    /// Unlinks a node (and so its subtree) from the tree; its slot stays but is unreachable.
    public mutating func remove(_ node: NodeID) {
        let slot = slots[node.index]
        guard slot.parent >= 0 else { return }
        if slot.previous >= 0 { slots[slot.previous].next = slot.next } else { slots[slot.parent].firstChild = slot.next }
        if slot.next >= 0 { slots[slot.next].previous = slot.previous } else { slots[slot.parent].lastChild = slot.previous }
        slots[node.index].parent = -1
        slots[node.index].previous = -1
        slots[node.index].next = -1
    }

    /// Every node of the subtree under `start` (itself first), in document order.
    public func preorder(from start: NodeID? = nil) -> [NodeID] {
        var result: [NodeID] = []
        for event in events(from: start ?? root) where event.entering {
            result.append(event.node)
        }
        return result
    }

    /// The enter/exit walk of the subtree under `start`, like cmark's iterator: containers are
    /// entered and exited, leaves only entered. Iterative, so depth costs no stack.
    public func events(from start: NodeID? = nil) -> WalkEvents {
        WalkEvents(document: self, start: (start ?? root).index)
    }

    private func id(_ index: Int) -> NodeID? { index >= 0 ? NodeID(index) : nil }

    private mutating func append(_ slot: Slot, kind: NodeKind, span: TextSpan?) {
        slots.append(slot)
        kinds.append(encode(kind))
        spans.append(PackedSpan(span))
    }
}

/// One step of a document walk.
public struct WalkEvent: Sendable, Hashable {
    /// The node arrived at or left.
    public var node: NodeID
    /// `true` when the walk arrives at the node, `false` when it leaves a container.
    public var entering: Bool
}

/// The walk of a subtree; see `MarkdownDocument.events(from:)`.
public struct WalkEvents: Sequence, IteratorProtocol {
    let document: MarkdownDocument
    let start: Int
    var current = -1
    var entering = true
    var done = false

    init(document: MarkdownDocument, start: Int) {
        self.document = document
        self.start = start
    }

    public mutating func next() -> WalkEvent? {
        if done { return nil }
        if current < 0 {
            current = start
            entering = true
            return WalkEvent(node: NodeID(current), entering: true)
        }
        let slots = document.slots
        if entering && !document.kinds[current].isLeaf {
            let child = slots[current].firstChild
            if child >= 0 {
                current = child
                return WalkEvent(node: NodeID(current), entering: true)
            }
            entering = false
            return WalkEvent(node: NodeID(current), entering: false)
        }
        if current == start {
            done = true
            return nil
        }
        let next = slots[current].next
        if next >= 0 {
            current = next
            entering = true
        } else {
            current = slots[current].parent
            entering = false
        }
        return WalkEvent(node: NodeID(current), entering: entering)
    }
}
