/// A counting semaphore for tasks: waiting suspends the task instead of blocking a thread.
///
/// Waiters resume in FIFO order, so no URL starves behind later ones.
actor AsyncSemaphore {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    init(_ count: Int) {
        available = max(1, count)
    }

    func wait() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// How many tasks are suspended in `wait()`.
    var waiting: Int { waiters.count - head }

    func signal() {
        if head < waiters.count {
            let next = waiters[head]
            head += 1
            // Drop consumed slots now and then, so the queue stays linear overall.
            if head > 64, head * 2 > waiters.count {
                waiters.removeFirst(head)
                head = 0
            }
            next.resume()
        } else {
            available += 1
        }
    }
}

/// One semaphore per host, created on first use, so each host gets its own concurrency budget.
actor HostLimiter {
    private let perHost: Int
    private var semaphores: [String: AsyncSemaphore] = [:]

    init(perHost: Int) {
        self.perHost = perHost
    }

    func semaphore(for host: String) -> AsyncSemaphore {
        if let existing = semaphores[host] { return existing }
        let created = AsyncSemaphore(perHost)
        semaphores[host] = created
        return created
    }
}
