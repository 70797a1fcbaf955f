import ArgumentParser

/// The `trellis` command line.
public struct TrellisCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "trellis", version: "0.1.0")
    public init() {}
    public func run() throws {}
}
