/// The five ways Railpack installs a Node app; the raw value is what it logs and records as
/// `nodePackageManager` metadata (railpack:core/providers/node/package_manager.go PackageManager constants).
enum NodePackageManager: String, Sendable, Equatable {
    case npm, pnpm, bun, yarn1, yarnberry

    /// The command that runs it: both Yarn lines are `yarn` (package_manager.go Name).
    var command: String {
        switch self {
        case .npm: return "npm"
        case .pnpm: return "pnpm"
        case .bun: return "bun"
        case .yarn1, .yarnberry: return "yarn"
        }
    }

    /// `<pm> run <script>` (package_manager.go RunCmd).
    func run(_ script: String) -> String { "\(command) run \(script)" }

    /// A file is run with `bun` under Bun and with `node` otherwise (package_manager.go RunScriptCommand).
    func runFile(_ file: String) -> String { self == .bun ? "bun " + file : "node " + file }

    /// `pnpm exec`, `bunx` or `npx` (package_manager.go ExecCommand).
    func exec(_ command: String) -> String {
        switch self {
        case .pnpm: return "pnpm exec " + command
        case .bun: return "bunx " + command
        default: return "npx " + command
        }
    }

    /// The mise tool whose app-pinned version overrides Railpack's; npm comes with node, so it has
    /// none (package_manager.go misePackageName).
    var miseTool: String? {
        switch self {
        case .pnpm: return "pnpm"
        case .bun: return "bun"
        case .yarn1, .yarnberry: return "yarn"
        case .npm: return nil
        }
    }

    /// Registers the package manager's download cache and returns its name (package_manager.go GetInstallCache).
    func installCache(_ caches: inout CacheContext) -> String {
        switch self {
        case .npm: return caches.addCache("npm-install", directory: "/root/.npm")
        case .pnpm: return caches.addCache("pnpm-install", directory: NodePnpm.storeDirectory)
        case .bun: return caches.addCache("bun-install", directory: "/root/.bun/install/cache")
        // Yarn 1's cache cannot be shared between concurrent installs, hence locked.
        case .yarn1: return caches.addCache("yarn-install", directory: "/usr/local/share/.cache/yarn", type: RailpackPlan.Cache.locked)
        case .yarnberry: return caches.addCache("yarn-install", directory: "/app/.yarn/cache")
        }
    }

    /// Where the installed dependencies live; Yarn Berry keeps them under .yarn and its global
    /// folder, plus node_modules with the node-modules linker (package_manager.go GetInstallFolder).
    func installFolders(_ app: RailpackApp) -> [String] {
        guard self == .yarnberry else { return ["/app/node_modules"] }
        let rc = NodeYarnRc(app: app)
        var folders = ["/app/.yarn", rc.globalFolder]
        if rc.nodeLinker == "node-modules" { folders.append("/app/node_modules") }
        return folders
    }
}
