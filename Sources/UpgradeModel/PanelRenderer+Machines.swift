extension PanelRenderer {
    /// The node strip: `[name, phase]` per machine. Idle pools show their nodes ready; a roll
    /// shows the snapshot of its current step after the control-plane step.
    mutating func machines(_ state: PanelState) -> [[Int]] {
        let pool = scenario.pool
        let current = machineHash(image: state.image, kubernetes: state.kubernetes)
        let idle = (0..<pool.nodeCount).map { [text.id(machineName(current, $0)), MachinePhase.ready.rawValue] }
        guard let operation = state.operation, case .update(let kubernetes, let image, _) = operation.kind,
              scenario.nodeChange(operation.kind, in: state) == .replaceNodes else { return idle }
        let rollStep = operation.step - (kubernetes == nil ? 0 : 1)
        let snapshots = rollSnapshots
        guard rollStep >= 0, rollStep < snapshots.count else { return idle }
        let target = machineHash(image: image ?? state.image, kubernetes: kubernetes ?? state.kubernetes)
        return snapshots[rollStep].map { machine in
            [text.id(machineName(machine.isNew ? target : current, machine.index)), machine.phase.rawValue]
        }
    }

    /// Gardener names machines after a hash of the pool's configuration (image version and
    /// Kubernetes minor among it), so replacements get new names: "nwtcan-z1-k3f9a-1".
    func machineName(_ hash: String, _ index: Int) -> String {
        "\(scenario.pool.name)-z1-\(hash)-\(index + 1)"
    }

    func machineHash(image: SemanticVersion, kubernetes: KubernetesVersion) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in "\(image)|\(kubernetes.minorSeries)".utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var result = ""
        for _ in 0..<5 {
            result.append(alphabet[Int(hash % 36)])
            hash /= 36
        }
        return result
    }
}
