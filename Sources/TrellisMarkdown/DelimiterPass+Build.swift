/// An element pymdownx's `_build_element` makes: its tag, its text and tail (ranges of the
/// text; `nil` where Python leaves `None`) and its children, by index into the same array.
struct BuiltElement {
    var tag: InlineTag
    var region: DelimiterPairing.Region
    var text: Range<Int>?
    var tail: Range<Int>?
    var children: [Int] = []
}

extension DelimiterPass {
    /// `_build_element`: the element of `regions[start]` with the regions nested in it, and how
    /// many regions it took. The first element is the top one.
    static func build(_ regions: [DelimiterPairing.Region], from start: Int, delimiters: [InlineDelimiter]) -> ([BuiltElement], Int) {
        func slice(_ from: Int, _ to: Int) -> Range<Int> { from..<max(from, to) }
        var elements: [BuiltElement] = []
        var last = -1
        var previous: DelimiterPairing.Region?
        var outer: [Int] = []
        var outerRegions: [DelimiterPairing.Region] = []
        var taken = 0
        var index = start
        while index < regions.count {
            taken = index - start + 1
            let region = regions[index]
            if region.openStart >= regions[start].closeEnd {
                taken -= 1
                break
            }
            let delimiter = delimiters[region.delimiter]
            elements.append(BuiltElement(tag: region.size == 2 ? delimiter.doubleTag : delimiter.singleTag, region: region))
            let made = elements.count - 1
            if taken > 1, let previous, let outerLast = outer.last, let outerRegion = outerRegions.last, last >= 0 {
                if elements[last].text == nil {
                    elements[last].text = previous.closeStart < region.openStart
                        ? slice(previous.openEnd, previous.closeStart) : slice(previous.openEnd, region.openStart)
                }
                if last != outerLast && elements[last].tail == nil {
                    if region.openStart < outerRegion.closeEnd {
                        elements[last].tail = slice(previous.closeEnd, region.openStart)
                    } else {
                        elements[last].tail = slice(previous.closeEnd, outerRegion.closeStart)
                        elements[outerLast].tail = slice(outerRegion.closeEnd, region.openStart)
                    }
                }
            }
            if last < 0 {
                last = made
                outer.append(made)
                outerRegions.append(region)
            } else {
                while outerRegions.count > 1, let outerRegion = outerRegions.last, region.closeEnd > outerRegion.closeEnd {
                    outer.removeLast()
                    outerRegions.removeLast()
                }
                if let parent = outer.last { elements[parent].children.append(made) }
                if index + 1 < regions.count, region.closeEnd > regions[index + 1].closeEnd {
                    outer.append(made)
                    outerRegions.append(region)
                }
                last = made
            }
            previous = region
            index += 1
        }
        while let outerLast = outer.last, let outerRegion = outerRegions.last, let region = previous, last >= 0 {
            if elements[last].text == nil { elements[last].text = slice(region.openEnd, region.closeStart) }
            if elements[last].tail == nil && last != outerLast { elements[last].tail = slice(region.closeEnd, outerRegion.closeStart) }
            last = outer.removeLast()
            previous = outerRegions.removeLast()
        }
        return (elements, taken)
    }
}
