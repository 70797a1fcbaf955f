import Foundation

/// libFuzzer's driver, linked in by `-sanitize=fuzzer` (declared in its `FuzzerInterface.h`).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The one input function this process fuzzes (libFuzzer calls back with a C function pointer,
/// which cannot capture it).
nonisolated(unsafe) private var target: (([UInt8]) -> Void)?

/// Runs libFuzzer with the process's arguments (`-max_total_time=60 corpus/` …) over `body` and
/// exits with its status. libFuzzer's own `main` is not used, so each target is an ordinary
/// executable whose `main` SwiftPM can name. Inputs run on a thread with the 512 KiB stack that
/// per-page work may get (Dispatch's worker threads on some platforms), so unbounded recursion
/// shows up here as it would in a build.
public func runFuzzer(_ body: @escaping ([UInt8]) -> Void) -> Never {
    target = body
    let thread = Thread {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
            target?(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
            return 0
        })
    }
    thread.stackSize = 512 * 1024
    thread.start()
    while true { sleep(60) }
}
