/// Railpack's Go provider (railpack:core/providers/golang/golang.go GoProvider): Go through mise,
/// an install step that downloads modules from the copied go.mod/go.work files, a build step that
/// compiles one binary named `out`, and a deploy of the build step's /app.
struct RailpackGolangProvider: RailpackLanguageProvider {
    let name = "golang"  // railpack:core/providers/golang/golang.go Name

    // railpack:core/providers/golang/golang.go constants
    static let defaultGoVersion = "1.25"
    static let buildCacheName = "go-build"
    static let buildCacheDirectory = "/root/.cache/go-build"
    static let binaryName = "out"
    static let goPath = "/go"

    /// railpack:core/providers/golang/golang.go Detect (isGoMod, isGoWorkspace, main.go)
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        let project = GoProject(app: ctx.app)
        return project.isGoMod || project.isGoWorkspace || ctx.app.hasFile("main.go")
    }

    /// railpack:core/providers/golang/golang.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let project = GoProject(app: ctx.app)
        let cgo = Self.hasCGOEnabled(ctx.env)
        if cgo {
            // A cgo build needs a C toolchain in the build image (golang.go GetBuilder).
            var mise = ctx.mise
            mise.supportingAptPackages.append(contentsOf: ["gcc", "g++", "libc6-dev"])
            ctx.mise = mise
        }
        installGoPackages(&ctx, project: project)

        var install = ctx.newCommandStep("install")
        install.addInput(.step(ctx.mise.name))
        installGoDependencies(&ctx, &install, project: project, cgo: cgo)
        ctx.store(install)

        var build = ctx.newCommandStep("build")
        build.addInput(.step(install.name))
        addBuildCommand(&ctx, &build, project: project)
        ctx.store(build)

        ctx.deploy.startCommand = "./" + Self.binaryName
        ctx.startCommandOrigin = "Railpack's Go provider"
        if cgo {
            ctx.logInfo("CGO is enabled")
            ctx.deploy.addAptPackages(["libc6"])
        }
        ctx.deploy.addInputs([.step(build.name, include: ["."])])
        addMetadata(&ctx, project: project, cgo: cgo)
    }

    /// railpack:core/providers/golang/golang.go StartCommandHelp
    var startCommandHelp: String {
        "To configure your start command, Railpack will check:\n\n"
            + "1. Create a main.go file in your project root\n\n"
            + "2. Create a command in the cmd directory (e.g., cmd/server/main.go)\n\n"
            + "3. Set the GO_BIN environment variable to specify which command to build\n\n"
            + "4. For workspaces: Set GO_WORKSPACE_MODULE to build a specific module (e.g., GO_WORKSPACE_MODULE=api)"
    }

    /// Only the plain `CGO_ENABLED` variable, exactly "1", turns cgo on (golang.go hasCGOEnabled).
    static func hasCGOEnabled(_ env: RailpackEnvironment) -> Bool { env.variable("CGO_ENABLED") == "1" }

    /// Go's toolchain default, then go.mod's `go` line, then RAILPACK_GO_VERSION, then mise files:
    /// upstream asks mise last here, so a mise pin beats the variable (golang.go InstallGoPackages).
    private func installGoPackages(_ ctx: inout RailpackGenerateContext, project: GoProject) {
        let go = ctx.defaultMisePackage("go", Self.defaultGoVersion)
        if let version = project.goModVersion { ctx.setVersion(go, version, source: "go.mod") }
        let (envVersion, variable) = ctx.env.configVariable("GO_VERSION")
        if !envVersion.isEmpty { ctx.setVersion(go, envVersion, source: variable) }
        ctx.useMiseVersions(["go"])
    }

    /// Booleans are recorded only when true (railpack:core/generate/metadata.go SetBool; golang.go addMetadata).
    private func addMetadata(_ ctx: inout RailpackGenerateContext, project: GoProject, cgo: Bool) {
        for (key, value) in [("goMod", project.isGoMod), ("goWorkspace", project.isGoWorkspace), ("goRootFile", project.hasRootGoFiles),
                             ("goGin", project.usesGin), ("goCGO", cgo)] where value {
            ctx.setMetadata(key, "true")
        }
    }
}
