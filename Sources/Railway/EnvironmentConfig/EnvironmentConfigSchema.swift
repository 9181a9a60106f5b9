/// The keys of `railway environment config --json`, object by object, with the JSON type each
/// holds.
///
/// The command prints the CLI's `EnvironmentConfig` struct with serde (`rename_all = "camelCase"`,
/// `Option` fields left out when absent) (cli:src/commands/environment/config.rs,
/// cli:src/controllers/config/environment.rs). `Option` fields accept `null`; the `BTreeMap`
/// fields (`.map`) do not, since serde's `default` covers a missing key only. railsim checks the
/// type of every key it knows, including the keys it does not simulate: a hand-edited export then
/// fails here, where serde would have rejected it too.
/// Keys not listed here are reported and skipped, because serde ignores unknown fields (the same
/// file's test `parses_services_and_tolerates_unknown_fields`).
enum EnvironmentConfigSchema {
    typealias Fields = [String: EnvironmentConfigFieldType]

    // cli:src/controllers/config/environment.rs `EnvironmentConfig`
    static let root: Fields = [
        "services": .map,
        "sharedVariables": .map,
        "volumes": .map,
        "buckets": .map,
        "privateNetworkDisabled": .boolean,
    ]

    // cli:src/controllers/config/environment.rs `ServiceInstance`
    static let service: Fields = [
        "source": .object,
        "networking": .object,
        "variables": .map,
        "configFile": .string,
        "deploy": .object,
        "build": .object,
        "volumeMounts": .map,
        "isDeleted": .boolean,
        "isCreated": .boolean,
        "parentServiceId": .string,
        "clusterRole": .string,
        "groupId": .string,
        "clusterWiring": .object,
    ]

    // cli:src/controllers/config/environment.rs `ServiceSource`
    static let source: Fields = [
        "image": .string,
        "repo": .string,
        "branch": .string,
        "commitSha": .string,
        "upstreamUrl": .string,
        "rootDirectory": .string,
        "checkSuites": .boolean,
        "autoUpdates": .object,
    ]

    // cli:src/controllers/config/environment.rs `BuildConfig`
    static let build: Fields = [
        "builder": .string,
        "buildCommand": .string,
        "buildEnvironment": .string,
        "dockerfilePath": .string,
        "watchPatterns": .stringArray,
        "nixpacksConfigPath": .string,
        "nixpacksPlan": .anyJSON,
        "nixpacksVersion": .string,
        "railpackVersion": .string,
    ]

    // cli:src/controllers/config/environment.rs `DeployConfig`
    static let deploy: Fields = [
        "startCommand": .string,
        "preDeployCommand": .stringOrStringArray,
        "healthcheckPath": .string,
        "healthcheckTimeout": .integer,
        "ipv6EgressEnabled": .boolean,
        "numReplicas": .integer,
        "multiRegionConfig": .object,
        "cronSchedule": .string,
        "restartPolicyType": .string,
        "restartPolicyMaxRetries": .integer,
        "sleepApplication": .boolean,
        "registryCredentials": .object,
        "limitOverride": .object,
        "requiredMountPath": .string,
        "overlapSeconds": .integer,
        "drainingSeconds": .integer,
    ]

    // cli:src/controllers/config/environment.rs `VolumeMount`
    static let volumeMount: Fields = [
        "mountPath": .string,
        "backupSchedules": .stringArray,
    ]

    // cli:src/controllers/config/environment.rs `Variable`
    static let variable: Fields = [
        "value": .string,
        "defaultValue": .string,
        "description": .string,
        "isOptional": .boolean,
        "isSealed": .boolean,
        "generator": .string,
    ]
}

/// The JSON type a key of the export holds, as its serde field type allows.
enum EnvironmentConfigFieldType: Sendable, Equatable {
    case string, integer, boolean, object
    /// A `BTreeMap` field: an object, and never `null`.
    case map
    /// `Vec<String>`.
    case stringArray
    /// `pre_deploy_command: serde_json::Value`, commented "string or [string]".
    case stringOrStringArray
    /// `serde_json::Value`: anything.
    case anyJSON

    /// The wording of "expected …" in a type error.
    var expectation: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .object, .map: return "object"
        case .stringArray: return "array of strings"
        case .stringOrStringArray: return "string or array of strings"
        case .anyJSON: return "any value"
        }
    }
}
