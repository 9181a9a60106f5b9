/// Railpack's .NET provider (railpack:core/providers/dotnet/dotnet.go DotnetProvider): the SDK
/// through mise, `dotnet restore` on the project files, `dotnet publish` to `out`, and an image
/// with the SDK's directory, `out` and ICU.
struct RailpackDotnetProvider: RailpackLanguageProvider {
    let name = "Dotnet"  // railpack:core/providers/dotnet/dotnet.go Name (capitalised upstream)

    // railpack:core/providers/dotnet/dotnet.go constants
    static let defaultDotnetVersion = "8.0"
    static let dotnetRoot = "/mise/installs/dotnet"
    static let dependenciesRoot = "/root/.nuget/packages"

    /// A project file at the root (railpack:core/providers/dotnet/dotnet.go Detect, glob `*.csproj`).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasMatch("*.csproj") }

    /// railpack:core/providers/dotnet/dotnet.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        try installMisePackages(&ctx)
        // DOTNET_ROOT follows the requested (not resolved) version as it stands now, before
        // config packages are applied again (dotnet.go getDotnetVersion).
        let environment = Self.environment(ctx)

        var install = ctx.newCommandStep("install")
        install.addInput(.step(ctx.mise.name))
        install.variables.merge(environment) { $1 }
        install.addCommands([
            .copy("nuget.config*"), .copy("*.csproj"), .copy("global.json*"),
            .exec("mkdir -p \(Self.dependenciesRoot)"), .exec("dotnet restore"),
        ])
        ctx.store(install)

        var build = ctx.newCommandStep("build")
        build.addInputs([.step(ctx.mise.name), .step(install.name, include: ["obj/", Self.dependenciesRoot])])
        build.variables.merge(environment) { $1 }
        build.addInput(.local)
        build.addCommand(.exec("dotnet publish --no-restore -c Release -o out"))
        ctx.store(build)

        // ICU is needed for globalization at run time.
        ctx.deploy.addAptPackages(["libicu-dev"])
        ctx.deploy.addInputs([.step(ctx.mise.name, include: [environment["DOTNET_ROOT"] ?? ""]), .step(build.name, include: ["out"])])
        let start = Self.startCommand(ctx.app)
        ctx.deploy.startCommand = start
        if !start.isEmpty { ctx.startCommandOrigin = "Railpack's Dotnet provider" }
        ctx.deploy.variables.merge(environment) { $1 }
    }

    /// railpack:core/providers/dotnet/dotnet.go StartCommandHelp
    var startCommandHelp: String {
        "To start your Dotnet application, Railpack will look for:\n\n"
            + "1. A .csproj file in your project root\n\n"
            + "The project will be run with `./out`"
    }

    /// The first root project's name under `out`, listening on PORT (dotnet.go GetStartCommand).
    static func startCommand(_ app: RailpackApp) -> String {
        guard let project = app.findFiles("*.csproj").first else { return "" }
        let name = project.hasSuffix(".csproj") ? String(project.dropLast(".csproj".count)) : project
        return "ASPNETCORE_URLS=http://0.0.0.0:${PORT:-3000} ./out/\(name)"
    }

    /// railpack:core/providers/dotnet/dotnet.go GetEnvVars
    static func environment(_ ctx: RailpackGenerateContext) -> [String: String] {
        let requested = ctx.resolver.package("dotnet")?.version ?? ""
        let version = requested.isEmpty ? defaultDotnetVersion : requested
        return ["ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_CONTENTROOT": "/app/out", "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
                "DOTNET_ROOT": GoStrings.joinPath(dotnetRoot, version)]
    }
}
