// The file watcher's benchmark (not a test): compiled with the watcher's sources by
// scripts/bench-watch.sh. Prints, for the tree given (only read) and a copy of it in a temporary
// folder (written to):
// - the CPU time of one polling scan of the tree, and the share of a core polling costs at the
//   default interval;
// - how long start() takes with inotify and with polling;
// - the latency from a write to the callback (median, 90th percentile, worst of 50), with inotify
//   (at the default debounce and a shorter one) and with polling at two intervals.
import Foundation
import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let tree = CommandLine.arguments.dropFirst().first ?? "/work/synth10k/content"
let samples = 50

func threadCPU() -> Duration {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
}

func processCPU() -> Duration {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return .seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + .microseconds(Int64(usage.ru_utime.tv_usec) + Int64(usage.ru_stime.tv_usec))
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.2f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
func percentile(_ values: [Duration], _ p: Double) -> Duration {
    values.sorted()[min(values.count - 1, Int(Double(values.count) * p))]
}

// 1. Polling scans of the read-only tree.
let filter = WatchFilter(root: URL(fileURLWithPath: tree), ignoring: [])
var polling = PollingBackend(root: tree, filter: filter, interval: .seconds(1))
var scanCPU: [Duration] = []
var scanWall: [Duration] = []
for _ in 0..<20 {
    let cpu = threadCPU()
    let wall = ContinuousClock.now
    let changed = polling.scan()
    scanCPU.append(threadCPU() - cpu)
    scanWall.append(ContinuousClock.now - wall)
    precondition(changed.isEmpty, "the tree changed while it was measured")
}
let interval = FileWatcher.defaultPollingInterval
let share = (median(scanCPU) / (interval + median(scanWall))) * 100
print("tree: \(tree) (\(polling.fileCount) files)")
print("polling scan: \(milliseconds(median(scanCPU))) CPU, \(milliseconds(median(scanWall))) wall (median of 20)")
print(String(format: "polling every %@: %.1f%% of one core", "\(interval)", share))

// The same measured from outside: a running polling watcher's whole-process CPU over 5 s.
do {
    let watcher = FileWatcher(root: URL(fileURLWithPath: tree), mode: .polling(interval: interval), onChange: { _ in })
    try watcher.start()
    let cpu = processCPU()
    Thread.sleep(forTimeInterval: 5)
    let used = processCPU() - cpu
    watcher.stop()
    print("idle polling watcher over 5 s: \(milliseconds(used)) CPU (\(String(format: "%.1f", used / .seconds(5) * 100))%)")
}

// 2. and 3. On a copy of the tree, which the latency runs write to.
let copy = FileManager.default.temporaryDirectory.appending(path: "bench-watch-\(UUID().uuidString)")
try FileManager.default.copyItem(at: URL(fileURLWithPath: tree), to: copy)
defer { try? FileManager.default.removeItem(at: copy) }
let pages = (try FileManager.default.subpathsOfDirectory(atPath: copy.path)).filter { $0.hasSuffix(".md") }.sorted()

struct Waiter: Sendable {
    let target = Locked<String?>(nil)
    let arrived = Locked<ContinuousClock.Instant?>(nil)
    let signal = DispatchSemaphore(value: 0)
}

let runs: [(FileWatcher.Mode, Duration)] = [
    (.automatic, .milliseconds(15)), (.automatic, .milliseconds(5)), (.polling(interval: .milliseconds(250)), .milliseconds(15)),
    (.polling(interval: .milliseconds(100)), .milliseconds(15)),
]
for (mode, debounce) in runs {
    let waiter = Waiter()
    let watcher = FileWatcher(
        root: copy, mode: mode, debounce: debounce,
        onChange: { changes in
            let now = ContinuousClock.now
            guard let target = waiter.target.withLock({ $0 }), changes.paths.contains(target) else { return }
            waiter.target.withLock { $0 = nil }
            waiter.arrived.withLock { $0 = now }
            waiter.signal.signal()
        })
    let startCPU = threadCPU()
    let started = ContinuousClock.now
    try watcher.start()
    let startWall = ContinuousClock.now - started
    let name = watcher.backend == .inotify ? "inotify" : "\(mode)"
    print("\(name), debounce \(debounce): start() \(milliseconds(startWall)) wall, \(milliseconds(threadCPU() - startCPU)) CPU")
    var latencies: [Duration] = []
    for sample in 0..<samples {
        let page = pages[(sample * 197) % pages.count]
        waiter.target.withLock { $0 = page }
        let written = ContinuousClock.now
        try Data("edited \(sample)\n".utf8).write(to: copy.appending(path: page))
        guard waiter.signal.wait(timeout: .now() + 10) == .success, let arrived = waiter.arrived.withLock({ $0 }) else {
            print("  sample \(sample): no callback within 10 s")
            continue
        }
        latencies.append(arrived - written)
        // A pause of varying length, so the writes fall at every point of a polling interval.
        Thread.sleep(forTimeInterval: 0.03 + Double(sample % 7) * 0.023)
    }
    watcher.stop()
    guard !latencies.isEmpty else { continue }
    print(
        "  write → callback: median \(milliseconds(median(latencies))), 90th percentile "
            + "\(milliseconds(percentile(latencies, 0.9))), worst \(milliseconds(latencies.max() ?? .zero)) (\(latencies.count) writes)"
    )
}
