import Railway
import Snapshot

/// Legacy Nixpacks, Python provider only (nixpacks:src/providers/python.rs; railpack.md §5).
/// Railway keeps it for existing services; new services get Railpack.
public enum NixpacksBuilder {
    public static func build(_ service: ResolvedService, snapshot: RepoSnapshot) -> BuildResult {
        var result = BuildResult(builder: .nixpacks)
        let app = NixpacksApp(snapshot: snapshot, root: service.rootDirectory, variables: service.settings)
        // Node precedes Python in Nixpacks' provider order (nixpacks:src/lib.rs get_providers).
        if app.has("package.json") {
            result.notes.append(.nonPythonProvider("Node"))
            result.failure = BuildFailure(.unsupported, message: "railsim simulates Python services; Nixpacks detected Node")
            return result
        }
        guard app.has("main.py") || app.has("requirements.txt") || app.has("pyproject.toml") || app.has("Pipfile") else {
            // nixpacks:src/lib.rs
            result.failure = BuildFailure(.noProvider, message: "Nixpacks was unable to generate a build plan for this app.")
            return result
        }
        result.plan.provider = "python"
        // Version: NIXPACKS_PYTHON_VERSION, else .python-version, else runtime.txt; default python3,
        // which the docs give as 3.11 (python.rs get_nix_python_package).
        var version = PythonVersion(3, 11)
        var versionSource = "Nixpacks' default python3 (3.11 per its docs)"
        if let raw = app.variable("NIXPACKS_PYTHON_VERSION"), let parsed = PythonVersion(parsing: raw) { version = parsed; versionSource = "NIXPACKS_PYTHON_VERSION" }
        else if let text = app.text(".python-version"), let parsed = PythonVersion(parsing: text) { version = parsed; versionSource = ".python-version" }
        else if let text = app.text("runtime.txt"), let parsed = PythonVersion(parsing: text) { version = parsed; versionSource = "runtime.txt" }
        let prefix = "/nix/var/nix/profiles/default"
        result.assumptions.append(Assumption(name: "nixpacks-python-prefix", value: prefix, alternatives: ["/nix/store/<hash>-python3-\(version)"],
                                             evidence: "Nixpacks installs Python from a nix store path that depends on the nixpkgs archive; railsim uses the profile path"))
        let python = PythonInstallation(version: version, prefix: prefix, siteDirectories: [], versionSource: versionSource)
        var fileSystem = ImageFileSystem(snapshot: snapshot)
        fileSystem.addNodes(InterpreterLayout.nodes(prefix: prefix, version: version, origin: "nix python", withPythonLink: true))
        // Every phase copies the app to /app/ (nixpacks:src/nixpacks/builder/docker/dockerfile_generation.rs).
        fileSystem.add(.mount(target: "/app", source: service.rootDirectory, excluded: .none))
        var image = Image(fileSystem: fileSystem, base: "nixpacks")
        image.python = python
        image.workingDirectory = "/app"
        image.entrypoint = ["/bin/bash", "-l", "-c"]
        let venv = VirtualEnvironment(path: "/opt/venv", version: version)
        image.virtualEnvironment = venv
        image.fileSystem.addNodes(InterpreterLayout.venvNodes(venv, base: python, createdBy: "python -m venv --copies /opt/venv"))
        var notes: [BuildNote] = []
        var distributions: [InstalledDistribution] = []
        if app.has("requirements.txt") {
            result.plan.packageManager = "pip"
            result.plan.installCommands = ["python -m venv --copies /opt/venv && . /opt/venv/bin/activate && pip install -r requirements.txt"]
            distributions = PythonDependencies.fromRequirements(app.path("requirements.txt"), in: snapshot, sitePackages: venv.sitePackages, python: version, notes: &notes)
        } else if app.has("pyproject.toml"), app.has("poetry.lock") {
            result.plan.packageManager = "poetry"
            distributions = PythonDependencies.fromLockFile(app.path("poetry.lock"), in: snapshot, sitePackages: venv.sitePackages, notes: &notes)
        } else if app.has("pyproject.toml"), app.has("pdm.lock") {
            // Manager order pip > poetry > pdm > uv > setuptools > pipenv (nixpacks:src/providers/python.rs PackageManager::resolve).
            result.plan.packageManager = "pdm"
            distributions = PythonDependencies.fromLockFile(app.path("pdm.lock"), in: snapshot, sitePackages: venv.sitePackages, notes: &notes)
        } else if app.has("pyproject.toml"), app.has("uv.lock") {
            result.plan.packageManager = "uv"
            distributions = PythonDependencies.fromLockFile(app.path("uv.lock"), in: snapshot, sitePackages: venv.sitePackages, notes: &notes)
        } else if app.has("pyproject.toml") {
            // pyproject alone: setuptools, `pip install --upgrade build setuptools && pip install .`
            // (nixpacks:src/providers/python.rs), which installs the declared dependencies.
            result.plan.packageManager = "setuptools"
            result.plan.installCommands = ["python -m venv --copies /opt/venv && . /opt/venv/bin/activate && pip install --upgrade build setuptools && pip install ."]
            distributions = PythonDependencies.fromPyproject(app.path("pyproject.toml"), in: snapshot, sitePackages: venv.sitePackages, python: version, notes: &notes)
        } else if app.has("Pipfile") {
            result.plan.packageManager = "pipenv"
            distributions = PythonDependencies.fromPipfile(app.path("Pipfile"), in: snapshot, sitePackages: venv.sitePackages, python: version, notes: &notes)
        }
        result.notes += notes
        image.distributions = distributions
        image.fileSystem.addNodes(PythonDependencies.nodes(for: distributions, binDirectory: "/opt/venv/bin"))
        image.setEnvironment("PATH", "/opt/venv/bin:\(prefix)/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        image.setEnvironment("VIRTUAL_ENV", "/opt/venv")
        for (name, value) in [("PYTHONFAULTHANDLER", "1"), ("PYTHONUNBUFFERED", "1"), ("PYTHONHASHSEED", "random"), ("PYTHONDONTWRITEBYTECODE", "1"),
                              ("PIP_NO_CACHE_DIR", "1"), ("PIP_DISABLE_PIP_VERSION_CHECK", "1"), ("PIP_DEFAULT_TIMEOUT", "100")] {
            image.setEnvironment(name, value)
        }
        let shell = ["/bin/bash", "-l", "-c"]
        var start: StartCommandSpec? = nil
        if let command = service.config.effectiveStartCommand, let source = service.config.startCommand?.source {
            start = StartCommandSpec(form: .shell(interpreter: shell, command: command), source: source.description, display: command)
        } else if let text = app.text("Procfile"), let process = Procfile(text: text).selected {
            start = StartCommandSpec(form: .shell(interpreter: shell, command: process.command), source: "\(app.path("Procfile")):\(process.line)", display: process.command)
        } else if app.has("main.py") {
            start = StartCommandSpec(form: .shell(interpreter: shell, command: "python main.py"), source: "Nixpacks' Python provider", display: "python main.py")
        }
        if start == nil {
            result.failure = BuildFailure(.noStartCommand, message: "No start command could be found")  // nixpacks:src/lib.rs
        }
        result.startCommand = start
        image.cmd = start.map { if case .shell(_, let c) = $0.form { return [c] }; return [] }
        result.image = image
        return result
    }
}
