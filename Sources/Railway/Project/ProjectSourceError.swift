import Snapshot

/// A project source (`.railway/railway.ts`, an environment config file) that railsim cannot read:
/// the user's input is wrong, not railsim. Rendered as one line, `file:line: message`.
public struct ProjectSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
