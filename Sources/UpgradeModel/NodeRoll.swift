/// What a machine is doing during a roll.
public enum MachinePhase: Int, Hashable, Sendable, Codable {
    /// The contract's machine phases (0 ready, 1 creating, 2 draining, 3 deleting).
    case ready = 0, creating = 1, draining = 2, deleting = 3
}

/// How a version change reaches the nodes (rule 5).
public enum NodeChange: Hashable, Sendable {
    /// Nothing changes on the nodes.
    case none
    /// A Kubernetes patch change: kubelets restart in place.
    case restartKubelet
    /// An image or Kubernetes minor change: nodes are replaced one batch at a time.
    case replaceNodes

    /// Rule 5: the node change caused by moving Kubernetes and the image.
    public static func between(kubernetes from: KubernetesVersion, _ to: KubernetesVersion,
                               image imageFrom: SemanticVersion, _ imageTo: SemanticVersion) -> NodeChange {
        if imageFrom != imageTo || !from.sameMinor(as: to) { return .replaceNodes }
        return from == to ? .none : .restartKubelet
    }
}

/// The steps of a rolling node replacement within maxSurge and maxUnavailable (rule 5).
///
/// With surge, each batch first creates new machines (old ones stay ready), then drains the old
/// ones once the new are ready. Without surge (maxUnavailable ≥ 1), each batch first drains old
/// machines, then creates their replacements. Each snapshot lists old machines first, then new.
public struct NodeRoll: Hashable, Sendable {
    /// The node count N of the idle pool.
    public var nodes: Int
    /// Extra machines allowed above N.
    public var maxSurge: Int
    /// Nodes allowed out of service below N.
    public var maxUnavailable: Int

    /// A roll plan.
    public init(nodes: Int, maxSurge: Int, maxUnavailable: Int) {
        self.nodes = nodes
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }

    /// One machine of a snapshot: whether it is a replacement (new) and its phase.
    public struct Machine: Hashable, Sendable {
        /// Index within its generation (0-based).
        public var index: Int
        /// True for a replacement machine.
        public var isNew: Bool
        /// What it is doing.
        public var phase: MachinePhase
    }

    /// Machines per batch; at least 1 so a misconfigured pool (both 0) still rolls, one at a time.
    public var batchSize: Int { max(1, maxSurge > 0 ? maxSurge : maxUnavailable) }

    /// The snapshots of the roll, one per step. With `detailed` false, each batch shows one
    /// snapshot (its first phase) instead of two, halving the steps.
    public func snapshots(detailed: Bool = true) -> [[Machine]] {
        var result: [[Machine]] = []
        var replaced = 0
        while replaced < nodes {
            let batch = min(batchSize, nodes - replaced)
            let range = replaced..<(replaced + batch)
            let phases: [(old: MachinePhase?, new: MachinePhase?)] = maxSurge > 0
                ? [(.ready, .creating), (.draining, .ready)]
                : [(.draining, nil), (nil, .creating)]
            for phase in detailed ? phases : [phases[0]] {
                var machines: [Machine] = []
                for index in replaced..<nodes where !range.contains(index) || phase.old != nil {
                    machines.append(Machine(index: index, isNew: false, phase: range.contains(index) ? phase.old ?? .ready : .ready))
                }
                for index in 0..<replaced { machines.append(Machine(index: index, isNew: true, phase: .ready)) }
                if let new = phase.new {
                    for index in range { machines.append(Machine(index: index, isNew: true, phase: new)) }
                }
                result.append(machines)
            }
            replaced += batch
        }
        return result
    }

    /// How many snapshots `snapshots(detailed:)` returns, without building them (the explorer
    /// asks on every tick).
    public func stepCount(detailed: Bool = true) -> Int {
        guard nodes > 0 else { return 0 }
        let batches = (nodes + batchSize - 1) / batchSize
        return detailed ? batches * 2 : batches
    }

    /// Whether a snapshot respects the bounds: machines ≤ N + maxSurge, ready ≥ N − maxUnavailable.
    public func respectsBounds(_ machines: [Machine]) -> Bool {
        let ready = machines.filter { $0.phase == .ready }.count
        return machines.count <= nodes + maxSurge && ready >= nodes - maxUnavailable
    }
}
