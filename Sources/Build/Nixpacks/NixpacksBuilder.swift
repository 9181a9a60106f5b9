import Railway
import Snapshot

/// Legacy Nixpacks (railpack.md §5). Railway keeps it for existing services; new services get
/// Railpack. The image is derived from Nixpacks' own plan (`NixpacksPlanner`), so what railsim
/// runs is what `nixpacks plan` says: the interpreter from the setup phase's nix packages, the
/// venv and dependencies from the install command, the variables and the start command.
public enum NixpacksBuilder {
    public static let emulatedVersion = "1.39.0"  // nixpacks:Cargo.toml version at f51d7fd

    public static func build(_ service: ResolvedService, snapshot: RepoSnapshot) -> BuildResult {
        var result = BuildResult(builder: .nixpacks)
        result.log.append("Nixpacks v\(emulatedVersion) (emulated)")
        let plan: NixpacksPlan
        do {
            plan = try NixpacksPlanner.plan(for: service, snapshot: snapshot)
        } catch {
            result.failure = failure(error)
            return result
        }
        let context = plan.context
        result.plan.provider = context.providers.first
        result.log += context.warnings
        if context.appDirectory != service.rootDirectory, let sub = context.appDirectory.relative(to: service.rootDirectory) {
            result.log.append("Using subdirectory \"\(sub)\"")  // nixpacks:src/lib.rs create_docker_image
        }
        if let other = context.unemulatedProviders.first {
            // Node precedes Python in Nixpacks' provider order (nixpacks:src/lib.rs get_providers).
            let name = displayName(other)
            result.notes.append(.nonPythonProvider(name))
            result.failure = BuildFailure(.unsupported, message: "railsim simulates Python services; Nixpacks detected \(name)")
            return result
        }
        guard let phases = plan.phases, !phases.isEmpty else {
            // nixpacks:src/lib.rs create_docker_image
            result.failure = BuildFailure(.noProvider, message: "Nixpacks was unable to generate a build plan for this app.")
            return result
        }
        guard let ordered = plan.sortedPhases else {
            // nixpacks:src/nixpacks/plan/topological_sort.rs
            result.failure = BuildFailure(.unsupported, message: "Circular dependency detected")
            return result
        }
        for phase in ordered {
            let row = phase.name == "setup" || phase.name?.hasSuffix(":setup") == true
                ? (phase.nixPkgs ?? []).joined(separator: ", ") : (phase.cmds ?? []).joined(separator: " && ")
            if !row.isEmpty { result.log.append("\(phase.name ?? "") │ \(row)") }
        }
        guard let pythonPackage = ordered.lazy.flatMap({ $0.nixPkgs ?? [] }).first(where: { NixpacksPythonVersion.interpreter(ofPackage: $0) != nil }),
              let version = NixpacksPythonVersion.interpreter(ofPackage: pythonPackage) else {
            result.failure = BuildFailure(.unsupported, message: "railsim simulates Python services; Nixpacks' plan installs no Python interpreter")
            return result
        }
        let versionSource = pythonPackage == context.pythonPackage
            ? (context.pythonVersionSource ?? "Nixpacks' Python provider")
            : "nix package \(pythonPackage) from nixpacks.toml or NIXPACKS_PKGS"
        result.log.append("start │ \(plan.start?.cmd ?? "")")
        if let runImage = plan.start?.runImage {
            // dockerfile_generation.rs: a run image starts a second stage that copies only
            // `onlyIncludeFiles` from the build, without the nix interpreter or the venv.
            result.failure = BuildFailure(.unsupported, message: "railsim cannot predict this Nixpacks build: the start runs in a separate image (\(runImage))")
            return result
        }

        var image = NixpacksImage.base(snapshot: snapshot, appDirectory: context.appDirectory, version: version,
                              versionSource: "\(versionSource) (nix \(pythonPackage)\(pythonPackage == "python3" ? ", 3.11 per Nixpacks' docs" : ""))", result: &result)
        NixpacksImage.install(ordered, into: &image, appDirectory: context.appDirectory, snapshot: snapshot, version: version, result: &result)
        if result.failure != nil { return result }  // a project install the build backend stopped
        NixpacksImage.environment(plan, ordered: ordered, image: &image)
        result.startCommand = startCommand(plan, service: service)
        if result.startCommand == nil {
            result.failure = BuildFailure(.noStartCommand, message: "No start command could be found")  // nixpacks:src/lib.rs
        }
        image.cmd = result.startCommand.map { if case .shell(_, let command) = $0.form { return [command] }; return [] }
        // dockerfile_generation.rs: `[start] user` adds `useradd -m` and `USER` before the CMD.
        if let user = plan.start?.user { image.user = user }
        result.image = image
        return result
    }

    /// The variables Nixpacks is given: the service's variables and Railway's own, as for a
    /// Dockerfile build (later definitions win).
    static func buildVariables(_ service: ResolvedService) -> [String: String] {
        var values: [String: String] = [:]
        for variable in service.settings.variables + service.settings.railwayVariables { values[variable.name] = variable.value }
        return values
    }

    /// Railway's build and start commands reach Nixpacks as `--build-cmd` and `--start-cmd`.
    static func options(_ service: ResolvedService) -> NixpacksPlanOptions {
        NixpacksPlanOptions(buildCommand: service.config.buildCommand?.value ?? nil, startCommand: service.config.effectiveStartCommand)
    }

    static func failure(_ error: NixpacksPlanError) -> BuildFailure {
        let location = error.file.map { SourceLocation($0, line: error.line) }
        switch error.kind {
        case .configFile: return BuildFailure(.configInvalid, message: error.message, location: location)
        case .nixpacks: return BuildFailure(.unsupported, message: error.message, location: location)
        case .notModelled: return BuildFailure(.unsupported, message: "railsim cannot predict this Nixpacks build: \(error.message)", location: location)
        }
    }

    static func displayName(_ provider: String) -> String {
        switch provider {
        case "node": return "Node"
        case "php": return "PHP"
        case "c#": return "C#"
        case "f#": return "F#"
        default: return provider.prefix(1).uppercased() + provider.dropFirst()
        }
    }

    /// The start command in effect and the layer that set it. Nixpacks' image runs it through
    /// `/bin/bash -l -c` (dockerfile_generation.rs ENTRYPOINT with an exec-form CMD).
    static func startCommand(_ plan: NixpacksPlan, service: ResolvedService) -> StartCommandSpec? {
        guard let command = plan.start?.cmd else { return nil }
        let source: String
        switch plan.context.startSource {
        case .options?: source = service.config.startCommand?.source.description ?? "service settings"
        case .procfile(let process, let file, let line)?: source = "\(file):\(line) (\(process))"
        case .configFile(let file, let line)?: source = line.map { "\(file):\($0)" } ?? file.description
        case .variable(let name)?: source = name
        case .provider?, nil: source = "Nixpacks' Python provider"
        }
        return StartCommandSpec(form: .shell(interpreter: ["/bin/bash", "-l", "-c"], command: command), source: source, display: command)
    }
}

extension NixpacksPlanner {
    /// The plan Railway's Nixpacks makes for a service: its root directory, its variables and
    /// Railway's own, its build and start commands. The image `NixpacksBuilder` builds is derived
    /// from exactly this plan, so `plan(for:snapshot:).json()` is what a `--format nixpacks-json`
    /// output should print.
    public static func plan(for service: ResolvedService, snapshot: RepoSnapshot) throws(NixpacksPlanError) -> NixpacksPlan {
        try plan(snapshot: snapshot, root: service.rootDirectory,
                 variables: NixpacksBuilder.buildVariables(service), options: NixpacksBuilder.options(service))
    }
}
