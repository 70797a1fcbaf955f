#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
    private let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

/// The process's peak resident memory so far, for `--verbose` stage lines: after each stage it
/// shows which stage raised the peak.
enum ProcessPeakMemory {
    /// Megabytes (10⁶ bytes), or `nil` where the system does not say.
    static var megabytes: Int? {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return nil }
        #if canImport(Darwin)
            let bytes = Int(usage.ru_maxrss)  // bytes on Darwin
        #else
            let bytes = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
        return bytes / 1_000_000
    }
}
