/// Railpack's Deno provider (railpack:core/providers/deno/deno.go DenoProvider): Deno through
/// mise, a build step that caches the entry point's dependencies, and an image with the app and
/// Deno's cache. deno.json is only looked for, never read.
struct RailpackDenoProvider: RailpackLanguageProvider {
    let name = "deno"  // railpack:core/providers/deno/deno.go Name

    // railpack:core/providers/deno/deno.go constants
    static let defaultDenoVersion = "2"
    static let cacheDirectory = "/root/.cache"

    /// The entry point chosen at initialisation (deno.go Initialize).
    private(set) var mainFile = ""

    /// railpack:core/providers/deno/deno.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("deno.json") || ctx.app.hasFile("deno.jsonc") }

    mutating func initialize(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        mainFile = Self.findMainFile(ctx.app)
    }

    /// railpack:core/providers/deno/deno.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let deno = ctx.defaultMisePackage("deno", Self.defaultDenoVersion)
        // Here mise files come before the variable, so RAILPACK_DENO_VERSION wins (deno.go InstallMisePackages).
        ctx.useMiseVersions(["deno"])
        let (envVersion, variable) = ctx.env.configVariable("DENO_VERSION")
        if !envVersion.isEmpty { ctx.setVersion(deno, envVersion, source: variable) }

        var build = ctx.newCommandStep("build")
        build.addInput(.step(ctx.mise.name))
        if !mainFile.isEmpty {
            build.addInput(.local)
            build.addCommand(.exec("deno cache \(mainFile)"))
        }
        ctx.store(build)

        ctx.deploy.addInputs([ctx.mise.layer(app: ctx.app), .step(build.name, include: [".", Self.cacheDirectory])])
        if !mainFile.isEmpty {
            ctx.deploy.startCommand = "deno run --allow-all \(mainFile)"
            ctx.startCommandOrigin = "Railpack's Deno provider"
        }
    }

    /// railpack:core/providers/deno/deno.go StartCommandHelp
    var startCommandHelp: String {
        "To start your Deno application, Railpack will look for:\n\n"
            + "1. A main.ts, main.js, main.mjs, or main.mts file in your project root\n\n"
            + "2. If no main file is found, it will use the first .ts, .js, .mjs, or .mts file found in your project\n\n"
            + "The selected file will be run with `deno run --allow-all`"
    }

    /// The first root `main.ts`, `main.js`, `main.mjs` or `main.mts` that exists, else the first
    /// `**/*.{ts,js,mjs,mts}` file anywhere (deno.go findMainFile). A main file that exists but
    /// cannot be read (a directory) ends the root search, so the glob decides (app.go ReadFirstFileOf).
    static func findMainFile(_ app: RailpackApp) -> String {
        if let main = ["main.ts", "main.js", "main.mjs", "main.mts"].first(where: { app.hasFile($0) }), app.readFile(main) != nil {
            return main
        }
        return app.findFiles("**/*.{ts,js,mjs,mts}").first ?? ""
    }
}
