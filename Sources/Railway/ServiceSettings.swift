/// What the Railway dashboard holds for a service and the repository does not: its name, Root
/// Directory, custom config-file path, variables and overrides. Given on the command line for now.
public struct ServiceSettings: Sendable, Equatable {
    public var name: String
    /// As typed in the dashboard ("/", "health-service", "/backend/").
    public var rootDirectory: String
    /// The "Railway Config File" field, if set.
    public var configFile: String?
    /// Service variables in the order given.
    public var variables: [ServiceVariable]
    public var builder: BuilderKind?
    public var startCommand: String?
    public var buildCommand: String?
    public var healthcheckPath: String?
    /// The Railway environment whose `environments.<name>` block applies.
    public var environment: String
    /// `build.dockerfilePath` as a service setting (environment config, railway.ts).
    public var dockerfilePath: String?
    public var healthcheckTimeout: Int?
    public var numReplicas: Int?
    /// Watch patterns as a service setting (gitignore-style, from the repository root).
    public var watchPatterns: [String]?
    public var preDeployCommand: [String]?
    public var cronSchedule: String?
    /// Which declaration holds these settings: the dashboard as typed on the command line,
    /// `.railway/railway.ts`, or an exported environment config.
    public var source: ValueSource
    /// Fields typed on the command line over a declared service (`ServiceOverrides`): their
    /// source is the command line, whatever `source` says for the rest.
    public var commandLineFields: Set<String> = []
    /// What Railway injects at run time besides PORT (`RAILWAY_*`), once the project's variables
    /// are resolved (`ProjectVariableWiring`); empty when simulating a service on its own.
    public var railwayVariables: [ServiceVariable] = []
    /// Set when `environment` is an ephemeral PR environment: the environment the PR forks from.
    public var pullRequestBase: String? = nil

    public init(name: String, rootDirectory: String = "/", configFile: String? = nil, variables: [ServiceVariable] = [],
                builder: BuilderKind? = nil, startCommand: String? = nil, buildCommand: String? = nil,
                healthcheckPath: String? = nil, environment: String = "production", dockerfilePath: String? = nil,
                healthcheckTimeout: Int? = nil, numReplicas: Int? = nil, watchPatterns: [String]? = nil,
                preDeployCommand: [String]? = nil, cronSchedule: String? = nil, source: ValueSource = .dashboard) {
        self.name = name
        self.rootDirectory = rootDirectory
        self.configFile = configFile
        self.variables = variables
        self.builder = builder
        self.startCommand = startCommand
        self.buildCommand = buildCommand
        self.healthcheckPath = healthcheckPath
        self.environment = environment
        self.dockerfilePath = dockerfilePath
        self.healthcheckTimeout = healthcheckTimeout
        self.numReplicas = numReplicas
        self.watchPatterns = watchPatterns
        self.preDeployCommand = preDeployCommand
        self.cronSchedule = cronSchedule
        self.source = source
    }

    public func variable(_ name: String) -> String? {
        variables.last { $0.name == name }?.value
    }
}

public struct ServiceVariable: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
