import TrellisCore
import TrellisIcons
import TrellisMarkdown
import UpgradeModel

/// A brand's walkthrough block: the model's state graph and the brand's icons, built the first
/// time a page embeds it, then shared by every page that does.
final class WalkthroughBlock: Sendable {
    let brand: Brand
    let icons: IconLibrary
    private let markup = Locked<Result<String, DirectiveFailure>?>(nil)

    init(brand: Brand, icons: IconLibrary) {
        self.brand = brand
        self.icons = icons
    }

    /// The block's HTML, or why it cannot be built.
    func html() -> Result<String, DirectiveFailure> {
        markup.withLock { markup in
            if let markup { return markup }
            let result = build()
            markup = result
            return result
        }
    }

    private func build() -> Result<String, DirectiveFailure> {
        guard let upgrades = brand.upgrades, let settings = upgrades.walkthrough else {
            return .failure(
                DirectiveFailure(
                    "brand '\(brand.id)' has no walkthrough scenario; add 'upgrades: walkthrough:' to \(brand.path ?? "its brand file")"))
        }
        let panel = brand.extra["panel"]?["name"]?.stringValue ?? brand.name
        do {
            let json = try WalkthroughGraph.json(for: settings.scenario(catalogue: upgrades.catalogue, panelName: panel))
            return .success(
                WalkthroughDirective.markup(
                    scenario: WalkthroughDirective.scenarios[0], json: json, icons: WalkthroughDirective.icons(icons)))
        } catch let error as WalkthroughGraph.TooManyStates {
            return .failure(DirectiveFailure("\(error) (\(brand.path ?? "the brand file"))"))
        } catch {
            return .failure(DirectiveFailure("the walkthrough's state graph cannot be built: \(error)"))
        }
    }
}
