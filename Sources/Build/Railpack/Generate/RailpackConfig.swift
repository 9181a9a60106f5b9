/// The user's build configuration after merging its three sources (railpack:core/config/config.go
/// Config). `nil` lists mean "not given", which matters: a given list replaces the generated one
/// unless it contains `"..."` (railpack:core/plan/spread.go).
struct RailpackConfig: Sendable, Equatable {
    var provider: String?
    var buildAptPackages: [String]?
    var steps: [String: StepConfig] = [:]
    /// `EmptyConfig` always has a deploy section (railpack:core/config/config.go EmptyConfig).
    var deploy: DeployConfig? = DeployConfig()
    var packages: [String: String] = [:]
    var caches: [String: RailpackPlan.Cache] = [:]
    var secrets: [String]?
    var exclude: [String]?

    /// A step as configured (railpack:core/config/config.go StepConfig, plan/step.go Step).
    struct StepConfig: Sendable, Equatable {
        var name = ""
        var inputs: [RailpackPlan.Layer]?
        var commands: [RailpackPlan.Command]?
        var secrets: [String]?
        var assets: [String: String] = [:]
        var variables: [String: String] = [:]
        var caches: [String]?
        /// What of the step reaches the image; nil means `["."]` (railpack:core/config/config.go StepConfig.DeployOutputs).
        var deployOutputs: [Filter]?

        /// `GetOrCreateStep` starts from `NewStep`, which uses every secret (railpack:core/config/config.go).
        static func created(_ name: String) -> StepConfig { StepConfig(name: name, secrets: ["*"]) }
    }

    /// railpack:core/plan/filters.go Filter.
    struct Filter: Sendable, Equatable {
        var include: [String]?
        var exclude: [String]?
    }

    /// railpack:core/config/config.go DeployConfig.
    struct DeployConfig: Sendable, Equatable {
        var aptPackages: [String]?
        var base: RailpackPlan.Layer?
        var inputs: [RailpackPlan.Layer]?
        var startCommand = ""
        var variables: [String: String] = [:]
        var paths: [String]?
    }

    /// `GetOrCreateStep` (railpack:core/config/config.go).
    mutating func createStepIfMissing(_ name: String) {
        if steps[name] == nil { steps[name] = .created(name) }
    }
}
