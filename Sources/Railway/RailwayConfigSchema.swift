/// The keys Railway's config-as-code files accept, with their types.
///
/// Railway's JSON schema is generated server-side and not public, so this list is assembled from
/// the documented reference (docs:content/docs/config-as-code/reference.md), the CLI's config
/// structs (cli:src/controllers/config/environment.rs, cli:src/commands/config/migrate.rs) and
/// the GraphQL schema (cli:src/gql/schema.json), as summarised in railway-platform.md §1.4–1.5.
public enum RailwayConfigSchema {
    public enum ValueType: Sendable, Equatable {
        case string, integer, boolean, stringArray, object
        case stringOrStringArray
        case integerOrNumericString
        case enumeration([String])

        var expectation: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .boolean: return "a boolean"
            case .stringArray: return "an array of strings"
            case .object: return "a table"
            case .stringOrStringArray: return "a string or an array of strings"
            case .integerOrNumericString: return "an integer"
            case .enumeration(let values): return "one of " + values.joined(separator: ", ")
            }
        }
    }

    public struct Key: Sendable {
        public var name: String
        public var type: ValueType
        public var nullable: Bool
        /// True where acceptance in a CaC file is unconfirmed (present in Railway's merged config only).
        public var unconfirmed: Bool

        init(_ name: String, _ type: ValueType, nullable: Bool = true, unconfirmed: Bool = false) {
            self.name = name
            self.type = type
            self.nullable = nullable
            self.unconfirmed = unconfirmed
        }
    }

    public static let buildKeys: [Key] = [
        Key("builder", .enumeration(["RAILPACK", "DOCKERFILE", "NIXPACKS"]), nullable: false),
        Key("buildCommand", .string),
        Key("dockerfilePath", .string),
        Key("watchPatterns", .stringArray),
        Key("railpackVersion", .string),
        Key("nixpacksConfigPath", .string),
        Key("nixpacksPlan", .object),
        Key("nixpacksVersion", .string),
        Key("buildEnvironment", .enumeration(["V2", "V3"]), unconfirmed: true),
    ]

    public static let deployKeys: [Key] = [
        Key("startCommand", .string),
        Key("preDeployCommand", .stringOrStringArray),
        Key("healthcheckPath", .string),
        Key("healthcheckTimeout", .integer),
        Key("restartPolicyType", .enumeration(["ON_FAILURE", "ALWAYS", "NEVER"]), nullable: false),
        Key("restartPolicyMaxRetries", .integer),
        Key("numReplicas", .integer),
        Key("region", .string),
        Key("multiRegionConfig", .object),
        Key("cronSchedule", .string),
        Key("sleepApplication", .boolean),
        Key("overlapSeconds", .integerOrNumericString),
        Key("drainingSeconds", .integerOrNumericString),
        Key("ipv6EgressEnabled", .boolean, unconfirmed: true),
        Key("registryCredentials", .object, unconfirmed: true),
        Key("limitOverride", .object, unconfirmed: true),
        Key("requiredMountPath", .string, unconfirmed: true),
        Key("runtime", .string, unconfirmed: true),
        Key("useLegacyStacker", .boolean, unconfirmed: true),
    ]

    public static let topLevelKeys = ["$schema", "build", "deploy", "environments"]

    /// Names other platforms use for a Railway key (Kubernetes probes, Fly/Render/Heroku settings).
    /// Railway's only healthcheck timing setting is `healthcheckTimeout`
    /// (docs:content/docs/deployments/healthchecks.md), so probe-timing names point there.
    static let synonyms: [String: String] = [
        "healthcheckinterval": "healthcheckTimeout", "initialdelayseconds": "healthcheckTimeout",
        "periodseconds": "healthcheckTimeout", "timeoutseconds": "healthcheckTimeout",
        "healthcheckgraceperiod": "healthcheckTimeout", "graceperiod": "healthcheckTimeout",
        "healthcheckurl": "healthcheckPath", "healthcheckendpoint": "healthcheckPath", "healthcheck": "healthcheckPath",
        "replicas": "numReplicas", "instances": "numReplicas", "numinstances": "numReplicas",
        "cmd": "startCommand", "command": "startCommand", "start": "startCommand", "startcmd": "startCommand", "run": "startCommand",
        "restartpolicy": "restartPolicyType", "cron": "cronSchedule", "schedule": "cronSchedule",
        "dockerfile": "dockerfilePath", "build": "buildCommand", "buildcmd": "buildCommand",
    ]

    /// The suggestion for an unknown key in `<…>build` or `<…>deploy`: the same key in the other
    /// section (a misplaced key, e.g. `build.startCommand`), a synonym, else the nearest spelling.
    static func suggestion(for unknown: String, sectionPrefix: String) -> String? {
        let isBuild = sectionPrefix.hasSuffix("build")
        let base = String(sectionPrefix.dropLast(isBuild ? "build".count : "deploy".count))
        let own = (isBuild ? buildKeys : deployKeys).filter { !$0.unconfirmed }.map(\.name)
        let other = (isBuild ? deployKeys : buildKeys).filter { !$0.unconfirmed }.map(\.name)
        let lower = unknown.lowercased()
        func qualified(_ key: String) -> String {
            let inBuild = buildKeys.contains { $0.name == key }
            return base + (inBuild ? "build." : "deploy.") + key
        }
        if let match = own.first(where: { $0.lowercased() == lower }) ?? other.first(where: { $0.lowercased() == lower }) {
            return qualified(match)
        }
        if let synonym = synonyms[lower] { return qualified(synonym) }
        if let near = nearest(to: unknown, among: own), editDistance(lower, near.lowercased()) <= 3 { return qualified(near) }
        if let near = nearest(to: unknown, among: other), editDistance(lower, near.lowercased()) <= 2 { return qualified(near) }
        return nearest(to: unknown, among: own).map(qualified)
    }

    /// The known key closest to `unknown`, for "did you mean" hints (case-insensitive edit distance).
    public static func nearest(to unknown: String, among candidates: [String]) -> String? {
        var best: (String, Int)? = nil
        for candidate in candidates {
            let distance = editDistance(unknown.lowercased(), candidate.lowercased())
            if let current = best, current.1 <= distance { continue }
            best = (candidate, distance)
        }
        guard let (name, distance) = best else { return nil }
        // A guess further away than half the word is noise; say nothing rather than mislead.
        if distance > max(3, unknown.count / 2) {
            // Shared words still help: `healthcheckInterval` → `healthcheckTimeout`.
            let lower = unknown.lowercased()
            return candidates.first { lower.hasPrefix(String($0.lowercased().prefix(6))) }
        }
        return name
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
