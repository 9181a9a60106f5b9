/// The deploy section as providers and config shape it (railpack:core/generate/deploy_builder.go DeployBuilder).
struct DeployBuilder: Sendable, Equatable {
    var base = RailpackPlan.Layer.image(RailpackRelease.runtimeImage)
    var inputs: [RailpackPlan.Layer] = []
    var startCommand = ""
    var variables: [String: String] = [:]
    var paths: [String] = []
    var aptPackages: [String] = []

    mutating func addInputs(_ layers: [RailpackPlan.Layer]) { inputs.append(contentsOf: layers) }
    mutating func addAptPackages(_ packages: [String]) { aptPackages.append(contentsOf: packages) }

    /// Whether a layer of `step` already includes `path`, or all of it (HasIncludeForStep).
    func hasInclude(forStep step: String, path: String) -> Bool {
        inputs.contains { $0.step == step && $0.include.contains { $0 == path || $0 == "." } }
    }

    /// HasInputForStep
    func hasInput(forStep step: String) -> Bool { inputs.contains { $0.step == step } }

    /// Runtime apt packages get their own `packages:apt:runtime` step on the base image, which
    /// then becomes the base (railpack:core/generate/deploy_builder.go Build).
    func build(into plan: inout RailpackPlan, options: inout BuildStepOptions) {
        var base = self.base
        if !aptPackages.isEmpty {
            var step = RailpackPlan.Step(name: "packages:apt:runtime", secrets: [])
            step.inputs = [base]
            step.commands = [BuildStepOptions.aptInstallCommand(aptPackages)]
            step.caches = options.caches.aptCaches()
            plan.steps.append(step)
            base = .step(step.name)
        }
        plan.deploy.base = base
        plan.deploy.inputs.append(contentsOf: inputs)
        plan.deploy.startCommand = startCommand
        plan.deploy.variables = variables
        plan.deploy.paths = paths
    }
}
