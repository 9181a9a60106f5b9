import Foundation
import Railway
import Snapshot

/// Railpack's Python provider rules (railpack:core/providers/python/python.go, django.go), as
/// summarised with sources in railpack.md §2.
enum RailpackPython {
    /// Root files that make an app Python and name its entry, in order (python.go `getMainPythonFile`).
    static let mainFileNames = ["main.py", "app.py", "start.py", "bot.py", "hello.py", "server.py"]
    /// `DEFAULT_PYTHON_VERSION` (python.go); mise resolves it to the newest 3.13.x that is at least
    /// 14 days old (`minimum_release_age`), so the patch release is not known statically.
    static let defaultVersion = PythonVersion(3, 13)

    static func mainFile(in app: RailpackApp) -> String? {
        mainFileNames.first { app.has($0) }
    }

    /// `usesDep`: a case-insensitive substring search of every requirements.txt, pyproject.toml
    /// and Pipfile anywhere under the app directory (python.go `usesDep`), comments included.
    static func usesDependency(_ name: String, in app: RailpackApp) -> Bool {
        let needle = name.lowercased()
        let manifests: Set<String> = ["requirements.txt", "pyproject.toml", "Pipfile"]
        for path in app.snapshot.descendants(of: app.root) where manifests.contains(path.name) && app.snapshot.isFile(path) {
            if let text = try? app.snapshot.readText(path), text.lowercased().contains(needle) { return true }
        }
        return false
    }

    enum PackageManager: String { case pip, uv, poetry, pdm, pipenv, none }

    /// First matching branch wins (python.go `Plan`; railpack.md §2.2).
    static func packageManager(_ app: RailpackApp) -> PackageManager {
        if app.has("requirements.txt") { return .pip }
        if app.has("pyproject.toml") {
            if app.has("uv.lock") { return .uv }
            if app.has("poetry.lock") { return .poetry }
            if app.has("pdm.lock") { return .pdm }
        }
        if app.has("Pipfile") { return .pipenv }
        return .none
    }

    /// The install commands per manager (python.go `Install*`; railpack.md §2.4).
    static func installCommands(_ manager: PackageManager, app: RailpackApp) -> [String] {
        switch manager {
        case .pip: return ["python -m venv /app/.venv", "pip install -r requirements.txt"]
        case .uv: return ["uv sync --locked --no-dev --no-install-project", "uv sync --locked --no-dev --no-editable"]
        case .poetry: return ["poetry install --no-interaction --no-ansi --only main --no-root"]
        case .pdm: return ["pdm install --check --prod --no-editable"]
        // Without Pipfile.lock pipenv resolves from the Pipfile (python.go InstallPipenv).
        case .pipenv: return app.isFile("Pipfile.lock") ? ["pipenv install --deploy --ignore-pipfile"] : ["pipenv install --skip-lock"]
        case .none: return []
        }
    }

    /// The install step's own variables per manager, which end up in the image env (python.go
    /// InstallPip/InstallUv/InstallPoetry/InstallPDM/InstallPipenv; only pip, uv and poetry set VIRTUAL_ENV).
    static func installVariables(_ manager: PackageManager) -> [(String, String)] {
        switch manager {
        case .pip: return [("PIP_CACHE_DIR", "/opt/pip-cache"), ("VIRTUAL_ENV", "/app/.venv")]
        case .uv: return [("UV_COMPILE_BYTECODE", "1"), ("UV_LINK_MODE", "copy"), ("UV_CACHE_DIR", "/opt/uv-cache"),
                          ("UV_PYTHON_DOWNLOADS", "never"), ("VIRTUAL_ENV", "/app/.venv")]
        case .poetry: return [("VIRTUAL_ENV", "/app/.venv"), ("POETRY_VIRTUALENVS_PATH", "/app/.venv"), ("POETRY_VIRTUALENVS_IN_PROJECT", "true")]
        case .pdm: return [("PDM_CHECK_UPDATE", "false")]
        case .pipenv: return [("PIPENV_CHECK_UPDATE", "false"), ("PIPENV_VENV_IN_PROJECT", "1"), ("PIPENV_IGNORE_VIRTUALENVS", "1")]
        case .none: return []
        }
    }

