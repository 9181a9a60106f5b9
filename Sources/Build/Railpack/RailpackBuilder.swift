import Foundation
import Railway
import Snapshot

/// Emulates a Railpack build of the service's root directory: Railpack's own plan first
/// (`RailpackPlanner`), then, for Python, the runtime image derived from that plan.
public enum RailpackBuilder {
    /// The Railpack version whose rules railsim follows.
    public static let emulatedVersion = RailpackRelease.version

    public static func build(_ service: ResolvedService, snapshot: RepoSnapshot) -> BuildResult {
        var result = BuildResult(builder: .railpack)
        result.log.append("Railpack \(emulatedVersion) (emulated)")
        // Railway fails a build without a start command (--error-missing-start); railsim still
        // derives the image in that case, so the plan is asked for without it and the rule is
        // applied below.
        var request = planRequest(for: service, snapshot: snapshot)
        request.errorMissingStartCommand = false
        var planned = RailpackPlanner.generate(request)
        let missingStart = planned.plan.map { $0.deploy.startCommand.isEmpty } ?? false
        if missingStart, let index = planned.logs.lastIndex(where: { $0.level == .warn && $0.message.hasPrefix(RailpackValidation.missingStartMessage) }) {
            planned.logs[index].level = .error  // as Railway's --error-missing-start logs it
        }
        result.log.append(contentsOf: planned.logs.map(logLine))
        result.plan.provider = (planned.provider ?? planned.detectedProvider)?.lowercased()
        result.railpackPlan = planned.plan

        if let failure = planned.failure {
            result.failure = buildFailure(failure)
            if case .notEmulated(let provider) = failure { result.notes.append(.nonPythonProvider(provider)) }
            return result
        }
        guard let plan = planned.plan else { return result }
        if missingStart && planned.provider != "python" && service.config.effectiveStartCommand == nil {
            // Without a provider a plan can still pass the command check (the mise step installs
            // what .python-version or mise.toml pin), and then fails for want of a start command.
            result.failure = BuildFailure(.noStartCommand, message: RailpackValidation.missingStartMessage)
            if let provider = planned.provider { result.notes.append(.nonPythonProvider(RailpackValidation.capitalizedFirst(provider))) }
            return result
        }
        guard planned.provider == "python" else {
            let what = planned.provider.map { "Railpack's \(RailpackValidation.capitalizedFirst($0)) provider" } ?? "no Railpack provider (the plan comes from its config)"
            result.notes.append(.nonPythonProvider(planned.provider.map(RailpackValidation.capitalizedFirst) ?? "none"))
            result.failure = BuildFailure(.unsupported, message: "railsim simulates Python services; this app is built by \(what)")
            return result
        }

        let project = PythonProject(app: RailpackApp(snapshot: snapshot, root: service.rootDirectory))
        result.plan.packageManager = project.packageManager.rawValue
        // The exec commands of the install and build steps, in order.
        result.plan.installCommands = ["install", "build"].flatMap { name in
            (plan.step(named: name)?.commands ?? []).compactMap { command -> String? in
                if case .exec(let cmd, _) = command { return cmd }
                return nil
            }
        }

        // The install step runs `uv sync --locked` (python.go); uv stops on a lock that no longer
        // matches pyproject.toml, so the build fails there (UvLockCheck, checked against uv itself).
        if project.packageManager == .uv,
           let pyproject = RepoPath("pyproject.toml", relativeTo: service.rootDirectory),
           let lock = RepoPath("uv.lock", relativeTo: service.rootDirectory),
           let drift = UvLockCheck.drift(pyproject: pyproject, lock: lock, in: snapshot), drift.isStale {
            result.failure = BuildFailure(.builderError, message: UvLockCheck.message.trimmingCharacters(in: .newlines),
                                          location: SourceLocation(pyproject, line: drift.pyprojectLine))
            return result
        }

        let derived = RailpackPythonImage.derive(plan: plan, planned: planned, project: project)
        var image = derived.image
        result.notes.append(contentsOf: derived.notes)
        result.assumptions.append(contentsOf: derived.assumptions)
        result.log.append(contentsOf: derived.log)
        if let failure = derived.failure {
            // The step's uv/pdm exits with the backend's error, which ends the Railpack build.
            result.failure = failure
            return result
        }

        result.startCommand = startCommand(service: service, plan: plan, origin: planned.startCommandOrigin)
        if result.startCommand == nil {
            // railpack:core/validate.go validateStartCommand; fatal on Railway (--error-missing-start).
            result.failure = BuildFailure(.noStartCommand, message: RailpackValidation.missingStartMessage)
        }
        image.cmd = result.startCommand.map { spec in
            if case .shell(_, let command) = spec.form { return [command] }
            return []
        }
        result.image = image
        return result
    }

    /// The request Railway makes for a service: its variables as the build environment, and its
    /// build and start commands as `--build-cmd`/`--start-cmd` (railway-platform.md §4, railpack issue #711).
    public static func planRequest(for service: ResolvedService, snapshot: RepoSnapshot) -> RailpackPlanRequest {
        var variables: [String: String] = [:]
        for variable in service.settings.variables { variables[variable.name] = variable.value }
        let start = service.config.effectiveStartCommand
        return RailpackPlanRequest(snapshot: snapshot, root: service.rootDirectory, environment: RailpackEnvironment(variables),
                                   buildCommand: service.config.buildCommand?.value ?? nil, startCommand: start,
                                   startCommandOrigin: service.config.startCommand?.source.description)
    }

    /// Railway's own start command replaces the image's command at deploy time, so it wins over
    /// the plan's; otherwise the plan's runs as `bash -c` (railpack:buildkit/convert.go).
    static func startCommand(service: ResolvedService, plan: RailpackPlan, origin: String?) -> StartCommandSpec? {
        let shell = ["/bin/bash", "-c"]  // railpack:buildkit/convert.go: Entrypoint ["/bin/bash","-c"]
        if let command = service.config.effectiveStartCommand, let source = service.config.startCommand?.source {
            return StartCommandSpec(form: .shell(interpreter: shell, command: command), source: source.description, display: command)
        }
        guard !plan.deploy.startCommand.isEmpty else { return nil }
        let command = plan.deploy.startCommand
        return StartCommandSpec(form: .shell(interpreter: shell, command: command), source: origin ?? "Railpack's plan", display: command)
    }

    static func buildFailure(_ failure: RailpackPlanFailure) -> BuildFailure {
        switch failure {
        case .config(let message, let location): return BuildFailure(.configInvalid, message: message, location: location)
        case .noProvider: return BuildFailure(.noProvider, message: RailpackValidation.noProviderHeadline)
        case .noStartCommand: return BuildFailure(.noStartCommand, message: RailpackValidation.missingStartMessage)
        case .notEmulated(let provider):
            return BuildFailure(.unsupported, message: "railsim simulates Python services; Railpack detected \(provider)")
        case .error(let message): return BuildFailure(.builderError, message: message)
        }
    }

    /// Railpack's log lines under the builder's heading; only the first line of a long message.
    static func logLine(_ log: RailpackLog) -> String {
        let first = log.message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? log.message
        switch log.level {
        case .info: return "↳ " + first
        case .warn: return "↳ warning: " + first
        case .error: return "↳ error: " + first
        case .deprecation: return "↳ deprecated: " + first
        case .suggestion: return "↳ suggestion: " + first
        }
    }
}
