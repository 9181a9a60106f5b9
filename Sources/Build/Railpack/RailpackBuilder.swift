import Foundation
import Railway
import Snapshot

/// Emulates a Railpack build of the service's root directory: provider detection, the Python
/// provider's install and start rules, and the final image layout (railpack.md §1.3, §2.7).
public enum RailpackBuilder {
    /// The Railpack version whose rules railsim follows (railpack.md sources: b5e8058, docs v0.36.4).
    public static let emulatedVersion = "0.36.4"

    public static func build(_ service: ResolvedService, snapshot: RepoSnapshot) -> BuildResult {
        var result = BuildResult(builder: .railpack)
        let app = RailpackApp(snapshot: snapshot, root: service.rootDirectory, variables: service.settings)
        result.log.append("Railpack \(emulatedVersion) (emulated)")

        guard let provider = RailpackProvider.detect(app) else {
            // railpack:core/validate.go getNoProviderError
            result.failure = BuildFailure(.noProvider, message: "Railpack could not determine how to build the app.")
            return result
        }
        result.log.append("↳ Detected \(provider.displayName)")
        result.plan.provider = provider.rawValue
        guard provider == .python else {
            result.notes.append(.nonPythonProvider(provider.displayName))
            result.failure = BuildFailure(.unsupported, message: "railsim simulates Python services; Railpack detected \(provider.displayName)")
            return result
        }

        // railpack.json (or RAILPACK_CONFIG_FILE) is read before planning; a named file that is
        // missing or a file that does not parse fails the build (railpack:core/core.go GenerateConfigFromFile).
        let (railpackConfig, configFailure) = readRailpackConfig(app)
        if let configFailure {
            result.failure = configFailure
            return result
        }

        let manager = RailpackPython.packageManager(app)
        if manager != .none { result.log.append("↳ Using \(manager.rawValue)") }
        result.plan.packageManager = manager.rawValue
        result.plan.installCommands = RailpackPython.installCommands(manager, app: app)
        if manager == .none, app.has("pyproject.toml") { result.notes.append(.pyprojectWithoutLock(app.path("pyproject.toml"))) }

        let (version, versionSource) = RailpackPython.version(app, config: railpackConfig)
        let prefix = "/mise/installs/python/\(version)"
        let python = PythonInstallation(version: version, prefix: prefix, siteDirectories: ["\(prefix)/lib/python\(version.short)/site-packages"],
                                        versionSource: versionSource)
        if version.patch == nil {
            result.assumptions.append(Assumption(
                name: "railpack-python-patch", value: version.short, alternatives: ["the newest \(version.short).x at build time"],
                evidence: "mise resolves Railpack's Python \(version.short) to the newest patch release at least 14 days old (railpack core/mise minimum_release_age), which cannot be known offline; paths show \(prefix)"))
        }

        var fileSystem = ImageFileSystem(snapshot: snapshot)
        fileSystem.addNodes(InterpreterLayout.nodes(prefix: prefix, version: version, origin: "mise python \(version)", withPythonLink: true))
        fileSystem.addNodes(["/mise/shims/python": .file(.baseImage("mise shim")), "/mise/shims/python3": .file(.baseImage("mise shim"))])
        // Deploy layer `{step: build, include: ["."], exclude: [".venv"]}`: the whole analysed
        // directory at /app, minus .dockerignore / config excludes (python.go `Plan`; buildkit/convert.go).
        let ignore = DockerIgnoreRules.forContext(snapshot: snapshot, context: service.rootDirectory)
        let root = service.rootDirectory
        fileSystem.add(.mount(target: "/app", source: root, excluded: ExcludedPaths { path in
            guard let relative = path.relative(to: root) else { return false }
            return relative.components.first == ".venv" || ignore.excludes(relative)
        }))

        var image = Image(fileSystem: fileSystem, base: "ghcr.io/railwayapp/railpack-runtime")
        image.python = python
        image.workingDirectory = "/app"
        image.entrypoint = ["/bin/bash", "-c"]

        var paths = ["/mise/shims"]
        if manager != .none {
            let venv = VirtualEnvironment(path: "/app/.venv", version: version)
            image.virtualEnvironment = venv
            image.fileSystem.addNodes(InterpreterLayout.venvNodes(venv, base: python, createdBy: "python -m venv /app/.venv"))
            paths.append("/app/.venv/bin")
            if manager != .pip { paths.append("/root/.local/bin") }
            var notes = result.notes
            let distributions = installedDistributions(manager, app: app, sitePackages: venv.sitePackages, python: version, notes: &notes)
            result.notes = notes
            image.distributions = distributions
            image.fileSystem.addNodes(PythonDependencies.nodes(for: distributions, binDirectory: "/app/.venv/bin"))
            // The install step's variables reach the image (buildkit/convert.go getImageEnv copies
            // GraphEnv.EnvVars); each manager sets its own (python.go Install*).
            for (name, value) in RailpackPython.installVariables(manager) { image.setEnvironment(name, value) }
        }
        // The mise step's variables (core/generate/mise_step_builder.go Build).
        for (name, value) in [("MISE_DATA_DIR", "/mise"), ("MISE_CONFIG_DIR", "/mise"), ("MISE_CACHE_DIR", "/mise/cache"),
                              ("MISE_SHIMS_DIR", "/mise/shims"), ("MISE_INSTALLS_DIR", "/mise/installs")] {
            image.setEnvironment(name, value)
        }

        // Image PATH: sorted(deploy.paths ∪ inherited path commands ∪ default PATH) joined by ':'
        // (railpack:buildkit/convert.go getImageEnv).
        let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        image.setEnvironment("PATH", (paths + [defaultPath]).sorted().joined(separator: ":"))
        // The six Python variables (python.go GetPythonEnvVars).
        for (name, value) in [("PYTHONFAULTHANDLER", "1"), ("PYTHONUNBUFFERED", "1"), ("PYTHONHASHSEED", "random"),
                              ("PYTHONDONTWRITEBYTECODE", "1"), ("PIP_DISABLE_PIP_VERSION_CHECK", "1"), ("PIP_DEFAULT_TIMEOUT", "100")] {
            image.setEnvironment(name, value)
        }
        image.setEnvironment("RAILPACK_VERSION", emulatedVersion)
        // The image config lists variables sorted by name (buildkit/convert.go getImageEnv).
        image.environment.sort { $0.name < $1.name }
        result.image = image

        result.startCommand = startCommand(service: service, app: app, config: railpackConfig, result: &result)
        if result.startCommand == nil {
            // railpack:core/validate.go validateStartCommand; fatal on Railway (--error-missing-start).
            result.failure = BuildFailure(.noStartCommand, message: "No start command detected. Specify a start command: https://railpack.com/config/file#deploy")
        }
        image.cmd = result.startCommand.map { spec in
            if case .shell(_, let command) = spec.form { return [command] }
            return []
        }
        result.image = image
        return result
    }

