import Railway
import Snapshot

/// Installing the repository's own project in the Python provider's install command
/// (nixpacks:src/providers/python.rs `install`), with the files the phase sees: a phase with
/// `onlyIncludeFiles` copies just those (dockerfile_generation.rs `get_copy_commands`), any other
/// copies the whole app directory.
extension NixpacksImage {
    static func projectInstall(_ manager: NixpacksPythonPackageManager, command: String, phase: NixpacksPhase, image: Image,
                               appDirectory: RepoPath, snapshot: RepoSnapshot, venv: VirtualEnvironment) -> ProjectInstallStep? {
        let app = "/app"  // dockerfile_generation.rs WORKDIR /app/
        let view = phase.onlyIncludeFiles.map {
            ProjectInstallStep.copiedFiles($0.map { ($0, $0) }, from: appDirectory, to: app, snapshot: snapshot)
        } ?? image.fileSystem
        let pyproject = ImagePath.join(app, "pyproject.toml")
        guard let bytes = try? view.contents(of: pyproject),
              let top = ProjectInstallRules.document(String(decoding: bytes, as: UTF8.self), file: pyproject),
              let mode = manager.projectInstallMode(top),
              let repoPyproject = RepoPath("pyproject.toml", relativeTo: appDirectory) else { return nil }
        return ProjectInstallStep(command: command, mode: mode, stepFileSystem: view, projectDirectory: app, sitePackages: venv.sitePackages,
                                  pyproject: SourceLocation(repoPyproject), stepLocation: SourceLocation(file: "Nixpacks \(phase.name ?? "") phase"),
                                  missingPackageIsQuiet: manager == .poetry,
                                  // Poetry 1.3's EditableBuilder lays out the root package by poetry-core's rules whatever [build-system] names.
                                  backend: manager == .poetry ? .poetryCore : nil, copiedOnly: phase.onlyIncludeFiles)
    }
}

extension NixpacksPythonPackageManager {
    /// How the manager's install command (installTail) installs the project itself; nil when it does not.
    func projectInstallMode(_ top: [ConfigMember]) -> ProjectInstall.Mode? {
        switch self {
        case .requirements, .pipenv:
            // `pip install -r requirements.txt` and `pipenv install` install what the file lists.
            return nil
        case .setuptools:
            // `pip install .` builds a wheel with the project's backend and unpacks it (pip.pypa.io/en/stable/cli/pip_install/).
            return .regular
        case .poetry:
            // Poetry 1.3.1 (python.rs POETRY_VERSION) `poetry install` ends with the root package installed editable
            // (poetry 1.3 console/commands/install.py EditableBuilder).
            return ProjectInstallRules.poetryPackageModeOff(top) ? nil : .editable
        case .pdm:
            // PDM 2.13.3 (python.rs PDM_VERSION) `pdm install --prod` installs the project editable when it is a
            // distribution (pdm core.py is_distribution; installers self_candidate(editable = not no_editable)).
            return ProjectInstallRules.pdmInstallsProject(top) ? .editable : nil
        case .uv:
            // uv 0.4.30 (python.rs UV_VERSION) `uv sync --no-dev --frozen` installs a packaged project editable
            // (docs.astral.sh/uv/concepts/projects/sync/) into UV_PROJECT_ENVIRONMENT=/opt/venv.
            return ProjectInstallRules.uvInstallsProject(top) ? .editable : nil
        }
    }
}
