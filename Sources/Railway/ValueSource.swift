import Snapshot

/// Where an effective setting came from. Railway merges config-as-code over the dashboard for a
/// deployment (docs:content/docs/config-as-code/reference.md), and railsim keeps the trail so a
/// report can say "startCommand = … (health-service/railway.toml:14)".
public enum ValueSource: Sendable, Equatable, CustomStringConvertible {
    case dashboard
    /// A service setting declared in `.railway/railway.ts` (Railway's Infrastructure as Code).
    case infrastructureAsCode(SourceLocation)
    /// A service setting from an exported `railway environment config --json` file.
    case environmentConfig(String)
    case configFile(SourceLocation)
    case variable(String)
    case platformDefault(String)
    case builder(String)

    public var description: String {
        switch self {
        case .dashboard: return "service settings"
        case .infrastructureAsCode(let location): return location.description
        case .environmentConfig(let where_): return where_
        case .configFile(let location): return location.description
        case .variable(let name): return "service variable \(name)"
        case .platformDefault(let why): return "default (\(why))"
        case .builder(let what): return what
        }
    }
}

/// A value together with its source.
public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var source: ValueSource

    public init(_ value: Value, _ source: ValueSource) {
        self.value = value
        self.source = source
    }
}
