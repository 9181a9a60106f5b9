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
            plan = try NixpacksPlanner.plan(snapshot: snapshot, root: service.rootDirectory,
                                            variables: buildVariables(service), options: options(service))
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

        var image = baseImage(snapshot: snapshot, appDirectory: context.appDirectory, version: version,
                              versionSource: "\(versionSource) (nix \(pythonPackage))", result: &result)
        install(ordered, into: &image, appDirectory: context.appDirectory, snapshot: snapshot, version: version, result: &result)
        environment(plan, ordered: ordered, image: &image)
        result.startCommand = startCommand(plan, service: service)
        if result.startCommand == nil {
            result.failure = BuildFailure(.noStartCommand, message: "No start command could be found")  // nixpacks:src/lib.rs
        }
        image.cmd = result.startCommand.map { if case .shell(_, let command) = $0.form { return [command] }; return [] }
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

    /// The Nixpacks base image with the nix interpreter and the app copied to /app: every phase
    /// and the start copy the app directory to `/app/` (nixpacks:src/nixpacks/builder/docker/dockerfile_generation.rs).
    static func baseImage(snapshot: RepoSnapshot, appDirectory: RepoPath, version: PythonVersion, versionSource: String,
                          result: inout BuildResult) -> Image {
        let prefix = "/nix/var/nix/profiles/default"
        result.assumptions.append(Assumption(name: "nixpacks-python-prefix", value: prefix, alternatives: ["/nix/store/<hash>-python3-\(version)"],
                                             evidence: "Nixpacks installs Python from a nix store path that depends on the nixpkgs archive; railsim uses the profile path"))
        var fileSystem = ImageFileSystem(snapshot: snapshot)
        fileSystem.addNodes(InterpreterLayout.nodes(prefix: prefix, version: version, origin: "nix python", withPythonLink: true))
        fileSystem.add(.mount(target: "/app", source: appDirectory, excluded: .none))
        var image = Image(fileSystem: fileSystem, base: "nixpacks")
        image.python = PythonInstallation(version: version, prefix: prefix, siteDirectories: [], versionSource: versionSource)
        image.workingDirectory = "/app"  // dockerfile_generation.rs WORKDIR /app/
        image.entrypoint = ["/bin/bash", "-l", "-c"]  // dockerfile_generation.rs ENTRYPOINT
        return image
    }

    /// The install commands railsim recognises as the Python provider's: the venv at /opt/venv and
    /// what the package manager puts in it. Other commands (a custom install or build command, a
    /// Procfile release) are reported as not modelled.
    static func install(_ phases: [NixpacksPhase], into image: inout Image, appDirectory: RepoPath, snapshot: RepoSnapshot,
                        version: PythonVersion, result: inout BuildResult) {
        var notes: [BuildNote] = []
        for phase in phases {
            let isInstall = phase.name == "install" || phase.name?.hasSuffix(":install") == true
            for command in phase.cmds ?? [] {
                if isInstall { result.plan.installCommands.append(command) }
                guard let manager = NixpacksPythonPackageManager.recognise(command), image.virtualEnvironment == nil, let python = image.python else {
                    notes.append(.runNotModelled(command: command, location: SourceLocation(file: "Nixpacks \(phase.name ?? "") phase")))
                    continue
                }
                result.plan.packageManager = manager == .requirements ? "pip" : manager.rawValue
                let venv = VirtualEnvironment(path: NixpacksPythonProvider.venv, version: version)
                image.virtualEnvironment = venv
                image.fileSystem.addNodes(InterpreterLayout.venvNodes(venv, base: python, createdBy: "python -m venv --copies /opt/venv"))
                let distributions = dependencies(manager, appDirectory: appDirectory, snapshot: snapshot, venv: venv, version: version, notes: &notes)
                image.distributions = distributions
                image.fileSystem.addNodes(PythonDependencies.nodes(for: distributions, binDirectory: "\(NixpacksPythonProvider.venv)/bin"))
            }
        }
        result.notes += notes
    }

    /// What each manager installs into the venv, read from the file it installs from.
    static func dependencies(_ manager: NixpacksPythonPackageManager, appDirectory: RepoPath, snapshot: RepoSnapshot,
                             venv: VirtualEnvironment, version: PythonVersion, notes: inout [BuildNote]) -> [InstalledDistribution] {
        let file = { (name: String) in RepoPath(name, relativeTo: appDirectory) ?? appDirectory }
        switch manager {
        case .requirements:
            return PythonDependencies.fromRequirements(file("requirements.txt"), in: snapshot, sitePackages: venv.sitePackages, python: version, notes: &notes)
        case .poetry, .pdm, .uv:
            let lock = file("\(manager.rawValue).lock")
            if snapshot.isFile(lock) { return PythonDependencies.fromLockFile(lock, in: snapshot, sitePackages: venv.sitePackages, notes: &notes) }
            return PythonDependencies.fromPyproject(file("pyproject.toml"), in: snapshot, sitePackages: venv.sitePackages, python: version, notes: &notes)
        case .setuptools:
            // `pip install .` installs the declared dependencies (and the project itself).
            return PythonDependencies.fromPyproject(file("pyproject.toml"), in: snapshot, sitePackages: venv.sitePackages, python: version, notes: &notes)
        case .pipenv:
            return PythonDependencies.fromPipfile(file("Pipfile"), in: snapshot, sitePackages: venv.sitePackages, python: version, notes: &notes)
        }
    }

    /// The image's variables: every plan variable (`ARG`/`ENV`, sorted as the plan's BTreeMap),
    /// `NIXPACKS_PATH` from the phases' paths, and the PATH a login shell ends up with: the base
    /// image's PATH (nixpacks:base/ubuntu/Dockerfile) behind the phase paths `/root/.profile`
    /// prepends (dockerfile_generation.rs), so the venv's `python` comes first.
    static func environment(_ plan: NixpacksPlan, ordered: [NixpacksPhase], image: inout Image) {
        let variables = plan.variables ?? [:]
        for name in variables.keys.sorted(by: NixpacksOrdering.less) {
            if let value = variables[name] { image.setEnvironment(name, value) }
        }
        var nixpacksPath = ""
        var profilePaths: [String] = []
        for phase in ordered {
            guard let paths = phase.paths else { continue }
            nixpacksPath = paths.joined(separator: ":") + ":" + nixpacksPath
            profilePaths.insert(contentsOf: paths, at: 0)
        }
        if !nixpacksPath.isEmpty { image.setEnvironment("NIXPACKS_PATH", nixpacksPath) }
        var seen: Set<String> = []
        let base = ["/nix/var/nix/profiles/default/bin", "/nix/var/nix/profiles/default/sbin", "/bin", "/sbin", "/usr/bin", "/usr/sbin"]
        let path = (profilePaths + base).filter { seen.insert($0).inserted }
        image.setEnvironment("PATH", path.joined(separator: ":"))
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
