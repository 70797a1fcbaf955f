/// A worker group (node pool) of a cluster.
///
/// The pool runs `minimum` nodes when idle (the panel's "Autoscaler Min. 3 / Max. 5"); a roll
/// keeps machines ≤ nodes + maxSurge and ready nodes ≥ nodes − maxUnavailable.
public struct WorkerGroup: Hashable, Sendable, Codable {
    /// The pool name ("nwtcan").
    public var name: String
    /// The machine flavor ("b.2c4gb").
    public var flavor: String
    /// The machine image and version the nodes run.
    public var image: MachineImageReference
    /// Autoscaler minimum: the node count of an idle pool.
    public var minimum: Int
    /// Autoscaler maximum.
    public var maximum: Int
    /// How many machines a roll may add above the node count (Gardener default 1).
    public var maxSurge: Int
    /// How many nodes a roll may take out of service at once (Gardener default 0).
    public var maxUnavailable: Int
    /// The availability zone ("nova").
    public var zone: String

    /// A pool from its parts, with Gardener's defaults for surge and unavailability.
    public init(name: String, flavor: String, image: MachineImageReference, minimum: Int, maximum: Int,
                maxSurge: Int = 1, maxUnavailable: Int = 0, zone: String) {
        self.name = name
        self.flavor = flavor
        self.image = image
        self.minimum = minimum
        self.maximum = maximum
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
        self.zone = zone
    }

    /// The node count of the idle pool.
    public var nodeCount: Int { minimum }

    /// The roll plan this pool follows when its nodes are replaced.
    public var roll: NodeRoll {
        NodeRoll(nodes: nodeCount, maxSurge: maxSurge, maxUnavailable: maxUnavailable)
    }
}
