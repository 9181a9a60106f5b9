import Railway
import Snapshot

/// The image a Nixpacks plan builds, as far as start-up is concerned
/// (nixpacks:src/nixpacks/builder/docker/dockerfile_generation.rs turns the plan into a Dockerfile).
enum NixpacksImage {
    /// The Nixpacks base image with the nix interpreter and the app copied to /app: every phase
    /// and the start copy the app directory to `/app/` (nixpacks:src/nixpacks/builder/docker/dockerfile_generation.rs).
    /// The build context is a copy of the whole app directory (files.rs `recursive_copy_dir`), so
    /// its `.dockerignore` decides what the COPY sees (moby/patternmatcher, as for Dockerfiles).
    static func base(snapshot: RepoSnapshot, appDirectory: RepoPath, version: PythonVersion, versionSource: String,
                          result: inout BuildResult) -> Image {
        let prefix = "/nix/var/nix/profiles/default"
        result.assumptions.append(Assumption(name: "nixpacks-python-prefix", value: prefix, alternatives: ["/nix/store/<hash>-python3-\(version)"],
                                             evidence: "Nixpacks installs Python from a nix store path that depends on the nixpkgs archive; railsim uses the profile path"))
        var fileSystem = ImageFileSystem(snapshot: snapshot)
        fileSystem.addNodes(InterpreterLayout.nodes(prefix: prefix, version: version, origin: "nix python", withPythonLink: true))
        let ignore = DockerIgnoreRules.forContext(snapshot: snapshot, context: appDirectory)
        fileSystem.add(.mount(target: "/app", source: appDirectory, excluded: ExcludedPaths { path in
            guard let relative = path.relative(to: appDirectory) else { return false }
            return ignore.excludes(relative)
        }))
        var image = Image(fileSystem: fileSystem, base: "nixpacks")
        image.python = PythonInstallation(version: version, prefix: prefix, siteDirectories: [], versionSource: versionSource)
        image.workingDirectory = "/app"  // dockerfile_generation.rs WORKDIR /app/
        image.entrypoint = ["/bin/bash", "-l", "-c"]  // dockerfile_generation.rs ENTRYPOINT
        return image
    }

    /// The install commands railsim recognises as the Python provider's: the venv at /opt/venv and
    /// what the package manager puts in it, the project itself included (NixpacksImage+Project). Other commands (a custom install or build command, a
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
                if let step = projectInstall(manager, command: command, phase: phase, image: image, appDirectory: appDirectory, snapshot: snapshot, venv: venv) {
                    let applied = step.apply(to: &image)
                    result.log += applied.log
                    notes += applied.notes
                    if let failure = applied.failure {
                        // The install command exits with the backend's error, which ends the Nixpacks build.
                        result.failure = failure
                        result.notes += notes
                        return
                    }
                }
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

}
