/// A step made of commands, which providers and config steps fill in
/// (railpack:core/generate/command_step_builder.go CommandStepBuilder).
struct CommandStepBuilder: Sendable, Equatable {
    var name: String
    var commands: [RailpackPlan.Command] = []
    var inputs: [RailpackPlan.Layer] = []
    var assets: [String: String] = [:]
    var variables: [String: String] = [:]
    var caches: [String] = []
    /// Every secret unless the provider narrows it (railpack:core/generate/command_step_builder.go NewCommandStep).
    var secrets: [String] = ["*"]

    init(name: String) { self.name = name }

    mutating func addInput(_ layer: RailpackPlan.Layer) { inputs.append(layer) }
    mutating func addInputs(_ layers: [RailpackPlan.Layer]) { inputs.append(contentsOf: layers) }
    mutating func addCommand(_ command: RailpackPlan.Command) { commands.append(command) }
    mutating func addCommands(_ list: [RailpackPlan.Command]) { commands.append(contentsOf: list) }
    mutating func addEnvVars(_ values: [String: String]) { variables.merge(values) { $1 } }
    /// Each path becomes a `path` command (railpack:core/generate/command_step_builder.go AddPaths).
    mutating func addPaths(_ paths: [String]) { commands.append(contentsOf: paths.map { .path($0) }) }

    /// An empty name is refused, as upstream logs "Cache name is empty" and skips it.
    mutating func addCache(_ name: String) {
        if !name.isEmpty { caches.append(name) }
    }

    /// Appends the variables whose names start with each prefix, one prefix after the other; a
    /// name matching two prefixes is listed twice, as upstream does (UseSecretsWithPrefix).
    mutating func useSecrets(withPrefixes prefixes: [String], from env: RailpackEnvironment) {
        for prefix in prefixes { secrets.append(contentsOf: env.names(withPrefix: prefix)) }
    }

    /// Only in CI builds (`CI` set) are the named secrets added (railpack:core/generate/command_step_builder.go UseSecrets).
    mutating func useSecrets(_ names: [String], env: RailpackEnvironment) {
        if !env.variable("CI").isEmpty { secrets.append(contentsOf: names) }
    }

    func build() -> RailpackPlan.Step {
        var step = RailpackPlan.Step(name: name, secrets: secrets)
        step.inputs = inputs
        step.commands = commands
        step.assets = assets
        step.caches = caches
        step.variables = variables
        return step
    }
}
