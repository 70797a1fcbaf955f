import TrellisMarkdown

/// The ```` ```walkthrough rolling-upgrade ```` block: the interactive panel, with the state
/// graph the upgrade model computed for the brand embedded as JSON. The player
/// (`assets/walkthrough.js`) only renders states and follows edges.
enum WalkthroughDirective {
    static let name = "walkthrough"
    static let scenarios = ["rolling-upgrade"]
    static let stylesheet = "assets/walkthrough.css"
    static let script = "assets/walkthrough.js"

    static func directive(for state: BrandState) -> FencedDirective {
        FencedDirective(name: name) { arguments, _ in
            let scenario = arguments.isEmpty ? scenarios[0] : arguments
            guard scenarios.contains(scenario) else {
                return .failure(
                    DirectiveFailure(
                        "unknown walkthrough '\(scenario)'; the walkthroughs are: \(scenarios.joined(separator: ", "))"))
            }
            return state.walkthroughGraph().map { markup(scenario: scenario, json: $0) }
        }
    }

    /// The player's mount point. `<` is escaped in the JSON so no text in it can end the
    /// script element early.
    static func markup(scenario: String, json: String) -> String {
        let safe = json.replacingOccurrences(of: "<", with: "\\u003c")
        return """
            <div class="walkthrough" data-scenario="\(scenario)">
            <script type="application/json" class="walkthrough-graph">\(safe)</script>
            <noscript><p class="walkthrough-noscript">This interactive walkthrough needs JavaScript.</p></noscript>
            </div>

            """
    }
}
