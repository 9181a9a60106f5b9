import Railway
import Snapshot

/// `uv` and `poetry` in RUN: where each installs, read from the command and the build environment.
extension DockerRun {
    /// The repository file a path in the image was copied from, if it was.
    func repositoryFile(_ imagePath: String, stage: DockerStage) -> RepoPath? {
        if case .file(.repository(let repoPath))? = stage.image.fileSystem.node(at: imagePath) { return repoPath }
        return nil
    }

    /// Installs distributions into `site` (and their scripts into the matching `bin/`).
    mutating func install(_ installed: [InstalledDistribution], site: String, stage: inout DockerStage) {
        stage.image.distributions += installed
        stage.image.fileSystem.addNodes(PythonDependencies.nodes(for: installed, binDirectory: ImagePath.join(site, "../../../bin")))
    }

    /// Creates a venv at `path` unless one is there (`python -m venv`'s layout, PEP 405 pyvenv.cfg).
    mutating func ensureVenv(_ path: String, cwd: String, stage: inout DockerStage) -> String? {
        guard let python = stage.image.python else { return nil }
        if !stage.image.fileSystem.isFile(path + "/pyvenv.cfg") { venv([path], cwd: cwd, stage: &stage) }
        return "\(path)/lib/python\(python.version.short)/site-packages"
    }

    /// The project's dependencies: its lock file if present (the whole resolved set), else pyproject.toml's closure.
    mutating func projectDistributions(project: String, lock: String, site: String, stage: DockerStage) -> [InstalledDistribution]? {
        var local: [BuildNote] = []
        defer { notes += local }
        if let lockFile = repositoryFile(ImagePath.join(project, lock), stage: stage) {
            return PythonDependencies.fromLockFile(lockFile, in: evaluator.snapshot, sitePackages: site, notes: &local)
        }
        if let pyproject = repositoryFile(ImagePath.join(project, "pyproject.toml"), stage: stage) {
            return PythonDependencies.fromPyproject(pyproject, in: evaluator.snapshot, sitePackages: site, python: stage.image.python?.version, notes: &local)
        }
        return nil
    }

    mutating func uv(_ arguments: [String], cwd: String, stage: inout DockerStage) {
        let words = arguments.filter { !$0.hasPrefix("-") }
        switch words.first {
        case "venv":
            // docs.astral.sh/uv/pip/environments/: `uv venv [PATH]` creates `.venv` by default.
            _ = ensureVenv(ImagePath.join(cwd, words.dropFirst().first ?? ".venv"), cwd: cwd, stage: &stage)
        case "pip" where words.dropFirst().first == "install":
            // docs.astral.sh/uv/pip/environments/: `--system` installs into the interpreter on PATH; otherwise
            // the active VIRTUAL_ENV, else a `.venv` in the working directory or a parent; none is an error.
            var site: String? = nil
            if arguments.contains("--system") || ["1", "true"].contains(stage.buildEnvironment["UV_SYSTEM_PYTHON"]?.lowercased() ?? "") {
                site = stage.image.python?.siteDirectories.first
                if let error = uvExternallyManaged(arguments, stage: stage) {
                    failureExitCode = 2  // uv exits 2 on an error ([EXP] uv 0.13.9 `uv pip install` without a venv: exit 2)
                    failure = BuildFailure(.unsupported, message: error, location: evaluator.location(instruction))
                    return
                }
            } else if let active = stage.buildEnvironment["VIRTUAL_ENV"], stage.image.fileSystem.isFile(active + "/pyvenv.cfg") {
                site = ensureVenv(active, cwd: cwd, stage: &stage)
            } else {
                var directory = cwd
                while true {
                    if stage.image.fileSystem.isFile(ImagePath.join(directory, ".venv/pyvenv.cfg")) { site = ensureVenv(ImagePath.join(directory, ".venv"), cwd: cwd, stage: &stage); break }
                    if directory == "/" { break }
                    directory = ImagePath.dirname(directory)
                }
                if site == nil, stage.image.python != nil {
                    // uv's message when no environment is found (docs.astral.sh/uv/pip/environments/; text as uv prints it in build logs).
                    failureExitCode = 2  // uv exits 2 on an error ([EXP] uv 0.13.9 `uv pip install` without a venv: exit 2)
                    failure = BuildFailure(.unsupported, message: "error: No virtual environment found; run `uv venv` to create an environment, or pass `--system` to install into a non-virtual environment",
                                           location: evaluator.location(instruction))
                    return
                }
            }
            let pipArguments = Array(arguments.drop { $0 != "install" }).filter { $0 != "--system" }
            pip(pipArguments, interpreter: nil, cwd: cwd, stage: &stage, site: site)
        case "sync":
            // docs.astral.sh/uv/concepts/projects/config/#project-environment-path: the project venv is
            // `.venv` in the project root unless UV_PROJECT_ENVIRONMENT names another (relative = to the root).
            let target = stage.buildEnvironment["UV_PROJECT_ENVIRONMENT"].map { ImagePath.join(cwd, $0) } ?? ImagePath.join(cwd, ".venv")
            guard let site = ensureVenv(target, cwd: cwd, stage: &stage),
                  let installed = projectDistributions(project: cwd, lock: "uv.lock", site: site, stage: stage) else {
                notes.append(.runNotModelled(command: (["uv"] + arguments).joined(separator: " "), location: evaluator.location(instruction)))
                return
            }
            install(installed, site: site, stage: &stage)
            log.append("uv sync → \(site)")
            // docs.astral.sh/uv/concepts/projects/sync/: the project itself is installed editable unless
            // --no-install-project (or --only-group/--only-dev, which omit it); --no-editable installs it as a wheel.
            // docs.astral.sh/uv/concepts/projects/config/#project-packaging: without [build-system] (and without
            // tool.uv.package = true) the project is virtual and not installed at all.
            let skips = ["--no-install-project", "--only-dev", "--no-install-workspace"]
            if !arguments.contains(where: { skips.contains($0) || $0.hasPrefix("--only-group") }), isPackagedForUv(cwd, stage: stage) {
                let mode: ProjectInstall.Mode = arguments.contains("--no-editable") ? .regular : .editable
                installProject(cwd, site: site, mode: mode, command: "uv sync", stage: &stage)
            }
        default:
            notes.append(.runNotModelled(command: (["uv"] + arguments).joined(separator: " "), location: evaluator.location(instruction)))
        }
    }

