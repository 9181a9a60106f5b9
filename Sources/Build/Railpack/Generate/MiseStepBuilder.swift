/// The step that installs tools with mise; every generated build step builds on it
/// (railpack:core/generate/mise_step_builder.go MiseStepBuilder).
struct MiseStepBuilder: Sendable, Equatable {
    /// The main mise step's name (railpack:core/generate/mise_step_builder.go MisePackageStepName).
    static let mainName = "packages:mise"
    /// The command that installs the tools (railpack:core/generate/mise_step_builder.go MiseInstallCommand).
    static let installCommand = "mise install"
    /// What of the step reaches the image when it installs anything (GetOutputPaths).
    static let outputPaths = ["/mise/shims", "/mise/installs", "/usr/local/bin/mise", "/etc/mise/config.toml", "/root/.local/state/mise"]

    var name: String
    var supportingAptPackages: [String] = []
    /// Package names in the order providers asked for them.
    var misePackages: [String] = []
    var assets: [String: String] = [:]
    var variables: [String: String] = [:]
    var settings = MiseSettings()

    init(name: String) { self.name = name }

    mutating func addSupportingAptPackage(_ name: String) { supportingAptPackages.append(name) }

    /// The deploy layer with the mise outputs, or an empty layer when the step installs nothing
    /// (railpack:core/generate/mise_step_builder.go GetLayer).
    func layer(app: RailpackApp) -> RailpackPlan.Layer {
        guard !misePackages.isEmpty || !MiseConfigFiles.supporting(in: app).isEmpty else { return RailpackPlan.Layer() }
        return .step(name, include: Self.outputPaths)
    }

    /// railpack:core/generate/mise_step_builder.go Build: an optional `packages:apt:build` step,
    /// then the mise step with its PATH, config copies, generated config and `mise install`.
    func build(into plan: inout RailpackPlan, options: inout BuildStepOptions, app: RailpackApp, env: RailpackEnvironment,
               resolver: PackageResolver) {
        var base = RailpackPlan.Layer.image(RailpackRelease.builderImage)
        if !supportingAptPackages.isEmpty {
            var apt = RailpackPlan.Step(name: "packages:apt:build", secrets: [])
            apt.inputs = [base]
            apt.commands = [BuildStepOptions.aptInstallCommand(supportingAptPackages)]
            apt.caches = options.caches.aptCaches()
            plan.steps.append(apt)
            base = .step(apt.name)
        }

        var step = RailpackPlan.Step(name: name, secrets: [])
        step.inputs = [base]
        var assets = self.assets
        let configFiles = MiseConfigFiles.supporting(in: app)
        if !misePackages.isEmpty || !configFiles.isEmpty {
            step.commands.append(.path("/mise/shims"))
            step.variables = ["MISE_DATA_DIR": "/mise", "MISE_CONFIG_DIR": "/mise", "MISE_CACHE_DIR": "/mise/cache",
                              "MISE_SHIMS_DIR": "/mise/shims", "MISE_INSTALLS_DIR": "/mise/installs"]
            step.variables.merge(variables) { $1 }
            var settings = self.settings
            settings.set("node.verify", .bool(false))
            settings.set("paranoid", .bool(true))
            settings.set("trusted_config_paths", .strings(["/app"]))
            // railpack:core/mise/mise.go IdiomaticVersionFileTools
            settings.set("idiomatic_version_file_enable_tools", .strings(["python", "node", "ruby", "elixir", "go", "java", "yarn", "bun", "deno", "dotnet", "rust"]))
            settings.set("minimum_release_age", .string("14d"))
            let verbose = env.variable("MISE_VERBOSE")
            if !verbose.isEmpty { step.variables["MISE_VERBOSE"] = verbose }
            for file in configFiles { step.commands.append(.copy(file)) }

            var tools: [String: String] = [:]
            for package in misePackages {
                if let resolved = options.resolvedPackages[package], resolver.package(package)?.skipMiseInstall != true {
                    tools[package] = resolved.resolvedVersion
                }
            }
            // Generated files are named `generated-…` so plan readers know them from user files.
            assets["generated-mise-toml"] = MiseToml.render(tools: tools, settings: settings)
            let names = tools.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            step.commands.append(.file(path: "/etc/mise/config.toml", name: "generated-mise-toml", mode: 0, customName: "create mise config"))
            step.commands.append(.exec(Self.installCommand, customName: "install mise packages: " + names.joined(separator: ", ")))
        }
        step.assets = assets
        plan.steps.append(step)
    }
}
