/// The install and build steps of a Go app (railpack:core/providers/golang/golang.go InstallGoDeps, Build).
extension RailpackGolangProvider {
    /// GOPATH/GOBIN and `/go/bin` on PATH always; with a module or workspace, the go.mod/go.sum
    /// and go.work/go.work.sum files (and every nested module's) are copied and downloaded with
    /// the build cache mounted, and cgo is switched off unless asked for (golang.go InstallGoDeps).
    func installGoDependencies(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: GoProject, cgo: Bool) {
        install.addEnvVars(["GOPATH": Self.goPath, "GOBIN": Self.goPath + "/bin"])
        install.addCommand(.path(Self.goPath + "/bin"))
        guard project.isGoMod || project.isGoWorkspace else { return }

        install.addCache(ctx.caches.addCache(Self.buildCacheName, directory: Self.buildCacheDirectory))
        if project.isGoMod {
            install.addCommand(.copy("go.mod"))
            if ctx.app.hasFile("go.sum") { install.addCommand(.copy("go.sum")) }
        }
        if project.isGoWorkspace {
            install.addCommand(.copy("go.work"))
            if ctx.app.hasFile("go.work.sum") { install.addCommand(.copy("go.work.sum")) }
        }
        for package in project.workspacePackages {
            install.addCommand(.copy(GoProject.join(package, "go.mod")))
            let sum = GoProject.join(package, "go.sum")
            if ctx.app.hasFile(sum) { install.addCommand(.copy(sum)) }
        }
        install.addCommand(.exec("go mod download"))
        ctx.logInfo("Using go mod")
        if !cgo { install.addEnvVars(["CGO_ENABLED": "0"]) }
    }

    /// The whole context is always an input; a build command, with the cache, only when one of
    /// the rules names a package (golang.go Build).
    func addBuildCommand(_ ctx: inout RailpackGenerateContext, _ build: inout CommandStepBuilder, project: GoProject) {
        let command = buildCommand(&ctx, project: project)
        build.addInput(.local)
        guard let command else { return }
        build.addCache(ctx.caches.addCache(Self.buildCacheName, directory: Self.buildCacheDirectory))
        build.addCommand(.exec(command))
    }

    /// The first rule that applies (golang.go Build): RAILPACK_GO_WORKSPACE_MODULE,
    /// RAILPACK_GO_BIN (under cmd/), a module with root `.go` files, the first `cmd/*`
    /// directory, any module, the first workspace module with a main.go, a lone main.go.
    private func buildCommand(_ ctx: inout RailpackGenerateContext, project: GoProject) -> String? {
        let base = "go build -ldflags=\"-w -s\" -o \(Self.binaryName)"
        let module = ctx.env.configVariable("GO_WORKSPACE_MODULE").value
        if !module.isEmpty {
            ctx.logInfo("Building workspace module: \(module)")
            return "\(base) ./\(module)"
        }
        let bin = ctx.env.configVariable("GO_BIN").value
        if !bin.isEmpty {
            ctx.logInfo("Building bin: \(bin)")
            return "\(base) ./cmd/\(bin)"
        }
        if project.isGoMod && project.hasRootGoFiles { return base }
        if let directory = ctx.app.findDirectories("cmd/*").first {
            let command = directory.split(separator: "/").last.map(String.init) ?? directory
            ctx.logInfo("Building command: \(command)")
            return "\(base) ./cmd/\(command)"
        }
        if project.isGoMod { return base }
        if project.isGoWorkspace {
            for package in project.workspacePackages where ctx.app.hasFile(GoProject.join(package, "main.go")) {
                ctx.logInfo("Building workspace module: \(package)")
                return "\(base) ./\(package)"
            }
            return nil
        }
        if ctx.app.hasFile("main.go") { return "\(base) main.go" }
        return nil
    }
}
