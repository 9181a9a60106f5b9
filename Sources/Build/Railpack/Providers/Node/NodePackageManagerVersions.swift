/// The package manager's own tool in the mise step and where its version comes from
/// (railpack:core/providers/node/package_manager.go GetPackageManagerPackages). A version pinned
/// in `packageManager` is installed by Corepack instead of mise (railpack issue #201).
extension NodePackageManager {
    func addMisePackages(_ ctx: inout RailpackGenerateContext, packageJson: NodePackageJson) {
        let (pmName, pmVersion) = packageJson.packageManagerInfo
        switch self {
        case .pnpm:
            ctx.defaultMisePackage("pnpm", NodePnpm.defaultVersion)
            if let lockfile = ctx.app.readFile("pnpm-lock.yaml"), let major = Self.pnpmMajor(lockfile: lockfile) {
                ctx.setVersion("pnpm", major, source: "pnpm-lock.yaml")
            }
            // engines.pnpm beats the lockfile, whose format spans several majors.
            if let engine = packageJson.engines["pnpm"], !engine.isEmpty {
                ctx.setVersion("pnpm", engine, source: "package.json > engines > pnpm")
            }
            if pmName == "pnpm" && !pmVersion.isEmpty {
                ctx.setVersion("pnpm", pmVersion, source: "package.json > packageManager")
                ctx.skipMiseInstall("pnpm")
            }
        case .yarn1, .yarnberry:
            if self == .yarn1 {
                // Classic Yarn's mise backend needs tar and gpg in the builder.
                var mise = ctx.mise
                mise.addSupportingAptPackage("tar")
                mise.addSupportingAptPackage("gpg")
                ctx.mise = mise
            }
            ctx.defaultMisePackage("yarn", self == .yarn1 ? "1" : "2")
            if let engine = packageJson.engines["yarn"], !engine.isEmpty {
                ctx.setVersion("yarn", engine, source: "package.json > engines > yarn")
            }
            if pmName == "yarn" && !pmVersion.isEmpty {
                let major = pmVersion.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                ctx.defaultMisePackage("yarn", major)  // already present, so this keeps the step as it is
                ctx.setVersion("yarn", pmVersion, source: "package.json > packageManager")
                ctx.skipMiseInstall("yarn")
            }
        case .bun:
            ctx.defaultMisePackage("bun", "latest")
            if let engine = packageJson.engines["bun"], !engine.isEmpty {
                ctx.setVersion("bun", engine, source: "package.json > engines > bun")
            }
            if pmName == "bun" && !pmVersion.isEmpty {
                ctx.setVersion("bun", pmVersion, source: "package.json > packageManager")
            }
        case .npm:
            break
        }
    }

    /// The pnpm major a lockfile's first line implies; nil (logged to the console only) when the
    /// format is not one Railpack knows (package_manager.go GetPackageManagerPackages).
    static func pnpmMajor(lockfile: String) -> String? {
        if lockfile.hasPrefix("lockfileVersion: 5.3") { return "6" }
        if lockfile.hasPrefix("lockfileVersion: 5.4") { return "7" }
        if lockfile.hasPrefix("lockfileVersion: '6.0'") || lockfile.hasPrefix("lockfileVersion: 6.0") { return "8" }
        if lockfile.hasPrefix("lockfileVersion: '6.1'") { return "8" }
        // pnpm 9, 10 and 11 all write lockfile format 9.0.
        if lockfile.hasPrefix("lockfileVersion: '9.0'") || lockfile.hasPrefix("lockfileVersion: 9.0") { return "9" }
        return nil
    }
}
