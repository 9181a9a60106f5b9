/// What kind of Node app this is, as recorded in the plan metadata
/// (railpack:core/providers/node/node.go getRuntime, SetNodeMetadata).
extension RailpackNodeProvider {
    /// The SPA framework, else the first server framework found, else bun or node.
    func runtime(_ ctx: RailpackGenerateContext) -> String {
        if isSPA(ctx) {
            let name = spaName(ctx)
            return name.isEmpty ? "static" : name  // RAILPACK_SPA_OUTPUT_DIR without a known framework
        }
        if isNext() { return "next" }
        if isNuxt() { return "nuxt" }
        if isRemix() { return "remix" }
        if isTanstackStart() { return "tanstack-start" }
        if isVite(ctx) { return "vite" }
        if isReactRouter(ctx) { return "react-router" }
        if isAstro(ctx) { return "astro" }
        if packageManager == .bun { return "bun" }
        return "node"
    }

    /// railpack:core/providers/node/node.go isNuxt
    func isNuxt() -> Bool { packageJson.hasDependency("nuxt") }

    /// railpack:core/providers/node/node.go isRemix
    func isRemix() -> Bool { packageJson.hasDependency("@remix-run/node") }

    /// `nodeRuntime`, `nodePackageManager`, and `nodeIsSPA`/`nodeUsesCorepack` only when true (node.go SetNodeMetadata).
    func setMetadata(_ ctx: inout RailpackGenerateContext) {
        ctx.setMetadata("nodeRuntime", runtime(ctx))
        ctx.setMetadata("nodePackageManager", packageManager.rawValue)
        if isSPA(ctx) { ctx.setMetadata("nodeIsSPA", "true") }
        if usesCorepack { ctx.setMetadata("nodeUsesCorepack", "true") }
    }

    /// A `packageManager` field means Corepack installs the package manager, except for Bun
    /// (node.go usesCorepack).
    var usesCorepack: Bool { packageJson.packageManager != nil && packageManager != .bun }

    /// The variables of the install step and the image (node.go GetNodeEnvVars).
    func nodeEnvironment(_ ctx: RailpackGenerateContext) -> [String: String] {
        var variables = [
            "NODE_ENV": "production",
            "NPM_CONFIG_PRODUCTION": "false",
            "NPM_CONFIG_UPDATE_NOTIFIER": "false",
            "NPM_CONFIG_FUND": "false",
            "NPM_CONFIG_FETCH_RETRIES": "5",
            "CI": "true",
        ]
        if packageManager == .yarn1 { variables["YARN_PRODUCTION"] = "false" }
        if isAstro(ctx) && !isAstroSPA(ctx) { variables.merge(Self.astroServerVariables) { $1 } }
        return variables
    }
}
