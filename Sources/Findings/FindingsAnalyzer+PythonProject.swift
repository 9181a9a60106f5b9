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
