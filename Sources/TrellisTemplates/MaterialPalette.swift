/// Material for MkDocs' named colours, as its stylesheets define them, so `primary: indigo`
/// looks the same in Trellis. The one table both `mkdocs.yml` palettes and theme colours use.
public enum MaterialPalette {
    public static let primary: [String: String] = [
        "red": "#ef5552", "pink": "#e92063", "purple": "#ab47bd", "deep-purple": "#7e56c2",
        "indigo": "#4051b5", "blue": "#2094f3", "light-blue": "#02a6f2", "cyan": "#00bdd6",
        "teal": "#009485", "green": "#4cae4f", "light-green": "#8bc34b", "lime": "#cbdc38",
        "yellow": "#ffec3d", "amber": "#ffc105", "orange": "#ffa724", "deep-orange": "#ff6e42",
        "brown": "#795649", "grey": "#757575", "blue-grey": "#546d78", "black": "#000000",
        "white": "#ffffff",
    ]
    public static let accent: [String: String] = [
        "red": "#ff1a47", "pink": "#f50056", "purple": "#df41fb", "deep-purple": "#7c4dff",
        "indigo": "#526cfe", "blue": "#4287ff", "light-blue": "#0091eb", "cyan": "#00bad6",
        "teal": "#00bda4", "green": "#00c753", "light-green": "#63de17", "lime": "#b0eb00",
        "yellow": "#ffd500", "amber": "#ffaa00", "orange": "#ff9100", "deep-orange": "#ff6e42",
    ]

    /// Material writes `deep purple` and `deep-purple` alike; case does not matter.
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: "-")
    }
}
