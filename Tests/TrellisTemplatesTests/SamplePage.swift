import TrellisTemplates

/// A realistic page of a small site, shared by the rendering tests and the preview.
enum SamplePage {
    static let nav: [NavNode] = [
        .page("Home", "index.html"),
        .section(
            "Getting started",
            [
                .page("Installation", "getting-started/install.html"),
                .page("Quick start", "getting-started/quick-start.html"),
                .section(
                    "Configuration",
                    [
                        .page("Basics", "getting-started/config/basics.html"),
                        .page("Networking", "getting-started/config/networking.html"),
                    ]),
            ]),
        .section(
            "Compute",
            [.page("Instances", "compute/instances.html"), .page("Images", "compute/images.html")]),
        .section("Storage", [.page("Volumes", "storage/volumes.html"), .page("Snapshots", "storage/snapshots.html")]),
        .page("API reference", "api.html"),
        .page("Status", "https://status.example.com"),
    ]

    static let site: SiteView = {
        var site = SiteView(
            siteName: "Acme Cloud Docs", brandName: "Acme <Cloud>", logoURL: "assets/images/logo.svg",
            faviconURL: "assets/images/favicon.png", primaryColor: "#0b5cad", accentColor: "#ff6d00",
            copyrightHTML: "Copyright &copy; 2026 <a href=\"https://acme.example\">Acme</a>",
            generator: "Trellis 0.1", extraCSS: ["css/extra.css"])
        // The footer links and a light/dark toggle, as the sample brands have them.
        site.features = ThemeFeatures(material: ["navigation.footer"])
        site.palette = [
            PaletteScheme(scheme: "default", toggle: PaletteToggle(name: "Switch to dark mode", iconSVG: "<svg id=\"moon\"></svg>")),
            PaletteScheme(scheme: "slate", toggle: PaletteToggle(name: "Switch to light mode", iconSVG: "<svg id=\"sun\"></svg>")),
        ]
        return site
    }()

    static let url = "getting-started/config/networking.html"

    static let headings: [TocEntry] = [
        TocEntry(level: 1, id: "networking", title: "Networking"),
        TocEntry(level: 2, id: "private-networks", title: "Private networks"),
        TocEntry(level: 3, id: "create-a-network", title: "Create a network"),
        TocEntry(level: 3, id: "attach-an-instance", title: "Attach an instance"),
        TocEntry(level: 2, id: "firewall-rules", title: "Firewall <rules> & policies"),
        TocEntry(level: 2, id: "limits", title: "Limits"),
    ]

    static let content = """
        <h1 id="networking">Networking<a class="headerlink" href="#networking" title="Permanent link">&para;</a></h1>
        <p>Every <strong>Acme Cloud</strong> project gets a private network. Instances on it talk to each other \
        without leaving the data centre; see <a href="../../compute/instances.html">Instances</a> for how to \
        start one.</p>
        <div class="admonition note"><p class="admonition-title">Note</p><p>Private traffic is free and is \
        not counted against your bandwidth quota.</p></div>
        <h2 id="private-networks">Private networks<a class="headerlink" href="#private-networks" title="Permanent link">&para;</a></h2>
        <p>Create a network in the <span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Z"/></svg></span> console or with the CLI.</p>
        <h3 id="create-a-network">Create a network<a class="headerlink" href="#create-a-network" title="Permanent link">&para;</a></h3>
        <pre><code class="language-bash">acme network create --name backend --cidr 10.0.0.0/16
        acme network list --output table
        </code></pre>
        <div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" \
        name="__tabbed_1" type="radio"><input id="__tabbed_1_2" name="__tabbed_1" type="radio"><div class="tabbed-labels">\
        <label for="__tabbed_1_1">CLI</label><label for="__tabbed_1_2">Terraform</label></div><div class="tabbed-content">\
        <div class="tabbed-block"><p>Run <code>acme network create</code>.</p></div><div class="tabbed-block">\
        <p>Use the <code>acme_network</code> resource.</p></div></div></div>
        <details class="tip"><summary>Choosing a CIDR</summary><p>Pick a range that does not overlap your office \
        network.</p></details>
        <h3 id="attach-an-instance">Attach an instance<a class="headerlink" href="#attach-an-instance" title="Permanent link">&para;</a></h3>
        <p>Use <code>acme instance attach</code> with the network's ID. Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop.</p>
        <div class="admonition warning"><p class="admonition-title">Warning</p><p>Attaching restarts the \
        instance's network interface.</p></div>
        <h2 id="firewall-rules">Firewall &lt;rules&gt; &amp; policies<a class="headerlink" href="#firewall-rules" title="Permanent link">&para;</a></h2>
        <table><thead><tr><th>Direction</th><th>Protocol</th><th>Default</th></tr></thead><tbody>
        <tr><td>Inbound</td><td>TCP</td><td>Deny</td></tr><tr><td>Outbound</td><td>Any</td><td>Allow</td></tr>
        </tbody></table>
        <blockquote><p>Rules apply in order; the first match wins.</p></blockquote>
        <h2 id="limits">Limits<a class="headerlink" href="#limits" title="Permanent link">&para;</a></h2>
        <ul><li>Up to 16 networks per project.</li><li>Up to 250 instances per network.</li></ul>
        """

    static func page(root: String = "../../") -> PageView {
        let index = NavigationIndex(nav)
        let neighbours = index.neighbours(of: url)
        return PageView(
            site: site, title: "Networking", description: "Private networks and firewalls for \"Acme\" instances.",
            canonicalURL: "https://docs.acme.example/getting-started/config/networking.html", root: root,
            contentHTML: content, toc: TocEntry.nest(headings), sidebar: index.sidebar(for: url),
            previous: neighbours.previous, next: neighbours.next)
    }
}
