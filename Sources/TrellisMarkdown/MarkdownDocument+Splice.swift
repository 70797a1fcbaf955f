extension MarkdownDocument {
    /// Unlinks every child of `parent` (their subtrees stay whole) and returns them in order,
    /// so a rewriter can append them again, some inside new nodes. O(children).
    mutating func detachChildren(of parent: NodeID) -> [NodeID] {
        let children = children(of: parent)
        for child in children {
            slots[child.index].parent = -1
            slots[child.index].previous = -1
            slots[child.index].next = -1
        }
        slots[parent.index].firstChild = -1
        slots[parent.index].lastChild = -1
        return children
    }

    /// Appends a node that has no parent (one `detachChildren` returned, or a removed one) as
    /// the last child of `parent`, with its subtree.
    mutating func appendExisting(_ node: NodeID, to parent: NodeID) {
        precondition(slots[node.index].parent < 0 && node != root, "only a detached node can be appended")
        let last = slots[parent.index].lastChild
        slots[node.index].parent = parent.index
        slots[node.index].previous = last
        slots[node.index].next = -1
        if last >= 0 {
            slots[last].next = node.index
        } else {
            slots[parent.index].firstChild = node.index
        }
        slots[parent.index].lastChild = node.index
    }
}
