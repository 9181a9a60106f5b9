/// The install step: Node's variables, the secrets an install may read, Corepack, and the
/// package manager's install (railpack:core/providers/node/node.go InstallNodeDeps,
/// package_manager.go installDependencies, installDeps).
extension RailpackNodeProvider {
    /// Not npm's cache, but next, jest, webpack and others keep theirs here (node.go NODE_MODULES_CACHE).
    static let nodeModulesCache = "/app/node_modules/.cache"
    /// railpack:core/providers/node/node.go COREPACK_HOME
    static let corepackHome = "/opt/corepack"

    func installNodeDependencies(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder) {
        install.addEnvVars(nodeEnvironment(ctx))
        install.secrets = []
        install.useSecrets(withPrefixes: ["NODE", "NPM", "BUN", "PNPM", "YARN", "CI"], from: ctx.env)
        install.addPaths(["/app/node_modules/.bin"])

        if ctx.app.hasMatch("node_modules") {
            ctx.logWarn("node_modules directory found in project root, this is likely a mistake")
            ctx.logWarn("It is recommended to add node_modules to the .gitignore file")
        }

        if usesCorepack {
            let (name, version) = packageJson.packageManagerInfo
            install.addEnvVars(["COREPACK_HOME": Self.corepackHome])
            ctx.logInfo("Installing \(name)@\(version) with Corepack")
            // Corepack reads the version from the manifest; it no longer ships with Node 25+, so it is installed first.
            install.addCommands([
                .copy(NodeManifest.find(in: ctx.app) ?? ""),
                .shell("npm i -g corepack@latest && corepack enable && corepack prepare --activate"),
            ])
        }
        // Docker's cache key needs the directory to exist even when nothing is installed.
        install.addCommand(.exec("mkdir -p \(Self.nodeModulesCache)"))

        installDependencies(&ctx, &install)
    }

    /// Any pre/post-install or prepare script (patch-package and friends) or a `file:` dependency
    /// needs the whole app; otherwise only the install files are copied (package_manager.go installDependencies).
    private func installDependencies(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder) {
        let scripts = ["preinstall", "postinstall", "prepare"]
        let hasInstallScripts = workspace.allPackageJsons.contains { json in scripts.contains { !(json.scripts[$0] ?? "").isEmpty } }
        if hasInstallScripts || Self.usesLocalFile(ctx.app) {
            install.addInput(.local)
            install.useSecrets(["*"], env: ctx.env)
        } else {
            for file in supportingInstallFiles(&ctx) { install.addCommand(.copy(file, file)) }
        }
        installCommand(&ctx, &install)
    }

    /// The cache and the package manager's install command (package_manager.go installDeps).
    private func installCommand(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder) {
        install.addCache(packageManager.installCache(&ctx.caches))
        switch packageManager {
        case .npm:
            if !ctx.app.hasFile("package-lock.json") {
                ctx.logSuggestion("Add a `package-lock.json` for more deterministic installs", docs: "/architecture/recommendations")
            }
            // `npm install`, not `npm ci`, so an out-of-sync lockfile still builds (railpack PR #643).
            let custom = ctx.env.configVariable("NODE_NPM_INSTALL").value
            install.addCommand(.exec(custom.isEmpty ? "npm install" : custom))
        case .pnpm:
            install.addEnvVars(["PNPM_HOME": NodePnpm.home, "PNPM_STORE_DIR": NodePnpm.storeDirectory])
            // Standalone pnpm lacks npm's bundled node-gyp; Corepack's pnpm has it.
            if !usesCorepack {
                let binPath = NodePnpm.usesBinSubdirectory(NodePnpm.resolvedVersion(ctx)) ? NodePnpm.home + "/bin" : NodePnpm.home
                // The directory must be on PATH before `pnpm add -g` runs.
                install.addPaths([binPath])
                install.addCommand(.exec("pnpm add -g node-gyp"))
            }
            if ctx.app.hasFile("pnpm-lock.yaml") {
                install.addCommand(.exec("pnpm install --frozen-lockfile --prefer-offline"))
            } else {
                ctx.logSuggestion("Add a `pnpm-lock.yaml` for more deterministic installs", docs: "/architecture/recommendations")
                install.addCommand(.exec("pnpm install"))
            }
        case .bun: install.addCommand(.exec("bun install --frozen-lockfile"))
        case .yarn1: install.addCommand(.exec("yarn install --frozen-lockfile"))
        case .yarnberry: install.addCommand(.exec("yarn install --check-cache"))
        }
    }

    /// Manifests, lockfiles, package-manager config, version files, patches and Prisma schemas
    /// anywhere outside a top-level node_modules, then matching directories, then
    /// RAILPACK_NODE_INSTALL_PATTERNS (package_manager.go SupportingInstallFiles).
    func supportingInstallFiles(_ ctx: inout RailpackGenerateContext) -> [String] {
        let pattern = "**/{package.json,package.json5,package-lock.json,pnpm-workspace.yaml,yarn.lock,pnpm-lock.yaml,bun.lockb,bun.lock,bunfig.toml,.yarn,.pnp.*,.yarnrc.yml,.npmrc,.node-version,.nvmrc,patches,.pnpm-patches,prisma}"
        var files = ctx.app.findFiles(pattern).filter { !$0.hasPrefix("node_modules/") }
        files.append(contentsOf: ctx.app.findDirectories(pattern))
        if let patterns = ctx.env.configVariableList("NODE_INSTALL_PATTERNS"), !patterns.isEmpty {
            ctx.logInfo("Using custom install patterns: \(patterns.joined(separator: " "))")
            for custom in patterns { files.append(contentsOf: ctx.app.findFiles("**/" + custom)) }
        }
        return files
    }

    /// Any manifest in the tree with a `file:` dependency; manifests that do not decode are
    /// skipped (package_manager.go usesLocalFile).
    static func usesLocalFile(_ app: RailpackApp) -> Bool {
        app.findFiles("**/{package.json,package.json5}").contains { file in
            (try? NodeManifest.read(file, in: app))?.hasLocalDependency ?? false
        }
    }
}
