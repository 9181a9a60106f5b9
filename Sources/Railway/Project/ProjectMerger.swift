/// Combines the project sources into the services railsim simulates. Precedence follows where
/// teams keep the truth: `.railway/railway.ts` declares the services it manages; an exported
/// environment config adds the services railway.ts does not declare; command-line flags override
/// single fields last (issue 4, "Where services come from, in this order").
public enum ProjectMerger {
    public static func merge(infrastructure: ProjectDefinition?, environmentConfig: ProjectDefinition?) -> ProjectDefinition {
        var merged = ProjectDefinition()
        if let infrastructure {
            merged.services = infrastructure.services
            merged.notes = infrastructure.notes
            merged.sharedVariables = infrastructure.sharedVariables
        }
        if let environmentConfig {
            merged.notes += environmentConfig.notes
            merged.sharedVariables += environmentConfig.sharedVariables.filter { shared in !merged.sharedVariables.contains { $0.name == shared.name } }
            for service in environmentConfig.services where merged.service(named: service.name) == nil {
                merged.services.append(service)
            }
        }
        return merged
    }
}

/// Service settings given as command-line flags: each set field replaces the declared one;
/// variables are added after (and so win over) the declared ones.
public struct ServiceOverrides: Sendable, Equatable {
    public var rootDirectory: String?
    public var configFile: String?
    public var builder: BuilderKind?
    public var startCommand: String?
    public var variables: [ServiceVariable]
    public var environment: String?
    /// `--pr-base`: the environment is an ephemeral PR environment forked from this one.
    public var pullRequestBase: String?

    public init(rootDirectory: String? = nil, configFile: String? = nil, builder: BuilderKind? = nil, startCommand: String? = nil,
                variables: [ServiceVariable] = [], environment: String? = nil, pullRequestBase: String? = nil) {
        self.pullRequestBase = pullRequestBase
        self.rootDirectory = rootDirectory
        self.configFile = configFile
        self.builder = builder
        self.startCommand = startCommand
        self.variables = variables
        self.environment = environment
    }

    public var isEmpty: Bool { self == ServiceOverrides() }

    /// `settings` with the flags applied; each replaced field is marked as typed on the command line.
    public func applied(to settings: ServiceSettings) -> ServiceSettings {
        var result = settings
        if let rootDirectory { result.rootDirectory = rootDirectory; result.commandLineFields.insert("rootDirectory") }
        if let configFile { result.configFile = configFile; result.commandLineFields.insert("configFile") }
        if let builder { result.builder = builder; result.commandLineFields.insert("builder") }
        if let startCommand { result.startCommand = startCommand; result.commandLineFields.insert("startCommand") }
        if let environment { result.environment = environment }
        if let pullRequestBase { result.pullRequestBase = pullRequestBase }
        result.variables += variables
        return result
    }
}
