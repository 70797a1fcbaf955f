/// What a maintenance window does to one version (rule 6).
public struct MaintenanceUpdate: Hashable, Sendable {
    /// The version moved to.
    public var target: SemanticVersion
    /// True when the current version is expired: the move happens even with auto-update off.
    public var forced: Bool
}

extension VersionCatalogue {
    /// Rule 6 for Kubernetes: with auto-update on, the newest non-preview, non-expired patch of
    /// the same minor. An expired current version is force-updated even with auto-update off,
    /// as Gardener does: to that same-minor patch if one exists, otherwise to the newest
    /// non-preview, non-expired patch of the next minor. Preview versions are never targets.
    public func maintenanceKubernetesUpdate(from current: KubernetesVersion, autoUpdate: Bool,
                                            on day: CalendarDay) -> MaintenanceUpdate? {
        let candidates = kubernetes.filter { $0.version > current && $0.isAutomaticTarget(on: day) }.map(\.version)
        let samePatch = candidates.filter { $0.sameMinor(as: current) }.max()
        let expired = kubernetesEntry(current)?.isExpired(on: day) ?? false
        if expired {
            if let samePatch { return MaintenanceUpdate(target: samePatch, forced: true) }
            if let next = candidates.filter({ current.minorDistance(to: $0) == 1 }).max() {
                return MaintenanceUpdate(target: next, forced: true)
            }
            return nil
        }
        guard autoUpdate, let samePatch else { return nil }
        return MaintenanceUpdate(target: samePatch, forced: false)
    }

    /// Rule 6 for a machine image: with auto-update on (or forced when the current version is
    /// expired), the newest non-preview, non-expired version the update strategy allows and whose
    /// kubelet constraint admits `kubernetes`.
    public func maintenanceImageUpdate(for image: MachineImageReference, kubernetes: KubernetesVersion,
                                       autoUpdate: Bool, on day: CalendarDay) -> MaintenanceUpdate? {
        let expired = self.image(named: image.name)?.entry(image.version)?.isExpired(on: day) ?? false
        guard autoUpdate || expired else { return nil }
        guard let target = newestImageVersion(for: image, kubernetes: kubernetes, where: { $0.isAutomaticTarget(on: day) }) else {
            return nil
        }
        return MaintenanceUpdate(target: target, forced: expired && !autoUpdate)
    }
}
