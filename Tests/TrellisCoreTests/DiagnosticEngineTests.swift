import Testing

@testable import TrellisCore

/// The engine gives every diagnostic the severity the rule catalogue lists for its rule (or its
/// rule's variant); overrides by rule ID, the MkDocs policy and `--strict` come on top.
@Suite struct DiagnosticEngineTests {
    private func emitted(_ diagnostic: Diagnostic, into engine: DiagnosticEngine = DiagnosticEngine()) -> Severity? {
        engine.emit(diagnostic)
        return engine.diagnostics.first?.severity
    }

    @Test func aNewDiagnosticHasItsRulesCatalogueSeverity() {
        for rule in RuleCatalog.all {
            let d = Diagnostic(rule.id, path: "docs/a.md", at: nil, message: "m")
            #expect(d.severity == rule.defaultSeverity, "\(rule.id)")
        }
    }

    @Test func theEngineAssignsTheCatalogueSeverityWhateverTheEmitterSaid() {
        #expect(emitted(Diagnostic(.brokenLink, .warning, path: "docs/a.md", at: nil, message: "m")) == .error)
        #expect(emitted(Diagnostic(.orphanPage, .error, path: "docs/a.md", at: nil, message: "m")) == .warning)
        #expect(emitted(Diagnostic(.excludedFileLink, .error, path: "docs/a.md", at: nil, message: "m")) == .note)
    }

    @Test func aVariantIsReportedUnderItsRulesIDAtItsOwnSeverity() {
        let engine = DiagnosticEngine()
        engine.emit(Diagnostic(.rateLimitedExternalLink, path: "docs/a.md", at: nil, message: "m"))
        let d = engine.diagnostics.first
        #expect(d?.id == .externalLink)
        #expect(d?.severity == .warning)
        #expect(d?.formatted == "docs/a.md: warning: m [ExternalLink]")
    }

    @Test func overridesByRuleIDApplyToTheRuleAndItsVariants() {
        let overrides: [RuleID: Severity?] = [.externalLink: .note, .orphanPage: .none]
        let engine = DiagnosticEngine(overrides: overrides)
        engine.emit(Diagnostic(.externalLink, path: "docs/a.md", at: nil, message: "down"))
        engine.emit(Diagnostic(.rateLimitedExternalLink, path: "docs/a.md", at: nil, message: "limited"))
        engine.emit(Diagnostic(.orphanPage, path: "docs/b.md", at: nil, message: "orphan"))
        #expect(engine.diagnostics.map(\.severity) == [.note, .note])
    }

    @Test func strictPromotesWarningsButNotNotes() {
        let engine = DiagnosticEngine(strict: true)
        engine.emit(Diagnostic(.orphanPage, path: "docs/a.md", at: nil, message: "orphan"))
        engine.emit(Diagnostic(.redirectOverPage, path: "mkdocs.yml", at: nil, message: "redirect"))
        #expect(engine.diagnostics.map(\.severity) == [.error, .note])
    }

    @Test func onAnMkDocsSiteOnlyTheListedRulesStayErrors() {
        let engine = DiagnosticEngine()
        engine.policy.onlyErrors = [.configType]
        engine.emit(Diagnostic(.brokenLink, path: "docs/a.md", at: nil, message: "link"))
        engine.emit(Diagnostic(.configType, path: "mkdocs.yml", at: nil, message: "type"))
        #expect(engine.diagnostics.map(\.severity) == [.warning, .error])
    }

    @Test func everyVariantBelongsToACatalogueRuleAndDiffersFromItsSeverity() {
        for variant in RuleCatalog.variants {
            let rule = RuleCatalog.descriptor(variant.rule)
            #expect(rule != nil, "\(variant)")
            #expect(rule?.defaultSeverity != variant.defaultSeverity, "\(variant) has its rule's severity")
            #expect(!variant.summary.isEmpty)
        }
        let names = RuleCatalog.variants.map(\.description)
        #expect(Set(names).count == names.count)
    }

    @Test func anIDOutsideTheCatalogueIsAnError() {
        #expect(RuleCatalog.defaultSeverity(of: "NoSuchRule") == .error)
    }
}
