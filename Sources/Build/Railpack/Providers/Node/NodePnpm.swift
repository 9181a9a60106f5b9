/// pnpm's directories and the version-dependent parts of its install and prune
/// (railpack:core/providers/node/package_manager.go).
enum NodePnpm {
    /// railpack:core/providers/node/package_manager.go PNPM_HOME
    static let home = "/opt/pnpm"
    /// railpack:core/providers/node/package_manager.go PNPM_STORE_DIR
    static let storeDirectory = home + "/store"
    /// railpack:core/providers/node/package_manager.go DEFAULT_PNPM_VERSION
    static let defaultVersion = "9"

    /// pnpm 11 moved global binaries to `$PNPM_HOME/bin`; `latest` counts as 11 or later, and a
    /// version semver cannot read does not (package_manager.go usesPnpmBinSubdir, pnpmPathLayoutVersion).
    static func usesBinSubdirectory(_ version: String) -> Bool {
        let trimmed = version.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return false }
        if trimmed == "latest" { return true }
        guard let parsed = NodeSemver(trimmed) else { return false }
        return parsed >= NodeSemver(11, 0, 0)
    }

    /// The version pnpm will be: the resolved one, which turns `11.5.x` into something semver
    /// reads (package_manager.go resolvePnpmVersion). Offline, "resolved" is the requested version
    /// made fuzzy, which keeps the major that decides the layout.
    static func resolvedVersion(_ ctx: RailpackGenerateContext) -> String {
        if let resolved = ctx.resolver.resolved()["pnpm"] { return resolved.resolvedVersion }
        return ctx.resolver.package("pnpm")?.version ?? ""
    }

    /// `--ignore-scripts` arrived in pnpm 8.15.6, so an older `packageManager` pin prunes without
    /// it (package_manager.go prunePnpm).
    static func pruneCommand(_ packageJson: NodePackageJson?) -> String {
        if let version = packageJson?.packageManagerInfo.version, !version.isEmpty, let parsed = NodeSemver(version), parsed < NodeSemver(8, 15, 6) {
            return "pnpm prune --prod"
        }
        return "pnpm prune --prod --ignore-scripts"
    }
}
