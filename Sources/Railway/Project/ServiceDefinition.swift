import Snapshot

/// One service as a project declares it, before config-as-code and builder choice: what the
/// dashboard (or `.railway/railway.ts`, or an exported environment config) holds for it. Every
/// source of services produces these, so the rest of the pipeline never asks where they came from.
public struct ServiceDefinition: Sendable, Equatable {
    /// The settings the Railway stage resolves; `settings.source` says which declaration set them.
    public var settings: ServiceSettings
    /// Where the service was declared (for reports: "health-service (.railway/railway.ts:12)").
    public var origin: ServiceOrigin
    /// A service deployed from a registry image (`image("redis:7")`, `source.image`) has nothing
    /// for railsim to build or start from the repository.
    public var image: String?
    /// What the declaring source could not evaluate or noticed about this service.
    public var notes: [ProjectNote]

    public init(settings: ServiceSettings, origin: ServiceOrigin, image: String? = nil, notes: [ProjectNote] = []) {
        self.settings = settings
        self.origin = origin
        self.image = image
        self.notes = notes
    }

    public var name: String { settings.name }
}

/// Where a service definition was read from.
public enum ServiceOrigin: Sendable, Equatable, CustomStringConvertible {
    /// `--service`, `--root`, … on the command line (the dashboard, as typed).
    case commandLine
    /// `.railway/railway.ts` (or `.py`), at the `service(...)` call.
    case infrastructureAsCode(SourceLocation)
    /// `railway environment config --json`, under `services.<id>`.
    case environmentConfig(file: String, serviceID: String)

    public var description: String {
        switch self {
        case .commandLine: return "command line"
        case .infrastructureAsCode(let location): return location.description
        case .environmentConfig(let file, let id): return "\(file) services.\(id)"
        }
    }
}

/// Everything a project source declares: its services and what it noticed at project level.
public struct ProjectDefinition: Sendable, Equatable {
    public var services: [ServiceDefinition]
    public var notes: [ProjectNote]
    /// Variables every service can reach as `${{shared.NAME}}` (docs:content/docs/variables.md).
    public var sharedVariables: [ServiceVariable]

    public init(services: [ServiceDefinition] = [], notes: [ProjectNote] = [], sharedVariables: [ServiceVariable] = []) {
        self.services = services
        self.notes = notes
        self.sharedVariables = sharedVariables
    }

    public func service(named name: String) -> ServiceDefinition? { services.first { $0.name == name } }
}

/// Facts a project source noticed; the Findings stage turns them into rules.
public enum ProjectNote: Sendable, Equatable {
    /// An expression outside the statically evaluable subset ("cannot evaluate statically").
    case notEvaluated(location: SourceLocation, what: String)
    /// A declaration railsim read but does not simulate (databases, volumes, groups, cron…).
    case declaredNotSimulated(location: SourceLocation, what: String)
    /// A service is managed both by `.railway/railway.ts` and a config-as-code file.
    case managedTwice(service: String, infrastructure: SourceLocation, configFile: RepoPath)
    /// A value the source declares that railsim had to interpret; the assumption names the choice.
    case interpreted(location: SourceLocation, what: String)
}
