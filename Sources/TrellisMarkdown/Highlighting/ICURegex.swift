import Foundation

#if canImport(_FoundationICU)
import _FoundationICU

/// One compiled ICU regular expression, shared by every thread. ICU's matcher holds the text
/// and match state, so each concurrent use takes its own clone from a small pool (cloning
/// shares the compiled pattern).
final class ICURegex: @unchecked Sendable {
    private let compiled: OpaquePointer
    private let lock = NSLock()
    private var pool: [OpaquePointer] = []
    static let timeLimit: Int32 = 200

    /// Compiles `pattern` (ICU syntax); nil with the reason when ICU rejects it.
    init(pattern: String, caseInsensitive: Bool, multiline: Bool, dotAll: Bool) throws {
        var flags = UInt32(UREGEX_UNIX_LINES.rawValue)
        if caseInsensitive { flags |= UInt32(UREGEX_CASE_INSENSITIVE.rawValue) }
        if multiline { flags |= UInt32(UREGEX_MULTILINE.rawValue) }
        if dotAll { flags |= UInt32(UREGEX_DOTALL.rawValue) }
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let regex = units.withUnsafeBufferPointer { buffer in
            swift_uregex_open(buffer.baseAddress, Int32(buffer.count), flags, &parseError, &status)
        }
        guard let regex, status.rawValue <= U_ZERO_ERROR.rawValue else {
            if let regex { swift_uregex_close(regex) }
            throw PythonRegexTranslation.Unsupported(reason: "ICU error \(status.rawValue) at \(parseError.offset)")
        }
        compiled = regex
    }

    deinit {
        for matcher in pool { swift_uregex_close(matcher) }
        swift_uregex_close(compiled)
    }

    /// A matcher for one thread's use, returned with `give`.
    func take() -> ICUMatcher? {
        lock.lock()
        if let matcher = pool.popLast() {
            lock.unlock()
            return ICUMatcher(handle: matcher)
        }
        lock.unlock()
        var status = U_ZERO_ERROR
        let clone = swift_uregex_clone(compiled, &status)
        guard let clone, status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
        // A pattern that backtracks catastrophically on some input gives up (as no match) instead
        // of stalling the build: the limit is in ICU's engine steps, roughly milliseconds.
        swift_uregex_setTimeLimit(clone, Self.timeLimit, &status)
        return ICUMatcher(handle: clone)
    }

    func give(_ matcher: ICUMatcher) {
        lock.lock()
        pool.append(matcher.handle)
        lock.unlock()
    }
}

/// A matcher set to one text (UTF-16 units that outlive it).
struct ICUMatcher {
    let handle: OpaquePointer

    /// Sets the text: `count` units at `base`.
    func setText(_ base: UnsafePointer<UInt16>, count: Int) -> Bool {
        var status = U_ZERO_ERROR
        swift_uregex_setText(handle, base, Int32(count), &status)
        return status.rawValue <= U_ZERO_ERROR.rawValue
    }

    /// Python's `pattern.match(text, pos)`: a match starting exactly at `position`, with `^`,
    /// `\A` and lookbehind seeing the whole text. Returns the end of the match.
    func match(at position: Int) -> Int? {
        var status = U_ZERO_ERROR
        guard swift_uregex_lookingAt(handle, Int32(position), &status) != 0, status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
        let end = swift_uregex_end(handle, 0, &status)
        return status.rawValue <= U_ZERO_ERROR.rawValue && end >= position ? Int(end) : nil
    }

    /// The range of group `number` of the last match, nil when it did not take part.
    func group(_ number: Int) -> Range<Int>? {
        var status = U_ZERO_ERROR
        let start = swift_uregex_start(handle, Int32(number), &status)
        let end = swift_uregex_end(handle, Int32(number), &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue, start >= 0, end >= start else { return nil }
        return Int(start)..<Int(end)
    }
}
#else

/// Without ICU's C interface (Apple platforms): NSRegularExpression over an NSString.
final class ICURegex: @unchecked Sendable {
    let regex: NSRegularExpression

    init(pattern: String, caseInsensitive: Bool, multiline: Bool, dotAll: Bool) throws {
        var options: NSRegularExpression.Options = [.useUnixLineSeparators]
        if caseInsensitive { options.insert(.caseInsensitive) }
        if multiline { options.insert(.anchorsMatchLines) }
        if dotAll { options.insert(.dotMatchesLineSeparators) }
        regex = try NSRegularExpression(pattern: pattern, options: options)
    }

    func take() -> ICUMatcher? { ICUMatcher(regex: regex) }
    func give(_ matcher: ICUMatcher) {}
}

final class ICUMatcher {
    let regex: NSRegularExpression
    var text = NSString()
    var last: NSTextCheckingResult?

    init(regex: NSRegularExpression) { self.regex = regex }

    func setText(_ base: UnsafePointer<UInt16>, count: Int) -> Bool {
        text = NSString(characters: base, length: count)
        return true
    }

    func match(at position: Int) -> Int? {
        let range = NSRange(location: position, length: text.length - position)
        last = regex.firstMatch(
            in: text as String, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds], range: range)
        return last.map { $0.range.location + $0.range.length }
    }

    func group(_ number: Int) -> Range<Int>? {
        guard let last, number < last.numberOfRanges else { return nil }
        let range = last.range(at: number)
        return range.location == NSNotFound ? nil : range.location..<(range.location + range.length)
    }
}
#endif
