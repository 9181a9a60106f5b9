/// Railpack's build log: what `railpack info` reports under `logs` and prints while planning
/// (railpack:core/logger/logger.go). railsim keeps the messages in Railpack's wording.
public struct RailpackLog: Sendable, Equatable {
    public enum Level: String, Sendable { case info, warn, error, deprecation, suggestion }

    public var level: Level
    public var message: String
    /// A railpack.com path or URL with more help, for suggestions (railpack:core/logger/logger.go Msg.DocsPath).
    public var docsPath = ""

    public init(_ level: Level, _ message: String) {
        self.level = level
        self.message = message
    }
}
