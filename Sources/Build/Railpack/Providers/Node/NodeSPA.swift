/// Single-page apps: which frameworks build to a static directory, and where it is
/// (railpack:core/providers/node/spa.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/spa.go OUTPUT_DIR_VAR
    static let outputDirectoryVariable = "SPA_OUTPUT_DIR"

    /// RAILPACK_NO_SPA wins; RAILPACK_SPA_OUTPUT_DIR forces it; a custom start command rules it
    /// out; otherwise a static-building framework with an output directory (spa.go isSPA).
    func isSPA(_ ctx: RailpackGenerateContext) -> Bool {
        if ctx.env.isConfigVariableTruthy("NO_SPA") { return false }
        if !ctx.env.configVariable(Self.outputDirectoryVariable).value.isEmpty { return true }
        if hasCustomStartCommand(ctx) { return false }
        if isReactRouter(ctx) { return isReactRouterSPA(ctx) && !outputDirectory(ctx).isEmpty }
        let framework = isVite(ctx) || isAstroSPA(ctx) || isNextSPA(ctx) || isCRA(ctx) || isAngular(ctx) || isExpoSPA(ctx)
        return framework && !outputDirectory(ctx).isEmpty
    }

    /// The framework's lowercase name, or "" when only RAILPACK_SPA_OUTPUT_DIR made it an SPA
    /// (spa.go getSPAName).
    func spaName(_ ctx: RailpackGenerateContext) -> String {
        if isReactRouter(ctx) { return isReactRouterSPA(ctx) ? "react-router" : "" }
        if isVite(ctx) { return "vite" }
        if isAstro(ctx) { return "astro" }
        if isNextSPA(ctx) { return "next" }
        if isCRA(ctx) { return "cra" }
        if isAngular(ctx) { return "angular" }
        if isExpoSPA(ctx) { return "expo" }
        return ""
    }

    /// RAILPACK_SPA_OUTPUT_DIR, else the first framework's own output directory (spa.go getOutputDirectory).
    func outputDirectory(_ ctx: RailpackGenerateContext) -> String {
        let configured = ctx.env.configVariable(Self.outputDirectoryVariable).value
        if !configured.isEmpty { return configured }
        if isReactRouter(ctx) { return isReactRouterSPA(ctx) ? reactRouterOutputDirectory(ctx) : "" }
        if isVite(ctx) { return viteOutputDirectory(ctx) }
        if isAstroSPA(ctx) { return astroOutputDirectory(ctx) }
        if isNextSPA(ctx) { return nextOutputDirectory(ctx) }
        if isCRA(ctx) { return Self.defaultCRAOutputDirectory }
        if isAngular(ctx) { return angularOutputDirectory(ctx) }
        if isExpoSPA(ctx) { return Self.defaultExpoOutputDirectory }
        return ""
    }

    /// The configured start command, else the start script, unless it is one of the frameworks'
    /// development servers, which an SPA deploy replaces with Caddy (spa.go hasCustomStartCommand).
    func hasCustomStartCommand(_ ctx: RailpackGenerateContext) -> Bool {
        var start = ctx.config.deploy?.startCommand ?? ""
        if start.isEmpty { start = packageJson.scripts["start"] ?? "" }
        let frameworkDefaults = [Self.defaultAngularStartCommand, Self.defaultCRAStartCommand, Self.defaultExpoStartCommand,
                                 Self.defaultNextStartCommand, Self.defaultReactRouterStartCommand]
        return !start.isEmpty && !frameworkDefaults.contains(start)
    }
}
