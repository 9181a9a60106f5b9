/// The two configs that do not come from a file: RAILPACK_* variables and the CLI's
/// `--build-cmd`/`--start-cmd`, which is how Railway hands Railpack a service's build and start
/// commands (railway-platform.md §4, railpack issue #711).
extension RailpackConfig {
    /// `GenerateConfigFromEnvironment` (railpack:core/core.go).
    static func fromEnvironment(_ env: RailpackEnvironment) -> RailpackConfig {
        var config = RailpackConfig()
        let install = env.configVariable("INSTALL_CMD").value
        if !install.isEmpty {
            config.createStepIfMissing("install")
            config.steps["install"]?.commands = [.copy("."), .shell(install, customName: install)]
        }
        let build = env.configVariable("BUILD_CMD").value
        if !build.isEmpty {
            config.createStepIfMissing("build")
            config.steps["build"]?.commands = [.copy("."), .shell(build, customName: build)]
        }
        let start = env.configVariable("START_CMD").value
        if !start.isEmpty { config.deploy?.startCommand = start }
        if let packages = env.configVariableList("PACKAGES") { config.packages = parsePackages(packages) }
        if let packages = env.configVariableList("BUILD_APT_PACKAGES") { config.buildAptPackages = packages }
        if let packages = env.configVariableList("DEPLOY_APT_PACKAGES") { config.deploy?.aptPackages = packages }
        // Every variable name becomes a secret; appending an empty sorted list to nil stays nil.
        let names = env.variables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if !names.isEmpty { config.secrets = names }
        return config
    }

    /// `GenerateConfigFromOptions` (railpack:core/core.go).
    static func fromOptions(buildCommand: String?, startCommand: String?) -> RailpackConfig {
        var config = RailpackConfig()
        if let buildCommand, !buildCommand.isEmpty {
            config.createStepIfMissing("build")
            config.steps["build"]?.commands = [.copy("."), .shell(buildCommand, customName: buildCommand)]
        }
        if let startCommand, !startCommand.isEmpty { config.deploy?.startCommand = startCommand }
        return config
    }

    /// `ParsePackageWithVersion`: `name@version`, `latest` without a version; Go's `strings.Split`
    /// on `@` keeps only the part after the first `@` (railpack:internal/utils/utils.go).
    static func parsePackages(_ items: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for item in items {
            let parts = item.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            result[parts[0]] = parts.count == 1 ? "latest" : parts[1]
        }
        return result
    }
}
