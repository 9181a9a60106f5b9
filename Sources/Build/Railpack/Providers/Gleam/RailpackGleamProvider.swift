/// Railpack's Gleam provider (railpack:core/providers/gleam/gleam.go): `gleam export
/// erlang-shipment` over the whole context with Gleam and Erlang from mise, and an image that
/// carries only Erlang (from a second, runtime-only mise step) and the shipment.
///
/// gleam.toml is only looked for, never read: upstream takes versions from mise files alone.
struct RailpackGleamProvider: RailpackLanguageProvider {
    let name = "gleam"  // railpack:core/providers/gleam/gleam.go Name

    /// The runtime-only mise step (railpack:core/providers/gleam/gleam.go Plan).
    static let runtimeMiseStepName = "packages:mise:runtime"
    /// What `gleam export erlang-shipment` writes (railpack:core/providers/gleam/gleam.go Plan outPath).
    static let shipmentPath = "build/erlang-shipment/."
    /// railpack:core/providers/gleam/gleam.go Plan StartCmd
    static let startCommand = "./build/erlang-shipment/entrypoint.sh run"

    /// railpack:core/providers/gleam/gleam.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("gleam.toml") }

    /// railpack:core/providers/gleam/gleam.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        var build = ctx.newCommandStep("build")
        build.addInput(.step(ctx.mise.name))
        build.addInput(.local)
        build.addCommand(.exec("gleam export erlang-shipment"))
        ctx.store(build)

        // Erlang and Gleam at "latest" unless a mise file in the app pins them (gleam.go installErlang).
        ctx.defaultMisePackage("erlang", "latest")
        ctx.defaultMisePackage("gleam", "latest")
        ctx.useMiseVersions(["gleam", "erlang"])

        // The runtime step shares the resolver, so registering Erlang there resets it to the
        // default before the mise files are applied again, exactly as upstream.
        _ = ctx.newMiseStep(Self.runtimeMiseStepName)
        ctx.defaultMisePackage("erlang", "latest", step: Self.runtimeMiseStepName)
        ctx.useMiseVersions(["erlang"], step: Self.runtimeMiseStepName)

        // RAILPACK_GLEAM_INCLUDE_SOURCE keeps the whole build output, sources included (gleam.go Plan).
        let included = ctx.env.isConfigVariableTruthy("GLEAM_INCLUDE_SOURCE") ? "." : Self.shipmentPath
        let runtimeLayer = ctx.miseStep(named: Self.runtimeMiseStepName)?.layer(app: ctx.app) ?? RailpackPlan.Layer()
        ctx.deploy.addInputs([runtimeLayer, .step(build.name, include: [included])])
        ctx.deploy.startCommand = Self.startCommand
        ctx.startCommandOrigin = "Railpack's Gleam provider"
    }
}
