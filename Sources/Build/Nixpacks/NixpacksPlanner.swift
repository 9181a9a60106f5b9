import Railway
import Snapshot

/// What Railway hands Nixpacks besides the variables: the CLI's `--install-cmd`, `--build-cmd`,
/// `--start-cmd`, `--json-plan` and `--config` (nixpacks:src/main.rs). Railway sets a service's
/// build command as `--build-cmd` (railway-platform.md §4, old build-configuration docs).
public struct NixpacksPlanOptions: Sendable, Equatable {
    public var installCommand: String?
    public var buildCommand: String?
    public var startCommand: String?
    /// A whole or partial plan as JSON, under the flags (main.rs merges `[json_plan, cli_plan]`).
    public var jsonPlan: String?
    public var configFile: String?

    public init(installCommand: String? = nil, buildCommand: String? = nil, startCommand: String? = nil,
                jsonPlan: String? = nil, configFile: String? = nil) {
        self.installCommand = installCommand
        self.buildCommand = buildCommand
        self.startCommand = startCommand
        self.jsonPlan = jsonPlan
        self.configFile = configFile
    }

    /// main.rs: the JSON plan, then the flags, as one layer.
    func plan() throws(NixpacksPlanError) -> NixpacksPlan {
        guard let jsonPlan else { return flagsPlan }
        let decoded: NixpacksPlan
        do {
            let document = try ConfigDocumentParser.parse(jsonPlan, format: .json, file: "--json-plan")
            decoded = try NixpacksConfigFile.decodePlan(document).plan
        } catch let error as ConfigSyntaxError {
            throw NixpacksPlanError(.configFile, "Invalid --json-plan: \(error.message)")
        } catch let error as NixpacksConfigFile.DecodeError {
            throw NixpacksPlanError(.configFile, "Invalid --json-plan: \(error.message)")
        } catch {
            throw NixpacksPlanError(.configFile, "Invalid --json-plan")
        }
        return NixpacksPlanMerge.mergeAll([decoded, flagsPlan])
    }

    /// main.rs: each flag becomes a phase (or the start) of the CLI plan layer.
    var flagsPlan: NixpacksPlan {
        var plan = NixpacksPlan()
        if let installCommand {
            var install = NixpacksPhase.install(nil)
            install.cmds = [installCommand]
            plan.addPhase(install)
        }
        if let buildCommand {
            var build = NixpacksPhase.build(nil)
            build.cmds = [buildCommand]
            plan.addPhase(build)
        }
        if let startCommand { plan.start = NixpacksStartPhase(cmd: startCommand) }
        return plan
    }
}

/// `nixpacks plan`, emulated: Nixpacks' own build plan for an app directory
/// (nixpacks:src/nixpacks/plan/generator.rs `NixpacksBuildPlanGenerator`).
public enum NixpacksPlanner {
    /// The plan for `root` inside `snapshot`, given the variables Nixpacks receives (`--env`).
    /// Throws Nixpacks' own failure (its wording), a config-file error, or input railsim cannot
    /// follow with certainty.
    public static func plan(snapshot: RepoSnapshot, root: RepoPath = .root, variables: [String: String],
                            options: NixpacksPlanOptions = NixpacksPlanOptions()) throws(NixpacksPlanError) -> NixpacksPlan {
        try plan(NixpacksApp(snapshot: snapshot, root: root), environment: NixpacksEnvironment(variables), options: options, depth: 0)
    }

