extension Scenario {
    /// Every event the walkthrough knows, in the graph's fixed action order.
    public var allEvents: [PanelEvent] {
        var events: [PanelEvent] = [.openDetails, .closeDetails]
        events += DetailsTab.allCases.map { .selectTab($0) }
        events += [.upgradeImage, .tick, .openMenu, .closeMenu, .chooseKubernetesPatch]
        events += catalogue.kubernetesVersionsNewestFirst.map { .selectVersion($0) }
        events += [.clickUpgrade, .clickPrepare, .clickRevert, .confirmUpgrade, .back,
                   .maintenanceWindow, .advanceClock, .dismissNote]
        return events
    }

    /// The panel's pure transition function: the state after `event`, or nil when the event is
    /// not possible in `state` (the player renders its control disabled). A click the rules
    /// refuse is possible: it leads to a state whose banner carries the refusal.
    ///
    /// Modelling choices (the spec leaves them open):
    /// - The drop-down lists exactly rule 1's offer (`dropDown`) and opens on its proposed
    ///   version, so rule 2 has nothing to refuse in the panel; the blue Upgrade still checks it.
    /// - The arrow and "Kubernetes Patch Available" follow the offer only when it holds a
    ///   supported version (`KubernetesUpgradeOffer.isAnnounced`).
    /// - While an operation runs no upgrade action is possible (rule 7): the menu item is shown
    ///   disabled, the pool's arrow has no edge, the maintenance window is disabled.
    /// - "Revert preparations" re-enables static tokens by a reconcile of its own when this
    ///   dialog prepared the cluster, and otherwise returns to the version choice.
    /// - Time (`tick`) passes on every screen; the clock and maintenance controls are not
    ///   reachable behind the modal menu (except its Trigger Maintenance) or dialog.
    /// - A version change shows when its operation completes (the pie shows progress before).
    public func transition(_ state: PanelState, _ event: PanelEvent) -> PanelState? {
        var next = state
        next.note = nil
        switch (event, state.screen) {
        case (.openDetails, .list), (.openDetails, .menu):
            next.screen = .details(.details)
        case (.closeDetails, .details):
            next.screen = .list
        case (.selectTab(let tab), .details(let current)) where tab != current:
            next.screen = .details(tab)
        case (.selectTab(.kubeconfig), .menu):
            next.screen = .details(.kubeconfig)
        case (.upgradeImage, .details(.workerGroups)):
            guard state.operation == nil, let target = imageOffer(state) else { return nil }
            next.operation = RunningOperation(kind: .update(kubernetes: nil, image: target, maintenance: false), step: 0)
        case (.tick, _):
            guard state.operation != nil else { return nil }
            advance(&next)
        case (.openMenu, .list):
            next.screen = .menu(over: nil)
        case (.openMenu, .details(let tab)):
            next.screen = .menu(over: tab)
        case (.closeMenu, .menu(let over)):
            next.screen = over.map(Screen.details) ?? .list
        case (.chooseKubernetesPatch, .menu):
            let offer = kubernetesOffer(state)
            guard state.operation == nil, offer.isAnnounced else { return nil }
            next.screen = .dialog(UpgradeDialog(step: .select, selected: offer.proposed))
        case (.selectVersion(let version), .dialog(var dialog)) where dialog.step == .select:
            guard dialog.selected != version, dropDown(state).contains(version) else { return nil }
            dialog.selected = version
            next.screen = .dialog(dialog)
        case (.clickUpgrade, .dialog(var dialog)) where dialog.step == .select:
            guard let target = dialog.selected else { return nil }
            if let refusal = catalogue.kubernetesUpgradeRefusal(from: state.kubernetes, to: target, on: day(state)) {
                next.note = .refusal(refusal)
                break
            }
            let readiness = VersionCatalogue.staticTokenReadiness(staticTokens: state.staticTokens, target: target)
            dialog.step = readiness == .ready ? .ready : .notReady
            next.screen = .dialog(dialog)
        case (.back, .dialog(var dialog)):
            switch dialog.step {
            case .select: next.screen = .list
            case .notReady:
                dialog.step = .select
                next.screen = .dialog(dialog)
            case .preparing, .ready: return nil
            }
        case (.clickPrepare, .dialog(var dialog)) where dialog.step == .notReady:
            guard state.operation == nil else { return nil }
            dialog.step = .preparing
            next.screen = .dialog(dialog)
            next.operation = RunningOperation(kind: .prepare, step: 0)
        case (.clickRevert, .dialog(var dialog)) where dialog.step == .ready:
            if dialog.prepared {
                next.screen = .list
                next.operation = RunningOperation(kind: .revert, step: 0)
            } else {
                dialog.step = .select
                next.screen = .dialog(dialog)
            }
        case (.confirmUpgrade, .dialog(let dialog)) where dialog.step == .ready:
            guard state.operation == nil, let target = dialog.selected else { return nil }
            if let refusal = catalogue.upgradeRefusal(for: cluster(in: state), to: target, on: day(state)) {
                next.note = .refusal(refusal)
                break
            }
            next.screen = .list
            next.operation = RunningOperation(kind: .update(kubernetes: target, image: nil, maintenance: false), step: 0)
        case (.maintenanceWindow, .list), (.maintenanceWindow, .details), (.maintenanceWindow, .menu):
            guard state.operation == nil else { return nil }
            if case .menu(let over) = state.screen { next.screen = over.map(Screen.details) ?? .list }
            runMaintenance(&next)
        case (.advanceClock, .list), (.advanceClock, .details):
            guard !state.clockAdvanced else { return nil }
            next.clockAdvanced = true
        case (.dismissNote, _):
            guard state.note != nil else { return nil }
        default:
            return nil
        }
        return next
    }

