/// Astro: a static site unless it renders on a server (railpack:core/providers/node/astro.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/astro.go DefaultAstroOutputDirectory
    static let defaultAstroOutputDirectory = "dist"

    /// An astro.config.{mjs,ts} and `astro build` in the build script (astro.go isAstroPackage).
    func isAstroPackage(_ package: NodeWorkspace.Package, _ ctx: RailpackGenerateContext) -> Bool {
        let hasConfig = ctx.app.hasFile("astro.config.mjs", inPackage: package.path) || ctx.app.hasFile("astro.config.ts", inPackage: package.path)
        return hasConfig && package.packageJson.script("build").lowercased().contains("astro build")
    }

    /// The root package (astro.go isAstro).
    func isAstro(_ ctx: RailpackGenerateContext) -> Bool { isAstroPackage(workspace.root, ctx) }

    /// Neither `output: 'server'` in the config nor a server adapter dependency (astro.go isAstroSPA).
    func isAstroSPA(_ ctx: RailpackGenerateContext) -> Bool {
        guard isAstro(ctx) else { return false }
        let serverOutput = astroConfig(ctx).contains("output: 'server'")
        let adapter = ["@astrojs/node", "@astrojs/vercel", "@astrojs/cloudflare", "@astrojs/netlify"].contains { packageJson.hasDependency($0) }
        return !serverOutput && !adapter
    }

    /// `outDir` in the config, else dist (astro.go getAstroOutputDirectory).
    func astroOutputDirectory(_ ctx: RailpackGenerateContext) -> String {
        NodeConfigScan.quotedValue(after: "outDir", in: astroConfig(ctx)) ?? Self.defaultAstroOutputDirectory
    }

    /// A server-rendered Astro app listens on all interfaces (astro.go getAstroEnvVars).
    static let astroServerVariables = ["HOST": "0.0.0.0"]

    private func astroConfig(_ ctx: RailpackGenerateContext) -> String {
        ctx.app.firstFileContents(["astro.config.mjs", "astro.config.ts"])
    }
}
