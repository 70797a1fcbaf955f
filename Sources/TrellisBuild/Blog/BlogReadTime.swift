/// A post's reading time as Material's blog computes it (`readtime/__init__.py`): the words of
/// its HTML's text (outside `script`, `style`, `svg` and `object`), split as `re.split(r"\W+")`
/// splits them, at `wordsPerMinute`, plus 12 seconds for the first image, one less for each
/// next one down to 3, rounded up to whole minutes.
enum BlogReadTime {
    static let skipped: Set<String> = ["object", "script", "style", "svg"]
    /// HTML's void elements, which are never closed (Material's search plugin's list).
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    static func minutes(html: String, wordsPerMinute: Int) -> Int {
        let (pieces, images) = count(html)
        var seconds = Int((Double(pieces) / Double(max(1, wordsPerMinute)) * 60).rounded(.up))
        var delta = 12
        for _ in 0..<images {
            seconds += delta
            if delta > 3 { delta -= 1 }
        }
        return Int((Double(seconds) / 60).rounded(.up))
    }

    /// The number of pieces `re.split(r"\W+", text)` gives, and the number of images.
    static func count(_ html: String) -> (pieces: Int, images: Int) {
        var context: [String] = []
        var skipping = 0
        var pieces = 1
        var inWord = true
        var images = 0
        func text(_ scalar: Unicode.Scalar) {
            guard skipping == 0 else { return }
            if isWord(scalar) {
                inWord = true
            } else if inWord {
                inWord = false
                pieces += 1
            }
        }
        let s = Array(html.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "<", i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                var j = i + 4
                while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                i = j + 3
                continue
            }
            if c == "<", i + 1 < s.count, s[i + 1] == "/" || s[i + 1].properties.isAlphabetic {
                let closing = s[i + 1] == "/"
                var j = i + (closing ? 2 : 1)
                var name = ""
                while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
                    name.unicodeScalars.append(s[j])
                    j += 1
                }
                name = name.lowercased()
                var quote: Unicode.Scalar?
                while j < s.count {
                    if let q = quote {
                        if s[j] == q { quote = nil }
                    } else if s[j] == "\"" || s[j] == "'" {
                        quote = s[j]
                    } else if s[j] == ">" {
                        break
                    }
                    j += 1
                }
                if closing {
                    if context.last == name {
                        context.removeLast()
                        if skipped.contains(name) { skipping -= 1 }
                    }
                } else {
                    if name == "img" { images += 1 }
                    let selfClosing = j > 0 && j - 1 < s.count && s[j - 1] == "/"
                    if !void.contains(name), !selfClosing {
                        context.append(name)
                        if skipped.contains(name) { skipping += 1 }
                    }
                }
                i = j + 1
                continue
            }
            if c == "&" {
                var j = i + 1
                var entity = ""
                while j < s.count, j - i < 12, s[j] != ";", s[j] != "<", s[j] != " " {
                    entity.unicodeScalars.append(s[j])
                    j += 1
                }
                if j < s.count, s[j] == ";" {
                    text(decode(entity))
                    i = j + 1
                    continue
                }
            }
            text(c)
            i += 1
        }
        return (pieces, images)
    }

    /// A character reference's character (a named one other than a letter counts as a symbol).
    private static func decode(_ entity: String) -> Unicode.Scalar {
        if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let n = UInt32(entity.dropFirst(2), radix: 16) {
            return Unicode.Scalar(n) ?? " "
        }
        if entity.hasPrefix("#"), let n = UInt32(entity.dropFirst()) { return Unicode.Scalar(n) ?? " " }
        return " "
    }

    /// Python's `\w` on `str`: letters, numbers and `_`.
    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber,
            .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }
}
