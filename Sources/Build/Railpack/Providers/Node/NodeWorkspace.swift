/// The root package and the packages its workspace patterns name. The patterns come from
/// pnpm-workspace.yaml when it lists any, else from package.json `workspaces`
/// (railpack:core/providers/node/workspace.go Workspace, NewWorkspace).
struct NodeWorkspace: Sendable, Equatable {
    struct Package: Sendable, Equatable {
        /// App-relative directory; "" for the root.
        var path: String
        var packageJson: NodePackageJson
    }

    var root = Package(path: "", packageJson: NodePackageJson())
    var packages: [Package] = []

    init() {}

    /// A root manifest that cannot be read (or is missing, when config forces the provider) fails
    /// the provider's initialisation; a member's is skipped silently (workspace.go NewWorkspace,
    /// findWorkspacePackages).
    init(app: RailpackApp) throws(NodeManifest.ReadError) {
        let manifest = NodeManifest.find(in: app) ?? "package.json"
        var rootJson: NodePackageJson
        do throws(NodeManifest.ReadError) {
            rootJson = try NodeManifest.read(manifest, in: app)
        } catch {
            throw NodeManifest.ReadError(message: "error reading root \(manifest): \(error.message)")
        }
        if let text = app.readFile("pnpm-workspace.yaml"), case .sequence(let items?)? = NodeYAML.topLevel(text)?["packages"], !items.isEmpty {
            rootJson.workspaces = items.map { $0 ?? "" }
        }
        root = Package(path: "", packageJson: rootJson)
        for pattern in rootJson.workspaces {
            for match in app.findFiles(Self.manifestPattern(pattern)) {
                guard let member = try? NodeManifest.read(match, in: app) else { continue }
                packages.append(Package(path: NodePath.directory(of: match), packageJson: member))
            }
        }
    }

    /// `packages/*` → `packages/*/package.json`, `packages/**` → `packages/**/package.json`, and
    /// any other pattern joined with `package.json` (workspace.go convertWorkspacePattern).
    static func manifestPattern(_ pattern: String) -> String {
        if pattern.hasSuffix("/*") { return String(pattern.dropLast()) + "*/package.json" }
        if pattern.hasSuffix("/**") { return String(pattern.dropLast(2)) + "**/package.json" }
        return NodePath.join(pattern, "package.json")
    }

    /// The root's and every member's manifest, root first (workspace.go AllPackageJson).
    var allPackageJsons: [NodePackageJson] { [root.packageJson] + packages.map(\.packageJson) }

    /// workspace.go HasDependency
    func hasDependency(_ name: String) -> Bool { allPackageJsons.contains { $0.hasDependency(name) } }

    /// workspace.go HasProductionDependency
    func hasProductionDependency(_ name: String) -> Bool { allPackageJsons.contains { $0.hasProductionDependency(name) } }
}
