import Build
import Railway
import Snapshot

extension FindingsAnalyzer {
    /// A pyproject.toml whose `requires-python` excludes the Python the builder installs. Railpack
    /// and Nixpacks pick the version from other files and never read `requires-python`
    /// (railpack:core/providers/python/python.go `InstallMisePackages`; nixpacks:src/providers/python.rs
    /// `get_nix_python_package`), so the mismatch only shows when the install or the app fails.
    func requiresPythonFindings() -> [Finding] {
        guard build.builder == .railpack || build.builder == .nixpacks, let python = build.image?.python,
              let path = RepoPath("pyproject.toml", relativeTo: service.rootDirectory), snapshot.isFile(path),
              let text = try? snapshot.readText(path),
              let document = try? ConfigDocumentParser.parse(text, format: .toml, file: path.description),
              let project = document.members?.first(where: { $0.key == "project" }),
              let member = project.value.members?.first(where: { $0.key == "requires-python" }),
              case .string(let specifier) = member.value,
              RequiresPython.evaluate(specifier, for: python.version) == .excludes else { return [] }
        let builder = build.builder == .railpack ? "Railpack" : "Nixpacks"
        let variable = build.builder == .railpack ? "RAILPACK_PYTHON_VERSION" : "NIXPACKS_PYTHON_VERSION"
        let uv = snapshot.isFile(service.rootDirectory.appending("uv.lock"))
        return [Finding(.requiresPythonIgnored,
                        message: "requires-python `\(specifier)` excludes Python \(python.version), which \(builder) installs (\(python.versionSource))",
                        file: path.description, line: member.line,
                        explanation: "\(builder) does not read requires-python; it takes the version from .python-version, runtime.txt, Pipfile, mise/asdf files or \(variable), else its default."
                            + (uv ? " With uv.lock, `uv sync` refuses an interpreter outside requires-python, so the install step fails." : ""),
                        fix: "Pin a version requires-python allows where \(builder) looks: a `.python-version` file next to pyproject.toml, or the service variable \(variable).")]
    }
}

extension FindingsAnalyzer {
    /// A uv.lock that `uv sync --locked` (Railpack's uv install step) rejects as out of date.
    func staleUvLockFindings() -> [Finding] {
        guard build.builder == .railpack,
              let pyproject = RepoPath("pyproject.toml", relativeTo: service.rootDirectory),
              let lock = RepoPath("uv.lock", relativeTo: service.rootDirectory),
              let drift = UvLockCheck.drift(pyproject: pyproject, lock: lock, in: snapshot), drift.isStale else { return [] }
        var what: [String] = []
        if !drift.added.isEmpty { what.append("not locked: " + drift.added.joined(separator: ", ")) }
        if !drift.removed.isEmpty { what.append("locked but no longer required: " + drift.removed.joined(separator: ", ")) }
        if !drift.changed.isEmpty { what.append("constraints changed: " + drift.changed.joined(separator: "; ")) }
        return [Finding(.uvLockStale, message: "uv.lock is out of date with pyproject.toml, so Railpack's `uv sync --locked` fails the build",
                        file: pyproject.description, line: drift.pyprojectLine,
                        explanation: what.joined(separator: "; ") + ". uv keeps pyproject's requirements in the lock and, with --locked, stops: "
                            + (UvLockCheck.message.split(separator: "\n").first.map(String.init) ?? ""),
                        fix: "Run `uv lock` and commit the updated uv.lock.")]
    }
}

extension FindingsAnalyzer {
    /// Railpack's FastAPI, FastHTML and Flask start commands name `main:app` literally, whichever
    /// of its main files (`main.py`, `app.py`, `start.py`, `bot.py`, `hello.py`, `server.py`) made
    /// the rule apply (railpack:core/providers/python/python.go `GetStartCommand`, `getMainPythonFile`).
    func literalMainAppFindings() -> [Finding] {
        let mainFiles = ["main.py", "app.py", "start.py", "bot.py", "hello.py", "server.py"]
        guard build.builder == .railpack, let start = build.startCommand, start.display.contains("main:app"),
              service.config.effectiveStartCommand == nil,
              !snapshot.isFile(service.rootDirectory.appending("main.py")),
              let file = mainFiles.dropFirst().first(where: { snapshot.isFile(service.rootDirectory.appending($0)) }) else { return [] }
        let module = String(file.dropLast(3))
        let launcher = start.display.hasPrefix("gunicorn") ? "gunicorn --bind 0.0.0.0:$PORT \(module):app" : "uvicorn \(module):app --host 0.0.0.0 --port $PORT"
        let path = service.rootDirectory.appending(file)
        return [Finding(.literalMainApp, message: "Railpack's start command imports `main:app`, but the app is in \(path)",
                        file: path.description,
                        explanation: "Railpack detects the framework from \(file) but always writes `main:app` into its start command (python.go GetStartCommand), so the server cannot import `main`.",
                        fix: "Rename \(file) to main.py, or set the start command: `\(launcher)`.")]
    }
}

extension FindingsAnalyzer {
    /// Files Railpack's Python provider detects (railpack:core/providers/python/python.go `Detect`:
    /// a main file, requirements.txt, pyproject.toml, Pipfile); Nixpacks' are main.py,
    /// requirements.txt, pyproject.toml, Pipfile (nixpacks:src/providers/python.rs `detect`).
    static let pythonMarkers = ["main.py", "app.py", "start.py", "bot.py", "hello.py", "server.py", "requirements.txt", "pyproject.toml", "Pipfile"]

    /// Another provider won although the directory is a Python app: both builders use the first
    /// provider whose detection matches (railpack:core/providers/provider.go `GetLanguageProviders`:
    /// PHP, Go, Java, Rust, Ruby, Elixir, Python, …; nixpacks:src/lib.rs `get_providers`, Node before Python).
    func otherProviderFinding(_ provider: String) -> Finding {
        let markers = Self.pythonMarkers.filter { marker in
            (build.builder == .railpack || ["main.py", "requirements.txt", "pyproject.toml", "Pipfile"].contains(marker))
                && snapshot.isFile(service.rootDirectory.appending(marker))
        }
        guard !markers.isEmpty else {
            return Finding(.unsupportedProvider, message: "the builder detected \(provider); railsim predicts start-up for Python services only")
        }
        let builder = build.builder == .nixpacks ? "Nixpacks" : "Railpack"
        let order = build.builder == .nixpacks ? "Nixpacks tries Node before Python" : "Railpack tries PHP, Go, Java, Rust, Ruby and Elixir before Python"
        let fix = build.builder == .nixpacks ? "Set `providers = [\"python\"]` in nixpacks.toml, or move \(provider)'s files out of the root directory."
            : "Add railpack.json with `{\"provider\": \"python\"}`, or move \(provider)'s files out of the root directory."
        return Finding(.unsupportedProvider, message: "\(builder) builds this directory as \(provider), although it has \(markers.joined(separator: ", "))",
                       explanation: "\(order) and uses the first provider that matches, so \(provider)'s files decide the build; the Python code is never installed or started as Python.",
                       fix: fix)
    }
}
