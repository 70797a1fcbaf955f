extension VersionCatalogue {
    /// Rule 4: the newest `supported` version of the image greater than the current one that the
    /// image's update strategy allows and whose kubelet constraint admits `kubernetes`; nil when
    /// there is none (or the catalogue does not know the image).
    public func offeredImageUpgrade(for image: MachineImageReference, kubernetes: KubernetesVersion,
                                    on day: CalendarDay) -> SemanticVersion? {
        newestImageVersion(for: image, kubernetes: kubernetes) {
            $0.classification(on: day) == .supported
        }
    }

    func newestImageVersion(for image: MachineImageReference, kubernetes: KubernetesVersion,
                            where accepts: (CatalogueEntry) -> Bool) -> SemanticVersion? {
        guard let catalogued = self.image(named: image.name) else { return nil }
        return catalogued.versions.filter { entry in
            entry.version > image.version
                && catalogued.updateStrategy.allows(from: image.version, to: entry.version)
                && (entry.kubeletConstraint?.admits(kubernetes) ?? true)
                && accepts(entry)
        }.map(\.version).max()
    }
}
