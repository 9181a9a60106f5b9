/// Railpack's Elixir provider (railpack:core/providers/elixir/elixir.go): Elixir and Erlang from
/// mise, dependencies fetched and compiled in `install`, `mix release` in `build`, and an image
/// holding only the release. Phoenix's `assets/package.json` brings in Node for the assets.
struct RailpackElixirProvider: RailpackLanguageProvider {
    let name = "Elixir"  // railpack:core/providers/elixir/elixir.go Name (capitalised upstream)

    /// railpack:core/providers/elixir/elixir.go MIX_ROOT
    static let mixRoot = "/root/.mix"
    /// What `install` hands to `build` (railpack:core/providers/elixir/elixir.go Install).
    static let installOutputs = ["deps", "_build", "config", "mix.exs", "mix.lock", mixRoot]
    /// The release, the only thing the image keeps (railpack:core/providers/elixir/elixir.go Build).
    static let buildOutputs = ["_build/prod/rel"]

    /// Set on the mise step too, because ELIXIR_ERL_OPTIONS affects installing Erlang
    /// (railpack:core/providers/elixir/elixir.go GetEnvVars, Plan).
    static let environment: [String: String] = [
        "LANG": "en_US.UTF-8", "LANGUAGE": "en_US:en", "LC_ALL": "en_US.UTF-8", "ELIXIR_ERL_OPTIONS": "+fnu",
        "MIX_ENV": "prod", "MIX_HOME": mixRoot, "MIX_ARCHIVES": mixRoot + "/archives",
    ]

    /// railpack:core/providers/elixir/elixir.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("mix.exs") }

    /// railpack:core/providers/elixir/elixir.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        var mise = ctx.mise
        mise.variables.merge(Self.environment) { $1 }
        ctx.mise = mise
        ElixirToolVersions.install(&ctx)

        var install = ctx.newCommandStep("install")
        install.addInput(.step(ctx.mise.name))
        install.secrets = []
        install.useSecrets(withPrefixes: ["MIX", "ERL", "ELIXIR", "OTP"], from: ctx.env)
        addInstallCommands(&ctx, &install)
        install.addEnvVars(Self.environment)
        ctx.store(install)

        var build = ctx.newCommandStep("build")
        build.addInput(.step(ctx.mise.name))
        build.addInput(.step(install.name, include: Self.installOutputs))
        build.addEnvVars(Self.environment)
        addBuildCommands(ctx, &build)
        ctx.store(build)

        ctx.deploy.variables.merge(Self.environment) { $1 }
        ctx.deploy.addInputs([.step(build.name, include: Self.buildOutputs)])
        let binary = ElixirMixFile.releaseName(ctx.app.readFile("mix.exs"))
        ctx.deploy.startCommand = "/app/_build/prod/rel/\(binary)/bin/\(binary) start"
        ctx.startCommandOrigin = "Railpack's Elixir provider"

        try installNode(&ctx, build: build.name)
    }

    /// railpack:core/providers/elixir/elixir.go StartCommandHelp
    var startCommandHelp: String {
        "To start your Elixir application, Railpack will look for:\n\n"
            + "1. A mix.exs file in your project root\n\n"
            + "The start command will run your application server using the generated release."
    }

    /// railpack:core/providers/elixir/elixir.go Install
    private func addInstallCommands(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder) {
        // A missing mix.lock fails later with a cryptic cache-key error, hence the early warning.
        if !ctx.app.hasFile("mix.lock") {
            ctx.logWarn("No mix.lock found. Add mix.lock or customize build to avoid failure.")
        }
        install.addCommands([
            .exec("mkdir -p config deps _build"),
            .exec("mix local.hex --force"),
            .exec("mix local.rebar --force"),
            .copy("mix.exs"),
            .copy("mix.lock"),
            .exec("mix deps.get --only prod"),
            .copy("config/config.exs*", "config/"),
            .copy("config/prod.exs*", "config/"),
            .exec("mix deps.compile"),
        ])
        if ElixirMixFile.mentions("assets.setup", in: ctx.app) { install.addCommand(.exec("mix assets.setup")) }
    }

    /// The optional globs (`priv*`, …) let a missing directory copy nothing
    /// (railpack:core/providers/elixir/elixir.go Build).
    private func addBuildCommands(_ ctx: RailpackGenerateContext, _ build: inout CommandStepBuilder) {
        build.addCommands([
            .copy("priv*", "."),
            .copy("lib*", "."),
            .copy("assets*", "."),
            .copy("config/runtime.exs*", "config/"),
            .exec("mix compile"),
        ])
        if ElixirMixFile.mentions("assets.deploy", in: ctx.app) { build.addCommand(.exec("mix assets.deploy")) }
        if ElixirMixFile.mentions("ecto.deploy", in: ctx.app) { build.addCommand(.exec("mix ecto.deploy")) }
        build.addCommands([.copy("rel*", "."), .exec("mix release")])
    }
}
