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

    /// Inserts a node that has no parent just before `sibling` (which must have a parent).
    mutating func insertExisting(_ node: NodeID, before sibling: NodeID) {
        let parent = slots[sibling.index].parent
        precondition(parent >= 0 && slots[node.index].parent < 0 && node != root, "only a detached node goes before a child")
        let previous = slots[sibling.index].previous
        slots[node.index].parent = parent
        slots[node.index].previous = previous
        slots[node.index].next = sibling.index
        if previous >= 0 {
            slots[previous].next = node.index
        } else {
            slots[parent].firstChild = node.index
        }
        slots[sibling.index].previous = node.index
    }
}