    /// One tick of the running operation; its effect applies when its last step passes.
    private func advance(_ state: inout PanelState) {
        guard var operation = state.operation else { return }
        operation.step += 1
        guard operation.step >= stepCount(operation.kind, in: state) else {
            state.operation = operation
            return
        }
        state.operation = nil
        state.lastOperation = operation.kind
        switch operation.kind {
        case .update(let kubernetes, let image, _):
            state.kubernetes = kubernetes ?? state.kubernetes
            state.image = image ?? state.image
        case .prepare:
            state.staticTokens = false
            if case .dialog(var dialog) = state.screen, dialog.step == .preparing {
                dialog.step = .ready
                dialog.prepared = true
                state.screen = .dialog(dialog)
            }
        case .revert:
            state.staticTokens = true
        }
    }

    /// Rule 6: start what the maintenance window does, or say that nothing is due. A forced
    /// move to 1.27 or later disables static tokens in the same change, as Gardener's
    /// maintenance controller does (rule 3), and the notice says so.
    private func runMaintenance(_ state: inout PanelState) {
        let day = day(state)
        let kubernetes = catalogue.maintenanceKubernetesUpdate(from: state.kubernetes, autoUpdate: state.autoUpdateKubernetes, on: day)
        let image = catalogue.maintenanceImageUpdate(
            for: MachineImageReference(name: pool.image.name, version: state.image),
            kubernetes: kubernetes?.target ?? state.kubernetes, autoUpdate: state.autoUpdateImage, on: day)
        guard kubernetes != nil || image != nil else {
            state.note = .nothingDue
            return
        }
        if let kubernetes {
            let disablesTokens = VersionCatalogue.staticTokenReadiness(
                staticTokens: state.staticTokens, target: kubernetes.target) == .mustDisableStaticTokens
            if kubernetes.forced {
                state.note = .forcedUpdate(from: state.kubernetes, to: kubernetes.target, disablesStaticTokens: disablesTokens)
            }
            if disablesTokens { state.staticTokens = false }
        }
        state.operation = RunningOperation(kind: .update(kubernetes: kubernetes?.target, image: image?.target, maintenance: true), step: 0)
    }
}
