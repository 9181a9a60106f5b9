/// The start command, first rule wins: the start script, `main`, a root index.js/index.ts, Nuxt's
/// server, TanStack Start on srvx, SvelteKit's node build, an Nx Next.js app
/// (railpack:core/providers/node/node.go GetStartCommand).
extension RailpackNodeProvider {
    func startCommand(_ ctx: inout RailpackGenerateContext) -> String {
        if !(packageJson.scripts["start"] ?? "").isEmpty { return packageManager.run("start") }
        if !packageJson.main.isEmpty { return packageManager.runFile(packageJson.main) }
        if let index = ctx.app.findFiles("{index.js,index.ts}").first { return packageManager.runFile(index) }
        if isNuxt() { return "node .output/server/index.mjs" }
        let tanstack = tanstackStartCommand()
        if !tanstack.isEmpty { return tanstack }
        let svelteKit = svelteKitStartCommand()
        if !svelteKit.isEmpty { return svelteKit }
        // `next start` from the app directory, so a pruned image does not need the Nx CLI.
        if let (package, _) = resolveNxDeployPackage(&ctx), isNextAppPackage(package, ctx) {
            return Self.nxNextStartCommand(package)
        }
        return ""
    }

    /// railpack:core/providers/node/node.go StartCommandHelp
    var startCommandHelp: String {
        "To configure your start command, Railpack will check:\n\n"
            + "1. A \"start\" script in your package.json:\n"
            + "   \"scripts\": {\n"
            + "     \"start\": \"node index.js\"\n"
            + "   }\n\n"
            + "2. A \"main\" field in your package.json pointing to your entry file:\n"
            + "   \"main\": \"src/server.js\"\n\n"
            + "3. An index.js or index.ts file in your project root\n\n"
            + "4. An Nx workspace with a Next.js app (nx.json + next)\n\n"
            + "If you have a static site, you can set the RAILPACK_SPA_OUTPUT_DIR environment variable\n"
            + "containing the directory of your built static files.\n\n"
            + "For multi-app Nx workspaces, set RAILPACK_NX_APP to select which app to deploy.\n\n"
            + "For more information, see the Node.js production deployment guide: https://railway.app/docs/deploy/node"
    }
}
