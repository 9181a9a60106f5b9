/// With a package.json, the build runs on the Composer step with Node's tools and modules, the
/// Node build script (Vite for Laravel) and, for Laravel, the writable directories and the
/// artisan caches; the image starts from the Composer step and takes the pruned modules and the
/// built app (railpack:core/providers/php/php.go DeployWithNode).
extension RailpackPhpProvider {
    func deployWithNode(_ ctx: inout RailpackGenerateContext, node: inout any RailpackNodeAssetSupport, composer: String,
                        isLaravel: Bool) throws(RailpackPlanFailure) {
        try node.initialize(&ctx)
        ctx.logInfo("Installing Node")
        try node.installMisePackages(&ctx)

        var install = ctx.newCommandStep("install:node")
        install.addInput(.step(ctx.mise.name))
        try node.installNodeDeps(&ctx, into: &install)
        ctx.store(install)

        var prune = ctx.newCommandStep("prune:node")
        prune.addInput(.step(install.name))
        try node.pruneNodeDeps(&ctx, into: &prune)
        ctx.store(prune)

        var build = ctx.newCommandStep("build")
        build.inputs = [.step(composer), .step(install.name, include: ["."] + ctx.mise.layer(app: ctx.app).include)]
        try node.build(&ctx, into: &build)
        if isLaravel {
            build.addCommands([
                .shell("mkdir -p storage/framework/{sessions,views,cache,testing} storage/logs bootstrap/cache && chmod -R a+rw storage"),
                // config:cache bakes values such as APP_KEY in, so runtime variables do not reach a cached config.
                .exec("php artisan config:cache"),
                .exec("php artisan event:cache"),
                .exec("php artisan route:cache"),
                .exec("php artisan view:cache"),
            ])
        }
        ctx.store(build)

        ctx.deploy.base = .step(composer)
        includeMiseIfUsed(&ctx)
        ctx.deploy.addInputs([.step(prune.name, include: ["/app/node_modules"]), .step(build.name, include: ["."], exclude: ["node_modules"])])
    }
}