    /// generator.rs `get_build_plan`: the layers merged in the order provider → Procfile → config
    /// file → `NIXPACKS_*` → CLI (later wins), every variable added, then pinned. A plan without
    /// phases is retried in the app's only directory, if it has exactly one.
    private static func plan(_ app: NixpacksApp, environment: NixpacksEnvironment, options: NixpacksPlanOptions,
                             depth: Int) throws(NixpacksPlanError) -> NixpacksPlan {
        var context = NixpacksPlanContext()
        context.appDirectory = app.root
        let file = try NixpacksConfigFile.read(app, environment: environment, explicitFile: options.configFile)
        let environmentPlan = environment.plan
        let cliPlan = try options.plan()
        let before = NixpacksPlanMerge.mergeAll([file.plan, environmentPlan, cliPlan])
        let planEnvironment = environment.appending(before.variables ?? [:])
        let providerPlan = try providersPlan(app, environment: planEnvironment, requested: before.providers, context: &context)
        let procfile = try procfilePlan(app)
        var plan = NixpacksPlanMerge.mergeAll([providerPlan, procfile.plan, before])
        if !planEnvironment.variables.isEmpty { plan.addVariables(planEnvironment.variables) }
        plan = NixpacksPlanMerge.pin(plan, debian: planEnvironment.isTruthy("DEBIAN"))

        // The start command's layer: the last one that set it (providers keep the first provider's).
        if cliPlan.start?.cmd != nil {
            context.startSource = .options
        } else if environmentPlan.start?.cmd != nil {
            context.startSource = .variable("NIXPACKS_START_CMD")
        } else if file.plan.start?.cmd != nil, let path = file.file {
            context.startSource = .configFile(path, line: file.startLine)
        } else if let process = procfile.start, let path = app.path("Procfile") {
            context.startSource = .procfile(process: process.name, file: path, line: process.line)
        } else if providerPlan.start?.cmd != nil, let first = context.providers.first(where: { NixpacksProvider.named($0)?.isEmulated == true }) {
            context.startSource = .provider(first)
        }
        plan.context = context

        // A provider railsim does not emulate would have made phases, so no fallback then.
        if (plan.phases ?? [:]).isEmpty, context.unemulatedProviders.isEmpty, depth < 64 {
            let directories = app.topLevelEntries.filter(\.isDirectory)
            if directories.count == 1, let only = directories.first, let resolved = app.resolve(app.root.appending(only.name)) {
                return try Self.plan(NixpacksApp(snapshot: app.snapshot, root: resolved), environment: environment,
                                     options: options, depth: depth + 1)
            }
        }
        return plan
    }

    /// generator.rs `get_plan_from_providers`: the detected provider fills the `"..."` of a
    /// configured `providers` list; each provider after the first has its phases prefixed; the
    /// first provider's values win (`merge(provider_plan, plan)`); NIXPACKS_METADATA lists them.
    private static func providersPlan(_ app: NixpacksApp, environment: NixpacksEnvironment, requested: [String]?,
                                      context: inout NixpacksPlanContext) throws(NixpacksPlanError) -> NixpacksPlan {
        var detected: [String] = []
        for provider in NixpacksProvider.allCases where try provider.detects(app) {
            detected = [provider.name]
            break
        }
        let names = NixpacksPlanMerge.removeAutos(NixpacksPlanMerge.fillAuto(detected, requested ?? ["..."]) ?? [])
        var plan = NixpacksPlan()
        var metadata: [String] = []
        for (index, name) in names.enumerated() {
            guard let provider = NixpacksProvider.named(name) else {
                throw NixpacksPlanError(.nixpacks, "Provider \(name) not found")
            }
            context.providers.append(name)
            var providerPlan = NixpacksPlan()
            if provider == .python {
                providerPlan = try NixpacksPythonProvider.plan(app, environment: environment, context: &context)
                metadata.append(([name] + (try NixpacksPythonProvider.metadata(app))).joined(separator: ","))
            } else {
                // Not emulated: its phases are missing; its metadata is its name (only Python has labels).
                context.unemulatedProviders.append(name)
                metadata.append(name)
            }
            if index > 0 { providerPlan.prefixPhases(name) }
            plan = NixpacksPlanMerge.merge(providerPlan, plan)
        }
        if !names.isEmpty { plan.addVariables(["NIXPACKS_METADATA": metadata.joined(separator: ",")]) }
        return plan
    }

    /// nixpacks:src/providers/procfile.rs: the start command, and a `release` phase after build.
    private static func procfilePlan(_ app: NixpacksApp) throws(NixpacksPlanError) -> (plan: NixpacksPlan, start: NixpacksProcfile.Process?) {
        guard app.includesFile("Procfile") else { return (NixpacksPlan(), nil) }
        let path = app.path("Procfile")
        let procfile: NixpacksProcfile
        do {
            procfile = try NixpacksProcfile.parse(try app.readFile("Procfile"))
        } catch let error as NixpacksPlanError {
            throw NixpacksPlanError(error.kind, "Reading Procfile: \(error.message)", file: path)
        } catch NixpacksProcfile.Failure.invalid(let reason, let line) {
            throw NixpacksPlanError(.nixpacks, "Reading Procfile: \(reason)", file: path, line: line)
        } catch NixpacksProcfile.Failure.notModelled(let what, let line) {
            throw NixpacksPlanError(.notModelled, "railsim does not read \(what) in a Procfile", file: path, line: line)
        } catch {
            throw NixpacksPlanError(.notModelled, "railsim could not read the Procfile", file: path)
        }
        var plan = NixpacksPlan()
        if let release = procfile.release {
            var phase = NixpacksPhase(name: "release")
            phase.dependsOn = ["setup", "install", "build"]
            phase.cmds = ["...", release.command]
            plan.addPhase(phase)
        }
        let start = procfile.start
        if let start { plan.start = NixpacksStartPhase(cmd: start.command) }
        return (plan, start)
    }
}
