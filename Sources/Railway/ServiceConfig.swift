import Snapshot

/// The effective settings of one deployment after Railway merges config-as-code over the
/// dashboard: `environments.<env>` > the file's base config > service settings
/// (docs:content/docs/config-as-code/reference.md). `nil` means "not set anywhere".
public struct ServiceConfig: Sendable, Equatable {
    public var builder: Sourced<BuilderKind>?
    public var buildCommand: Sourced<String?>?
    public var dockerfilePath: Sourced<String?>?
    public var watchPatterns: Sourced<[String]>?
    public var startCommand: Sourced<String?>?
    public var preDeployCommand: Sourced<[String]>?
    public var healthcheckPath: Sourced<String?>?
    public var healthcheckTimeout: Sourced<Int?>?
    public var restartPolicyType: Sourced<RestartPolicy>?
    public var restartPolicyMaxRetries: Sourced<Int?>?
    public var numReplicas: Sourced<Int?>?
    public var cronSchedule: Sourced<String?>?

    public init() {}

    /// Dashboard values from the command line.
    public init(dashboard settings: ServiceSettings) {
        let source = { (field: String) in settings.commandLineFields.contains(field) ? ValueSource.dashboard : settings.source }
        if let builder = settings.builder { self.builder = Sourced(builder, source("builder")) }
        if let start = settings.startCommand { startCommand = Sourced(start, source("startCommand")) }
        if let build = settings.buildCommand { buildCommand = Sourced(build, source("buildCommand")) }
        if let path = settings.healthcheckPath { healthcheckPath = Sourced(path, source("healthcheckPath")) }
        if let path = settings.dockerfilePath { dockerfilePath = Sourced(path, source("dockerfilePath")) }
        if let seconds = settings.healthcheckTimeout { healthcheckTimeout = Sourced(seconds, source("healthcheckTimeout")) }
        if let replicas = settings.numReplicas { numReplicas = Sourced(replicas, source("numReplicas")) }
        if let patterns = settings.watchPatterns { watchPatterns = Sourced(patterns, source("watchPatterns")) }
        if let commands = settings.preDeployCommand { preDeployCommand = Sourced(commands, source("preDeployCommand")) }
        if let schedule = settings.cronSchedule { cronSchedule = Sourced(schedule, source("cronSchedule")) }
    }

    /// The start command actually in effect (a `null` in a file clears it).
    public var effectiveStartCommand: String? { startCommand?.value ?? nil }
    public var effectiveHealthcheckPath: String? { healthcheckPath?.value ?? nil }

    /// Healthcheck window in seconds: `healthcheckTimeout` ?? RAILWAY_HEALTHCHECK_TIMEOUT_SEC ?? 300
    /// (docs:content/docs/deployments/healthchecks.md).
    public func healthcheckWindow(variables: ServiceSettings) -> Sourced<Int> {
        if let timeout = healthcheckTimeout, let seconds = timeout.value { return Sourced(seconds, timeout.source) }
        if let raw = variables.variable("RAILWAY_HEALTHCHECK_TIMEOUT_SEC"), let seconds = Int(raw) {
            return Sourced(seconds, .variable("RAILWAY_HEALTHCHECK_TIMEOUT_SEC"))
        }
        return Sourced(300, .platformDefault("docs.railway.com/deployments/healthchecks"))
    }

    /// Every setting that has a value, with its source, in a fixed order (for reports).
    public var entries: [(key: String, value: String, source: ValueSource)] {
        var result: [(String, String, ValueSource)] = []
        func add<T>(_ key: String, _ sourced: Sourced<T>?, _ render: (T) -> String?) {
            guard let sourced else { return }
            result.append((key, render(sourced.value) ?? "null", sourced.source))
        }
        add("builder", builder) { $0.rawValue.uppercased() }
        add("buildCommand", buildCommand) { $0 }
        add("dockerfilePath", dockerfilePath) { $0 }
        add("watchPatterns", watchPatterns) { $0.joined(separator: ", ") }
        add("startCommand", startCommand) { $0 }
        add("preDeployCommand", preDeployCommand) { $0.joined(separator: " && ") }
        add("healthcheckPath", healthcheckPath) { $0 }
        add("healthcheckTimeout", healthcheckTimeout) { $0.map(String.init) }
        add("restartPolicyType", restartPolicyType) { $0.rawValue }
        add("restartPolicyMaxRetries", restartPolicyMaxRetries) { $0.map(String.init) }
        add("numReplicas", numReplicas) { $0.map(String.init) }
        add("cronSchedule", cronSchedule) { $0 }
        return result.map { (key: $0.0, value: $0.1, source: $0.2) }
    }

    /// Restart policy, defaulting to ON_FAILURE with 10 retries (docs:content/docs/deployments/restart-policy.md).
    public var effectiveRestartPolicy: (RestartPolicy, Int) {
        (restartPolicyType?.value ?? .onFailure, (restartPolicyMaxRetries?.value ?? nil) ?? 10)
    }
}
