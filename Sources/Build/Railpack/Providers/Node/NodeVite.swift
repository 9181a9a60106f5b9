/// Vite apps build to a static directory that Caddy serves (railpack:core/providers/node/vite.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/vite.go DefaultViteOutputDirectory
    static let defaultViteOutputDirectory = "dist"

    /// A `vite` dependency, a build script, and either `vite build` in it or a vite.config.{js,ts};
    /// SvelteKit and TanStack Start use Vite but are servers (vite.go isVitePackage).
    func isVitePackage(_ package: NodeWorkspace.Package, _ ctx: RailpackGenerateContext) -> Bool {
        let json = package.packageJson
        if isSvelteKitPackage(package) || isTanstackStartPackage(package) { return false }
        let hasConfig = ctx.app.hasFile("vite.config.js", inPackage: package.path) || ctx.app.hasFile("vite.config.ts", inPackage: package.path)
        return json.hasDependency("vite") && json.hasScript("build") && (json.script("build").lowercased().contains("vite build") || hasConfig)
    }

    /// The root package (vite.go isVite).
    func isVite(_ ctx: RailpackGenerateContext) -> Bool { isVitePackage(workspace.root, ctx) }

    /// `outDir` in the root vite config, else `--outDir` in the build script, else dist (vite.go getViteOutputDirectory).
    func viteOutputDirectory(_ ctx: RailpackGenerateContext) -> String {
        let config = ctx.app.firstFileContents(["vite.config.js", "vite.config.ts"])
        if !config.isEmpty, let outDir = NodeConfigScan.quotedValue(after: "outDir", in: config) { return outDir }
        if let build = packageJson.scripts["build"], let outDir = NodeConfigScan.viteOutDir(inBuildScript: build) { return outDir }
        return Self.defaultViteOutputDirectory
    }
}
