/// The Python package managers Nixpacks installs with (nixpacks:src/providers/python.rs
/// `PackageManagerType`) and their install commands. Every command first creates and activates
/// the venv at /opt/venv; poetry, pdm and uv are pip-installed into it at the version the plan's
/// `NIXPACKS_*_VERSION` variable holds.
enum NixpacksPythonPackageManager: String, CaseIterable, Sendable {
    case requirements, setuptools, poetry, pdm, uv, pipenv

    /// python.rs `PackageManager::from_env` then `resolve`: nil means no install command.
    static func resolve(_ app: NixpacksApp, environment: NixpacksEnvironment, warnings: inout [String]) -> NixpacksPythonPackageManager? {
        if let requested = environment.configVariable("PYTHON_PACKAGE_MANAGER") {
            switch requested.lowercased() {
            case "auto": break
            case "skip": return nil
            case let name:
                if let manager = NixpacksPythonPackageManager(rawValue: name) { return manager }
                warnings.append("Warning: Unknown package manager '\(requested)'. Using auto-detection.")
            }
        }
        if app.includesFile("requirements.txt") { return .requirements }
        if app.includesFile("pyproject.toml") {
            if app.includesFile("poetry.lock") { return .poetry }
            if app.includesFile("pdm.lock") { return .pdm }
            if app.includesFile("uv.lock") { return .uv }
            return .setuptools  // pyproject.toml without a lock file
        }
        if app.includesFile("Pipfile") { return .pipenv }
        return nil
    }

    /// The venv prefix every install command starts with (python.rs `install`).
    static let venvPrefix = "python -m venv --copies /opt/venv && . /opt/venv/bin/activate && "

    /// python.rs `install`, one arm per manager.
    func installCommand(_ app: NixpacksApp) -> String {
        Self.venvPrefix + installTail(pipfileLocked: app.includesFile("Pipfile.lock"))
    }

    func installTail(pipfileLocked: Bool) -> String {
        switch self {
        case .requirements: return "pip install -r requirements.txt"
        case .poetry: return "pip install poetry==$NIXPACKS_POETRY_VERSION && poetry install --no-dev --no-interaction --no-ansi"
        case .pdm: return "pip install pdm==$NIXPACKS_PDM_VERSION && pdm install --prod"
        case .uv: return "pip install uv==$NIXPACKS_UV_VERSION && uv sync --no-dev --frozen"
        case .setuptools: return "pip install --upgrade build setuptools && pip install ."
        case .pipenv:
            // PIPENV_VENV_IN_PROJECT makes pipenv use the activated venv instead of its own.
            return pipfileLocked ? "PIPENV_VENV_IN_PROJECT=1 pipenv install --deploy" : "PIPENV_VENV_IN_PROJECT=1 pipenv install --skip-lock"
        }
    }

    /// The install command railsim recognises as this manager's, so the image can follow a plan
    /// whatever layer wrote the command.
    static func recognise(_ command: String) -> NixpacksPythonPackageManager? {
        guard command.hasPrefix(venvPrefix) else { return nil }
        let tail = String(command.dropFirst(venvPrefix.count))
        for manager in allCases {
            for locked in [true, false] where manager.installTail(pipfileLocked: locked) == tail { return manager }
        }
        return nil
    }

    /// python.rs: the cache directories of each arm.
    var cacheDirectories: [String] {
        switch self {
        case .requirements, .poetry, .setuptools, .pipenv: return ["/root/.cache/pip"]
        case .pdm: return ["/root/.cache/pip", "/root/.cache/pdm"]
        case .uv: return ["/root/.cache/uv"]
        }
    }
}
