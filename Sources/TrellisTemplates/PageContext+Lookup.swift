import Mustache

// Mustache finds names by reflection unless a value answers itself; answering directly is
// several times faster, which matters for a sidebar of a thousand entries on every page.

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "documentTitle": documentTitle
        case "title": title
        case "siteName": siteName
        case "brandName": brandName
        case "generator": generator
        case "description": description
        case "hasDescription": hasDescription
        case "canonicalURL": canonicalURL
        case "hasCanonicalURL": hasCanonicalURL
        case "editURL": editURL
        case "hasEditURL": hasEditURL
        case "showsTitleHeading": showsTitleHeading
        case "root": root
        case "homeHref": homeHref
        case "assetsHref": assetsHref
        case "logoHref": logoHref
        case "hasLogo": hasLogo
        case "faviconHref": faviconHref
        case "hasFavicon": hasFavicon
        case "primaryColor": primaryColor
        case "accentColor": accentColor
        case "onPrimaryColor": onPrimaryColor
        case "content": content
        case "copyright": copyright
        case "hasCopyright": hasCopyright
        case "toc": toc
        case "hasToc": hasToc
        case "sidebar": sidebar
        case "sidebarBlocks": sidebarBlocks
        case "previous": previous
        case "next": next
        case "hasPageLinks": hasPageLinks
        case "extraCSS": extraCSS
        case "extraJavaScript": extraJavaScript
        case "hasSearch": hasSearch
        case "lastUpdated": lastUpdated
        case "hasLastUpdated": hasLastUpdated
        case "created": created
        case "hasCreated": hasCreated
        case "hasSourceFile": hasSourceFile
        case "look": look
        default: look.child(named: name)
        }
    }
}

extension PageContext.NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "hasHref": hasHref
        case "isSection": isSection
        case "isActive": isActive
        case "isInActiveTrail": isInActiveTrail
        case "isExpanded": isExpanded
        case "children": children
        case "childBlocks": childBlocks
        case "isPrerendered": isPrerendered
        case "integratedToc": integratedToc
        case "hasIntegratedToc": hasIntegratedToc
        default: nil
        }
    }
}

extension PageContext.Prerendered: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "html": html
        case "isPrerendered": isPrerendered
        // A tree element answers the tree keys itself (it has no children), so a section on one
        // never finds its parent's list and walks it again (see TemplateChecks.treeKeys).
        case "children", "childBlocks": [PageContext.NavItem]()
        default: nil
        }
    }
}

extension PageContext.TocItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "level": level
        case "children": children
        case "hasChildren": hasChildren
        default: nil
        }
    }
}

extension PageContext.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        default: nil
        }
    }
}

extension PageContext.Href: MustacheParent {
    func child(named name: String) -> Any? {
        name == "href" ? href : nil
    }
}

extension MaterialLook.PaletteOption: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "index": index
        case "next": next
        case "scheme": scheme
        case "primary": primary
        case "accent": accent
        case "media": media
        case "hasMedia": !media.isEmpty
        case "hasToggle": hasToggle
        case "toggleName": toggleName
        case "toggleIcon": toggleIcon
        case "isFirst": isFirst
        default: nil
        }
    }
}

extension MaterialLook.Tab: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "isActive": isActive
        default: nil
        }
    }
}

extension MaterialLook.InlineStyle: MustacheParent {
    func child(named name: String) -> Any? {
        name == "css" ? css : nil
    }
}

extension MaterialLook.Social: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        case "icon": icon
        default: nil
        }
    }
}

extension MaterialLook: MustacheParent {
    /// The names `PageContext` answers from here.
    func child(named name: String) -> Any? {
        switch name {
        case "colorScheme": colorScheme
        case "hasColorScheme": !colorScheme.isEmpty
        case "colorPrimary": colorPrimary
        case "hasColorPrimary": !colorPrimary.isEmpty
        case "colorAccent": colorAccent
        case "hasColorAccent": !colorAccent.isEmpty
        case "customColorCSS": customColorCSS
        case "hasCustomColors": !customColorCSS.isEmpty
        case "paletteOptions": paletteOptions
        case "hasPaletteToggle": hasPaletteToggle
        case "featureNames": featureNames
        case "hasFeatureNames": !featureNames.isEmpty
        case "tabs": tabs
        case "hasTabs": !tabs.isEmpty
        case "hasStickyTabs": hasStickyTabs && !tabs.isEmpty
        case "path": path
        case "hasPath": !path.isEmpty
        case "hasBackToTop": hasBackToTop
        case "repoURL": repoURL
        case "repoName": repoName
        case "repoIcon": repoIcon
        case "hasRepoIcon": !repoIcon.isEmpty
        case "hasRepo": hasRepo
        case "social": social
        case "hasSocial": !social.isEmpty
        case "inlineStyles": inlineStyles
        case "tocTitle": tocTitle
        case "logoIcon": logoIcon
        case "hasLogoIcon": !logoIcon.isEmpty
        default: nil
        }
    }
}
