import Railway
import Snapshot

/// What installing a project from its `pyproject.toml` (`pip install .`, `pip install -e .`,
/// Nixpacks' setuptools path) puts in site-packages besides the project itself: its declared
/// dependencies, then their closure.
extension PythonDependencies {
    /// Requirement specifiers declared by a pyproject.toml, with their lines:
    /// - PEP 621 `[project] dependencies = [...]`, plus `[project.optional-dependencies]` groups
    ///   named in `extras` (https://packaging.python.org/en/latest/specifications/pyproject-toml/);
    /// - Poetry's `[tool.poetry.dependencies]` table (`python` is the interpreter constraint, not a
    ///   package; https://python-poetry.org/docs/pyproject/#dependencies-and-dependency-groups),
    ///   used only when `[project]` declares none.
    public static func declaredDependencies(pyproject path: RepoPath, in snapshot: RepoSnapshot,
                                            extras: [String] = []) -> [(specifier: String, location: SourceLocation)] {
        guard let text = try? snapshot.readText(path),
              let document = try? ConfigDocumentParser.parse(text, format: .toml, file: path.description),
              let top = document.members else { return [] }
        var result: [(String, SourceLocation)] = []
        if let project = top.first(where: { $0.key == "project" })?.value.members {
            if let dependencies = project.first(where: { $0.key == "dependencies" }) {
                result += strings(dependencies.value).map { ($0, SourceLocation(path, line: dependencies.line)) }
            }
            if let optional = project.first(where: { $0.key == "optional-dependencies" })?.value.members {
                let wanted = Set(extras.map(PythonPackageName.normalize))
                for group in optional where wanted.contains(PythonPackageName.normalize(group.key)) {
                    result += strings(group.value).map { ($0, SourceLocation(path, line: group.line)) }
                }
            }
        }
        if result.isEmpty,
           let tool = top.first(where: { $0.key == "tool" })?.value.members,
           let poetry = tool.first(where: { $0.key == "poetry" })?.value.members,
           let dependencies = poetry.first(where: { $0.key == "dependencies" })?.value.members {
            for dependency in dependencies where dependency.key.lowercased() != "python" {
                var specifier = dependency.key
                if case .table(let options) = dependency.value,
                   case .array(let requested)? = options.first(where: { $0.key == "extras" })?.value {
                    let names = requested.compactMap { if case .string(let s) = $0 { return s }; return nil }
                    if !names.isEmpty { specifier += "[" + names.joined(separator: ",") + "]" }
                }
                result.append((specifier, SourceLocation(path, line: dependency.line)))
            }
        }
        return result
    }

    /// The closure of a pyproject's declared dependencies, as `pip install .` would install them.
    public static func fromPyproject(_ path: RepoPath, in snapshot: RepoSnapshot, extras: [String] = [], sitePackages: String,
                                     python: PythonVersion?, notes: inout [BuildNote]) -> [InstalledDistribution] {
        let environment = PEP508Environment.linuxCPython(python: python)
        var requests: [Request] = []
        for (specifier, location) in declaredDependencies(pyproject: path, in: snapshot, extras: extras) {
            for entry in RequirementsFile.parse(specifier, path: path.description).entries {
                requests += request(for: entry, at: location, environment: environment, notes: &notes)
            }
        }
        return closure(of: requests, sitePackages: sitePackages, environment: environment, notes: &notes)
    }

    private static func strings(_ value: ConfigValue) -> [String] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { return text }; return nil }
    }
}
