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
        values["HOME"] = values["HOME"] ?? Self.home(ofUser: image.user)
        self.values = values
    }

    /// The HOME the runtime gives the image's USER when the image sets none: the home field of its
    /// /etc/passwd entry (runc libcontainer/init_linux.go `setupUser`), "/" for a uid with no entry
    /// (runc's default ExecUser). Entries: Debian base-passwd's master.passwd (root /root, www-data
    /// /var/www, nobody /nonexistent); any other name is taken to be a `useradd` user in /home, as
    /// the Dockerfile builder's `pip install --user` assumes (DockerRun.swift).
    static func home(ofUser spec: String) -> String {
        let user = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        switch user {
        case "", "root", "0": return "/root"
        case "www-data", "33": return "/var/www"
        case "nobody", "65534": return "/nonexistent"
        default: return user.allSatisfy(\.isNumber) ? "/" : "/home/\(user)"
        }
    }

    public subscript(name: String) -> String? { values[name] }

    public mutating func set(_ name: String, _ value: String) { values[name] = value }

    /// Whether `value` is the port the healthcheck probes.
    public func isRailwayPort(_ value: String) -> Bool { value == values["PORT"] }
}
