/// A stricter dependency check than `usesDep`, used only to suggest Playwright browsers: names
/// are parsed from the manifest that drives the install and compared normalised
/// (railpack:core/providers/python/dependencies.go usesProductionDep).
extension PythonProject {
    func usesProductionDependency(_ name: String) -> Bool {
        if hasRequirements {
            guard let text = app.readFile("requirements.txt") else { return false }
            return text.split(separator: "\n", omittingEmptySubsequences: false).contains { Self.specMatches(String($0), name) }
        }
        if hasPyproject {
            for file in app.findFiles("**/pyproject.toml") {
                guard let document = app.readTOML(file)?.members else { continue }
                let project = document.first { $0.key == "project" }?.value.members
                if case .array(let items)? = project?.first(where: { $0.key == "dependencies" })?.value {
                    for case .string(let spec) in items where Self.specMatches(spec, name) { return true }
                }
                let tool = document.first { $0.key == "tool" }?.value.members
                let poetry = tool?.first { $0.key == "poetry" }?.value.members
                let dependencies = poetry?.first { $0.key == "dependencies" }?.value.members ?? []
                if dependencies.contains(where: { Self.normalized($0.key) == Self.normalized(name) }) { return true }
            }
            return false
        }
        if hasPipfile {
            let packages = app.readTOML("Pipfile")?.members?.first { $0.key == "packages" }?.value.members ?? []
            return packages.contains { Self.normalized($0.key) == Self.normalized(name) }
        }
        return false
    }

    /// The leading `[A-Za-z0-9][A-Za-z0-9._-]*` of a requirement or PEP 508 spec (dependencies.go pythonDependencyNameRegex).
    static func specMatches(_ spec: String, _ name: String) -> Bool {
        let trimmed = spec.trimmingCharacters(in: .whitespacesAndNewlines)
        func allowed(_ c: Character, first: Bool) -> Bool {
            guard c.isASCII else { return false }
            return c.isLetter || c.isNumber || (!first && (c == "." || c == "_" || c == "-"))
        }
        var leading = ""
        for c in trimmed {
            guard allowed(c, first: leading.isEmpty) else { break }
            leading.append(c)
        }
        return normalized(leading) == normalized(name)
    }

    /// Lower case with runs of `-`, `_`, `.` made one `-` (dependencies.go normalizedDependencyName).
    static func normalized(_ name: String) -> String { PythonPackageName.normalize(name) }
}
