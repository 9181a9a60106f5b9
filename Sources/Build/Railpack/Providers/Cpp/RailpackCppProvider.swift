/// Railpack's C/C++ provider (railpack:core/providers/cpp/cpp.go CppProvider): CMake (preferred)
/// or Meson with Ninja through mise, one build step that configures and compiles into `/build`,
/// and an image of `/build` started as `/build/<app directory name>`.
struct RailpackCppProvider: RailpackLanguageProvider {
    let name = "cpp"  // railpack:core/providers/cpp/cpp.go Name

    /// CMake or Meson (railpack:core/providers/cpp/cmake.go DetectCmake, meson.go DetectMeson).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { CppBuildSystem.detect(ctx.app) != nil }

    /// railpack:core/providers/cpp/cpp.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        guard let system = CppBuildSystem.detect(ctx.app) else { return }
        system.install(&ctx)

        var build = ctx.newCommandStep("build")
        build.addInputs([.step(ctx.mise.name), .local])
        build.addCommand(.exec("mkdir /build"))
        build.addCommands(system.buildCommands.map { .exec($0) })
        ctx.store(build)

        // The binary is assumed to be named after the app directory; railsim uses the name of
        // the Root Directory, or of the directory it was given.
        ctx.deploy.startCommand = "/build/\(ctx.app.sourceBaseName)"
        ctx.startCommandOrigin = "Railpack's Cpp provider"
        ctx.deploy.addInputs([.step(build.name, include: ["/build/"])])
    }
}
