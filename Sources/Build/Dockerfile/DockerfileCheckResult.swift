/// One build-check warning as BuildKit reports it: rule, description and URL from ruleset.go, the
/// formatted detail, and the line BuildKit attaches (the instruction's first line, or for
/// MultipleInstructionsDisallowed the earlier instruction's).
public struct DockerfileCheckWarning: Sendable, Equatable {
    public var rule: String
    public var description: String
    public var url: String?
    public var detail: String
    public var line: Int

    /// The line `docker build` prints: "Rule: detail (line N)" (linter.go `LintFormatShort`).
    public var short: String { BuildKitMessage.checkWarning(rule: rule, detail: detail, line: line) }
}

/// What BuildKit's linter produced for one build.
public struct DockerfileCheckResult: Sendable, Equatable {
    public var config: DockerfileCheckConfig
    public var warnings: [DockerfileCheckWarning] = []
    /// BuildKit's error when `error=true` and a rule reported anything (linter.go `Error`). BuildKit lists
    /// the rules from a Go map, so their order varies between runs; railsim lists them in first-report order.
    public var error: String?
    /// Checks railsim could not decide for this Dockerfile, with the reason; empty means every
    /// non-experimental rule except those in `DockerfileCheckRule.notChecked` was evaluated everywhere.
    public var notChecked: [String] = []
}

/// BuildKit's `linter.Linter`: runs a rule under the config in force for the instruction, records the
/// warning, and remembers which rules reported so `error=true` can name them.
struct DockerfileCheckRecorder {
    var result: DockerfileCheckResult
    private var reported: [String] = []

    init(config: DockerfileCheckConfig) { result = DockerfileCheckResult(config: config) }

    var config: DockerfileCheckConfig { result.config }

    mutating func report(_ rule: DockerfileCheckRule, line: Int, _ detail: String, config: DockerfileCheckConfig? = nil) {
        guard (config ?? result.config).runs(rule) else { return }
        if !reported.contains(rule.name) { reported.append(rule.name) }
        result.warnings.append(DockerfileCheckWarning(rule: rule.name, description: rule.description, url: rule.url, detail: detail, line: line))
    }

    mutating func notChecked(_ what: String) {
        if !result.notChecked.contains(what) { result.notChecked.append(what) }
    }

    /// linter.go `Error` (`BuildKitMessage.lintViolation`) when `error=true` and any rule ran.
    mutating func finish() -> DockerfileCheckResult {
        if result.config.returnAsError, !reported.isEmpty {
            result.error = BuildKitMessage.lintViolation(rules: reported)
        }
        return result
    }
}
