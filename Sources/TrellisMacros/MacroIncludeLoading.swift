/// Where `{% include "name" %}` finds its templates: the MkDocs macros plugin's `include_dir`
/// (its docs folder by default). Implementations parse each file once and are shared by the
/// pages rendered in parallel.
public protocol MacroIncludeLoading: Sendable {
    /// The template named `name` (a `/`-separated path inside the folder), or nil when there is
    /// none or the name leaves the folder (`..`), as Jinja's `FileSystemLoader` refuses it.
    func template(named name: String) -> MacroTemplate?
    /// The folder searched, for the message when a template is missing.
    var searchedFolder: String? { get }
}
