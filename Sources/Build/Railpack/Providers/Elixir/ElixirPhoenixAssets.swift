/// Phoenix keeps its JavaScript in `assets/`, so the Node provider is run with the app pointed
/// there, its copies re-rooted under `assets/`, and only `node_modules` handed to the build,
/// where esbuild finds it from the root (railpack:core/providers/elixir/elixir.go InstallNode).
extension RailpackElixirProvider {
    func installNode(_ ctx: inout RailpackGenerateContext, build buildName: String) throws(RailpackPlanFailure) {
        // No assets directory is not an error: Node is simply not needed (app.NewApp fails).
        guard ctx.app.hasFile("assets"), let assetsRoot = ctx.app.path("assets") else { return }
        let original = ctx.app
        ctx.app = RailpackApp(snapshot: original.snapshot, root: assetsRoot)
        defer { ctx.app = original }

        var node = RailpackNodeAssets.make()
        guard node.detect(&ctx) else { return }
        try node.initialize(&ctx)
        try node.installMisePackages(&ctx)

        var installNode = ctx.newCommandStep("install:node")
        installNode.addInput(.step(ctx.mise.name))
        try node.installNodeDeps(&ctx, into: &installNode)
        installNode.commands = installNode.commands.map { command in
            guard case .copy(let src, let dest, let image) = command else { return command }
            return .copy(src: "assets/" + src, dest: dest, image: image)
        }
        ctx.store(installNode)

        guard var build = ctx.commandStep(named: buildName) else { return }
        build.addInput(.step(installNode.name, include: ["node_modules"]))
        ctx.store(build)
    }
}
