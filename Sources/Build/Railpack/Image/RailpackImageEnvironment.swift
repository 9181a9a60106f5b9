/// The final image's environment, computed from the plan as BuildKit would: each step's output
/// environment is its parents' merged, then its own variables, with its `path` commands added;
/// the image takes the deploy input steps' environments, then `deploy.variables`, and a PATH made
/// of every collected path plus the default, sorted (railpack:buildkit/build_llb/build_graph.go
/// processNode, getNodeStartingState, convertPathCommandToLLB; railpack:buildkit/convert.go getImageEnv).
enum RailpackImageEnvironment {
    /// The Unix default PATH (github.com/moby/buildkit/util/system DefaultPathEnvUnix).
    static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    struct StepEnvironment: Equatable {
        var variables: [String: String] = [:]
        var paths: [String] = []

        mutating func merge(_ other: StepEnvironment) {
            for path in other.paths where !paths.contains(path) { paths.append(path) }
            variables.merge(other.variables) { $1 }
        }
    }

    /// The image's variables, sorted by name, PATH included. `RAILPACK_BUILT_AT` (a build
    /// timestamp upstream) is left out so predictions stay reproducible.
    static func variables(of plan: RailpackPlan) -> [(name: String, value: String)] {
        var memo: [String: StepEnvironment] = [:]
        var graph = StepEnvironment()
        for input in plan.deploy.inputs where !input.step.isEmpty {
            if let environment = output(of: input.step, in: plan, memo: &memo, visiting: []) { graph.merge(environment) }
        }
        var values = graph.variables
        values.merge(plan.deploy.variables) { $1 }
        values["PATH"] = (plan.deploy.paths + graph.paths + [defaultPath]).sorted().joined(separator: ":")
        return values.keys.sorted().map { ($0, values[$0] ?? "") }
    }

    private static func output(of name: String, in plan: RailpackPlan, memo: inout [String: StepEnvironment],
                               visiting: Set<String>) -> StepEnvironment? {
        if let known = memo[name] { return known }
        guard let step = plan.step(named: name), !visiting.contains(name) else { return nil }
        var input = StepEnvironment()
        for layer in step.inputs where !layer.step.isEmpty {
            if let parent = output(of: layer.step, in: plan, memo: &memo, visiting: visiting.union([name])) { input.merge(parent) }
        }
        var result = StepEnvironment(variables: input.variables.merging(step.variables) { $1 }, paths: input.paths)
        for case .path(let path) in step.commands where !result.paths.contains(path) { result.paths.insert(path, at: 0) }
        memo[name] = result
        return result
    }

    /// Whether a step's filesystem includes the build context: a local input, or a parent step that has one.
    static func hasLocalContext(_ name: String, in plan: RailpackPlan, visiting: Set<String> = []) -> Bool {
        guard let step = plan.step(named: name), !visiting.contains(name) else { return false }
        return step.inputs.contains { $0.local || (!$0.step.isEmpty && hasLocalContext($0.step, in: plan, visiting: visiting.union([name]))) }
    }
}