    static func installedDistributions(_ manager: RailpackPython.PackageManager, app: RailpackApp, sitePackages: String,
                                       python: PythonVersion?, notes: inout [BuildNote]) -> [InstalledDistribution] {
        switch manager {
        case .pip:
            // `python -m venv` bootstraps pip into the venv (ensurepip).
            return [InstalledDistribution(name: "pip", importNames: ["pip"], nameRule: .catalogue, sitePackages: sitePackages, requiredAt: nil)]
                + PythonDependencies.fromRequirements(app.path("requirements.txt"), in: app.snapshot, sitePackages: sitePackages, python: python, notes: &notes)
        case .uv: return PythonDependencies.fromLockFile(app.path("uv.lock"), in: app.snapshot, sitePackages: sitePackages, notes: &notes)
        case .poetry: return PythonDependencies.fromLockFile(app.path("poetry.lock"), in: app.snapshot, sitePackages: sitePackages, notes: &notes)
        case .pdm: return PythonDependencies.fromLockFile(app.path("pdm.lock"), in: app.snapshot, sitePackages: sitePackages, notes: &notes)
        case .pipenv: return PythonDependencies.fromPipfile(app.path("Pipfile"), in: app.snapshot, sitePackages: sitePackages, python: python, notes: &notes)
        case .none: return []
        }
    }

