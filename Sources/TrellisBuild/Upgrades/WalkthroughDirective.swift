import Foundation
import TrellisIcons
import TrellisMarkdown

/// The ```` ```walkthrough rolling-upgrade ```` block: the interactive panel, with the state
/// graph the upgrade model computed for the brand embedded as JSON. The player
/// (`assets/walkthrough.js`) only renders states and follows edges.
enum WalkthroughDirective {
    static let name = "walkthrough"
    static let scenarios = ["rolling-upgrade"]
    static let stylesheet = "assets/walkthrough.css"
    static let script = "assets/walkthrough.js"

    static func directive(for block: WalkthroughBlock) -> FencedDirective {
        FencedDirective(name: name) { arguments, _ in
            let scenario = arguments.isEmpty ? scenarios[0] : arguments
            guard scenarios.contains(scenario) else {
                return .failure(
                    DirectiveFailure(
                        "unknown walkthrough '\(scenario)'; the walkthroughs are: \(scenarios.joined(separator: ", "))"))
            }
            return block.html()
        }
    }

    /// The panel's icons as the brand's icon library has them (a brand's own folder can
    /// replace any), keyed by the player's names; the player draws its own for missing ones.
    static let iconNames: [(player: String, shortcode: String)] = [
        ("up", "fontawesome-solid-circle-arrow-up"), ("arrow", "fontawesome-solid-arrow-up"),
        ("ok", "material-check-circle"), ("err", "material-alert-circle"), ("info", "material-information"),
        ("dots", "material-dots-horizontal-circle"),
    ]

    static func icons(_ library: IconLibrary) -> [String: String] {
        var result: [String: String] = [:]
        for (player, shortcode) in iconNames {
            guard case .html(let html) = library.lookup(shortcode), let start = html.range(of: "<svg"),
                let end = html.range(of: "</svg>", options: .backwards)
            else { continue }
            result[player] = String(html[start.lowerBound..<end.upperBound])
        }
        return result
    }

    /// The player's mount point. `<` is escaped in the JSON so no text in it can end the
    /// script element early.
    static func markup(scenario: String, json: String, icons: [String: String] = [:]) -> String {
        let safe = json.replacingOccurrences(of: "<", with: "\\u003c")
        var iconScript = ""
        if !icons.isEmpty, let data = try? JSONSerialization.data(withJSONObject: icons, options: [.sortedKeys]) {
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            iconScript = "\n<script type=\"application/json\" class=\"walkthrough-icons\">\(text)</script>"
        }
        return """
            <div class="walkthrough" data-scenario="\(scenario)">
            <script type="application/json" class="walkthrough-graph">\(safe)</script>\(iconScript)
            <noscript><p class="walkthrough-noscript">This interactive walkthrough needs JavaScript.</p></noscript>
            </div>

            """
    }
}
