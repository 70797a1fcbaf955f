/// One instruction of the guide: the event to highlight, its callout text, and whether it
/// repeats while an operation runs (the "wait for the progress to reach 100" steps).
public struct GuideInstruction: Hashable, Sendable {
    /// The event the callout points at.
    public var event: PanelEvent
    /// The callout text.
    public var text: String
    /// True for `tick` instructions that repeat until the running operation ends.
    public var repeatsWhileRunning: Bool
}

/// One entry of the guided path: in `state`, highlight `event` with `text`.
public struct GuideEntry: Hashable, Sendable {
    /// The state the entry applies to.
    public var state: PanelState
    /// The event to highlight.
    public var event: PanelEvent
    /// The callout text.
    public var text: String
}

extension Scenario {
    /// The guide's click order as data, following `rolling-upgrades.md`: image upgrade from the
    /// Worker Groups tab, then the Kubernetes upgrade from the row menu, with the preparation,
    /// then the page's "Verify the upgrade": the row, then the Status tab.
    public var guideScript: [GuideInstruction] {
        let image = pool.image.name
        let wait = "The animated icon at the left of the cluster row marks the progress: advance time until it completes."
        return [
            GuideInstruction(event: .openDetails, text: "Click the cluster row to bring its details into full view.", repeatsWhileRunning: false),
            GuideInstruction(event: .selectTab(.workerGroups), text: "Select the Worker Groups tab: the Image row shows the current \(image) version.", repeatsWhileRunning: false),
            GuideInstruction(event: .upgradeImage, text: "Hover the up-arrow to see the newer image version, then click it: the upgrade starts at once.", repeatsWhileRunning: false),
            GuideInstruction(event: .tick, text: "The arrow next to the worker group count is gone: the roll has started. " + wait, repeatsWhileRunning: true),
            GuideInstruction(event: .openMenu, text: "The version still has its blue arrow: click the ⋯ menu button at the right of the cluster row.", repeatsWhileRunning: false),
            GuideInstruction(event: .chooseKubernetesPatch, text: "Choose Kubernetes Patch Available: it appears only when a newer supported version is offered.", repeatsWhileRunning: false),
            GuideInstruction(event: .selectVersion(guideTarget), text: "From the Version drop-down, select \(guideTarget).", repeatsWhileRunning: false),
            GuideInstruction(event: .clickUpgrade, text: "The Version drop-down shows \(guideTarget): read the note, then click the blue Upgrade button.", repeatsWhileRunning: false),
            GuideInstruction(event: .clickPrepare, text: "Static token kubeconfigs are still enabled: click Prepare cluster upgrade to disable them.", repeatsWhileRunning: false),
            GuideInstruction(event: .tick, text: "Preparing is a reconcile of its own (up to 10 minutes): advance time until it completes.", repeatsWhileRunning: true),
            GuideInstruction(event: .confirmUpgrade, text: "The cluster is now ready: read the notes, then click the green Upgrade button.", repeatsWhileRunning: false),
            GuideInstruction(event: .tick, text: "The row already shows \(guideTarget), the version the cluster moves to. " + wait, repeatsWhileRunning: true),
            GuideInstruction(event: .openDetails, text: "The upgrade is done: the row shows a check mark and \(guideTarget). Click the cluster row to check the result.", repeatsWhileRunning: false),
            GuideInstruction(event: .selectTab(.status), text: "Select the Status tab: the last operation shows as succeeded.", repeatsWhileRunning: false),
        ]
    }

    /// The guided path: `guideScript` replayed from `initialState` with the transition function,
    /// each repeating instruction expanded into one entry per tick. Returns the entries and the
    /// final (goal) state, or nil when an instruction is not possible where the script reaches.
    /// Two instructions are skipped where they have nothing to do: Prepare when static tokens are
    /// already off, and choosing the target when the dialog already proposes it. Any other
    /// mismatch between the scenario and the guide fails.
    public func guidePath() -> (entries: [GuideEntry], goal: PanelState)? {
        var state = initialState
        var entries: [GuideEntry] = []
        for instruction in guideScript {
            if instruction.repeatsWhileRunning {
                var guardCount = 0
                while state.operation != nil, guardCount < 10_000, let next = transition(state, instruction.event) {
                    entries.append(GuideEntry(state: state, event: instruction.event, text: instruction.text))
                    state = next
                    guardCount += 1
                }
                if state.operation != nil { return nil }
                continue
            }
            guard let next = transition(state, instruction.event), next.note == nil else {
                if instruction.event == .clickPrepare { continue }
                if case .selectVersion(let version) = instruction.event, case .dialog(let dialog) = state.screen,
                   dialog.selected == version { continue }
                return nil
            }
            entries.append(GuideEntry(state: state, event: instruction.event, text: instruction.text))
            state = next
        }
        return (entries, state)
    }
}