    /// Start command precedence: Railway's own start command (service settings / config file),
    /// then Railpack's config (railpack.json `deploy.startCommand` > RAILPACK_START_CMD), then the
    /// Procfile (web > worker > any), then the provider (railpack.md §2.6; procfile.go; core.go).
    static func startCommand(service: ResolvedService, app: RailpackApp, config: ConfigValue?, result: inout BuildResult) -> StartCommandSpec? {
        let shell = ["/bin/bash", "-c"]  // railpack:buildkit/convert.go: Entrypoint ["/bin/bash","-c"]
        if let command = service.config.effectiveStartCommand, let source = service.config.startCommand?.source {
            return StartCommandSpec(form: .shell(interpreter: shell, command: command), source: source.description, display: command)
        }
        if let command = railpackJSONStartCommand(config) {
            return StartCommandSpec(form: .shell(interpreter: shell, command: command), source: app.path(configFileName(app)).description, display: command)
        }
        if let command = app.variable("RAILPACK_START_CMD") {
            return StartCommandSpec(form: .shell(interpreter: shell, command: command), source: "service variable RAILPACK_START_CMD", display: command)
        }
        if let text = app.text("Procfile"), let process = Procfile(text: text).selected {
            return StartCommandSpec(form: .shell(interpreter: shell, command: process.command),
                                    source: "\(app.path("Procfile")):\(process.line) (\(process.name))", display: process.command)
        }
        if let command = RailpackPython.startCommand(app, log: &result.log) {
            return StartCommandSpec(form: .shell(interpreter: shell, command: command), source: "Railpack's Python provider", display: command)
        }
        return nil
    }

    /// The config file name: RAILPACK_CONFIG_FILE, relative to the app directory, else railpack.json (core.go).
    static func configFileName(_ app: RailpackApp) -> String {
        app.variable("RAILPACK_CONFIG_FILE") ?? "railpack.json"
    }

    /// railpack.json as Railpack reads it: JSON with comments and trailing commas (hujson); a
    /// missing default file is fine, a missing named file or a parse error fails the build
    /// (railpack:core/core.go GenerateConfigFromFile, readConfigJSON).
    static func readRailpackConfig(_ app: RailpackApp) -> (ConfigValue?, BuildFailure?) {
        let name = configFileName(app)
        let path = app.path(name)
        guard app.snapshot.isFile(path) else {
            if name == "railpack.json" { return (nil, nil) }
            // Upstream prints the absolute path on the builder, which railsim cannot know.
            return (nil, BuildFailure(.configInvalid, message: "config file \"\(path.slashed)\" not found"))
        }
        guard let text = app.text(name) else { return (nil, nil) }
        do throws(ConfigSyntaxError) {
            return (try ConfigDocumentParser.parseJSONWithComments(text, file: path.description), nil)
        } catch {
            return (nil, BuildFailure(.configInvalid, message: "Failed to read config file `\(name)`: \(error.message)", location: error.location))
        }
    }

    /// `deploy.startCommand` of railpack.json.
    static func railpackJSONStartCommand(_ document: ConfigValue?) -> String? {
        guard let deploy = document?.members?.first(where: { $0.key == "deploy" })?.value.members,
              case .string(let command)? = deploy.first(where: { $0.key == "startCommand" })?.value,
              !command.isEmpty else { return nil }
        return command
    }
}
