/// Railpack's Node provider, which also covers Bun (railpack:core/providers/node/node.go
/// NodeProvider): mise installs the runtimes and package manager, an install step, an optional
/// prune step, a build step over the whole app, then either a Node deploy or, for SPAs, Caddy.
struct RailpackNodeProvider: RailpackLanguageProvider {
    let name = "node"  // railpack:core/providers/node/node.go Name

    /// Read once by `initialize` (node.go Initialize).
    var packageJson = NodePackageJson()
    var packageManager = NodePackageManager.npm
    var workspace = NodeWorkspace()

    /// `package.json`, or `package.json5` which pnpm reads (node.go Detect, findPackageManifest).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { NodeManifest.find(in: ctx.app) != nil }

    /// A manifest that is not valid JSON, or whose fields have the wrong types, fails here, and
    /// Railpack moves on to the next provider (node.go Initialize).
    mutating func initialize(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        do throws(NodeManifest.ReadError) {
            packageJson = try NodeManifest.readRoot(in: ctx.app)
            packageManager = NodePackageManagerDetection.detect(packageJson, ctx: &ctx)
            workspace = try NodeWorkspace(app: ctx.app)
        } catch {
            throw .error(error.message)
        }
    }

    /// railpack:core/providers/node/node.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        setMetadata(&ctx)
        ctx.logInfo("Using \(packageManager.rawValue) package manager")
        if !workspace.packages.isEmpty { ctx.logInfo("Found workspace with \(workspace.packages.count) packages") }

        let spa = isSPA(ctx)
        if !spa && !ctx.env.isConfigVariableTruthy("NO_SPA") && hasCustomStartCommand(ctx) {
            // The start script quietly turns off the Caddy deploy, so say so.
            ctx.logInfo("Custom start command detected, skipping Caddy start")
        }

        installMisePackages(&ctx)
        let mise = ctx.mise

        var install = ctx.newCommandStep("install")
        install.addInput(.step(mise.name))
        installNodeDependencies(&ctx, &install)

        var prune = ctx.newCommandStep("prune")
        prune.addInput(.step(install.name))
        prune.secrets = []
        if shouldPrune(ctx) && !spa { pruneNodeDependencies(&ctx, &prune) }

        var build = ctx.newCommandStep("build")
        build.addInput(.step(install.name))
        buildApp(&ctx, &build)

        if usesTanstackSrvxFallback() {
            ctx.logInfo("No start script found; using srvx as production server")
            ctx.logSuggestion("Set up Nitro for production Node deploys", docs: "https://tanstack.com/start/latest/docs/framework/react/guide/hosting#nitro")
        }

        ctx.deploy.startCommand = startCommand(&ctx)
        ctx.startCommandOrigin = ctx.deploy.startCommand.isEmpty ? "" : "Railpack's Node provider"
        ctx.deploy.variables.merge(nodeEnvironment(ctx)) { $1 }

        if spa {
            ctx.store(install)
            ctx.store(prune)
            ctx.store(build)
            try deploySPA(&ctx, build: build)
            return
        }

        configureSvelteKit(&ctx, build: &build)
        deployNode(&ctx, mise: mise, install: &install, prune: prune, build: build)
        ctx.store(install)
        ctx.store(prune)
        ctx.store(build)
    }
}
