import Foundation
import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The watcher's own thread: waits in `poll()` on the wake-up pipe (and the inotify descriptor),
/// gathers changes in the debouncer and delivers each batch, until a byte on the pipe says stop.
/// It owns the backend and the pipe's read end, and closes them when it ends.
struct WatchLoop: Sendable {
    #if os(Linux)
        /// Set while inotify watches; nil once it gave up (or was never used).
        var inotify: InotifyBackend?
    #endif
    /// Set while polling.
    var polling: PollingBackend?
    var debouncer: ChangeDebouncer
    let wakeDescriptor: Int32
    /// Set by `stop()` before it wakes the thread: no batch is delivered once it is set.
    let stopping: Locked<Bool>
    /// Which backend runs (changes when inotify runs out of watches).
    let activeBackend: Locked<FileWatcher.Backend>
    /// The thread running the loop, so `stop()` called from a callback does not wait for itself.
    let threadID: Locked<UInt?>
    /// The polling interval when inotify has to be given up.
    let fallbackInterval: Duration
    let onChange: @Sendable (FileChanges) -> Void

    mutating func run() {
        threadID.withLock { $0 = currentThreadID() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer {
            buffer.deallocate()
            closeSource()
            close(wakeDescriptor)
        }
        var descriptors = [pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            descriptors.removeSubrange(1...)
            #if os(Linux)
                if let inotify { descriptors.append(pollfd(fd: inotify.descriptor, events: Int16(POLLIN), revents: 0)) }
            #endif
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout(until: wakeUpTime()))
            if ready < 0 && errno != EINTR {
                // Only a transient shortage of kernel memory gets here: wait and try again.
                usleep(10_000)
                continue
            }
            if descriptors[0].revents != 0 || stopping.withLock({ $0 }) { return }
            let now = ContinuousClock.now
            collect(now: now, readable: ready > 0 && descriptors.count > 1 && descriptors[1].revents != 0, buffer: buffer)
            if let batch = debouncer.takeIfDue(at: .now) {
                if stopping.withLock({ $0 }) { return }
                onChange(batch)
            }
        }
    }

    /// When the loop must wake without an event: the batch is due, or the next scan.
    private func wakeUpTime() -> ContinuousClock.Instant? {
        guard let polling else { return debouncer.deadline }
        return debouncer.deadline.map { min($0, polling.nextScan) } ?? polling.nextScan
    }

    private mutating func collect(now: ContinuousClock.Instant, readable: Bool, buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            if readable, let events = inotify?.readEvents(buffer: buffer) {
                debouncer.add(events.paths, rescan: events.rescan, at: now)
                if events.exhausted { fallBackToPolling(now: now) }
            }
        #endif
        guard let nextScan = polling?.nextScan else { return }
        // A pending batch is only due once a scan has found the folder quiet: changes count from
        // the end of the scan that found them, so the next scan comes after the quiet window.
        guard now >= nextScan || debouncer.deadline.map({ now >= $0 }) == true, let changed = polling?.scan() else { return }
        debouncer.add(changed, at: .now)
    }

    #if os(Linux)
        /// inotify ran out of watches: poll instead, and say that changes may have been missed.
        private mutating func fallBackToPolling(now: ContinuousClock.Instant) {
            guard let inotify else { return }
            inotify.close()
            self.inotify = nil
            polling = PollingBackend(root: inotify.root, filter: inotify.filter, interval: fallbackInterval)
            activeBackend.withLock { $0 = .polling }
            debouncer.add([], rescan: true, at: now)
        }
    #endif

    private func closeSource() {
        #if os(Linux)
            inotify?.close()
        #endif
    }

    /// Milliseconds from now until `instant` (rounded up so the loop never wakes early and spins),
    /// or -1 (wait for an event) without one.
    private func timeout(until instant: ContinuousClock.Instant?) -> Int32 {
        guard let instant else { return -1 }
        let (seconds, attoseconds) = (instant - .now).components
        guard seconds >= 0, attoseconds > 0 || seconds > 0 else { return 0 }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}

/// An identifier of the calling thread.
func currentThreadID() -> UInt {
    #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
    #else
        UInt(pthread_self())
    #endif
}
