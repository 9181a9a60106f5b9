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

    public init(name: String, rootDirectory: String = "/", configFile: String? = nil, variables: [ServiceVariable] = [],
                builder: BuilderKind? = nil, startCommand: String? = nil, buildCommand: String? = nil,
                healthcheckPath: String? = nil, environment: String = "production") {
        self.name = name
        self.rootDirectory = rootDirectory
        self.configFile = configFile
        self.variables = variables
        self.builder = builder
        self.startCommand = startCommand
        self.buildCommand = buildCommand
        self.healthcheckPath = healthcheckPath
        self.environment = environment
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