    /// Version precedence (python.go `InstallMisePackages`; railpack.md §2.3): RAILPACK_PYTHON_VERSION,
    /// then mise/idiomatic files in the app dir, then runtime.txt, then Pipfile, then 3.13.
    /// `requires-python` in pyproject.toml is ignored.
    static func version(_ app: RailpackApp, config: ConfigValue? = nil) -> (PythonVersion, String) {
        // Config packages win: railpack.json `packages.python`, then RAILPACK_PACKAGES `python@X`
        // (applyPackagesFromConfig runs again after the provider: core/generate/context.go applyConfig;
        // railpack.md §2.3 item 1; env config merges under the file config: core.go GetConfig).
        if case .string(let raw)? = config?.members?.first(where: { $0.key == "packages" })?.value.members?.first(where: { $0.key == "python" })?.value,
           let version = PythonVersion(parsing: raw) {
            return (version, "railpack.json packages.python")
        }
        if let packages = app.variable("RAILPACK_PACKAGES") {
            for word in packages.split(separator: " ") where word.hasPrefix("python@") {
                if let version = PythonVersion(parsing: String(word.dropFirst("python@".count))) { return (version, "RAILPACK_PACKAGES") }
            }
        }
        if let raw = app.variable("RAILPACK_PYTHON_VERSION"), let version = PythonVersion(parsing: raw) {
            return (version, "RAILPACK_PYTHON_VERSION")
        }
        if let text = app.text(".python-version") {
            // Comment lines are allowed (railpack examples/python-pip).
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                if let version = PythonVersion(parsing: String(line)) { return (version, ".python-version") }
            }
        }
        if let text = app.text(".tool-versions") {
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.first == "python", words.count > 1, let version = PythonVersion(parsing: String(words[1])) {
                    return (version, ".tool-versions")
                }
            }
        }
        if let text = app.text("mise.toml"),
           let document = try? ConfigDocumentParser.parse(text, format: .toml, file: "mise.toml"),
           let tools = document.members?.first(where: { $0.key == "tools" })?.value.members,
           let python = tools.first(where: { $0.key == "python" }), case .string(let raw) = python.value,
           let version = PythonVersion(parsing: raw) {
            return (version, "mise.toml")
        }
        if let text = app.text("runtime.txt"), let version = PythonVersion(parsing: text) {
            return (version, "runtime.txt")
        }
        if let text = app.text("Pipfile"),
           let document = try? ConfigDocumentParser.parse(text, format: .toml, file: "Pipfile"),
           let requires = document.members?.first(where: { $0.key == "requires" })?.value.members {
            for key in ["python_full_version", "python_version"] {
                if let member = requires.first(where: { $0.key == key }), case .string(let raw) = member.value,
                   let version = PythonVersion(parsing: raw) {
                    return (version, "Pipfile \(key)")
                }
            }
        }
        return (defaultVersion, "Railpack's default Python (python.go DEFAULT_PYTHON_VERSION)")
    }

    /// The provider's start command, evaluated in python.go's order where later assignments
    /// overwrite earlier ones (railpack.md §2.6). Framework commands always name `main:app`.
    static func startCommand(_ app: RailpackApp, log: inout [String]) -> String? {
        var command = ""
        if app.has("manage.py"), usesDependency("django", in: app), let wsgi = djangoApplication(app) {
            log.append("Using Django app: \(wsgi)")
            command = "python manage.py migrate && gunicorn --bind 0.0.0.0:${PORT:-8000} \(wsgi):application"
        }
        let main = mainFile(in: app)
        let uvicornCommand = "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"
        if usesDependency("python-fasthtml", in: app), main != nil, usesDependency("uvicorn", in: app) { command = uvicornCommand }
        if usesDependency("fastapi", in: app), main != nil, usesDependency("uvicorn", in: app) { command = uvicornCommand }
        if usesDependency("flask", in: app), main != nil, usesDependency("gunicorn", in: app) {
            command = "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app"
        }
        if command.isEmpty, let main { command = "python \(main)" }
        return command.isEmpty ? nil : command
    }

    /// `RAILPACK_DJANGO_APP_NAME`, else the first `WSGI_APPLICATION = "<x>.application"` in any
    /// .py file (django.go; its regex `WSGI_APPLICATION = ["'](.*).application["']`).
    static func djangoApplication(_ app: RailpackApp) -> String? {
        if let name = app.variable("RAILPACK_DJANGO_APP_NAME") { return name }
        for path in app.snapshot.descendants(of: app.root) where path.name.hasSuffix(".py") {
            guard let text = try? app.snapshot.readText(path), let range = text.range(of: "WSGI_APPLICATION = ") else { continue }
            let rest = text[range.upperBound...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let body = rest.dropFirst().prefix { $0 != "\n" }
            guard let end = body.range(of: ".application" + String(quote)) ?? body.range(of: ".application\"") ?? body.range(of: ".application'") else { continue }
            return String(body[..<end.lowerBound])
        }
        return nil
    }
}
