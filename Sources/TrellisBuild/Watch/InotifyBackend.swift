#if os(Linux)
    import Glibc

    /// Watching with Linux inotify: one watch per folder (inotify is not recursive), added for
    /// folders created or moved in later, whose files are reported at once since they may have
    /// been written before the watch existed. Keeps the set of files it knows, so a folder moved
    /// away or deleted reports every file that was in it.
    ///
    /// Owned by one thread: the watcher's, after `init` on the thread that starts it.
    struct InotifyBackend: Sendable {
        /// The kernel refused another watch (`max_user_watches`) or instance: fall back to polling.
        struct Exhausted: Error {}

        /// Why `init` failed: the `errno` of the call that did.
        struct Unavailable: Error {
            let call: String
            let code: Int32
        }

        /// What one read of the queue found.
        struct Events {
            var paths: [String] = []
            /// Changes may have been missed: the queue overflowed, or the root itself went away.
            var rescan = false
            /// A watch could not be added: the caller must fall back to polling.
            var exhausted = false
        }

        let root: String
        let filter: WatchFilter
        let descriptor: Int32
        /// Fails every watch after this many, as if the kernel's limit were reached (tests only).
        let watchLimit: Int?
        private var folderOf: [Int32: String] = [:]
        private var watchOf: [String: Int32] = [:]
        private var files: Set<String> = []

        private static let eventMask =
            UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
            | UInt32(IN_DELETE_SELF | IN_ATTRIB | IN_ONLYDIR | IN_EXCL_UNLINK)

        /// Watches every folder under `root` the filter keeps. Throws `Exhausted` when the kernel
        /// refuses a watch, `Unavailable` when inotify cannot be used at all.
        init(root: String, filter: WatchFilter, watchLimit: Int? = nil) throws {
            self.root = root
            self.filter = filter
            self.watchLimit = watchLimit
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { throw Unavailable(call: "inotify_init1", code: errno) }
            do {
                _ = try addTree("")
                guard watchOf[""] != nil else { throw Unavailable(call: "inotify_add_watch", code: errno) }
            } catch {
                Glibc.close(descriptor)
                throw error
            }
        }

        /// The folders watched, relative to the root ("" is the root).
        var watchedFolders: Set<String> { Set(watchOf.keys) }

        /// Closes the inotify descriptor, which removes every watch.
        func close() {
            Glibc.close(descriptor)
        }

        /// Reads every queued event into `buffer`, updates the watches and returns what changed.
        mutating func readEvents(buffer: UnsafeMutableRawBufferPointer) -> Events {
            var events = Events()
            // A bounded number of reads, so a process writing without pause cannot keep the loop
            // here forever: what is left is read on the next turn, after any batch that is due.
            for _ in 0..<16 {
                guard let base = buffer.baseAddress else { break }
                let count = read(descriptor, base, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameStart = offset + 16
                    guard nameStart + length <= count else { break }
                    let nameBytes = UnsafeRawBufferPointer(rebasing: buffer[nameStart..<nameStart + length]).prefix { $0 != 0 }
                    offset = nameStart + length
                    do {
                        try handle(watch: watch, mask: mask, name: Self.name(nameBytes), into: &events)
                    } catch {
                        events.exhausted = true
                        return events
                    }
                }
            }
            return events
        }

        private mutating func handle(watch: Int32, mask: UInt32, name: String?, into events: inout Events) throws {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                events.rescan = true
                try resynchronize()
                return
            }
            guard let folder = folderOf[watch] else { return }
            if mask & UInt32(IN_IGNORED) != 0 {
                forget(watch: watch, folder: folder)
                return
            }
            if mask & UInt32(IN_DELETE_SELF | IN_UNMOUNT) != 0 {
                if folder.isEmpty { events.rescan = true }
                return
            }
            guard let name, !name.isEmpty else { return }
            let path = folder.isEmpty ? name : folder + "/" + name
            let gone = mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0
            if mask & UInt32(IN_ISDIR) != 0 {
                guard !filter.ignoresFolder(path) else { return }
                if gone {
                    events.paths.append(contentsOf: removeTree(path))
                } else if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    events.paths.append(contentsOf: try addTree(path))
                }
                return
            }
            guard !filter.ignoresFile(path) else { return }
            if gone { files.remove(path) } else { files.insert(path) }
            events.paths.append(path)
        }

        /// Watches `folder` and every folder under it; records and returns the files in them.
        private mutating func addTree(_ folder: String) throws -> [String] {
            var found: [String] = []
            try TreeScanner.walk(
                root: root, from: folder, filter: filter, stamps: false,
                enterFolder: { try addWatch($0) },
                visitFiles: { folder, entries in
                    for (name, _) in entries {
                        let path = folder.isEmpty ? name : folder + "/" + name
                        files.insert(path)
                        found.append(path)
                    }
                })
            return found
        }

        /// Stops watching `folder` and everything under it; forgets and returns the files in it.
        private mutating func removeTree(_ folder: String) -> [String] {
            let prefix = folder + "/"
            for (path, watch) in watchOf where path == folder || path.hasPrefix(prefix) {
                inotify_rm_watch(descriptor, watch)
                forget(watch: watch, folder: path)
            }
            let gone = files.filter { $0.hasPrefix(prefix) }
            files.subtract(gone)
            return Array(gone)
        }

        /// After an overflow nothing is known: watch every folder there is now, drop the watches
        /// of folders that are gone, and list the files again.
        private mutating func resynchronize() throws {
            let before = folderOf
            folderOf = [:]
            watchOf = [:]
            files = []
            _ = try addTree("")
            for watch in before.keys where folderOf[watch] == nil {
                inotify_rm_watch(descriptor, watch)
            }
        }

        /// Adds (or renews) the watch on `folder`; false when it vanished or may not be read.
        private mutating func addWatch(_ folder: String) throws -> Bool {
            if let watchLimit, watchOf[folder] == nil, watchOf.count >= watchLimit { throw Exhausted() }
            // The root may be reached through a symlink; nothing under it is.
            let mask = Self.eventMask | (folder.isEmpty ? 0 : UInt32(IN_DONT_FOLLOW))
            let watch = inotify_add_watch(descriptor, folder.isEmpty ? root : root + "/" + folder, mask)
            guard watch >= 0 else {
                if errno == ENOSPC || errno == ENOMEM { throw Exhausted() }
                return false
            }
            if let old = folderOf[watch], old != folder, watchOf[old] == watch { watchOf[old] = nil }
            if let old = watchOf[folder], old != watch, folderOf[old] == folder { folderOf[old] = nil }
            folderOf[watch] = folder
            watchOf[folder] = watch
            return true
        }

        private mutating func forget(watch: Int32, folder: String) {
            if folderOf[watch] == folder { folderOf[watch] = nil }
            if watchOf[folder] == watch { watchOf[folder] = nil }
        }

        private static func name(_ bytes: Slice<UnsafeRawBufferPointer>) -> String? {
            let name = String(decoding: bytes, as: UTF8.self)
            return name.utf8.elementsEqual(bytes) ? name : nil
        }
    }
#endif
