import Snapshot

/// Applies one parsed config-as-code document to a `ServiceConfig`, validating every key against
/// `RailwayConfigSchema` and noting unknown keys and bad values with their file and line.
struct ConfigFileReader {
    let file: RepoPath
    var config: ServiceConfig
    var notes: [RailwayNote] = []

    init(file: RepoPath, base: ServiceConfig) {
        self.file = file
        self.config = base
    }

    mutating func apply(document: ConfigValue, environment: String, pullRequestBase: String? = nil) {
        guard let members = document.members else {
            notes.append(.invalidValue(key: "(document)", location: SourceLocation(file, line: 1), expected: "a table", found: document.typeName))
            return
        }
        for member in members {
            let location = SourceLocation(file, line: member.line)
            switch member.key {
            case "$schema": continue
            case "build": applySection(member, keys: RailwayConfigSchema.buildKeys, prefix: "build")
            case "deploy": applySection(member, keys: RailwayConfigSchema.deployKeys, prefix: "deploy")
            case "environments": continue  // applied after the base config, below
            default:
                notes.append(.unknownKey(key: member.key, location: location,
                                         nearest: RailwayConfigSchema.nearest(to: member.key, among: RailwayConfigSchema.topLevelKeys)))
            }
        }
        // `environments.<name>` has the same build/deploy shape and wins over the base config. For a
        // PR deploy the priority is: the ephemeral environment's own name, then "pr", then the PR's
        // base environment, then the base config (docs:content/docs/config-as-code/reference.md
        // "PR environment overrides"): applied lowest first, so later blocks win.
        let order = pullRequestBase.map { [$0, "pr", environment] } ?? [environment]
        guard let environments = members.first(where: { $0.key == "environments" }) else { return }
        var applied: Set<String> = []
        for environment in order where applied.insert(environment).inserted {
            guard let selected = environments.value.members?.first(where: { $0.key == environment }),
                  let sections = selected.value.members else { continue }
            for section in sections {
                switch section.key {
                case "build": applySection(section, keys: RailwayConfigSchema.buildKeys, prefix: "environments.\(environment).build")
                case "deploy": applySection(section, keys: RailwayConfigSchema.deployKeys, prefix: "environments.\(environment).deploy")
                default:
                    notes.append(.unknownKey(key: "environments.\(environment).\(section.key)", location: SourceLocation(file, line: section.line),
                                             nearest: RailwayConfigSchema.nearest(to: section.key, among: ["build", "deploy"]).map { "environments.\(environment).\($0)" }))
                }
            }
        }
    }

    private mutating func applySection(_ section: ConfigMember, keys: [RailwayConfigSchema.Key], prefix: String) {
        guard let members = section.value.members else {
            notes.append(.invalidValue(key: prefix, location: SourceLocation(file, line: section.line), expected: "a table", found: section.value.typeName))
            return
        }
        for member in members {
            let location = SourceLocation(file, line: member.line)
            guard let key = keys.first(where: { $0.name == member.key }) else {
                notes.append(.unknownKey(key: "\(prefix).\(member.key)", location: location,
                                         nearest: RailwayConfigSchema.suggestion(for: member.key, sectionPrefix: prefix)))
                continue
            }
            if key.unconfirmed { notes.append(.unconfirmedKey(key: "\(prefix).\(member.key)", location: location)) }
            if member.value == .null {
                if key.nullable { assign(key.name, value: .null, location: location) } else {
                    notes.append(.invalidValue(key: "\(prefix).\(key.name)", location: location, expected: key.type.expectation, found: "null"))
                }
                continue
            }
            guard let valid = validate(member.value, as: key.type) else {
                notes.append(.invalidValue(key: "\(prefix).\(key.name)", location: location, expected: key.type.expectation, found: describe(member.value)))
                continue
            }
            assign(key.name, value: valid, location: location)
        }
    }

    private func describe(_ value: ConfigValue) -> String {
        if case .string(let text) = value { return "\"\(text)\"" }
        return value.typeName
    }

    /// Returns the value normalised to the key's type, or nil when it does not fit.
    private func validate(_ value: ConfigValue, as type: RailwayConfigSchema.ValueType) -> ConfigValue? {
        switch (type, value) {
        case (.string, .string), (.integer, .integer), (.boolean, .bool), (.object, .table): return value
        case (.stringArray, .array(let items)):
            return items.allSatisfy({ if case .string = $0 { return true } else { return false } }) ? value : nil
        case (.stringOrStringArray, .string): return .array([value])
        case (.stringOrStringArray, .array): return validate(value, as: .stringArray)
        case (.integerOrNumericString, .integer): return value
        case (.integerOrNumericString, .string(let text)): return Int(text).map { .integer($0) }
        case (.enumeration(let allowed), .string(let text)):
            // Enum values are case-insensitive (docs:content/docs/config-as-code.md examples).
            return allowed.first { $0 == text.uppercased() }.map { .string($0) }
        default: return nil
        }
    }

    private mutating func assign(_ key: String, value: ConfigValue, location: SourceLocation) {
        let source = ValueSource.configFile(location)
        func string() -> String? { if case .string(let s) = value { return s }; return nil }
        func integer() -> Int? { if case .integer(let i) = value { return i }; return nil }
        func strings() -> [String] {
            if case .array(let items) = value { return items.compactMap { if case .string(let s) = $0 { return s }; return nil } }
            return []
        }
        switch key {
        case "builder": if let raw = string(), let kind = BuilderKind(configValue: raw) { config.builder = Sourced(kind, source) }
        case "buildCommand": config.buildCommand = Sourced(string(), source)
        case "dockerfilePath": config.dockerfilePath = Sourced(string(), source)
        case "watchPatterns": config.watchPatterns = Sourced(strings(), source)
        case "startCommand": config.startCommand = Sourced(string(), source)
        case "preDeployCommand": config.preDeployCommand = Sourced(strings(), source)
        case "healthcheckPath": config.healthcheckPath = Sourced(string(), source)
        case "healthcheckTimeout": config.healthcheckTimeout = Sourced(integer(), source)
        case "restartPolicyType": if let raw = string(), let policy = RestartPolicy(rawValue: raw) { config.restartPolicyType = Sourced(policy, source) }
        case "restartPolicyMaxRetries": config.restartPolicyMaxRetries = Sourced(integer(), source)
        case "numReplicas": config.numReplicas = Sourced(integer(), source)
        case "cronSchedule": config.cronSchedule = Sourced(string(), source)
        default: break  // validated but not yet used by the simulation
        }
    }
}
