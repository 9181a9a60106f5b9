/// The parts of a package.json the Node provider reads (railpack:core/providers/node/package_json.go
/// PackageJson). Absent and `null` maps are empty, which is how every caller treats a nil Go map.
struct NodePackageJson: Sendable, Equatable {
    var name = ""
    var version = ""
    var scripts: [String: String] = [:]
    /// nil when the field is absent or `null`: only then is Corepack not used (node.go usesCorepack).
    var packageManager: String?
    var dependencies: [String: String] = [:]
    var devDependencies: [String: String] = [:]
    var engines: [String: String] = [:]
    var main = ""
    /// `workspaces` as a list, or the `packages` list of its object form (package_json.go UnmarshalJSON).
    var workspaces: [String] = []

    /// A script counts only when it is non-empty (package_json.go HasScript).
    func hasScript(_ name: String) -> Bool { !(scripts[name] ?? "").isEmpty }

    func script(_ name: String) -> String { scripts[name] ?? "" }

    /// package_json.go BuildScriptContains
    func buildScriptContains(_ text: String) -> Bool { script("build").contains(text) }

    /// A production or a dev dependency (package_json.go hasDependency).
    func hasDependency(_ name: String) -> Bool { dependencies[name] != nil || devDependencies[name] != nil }

    /// railpack:core/providers/node/package_manager.go hasProductionDependency
    func hasProductionDependency(_ name: String) -> Bool { dependencies[name] != nil }

    /// A `file:` dependency needs the whole app in the install step (package_json.go hasLocalDependency).
    var hasLocalDependency: Bool {
        dependencies.values.contains { $0.hasPrefix("file:") } || devDependencies.values.contains { $0.hasPrefix("file:") }
    }

    /// `name@version`, with anything after `+` (a hash) dropped; ("", "") unless there is exactly
    /// one `@` (package_json.go GetPackageManagerInfo).
    var packageManagerInfo: (name: String, version: String) {
        guard let field = packageManager else { return ("", "") }
        let parts = field.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return ("", "") }
        let version = parts[1].split(separator: "+", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return (parts[0].trimmingCharacters(in: .whitespacesAndNewlines), version.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