    mutating func poetry(_ arguments: [String], cwd: String, stage: inout DockerStage) {
        guard arguments.first(where: { !$0.hasPrefix("-") }) == "install", let python = stage.image.python else {
            notes.append(.runNotModelled(command: (["poetry"] + arguments).joined(separator: " "), location: evaluator.location(instruction)))
            return
        }
        // python-poetry.org/docs/configuration/: virtualenvs.create=false installs into the current
        // interpreter; virtualenvs.in-project=true uses `{project}/.venv`; an active VIRTUAL_ENV is used as is.
        let truthy: (String?) -> Bool = { ["1", "true", "yes"].contains($0?.lowercased() ?? "") }
        let falsy: (String?) -> Bool = { ["0", "false", "no"].contains($0?.lowercased() ?? "") }
        var site: String?
        if let active = stage.buildEnvironment["VIRTUAL_ENV"], stage.image.fileSystem.isFile(active + "/pyvenv.cfg") {
            site = ensureVenv(active, cwd: cwd, stage: &stage)
        } else if falsy(stage.buildEnvironment["POETRY_VIRTUALENVS_CREATE"]) {
            site = python.siteDirectories.first
        } else if truthy(stage.buildEnvironment["POETRY_VIRTUALENVS_IN_PROJECT"]) || stage.image.fileSystem.isFile(ImagePath.join(cwd, ".venv/pyvenv.cfg")) {
            site = ensureVenv(ImagePath.join(cwd, ".venv"), cwd: cwd, stage: &stage)
        }
        // Otherwise a venv under {cache-dir}/virtualenvs named with a hash of the project path: not modelled.
        guard let site, let installed = projectDistributions(project: cwd, lock: "poetry.lock", site: site, stage: stage) else {
            notes.append(.runNotModelled(command: (["poetry"] + arguments).joined(separator: " "), location: evaluator.location(instruction)))
            return
        }
        install(installed, site: site, stage: &stage)
        log.append("poetry install → \(site)")
        // python-poetry.org/docs/cli/#install: the root package is installed editable unless --no-root or
        // --only (python-poetry.org/docs/basic-usage/#operating-modes: nor with package-mode = false).
        // Poetry's editable builder writes the same `<module>.pth` of include roots as poetry-core's
        // (poetry/masonry/builders/editable.py); other backends are built through PEP 660 as pip would.
        if !arguments.contains("--no-root"), !arguments.contains(where: { $0.hasPrefix("--only") }), !poetryPackageModeOff(cwd, stage: stage) {
            installProject(cwd, site: site, mode: .editable, command: "poetry install", stage: &stage)
        }
    }
}

extension DockerRun {
    /// The project's pyproject.toml in the image, parsed.
    func projectDocument(_ directory: String, stage: DockerStage) -> [ConfigMember]? {
        let path = ImagePath.join(directory, "pyproject.toml")
        guard let bytes = try? stage.image.fileSystem.contents(of: path) else { return nil }
        return ProjectInstallRules.document(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Whether `uv sync` installs the project (ProjectInstallRules.uvInstallsProject).
    func isPackagedForUv(_ directory: String, stage: DockerStage) -> Bool {
        projectDocument(directory, stage: stage).map(ProjectInstallRules.uvInstallsProject) ?? false
    }

    /// Whether `package-mode = false` keeps `poetry install` from installing the project (ProjectInstallRules).
    func poetryPackageModeOff(_ directory: String, stage: DockerStage) -> Bool {
        projectDocument(directory, stage: stage).map(ProjectInstallRules.poetryPackageModeOff) ?? false
    }

    /// uv refuses `--system` installs into a PEP 668 interpreter unless `--break-system-packages`
    /// (docs.astral.sh/uv/pip/environments/#using-arbitrary-python-environments; wording of uv's
    /// crates/uv/src/commands/pip/install.rs, which has varied between releases).
    func uvExternallyManaged(_ arguments: [String], stage: DockerStage) -> String? {
        guard let python = stage.image.python, !arguments.contains("--break-system-packages"),
              !["1", "true"].contains(stage.buildEnvironment["UV_BREAK_SYSTEM_PACKAGES"]?.lowercased() ?? ""),
              let bytes = try? stage.image.fileSystem.contents(of: python.stdlibDirectory + "/EXTERNALLY-MANAGED") else { return nil }
        let text = Self.markerError(bytes).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        return "error: The interpreter at \(python.prefix) is externally managed, and indicates the following:\n\n\(text)\n\n"
            + "Consider creating a virtual environment with `uv venv`."
    }

    /// The distribution name a specifier starts with (PEP 508 `name`: letters, digits, `.`, `_`, `-`), normalised.
    static func requirementName(_ specifier: String) -> String? {
        let name = specifier.trimmingPrefixWhitespace().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
        return name.isEmpty ? nil : PythonPackageName.normalize(String(name))
    }
}

private extension String {
    func trimmingPrefixWhitespace() -> Substring { drop { $0 == " " || $0 == "\t" } }
}
