/// Railpack's Rust provider (railpack:core/providers/rust/rust.go RustProvider): Rust through
/// mise, an install step that compiles the dependencies against a dummy `main.rs`, a build step
/// that compiles the app and copies its binaries to `bin/`, and a deploy of the build step's /app
/// without `target`.
struct RailpackRustProvider: RailpackLanguageProvider {
    let name = "rust"  // railpack:core/providers/rust/rust.go Name

    // railpack:core/providers/rust/rust.go constants
    static let defaultRustVersion = "1.89"
    static let registryCacheDirectory = "/root/.cargo/registry"
    static let gitCacheDirectory = "/root/.cargo/git"
    static let targetCacheDirectory = "target"
    static let dummySource = "fn main() { }"

    /// railpack:core/providers/rust/rust.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("Cargo.toml") }

    /// railpack:core/providers/rust/rust.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let project = RustProject(app: ctx.app, env: ctx.env)
        installMisePackages(&ctx, project: project)

        var install = ctx.newCommandStep("install")
        install.addInput(.step(ctx.mise.name))
        addInstallCommands(&ctx, &install, project: project)
        ctx.store(install)

        var build = ctx.newCommandStep("build")
        build.addInputs([.step(ctx.mise.name), .step(install.name, exclude: ["/app/"])])
        addBuildCommands(&ctx, &build, project: project)
        ctx.store(build)

        // Rocket listens on localhost unless told otherwise (rust.go GetRustEnvVars).
        ctx.deploy.variables["ROCKET_ADDRESS"] = "0.0.0.0"
        ctx.deploy.addInputs([.step(build.name, include: ["."], exclude: ["target"])])
        let start = startCommand(&ctx, project: project)
        ctx.deploy.startCommand = start
        if !start.isEmpty { ctx.startCommandOrigin = "Railpack's Rust provider" }
    }

    /// railpack:core/providers/rust/rust.go StartCommandHelp
    var startCommandHelp: String {
        "To start your Rust application, Railpack will look for:\n\n"
            + "1. A Cargo.toml file in your project root\n\n"
            + "Your application will be compiled to a binary and started using `./bin/<binary>`"
    }
}
