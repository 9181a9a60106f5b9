import Snapshot

/// Why Railpack produced no plan. Each case carries Railpack's own message where it has one.
public enum RailpackPlanFailure: Error, Sendable, Equatable {
    /// railpack.json (or the named config file) is missing or invalid (railpack:core/core.go GenerateConfigFromFile).
    case config(message: String, location: SourceLocation?)
    /// No step has commands: Railpack's "could not determine how to build the app" text, with the
    /// language list and the app's file tree (railpack:core/validate.go getNoProviderError).
    case noProvider(message: String)
    /// No start command while `--error-missing-start` is on, as on Railway (railpack:core/validate.go validateStartCommand).
    case noStartCommand(message: String)
    /// A detected (or configured) provider whose rules railsim does not emulate yet.
    case notEmulated(provider: String)
    /// Any other planning error, in Railpack's wording.
    case error(String)

    /// The full message, as Railpack logs it.
    public var message: String {
        switch self {
        case .config(let message, _), .noProvider(let message), .noStartCommand(let message), .error(let message): return message
        case .notEmulated(let provider):
            return "railsim does not emulate Railpack's \(provider) provider yet, so it cannot plan this app"
        }
    }
}
