/// The build step: the whole app on top of the install, the build script (or Nx's build), and
/// framework caches (railpack:core/providers/node/node.go Build, addCachesToBuildStep).
extension RailpackNodeProvider {
    func buildApp(_ ctx: inout RailpackGenerateContext, _ build: inout CommandStepBuilder) {
        build.addInput(.local)
        if packageJson.hasScript("build") {
            build.addCommand(.exec(packageManager.run("build")))
            if isNext() { build.addEnvVars(["NEXT_TELEMETRY_DISABLED": "1"]) }
        } else if let (_, project) = resolveNxDeployPackage(&ctx) {
            ctx.logInfo("Using Nx app \(project)")
            // Nx infers targets from plugins, so the root often has no build script.
            build.addCommand(.exec(Self.nxBuildCommand(project)))
            build.addEnvVars(["NEXT_TELEMETRY_DISABLED": "1"])
        }
        addBuildCaches(&ctx, &build)
    }

    /// Lockfile-keyed caches that later steps cannot remove: node_modules/.cache, then each
    /// framework's cache in every package that uses it, root first (node.go addCachesToBuildStep).
    private func addBuildCaches(_ ctx: inout RailpackGenerateContext, _ build: inout CommandStepBuilder) {
        build.addCache(ctx.caches.addCache("node-modules", directory: Self.nodeModulesCache))
        let app = ctx
        addFrameworkCaches(&ctx, &build, framework: "next", subPath: ".next/cache") {
            // Script-built Next apps, or Nx-style ones found by their next dependency or config.
            $0.packageJson.buildScriptContains("next build") || isNextAppPackage($0, app)
        }
        addFrameworkCaches(&ctx, &build, framework: "remix", subPath: ".cache") { $0.packageJson.hasDependency("@remix-run/node") }
        addFrameworkCaches(&ctx, &build, framework: "vite", subPath: "node_modules/.vite") { isVitePackage($0, app) }
        addFrameworkCaches(&ctx, &build, framework: "tanstack-start", subPath: "node_modules/.vite") { isTanstackStartPackage($0) }
        addFrameworkCaches(&ctx, &build, framework: "astro", subPath: "node_modules/.astro") { isAstroPackage($0, app) }
        addFrameworkCaches(&ctx, &build, framework: "react-router", subPath: ".react-router") { isReactRouterPackage($0, app) }
    }

    /// One cache per matching package, named after the framework and the package's path
    /// (node.go addFrameworkCaches).
    private func addFrameworkCaches(_ ctx: inout RailpackGenerateContext, _ build: inout CommandStepBuilder, framework: String, subPath: String,
                                    matches: (NodeWorkspace.Package) -> Bool) {
        for package in [workspace.root] + workspace.packages where matches(package) {
            var trimmed = package.path
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            let cacheName = package.path.isEmpty ? framework : framework + "-" + trimmed.replacingOccurrences(of: "/", with: "-")
            build.addCache(ctx.caches.addCache(cacheName, directory: NodePath.join("/app", package.path, subPath)))
        }
    }
}
