import Build
import Railway

/// The environment of the deployed process: the image's ENV, then service variables (every
/// service variable is a plain env var in the container: docs:content/guides/build-time-vs-runtime-secrets.md),
/// then what Railway injects (docs:content/docs/variables/reference.md).
public struct ProcessEnvironment: Sendable {
    public private(set) var values: [String: String]
    public private(set) var assumptions: [Assumption] = []

    /// Railway assigns PORT unless the service sets one; its value is undocumented, so railsim
    /// uses 8080 and records that assumption.
    public static let assumedPort = "8080"

    public init(image: Image, settings: ServiceSettings, options: SimulationOptions = SimulationOptions()) {
        var values: [String: String] = [:]
        for entry in image.environment { values[entry.name] = entry.value }
        for variable in settings.variables { values[variable.name] = variable.value }
        if values["PORT"] == nil {
            let port = options.choice(AssumptionCatalog.railwayPort) ?? Self.assumedPort
            values["PORT"] = port
            assumptions.append(Assumption(
                name: AssumptionCatalog.railwayPort, value: port, alternatives: ["any port Railway assigns"],
                evidence: "Railway injects PORT when the service does not set one, and probes it for healthchecks (docs.railway.com/deployments/healthchecks); the value itself is not documented"))
        }
        // Railway's own variables as the project's resolution produced them; its value stands over a
        // user's (assumption railway-system-variable-precedence, Sources/Railway/Variables).
        for variable in settings.railwayVariables { values[variable.name] = variable.value }
        values["RAILWAY_SERVICE_NAME"] = settings.name
        values["RAILWAY_ENVIRONMENT_NAME"] = settings.environment
        values["RAILWAY_ENVIRONMENT"] = settings.environment
        values["HOME"] = values["HOME"] ?? BaseImageCatalog.home(ofUser: image.user)
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }

    public mutating func set(_ name: String, _ value: String) { values[name] = value }

    /// Whether `value` is the port the healthcheck probes.
    public func isRailwayPort(_ value: String) -> Bool { value == values["PORT"] }
}
