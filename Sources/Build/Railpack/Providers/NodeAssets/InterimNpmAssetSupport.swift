/// A stand-in for Railpack's Node provider where Ruby, PHP and Elixir need it, covering npm
/// projects without workspaces or Corepack (the layout of every Railpack example that mixes
/// languages). Anything else is refused as not emulated rather than planned wrongly. It goes
/// away when the full Node provider conforms to `RailpackNodeAssetSupport`.
struct InterimNpmAssetSupport: RailpackNodeAssetSupport {
    /// nil until `initialize`: Ruby installs Node for execjs before it (and without a package.json).
    var packageJson: InterimPackageJson?

    // railpack:core/providers/node/node.go constants
    static let defaultNodeVersion = "lts"
    static let nodeModulesCache = "/app/node_modules/.cache"
    /// railpack:core/providers/node/node.go PackageManifestFiles
    static let manifestFiles = ["package.json", "package.json5"]

    /// railpack:core/providers/node/node.go findPackageManifest
    static func manifest(_ app: RailpackApp) -> String? { manifestFiles.first { app.hasFile($0) } }

    /// railpack:core/providers/node/node.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { Self.manifest(ctx.app) != nil }

    /// railpack:core/providers/node/node.go Initialize, getPackageManager, workspace.go NewWorkspace
    mutating func initialize(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let file = Self.manifest(ctx.app) ?? "package.json"
        let packageJson: InterimPackageJson
        do throws(RailpackPlanFailure) {
            packageJson = try InterimPackageJson(reading: file, in: ctx.app)
        } catch {
            throw .error("error reading \(file): \(error.message)")
        }
        // Corepack (a `packageManager` field), other package managers and workspaces are the
        // full Node provider's business.
        let app = ctx.app
        let otherManager = packageJson.packageManager != nil
            || ["pnpm-lock.yaml", "bun.lockb", "bun.lock", ".yarnrc.yml", ".yarnrc.yaml", "yarn.lock"].contains { app.hasFile($0) }
            || ["pnpm", "bun", "yarn"].contains { !(packageJson.engines[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        if otherManager || !packageJson.workspaces.isEmpty || app.hasFile("pnpm-workspace.yaml") {
            throw .notEmulated(provider: "Node")
        }
        if app.hasFile("package-lock.json") {
            ctx.logWarn("package-lock.json detected, assuming npm")
        } else {
            ctx.logWarn("No node package manager detected, using npm")
        }
        ctx.logSuggestion("Specify the package manager and version explicitly", docs: "/config/recommendations#specify-the-node-package-manager-version")
        self.packageJson = packageJson
    }

    /// railpack:core/providers/node/node.go InstallMisePackages, applyNodeVersionResolution
    func installMisePackages(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        var packages: [String] = []
        if requiresBun(ctx) {
            ctx.logInfo("Bun runtime detected")
            let bun = ctx.defaultMisePackage("bun", "latest")
            packages.append("bun")
            let (version, variable) = ctx.env.configVariable("BUN_VERSION")
            if !version.isEmpty { ctx.setVersion(bun, version, source: variable) }
        }
        // npm (or no package manager yet) always needs Node itself.
        let node = ctx.defaultMisePackage("node", Self.defaultNodeVersion)
        packages.append("node")
        if let engine = packageJson?.engines["node"], !engine.isEmpty {
            ctx.setVersion(node, engine, source: "package.json > engines > node")
        }
        let (version, variable) = ctx.env.configVariable("NODE_VERSION")
        if !version.isEmpty { ctx.setVersion(node, version, source: variable) }
        // Node 25+ needs libatomic1; it is installed whenever Node is.
        ctx.deploy.addAptPackages(["libatomic1"])
        ctx.useMiseVersions(packages)
    }

    /// railpack:core/providers/node/node.go InstallNodeDeps; package_manager.go installDependencies, installDeps (npm)
    func installNodeDeps(_ ctx: inout RailpackGenerateContext, into install: inout CommandStepBuilder) throws(RailpackPlanFailure) {
        let packageJson = try initialized()
        install.addEnvVars(try nodeEnvironment(ctx, packageJson))
        install.secrets = []
        install.useSecrets(withPrefixes: ["NODE", "NPM", "BUN", "PNPM", "YARN", "CI"], from: ctx.env)
        install.addPaths(["/app/node_modules/.bin"])
        if ctx.app.hasMatch("node_modules") {
            ctx.logWarn("node_modules directory found in project root, this is likely a mistake")
            ctx.logWarn("It is recommended to add node_modules to the .gitignore file")
        }
        // Guarantees the cache-key path exists even when nothing gets installed.
        install.addCommand(.exec("mkdir -p \(Self.nodeModulesCache)"))

        let lifecycle = ["preinstall", "postinstall", "prepare"].contains { packageJson.hasScript($0) }
        if lifecycle || usesLocalFile(ctx.app) {
            // Install scripts (patch-package and the like) need the whole app and every secret.
            install.addInput(.local)
            install.useSecrets(["*"], env: ctx.env)
        } else {
            for file in supportingInstallFiles(&ctx) { install.addCommand(.copy(file, file)) }
        }

        install.addCache(ctx.caches.addCache("npm-install", directory: "/root/.npm"))
        if !ctx.app.hasFile("package-lock.json") {
            ctx.logSuggestion("Add a `package-lock.json` for more deterministic installs", docs: "/architecture/recommendations")
        }
        // `npm install` rather than `npm ci`, to avoid failing builds (railpack PR #643).
        let custom = ctx.env.configVariable("NODE_NPM_INSTALL").value
        install.addCommand(.exec(custom.isEmpty ? "npm install" : custom))
    }

    /// railpack:core/providers/node/node.go PruneNodeDeps; package_manager.go PruneDeps (npm)
    func pruneNodeDeps(_ ctx: inout RailpackGenerateContext, into prune: inout CommandStepBuilder) throws(RailpackPlanFailure) {
        _ = try initialized()
        ctx.logInfo("Pruning node dependencies")
        prune.variables["NPM_CONFIG_PRODUCTION"] = "true"
        prune.secrets = []
        prune.addCache(ctx.caches.addCache("npm-install", directory: "/root/.npm"))
        let custom = ctx.env.configVariable("NODE_PRUNE_CMD").value
        prune.addCommand(.exec(custom.isEmpty ? "npm prune --omit=dev --ignore-scripts" : custom))
    }

    /// railpack:core/providers/node/node.go Build, addCachesToBuildStep
    func build(_ ctx: inout RailpackGenerateContext, into build: inout CommandStepBuilder) throws(RailpackPlanFailure) {
        let packageJson = try initialized()
        build.addInput(.local)
        if packageJson.hasScript("build") {
            build.addCommand(.exec("npm run build"))
            if packageJson.hasDependency("next") { build.addEnvVars(["NEXT_TELEMETRY_DISABLED": "1"]) }
        } else if ctx.app.hasFile("nx.json"), packageJson.hasDependency("nx") {
            throw .notEmulated(provider: "Node")  // Nx's inferred targets (node.go resolveNxDeployPackage)
        }
        build.addCache(ctx.caches.addCache("node-modules", directory: Self.nodeModulesCache))
        for (name, directory) in InterimNodeFrameworks.caches(packageJson, app: ctx.app) {
            build.addCache(ctx.caches.addCache(name, directory: directory))
        }
    }

    private func initialized() throws(RailpackPlanFailure) -> InterimPackageJson {
        guard let packageJson else { throw .error("package.json not found") }
        return packageJson
    }

    /// railpack:core/providers/node/node.go GetNodeEnvVars (npm; Astro's extra variables are refused)
    private func nodeEnvironment(_ ctx: RailpackGenerateContext, _ packageJson: InterimPackageJson) throws(RailpackPlanFailure) -> [String: String] {
        if InterimNodeFrameworks.isAstro(packageJson, app: ctx.app) { throw .notEmulated(provider: "Node") }
        return ["NODE_ENV": "production", "NPM_CONFIG_PRODUCTION": "false", "NPM_CONFIG_UPDATE_NOTIFIER": "false",
                "NPM_CONFIG_FUND": "false", "NPM_CONFIG_FETCH_RETRIES": "5", "CI": "true"]
    }

    /// A `bun`/`bunx` command in a script or the configured start command (node.go requiresBun, bunCommandRegex).
    private func requiresBun(_ ctx: RailpackGenerateContext) -> Bool {
        let scripts = packageJson.map { Array($0.scripts.values) } ?? []
        return (scripts + [ctx.config.deploy?.startCommand ?? ""]).contains(where: InterimNodeFrameworks.runsBun)
    }

    /// Any package.json in the tree with a `file:` dependency; unreadable ones are skipped
    /// (package_manager.go usesLocalFile).
    private func usesLocalFile(_ app: RailpackApp) -> Bool {
        app.findFiles("**/{package.json,package.json5}").contains { file in
            (try? InterimPackageJson(reading: file, in: app))?.hasLocalDependency ?? false
        }
    }

    /// Files (outside a root node_modules) then directories matching the install patterns, then
    /// RAILPACK_NODE_INSTALL_PATTERNS (package_manager.go SupportingInstallFiles).
    private func supportingInstallFiles(_ ctx: inout RailpackGenerateContext) -> [String] {
        let pattern = "**/{package.json,package.json5,package-lock.json,pnpm-workspace.yaml,yarn.lock,pnpm-lock.yaml,bun.lockb,bun.lock,bunfig.toml,.yarn,.pnp.*,.yarnrc.yml,.npmrc,.node-version,.nvmrc,patches,.pnpm-patches,prisma}"
        var files = ctx.app.findFiles(pattern).filter { !$0.hasPrefix("node_modules/") }
        files += ctx.app.findDirectories(pattern)
        if let custom = ctx.env.configVariableList("NODE_INSTALL_PATTERNS"), !custom.isEmpty {
            ctx.logInfo("Using custom install patterns: \(custom.joined(separator: " "))")
            for item in custom { files += ctx.app.findFiles("**/" + item) }
        }
        return files
    }
}
