/// The install and build steps of a Rust app (railpack:core/providers/rust/rust.go Install, Build).
extension RailpackRustProvider {
    /// Registry and git caches, the manifests, and, outside a workspace, a dependency-only build
    /// against placeholder sources that are removed afterwards, with the app's own artifacts
    /// (rust.go Install).
    func addInstallCommands(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: RustProject) {
        install.addCache(ctx.caches.addCache("cargo_registry", directory: Self.registryCacheDirectory))
        install.addCache(ctx.caches.addCache("cargo_git", directory: Self.gitCacheDirectory))
        install.addCommands([.copy("Cargo.toml*", "."), .copy("Cargo.lock*", ".")])
        if !project.target.isEmpty { install.addCommand(.exec("rustup target add \(project.target)")) }
        guard project.workspace.isEmpty else { return }

        install.assets["main.rs"] = Self.dummySource
        let hasLib = !(project.manifest?.libName.isEmpty ?? true)
        if hasLib { install.assets["lib.rs"] = Self.dummySource }
        install.addCommands([.exec("mkdir -p src"), .file(path: "src/main.rs", name: "main.rs", mode: 0, customName: "compile dependencies")])
        if hasLib { install.addCommand(.file(path: "src/lib.rs", name: "lib.rs", mode: 0, customName: "")) }
        install.addCommands([
            .exec("cargo build --release\(project.targetArgument)"),
            .exec("rm -rf src target/\(project.targetPath)release/\(project.appName)*"),
        ])
    }

    /// `bin/` gets the workspace package's binary, or every binary of the package; the target
    /// directory is cached only for a named package (rust.go Build).
    func addBuildCommands(_ ctx: inout RailpackGenerateContext, _ build: inout CommandStepBuilder, project: RustProject) {
        build.addInput(.local)
        build.addCommand(.exec("mkdir -p bin"))
        if !project.target.isEmpty { build.addCommand(.exec("rustup target add \(project.target)")) }
        let release = "target/\(project.targetPath)release/"
        if !project.workspace.isEmpty {
            build.addCommands([
                .exec("cargo build --release --package \(project.workspace)\(project.targetArgument)"),
                .exec("cp \(release)\(project.workspace)\(project.binSuffix) bin"),
            ])
        } else {
            let bins = project.bins
            if !bins.isEmpty {
                build.addCommand(.exec("cargo build --release\(project.targetArgument)"))
                for bin in bins { build.addCommand(.exec("cp \(release)\(bin)\(project.binSuffix) bin")) }
            }
        }
        if !project.appName.isEmpty { build.addCache(ctx.caches.addCache("cargo_target", directory: Self.targetCacheDirectory)) }
    }
}
