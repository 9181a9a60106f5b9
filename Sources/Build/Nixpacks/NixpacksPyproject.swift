import Railway

/// The module Nixpacks starts from pyproject.toml (nixpacks:src/providers/python.rs
/// `parse_project`): the first of `project.packages`, then `project.py_modules`, then
/// `project.name`, used verbatim in `python -m <module>`. Nixpacks deserialises `[project]` with
/// serde, so these keys are spelled as written (`py_modules`, not `py-modules`), and a file that
/// does not parse, or a known key of the wrong type, means no start command rather than an error.
enum NixpacksPyproject {
    static func entryModule(_ app: NixpacksApp) -> String? {
        guard let text = try? app.readFile("pyproject.toml"),
              let document = try? ConfigDocumentParser.parse(text, format: .toml, file: "pyproject.toml"),
              let root = document.members else { return nil }
        guard let projectValue = root.first(where: { $0.key == "project" })?.value else { return nil }
        guard let project = projectValue.members else { return nil }    // `project` must be a table
        func field(_ key: String) -> ConfigValue? { project.first { $0.key == key }?.value }
        func strings(_ value: ConfigValue?) -> [String]?? {
            guard let value else { return .some(nil) }
            guard case .array(let items) = value else { return nil }
            var out: [String] = []
            for item in items {
                guard case .string(let text) = item else { return nil }
                out.append(text)
            }
            return .some(out)
        }
        var name: String?
        if let value = field("name") {
            guard case .string(let text) = value else { return nil }
            name = text
        }
        guard let packages = strings(field("packages")), let modules = strings(field("py_modules")) else { return nil }
        if let entryPoints = field("entry_points") {
            // HashMap<String, String>: every value must be a string.
            guard let members = entryPoints.members,
                  members.allSatisfy({ if case .string = $0.value { return true }; return false }) else { return nil }
        }
        // python.rs chain!: packages.first(), else py_modules.first(), else the name.
        return packages?.first ?? modules?.first ?? name
    }
}
