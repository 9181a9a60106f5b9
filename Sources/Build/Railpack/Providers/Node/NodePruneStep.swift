/// RAILPACK_PRUNE_DEPS: a step on top of the install that drops dev dependencies, whose
/// node_modules then reach the image instead of the build's (railpack:core/providers/node/node.go
/// shouldPrune, PruneNodeDeps; package_manager.go PruneDeps).
extension RailpackNodeProvider {
    func shouldPrune(_ ctx: RailpackGenerateContext) -> Bool { ctx.env.isConfigVariableTruthy("PRUNE_DEPS") }

    func pruneNodeDependencies(_ ctx: inout RailpackGenerateContext, _ prune: inout CommandStepBuilder) {
        ctx.logInfo("Pruning node dependencies")
        prune.variables["NPM_CONFIG_PRODUCTION"] = "true"
        prune.secrets = []
        prune.addCache(packageManager.installCache(&ctx.caches))

        let custom = ctx.env.configVariable("NODE_PRUNE_CMD").value
        if !custom.isEmpty {
            prune.addCommand(.exec(custom))
            return
        }
        switch packageManager {
        case .npm: prune.addCommand(.exec("npm prune --omit=dev --ignore-scripts"))
        case .pnpm: prune.addCommand(.exec(NodePnpm.pruneCommand(packageJson)))
        // Bun has no prune (oven-sh/bun#3605), so it reinstalls production dependencies.
        case .bun: prune.addCommand(.shell("rm -rf node_modules && bun install --production --ignore-scripts"))
        case .yarn1: prune.addCommand(.exec("yarn install --production=true"))
        case .yarnberry:
            // Yarn 3 has no prune; 2 and 4 (and unknown versions) focus on production workspaces.
            let version = packageJson.packageManagerInfo.version
            if !version.isEmpty && version.hasPrefix("3.") {
                ctx.logWarn("Yarn 3 doesn't have a prune command, using install instead")
                prune.addCommand(.exec("yarn install --check-cache"))
            } else {
                prune.addCommand(.exec("yarn workspaces focus --production --all"))
            }
        }
    }
}
