import Testing
@testable import Build

/// Whole Node plans for the fixtures under fixtures/railpack/node-*/, each expectation taken from
/// the rule in railpack:core/providers/node/*.go that produces it.
@Suite struct RailpackNodePlanTests {
    typealias P = NodePlanning

    /// node.go InstallNodeDeps, package_manager.go installDeps (`npm install`, railpack PR #643),
    /// SupportingInstallFiles (sorted glob matches), Plan's three deploy layers and libatomic1.
    @Test func npmApp() throws {
        let result = try P.fixture("node-npm-basic")
        let plan = try #require(result.plan)
        #expect(result.provider == "node")
        #expect(P.commands(plan, "install") == ["PATH /app/node_modules/.bin", "$ mkdir -p /app/node_modules/.cache", "COPY package-lock.json",
                                                "COPY package.json", "$ npm install"])
        #expect(plan.step(named: "install")?.caches == ["npm-install"])
        #expect(plan.step(named: "install")?.secrets == [])
        #expect(plan.step(named: "install")?.variables == P.nodeVariables)
        #expect(P.execs(plan, "build") == ["npm run build"])
        #expect(plan.step(named: "build")?.inputs == [.step("install"), .local])
        #expect(plan.step(named: "build")?.caches == ["node-modules"])
        #expect(plan.step(named: "prune") == nil)  // registered, unreachable, dropped by Normalize
        #expect(plan.caches["npm-install"] == RailpackPlan.Cache(directory: "/root/.npm"))
        #expect(plan.caches["node-modules"] == RailpackPlan.Cache(directory: "/app/node_modules/.cache"))
        #expect(plan.deploy.startCommand == "npm run start")
        #expect(plan.deploy.base == .step("packages:apt:runtime"))
        #expect(P.execs(plan, "packages:apt:runtime") == ["sh -c 'apt-get update && apt-get install -y libatomic1'"])
        #expect(plan.deploy.inputs == [P.miseLayer, .step("build", include: ["/app/node_modules"]),
                                       .step("build", include: ["/root/.cache", "."], exclude: ["node_modules", ".yarn"])])
        #expect(plan.deploy.variables == P.nodeVariables.merging(["RAILPACK_VERSION": "dev"]) { $1 })
        #expect(result.resolvedPackages["node"]?.requestedVersion == "22")
        #expect(result.resolvedPackages["node"]?.source == "package.json > engines > node")
        #expect(result.metadata["nodeRuntime"] == "node")
        #expect(result.metadata["nodePackageManager"] == "npm")
        #expect(result.logs.contains(RailpackLog(.warn, "package-lock.json detected, assuming npm")))
    }

    /// pnpm-workspace.yaml patterns (workspace.go), lockfile 9.0 → pnpm 9 and `pnpm add -g node-gyp`
    /// with PNPM_HOME on PATH (package_manager.go), a per-package Next cache (node.go addFrameworkCaches).
    @Test func pnpmWorkspace() throws {
        let result = try P.fixture("node-pnpm-workspace")
        let plan = try #require(result.plan)
        #expect(P.commands(plan, "install") == [
            "PATH /app/node_modules/.bin", "$ mkdir -p /app/node_modules/.cache", "COPY package.json", "COPY packages/lib/package.json",
            "COPY packages/web/package.json", "COPY pnpm-lock.yaml", "COPY pnpm-workspace.yaml", "PATH /opt/pnpm", "$ pnpm add -g node-gyp",
            "$ pnpm install --frozen-lockfile --prefer-offline",
        ])
        #expect(plan.step(named: "install")?.variables["PNPM_HOME"] == "/opt/pnpm")
        #expect(plan.step(named: "install")?.variables["PNPM_STORE_DIR"] == "/opt/pnpm/store")
        #expect(plan.caches["pnpm-install"] == RailpackPlan.Cache(directory: "/opt/pnpm/store"))
        #expect(plan.step(named: "build")?.caches == ["node-modules", "next-packages-web"])
        #expect(plan.caches["next-packages-web"] == RailpackPlan.Cache(directory: "/app/packages/web/.next/cache"))
        #expect(plan.deploy.startCommand == "pnpm run start")
        #expect(result.resolvedPackages["pnpm"]?.requestedVersion == "9")
        #expect(result.resolvedPackages["pnpm"]?.source == "pnpm-lock.yaml")
        #expect(result.logs.contains(RailpackLog(.info, "Found workspace with 2 packages")))
    }

    /// Yarn 4 pinned in `packageManager`: Corepack installs it, mise skips it, and the deploy
    /// takes .yarn, the .yarnrc.yml globalFolder and node_modules (nodeLinker node-modules)
    /// (node.go InstallNodeDeps, usesCorepack; package_manager.go GetInstallFolder).
    @Test func yarnBerryWithNodeModulesLinker() throws {
        let result = try P.fixture("node-yarn-berry-linker")
        let plan = try #require(result.plan)
        #expect(P.commands(plan, "install") == [
            "PATH /app/node_modules/.bin", "COPY package.json", "$ sh -c 'npm i -g corepack@latest && corepack enable && corepack prepare --activate'",
            "$ mkdir -p /app/node_modules/.cache", "COPY .yarnrc.yml", "COPY package.json", "COPY yarn.lock", "$ yarn install --check-cache",
        ])
        #expect(plan.step(named: "install")?.variables["COREPACK_HOME"] == "/opt/corepack")
        #expect(plan.caches["yarn-install"] == RailpackPlan.Cache(directory: "/app/.yarn/cache"))
        #expect(plan.step(named: "packages:mise")?.commands.last == .exec("mise install", customName: "install mise packages: node"))
        #expect(plan.deploy.inputs == [P.miseLayer, .step("build", include: ["/app/.yarn", "/opt/yarn-global", "/app/node_modules"]),
                                       .step("build", include: ["/root/.cache", ".", "/opt/corepack", "/mise/installs", "/mise/shims"],
                                             exclude: ["node_modules", ".yarn"])])
        #expect(plan.deploy.startCommand == "yarn run start")
        #expect(result.resolvedPackages["yarn"]?.requestedVersion == "4.5.3")
        #expect(result.metadata["nodePackageManager"] == "yarnberry")
        #expect(result.metadata["nodeUsesCorepack"] == "true")
    }

    /// A Bun app without dependencies, `packageManager` or a script naming node gets no Node and
    /// so no libatomic1 runtime step (node.go requiresNode, needsNodeForBunInstall).
    @Test func bunWithoutNode() throws {
        let result = try P.fixture("node-bun-nodeless")
        let plan = try #require(result.plan)
        #expect(result.resolvedPackages["node"] == nil)
        #expect(result.resolvedPackages["bun"]?.requestedVersion == "latest")
        #expect(P.execs(plan, "install") == ["mkdir -p /app/node_modules/.cache", "bun install --frozen-lockfile"])
        #expect(plan.deploy.base == .image(RailpackRelease.runtimeImage))
        #expect(plan.deploy.startCommand == "bun run start")
        #expect(result.logs.contains(RailpackLog(.info, "Bun runtime detected")))
        #expect(result.metadata["nodeRuntime"] == "bun")
    }

    /// Vite with `--outDir` in the build script, served by Caddy; the Staticfile's
    /// `index_fallback: false` drops the root index.html fallback (vite.go, spa.go DeploySPA).
    @Test func viteSPA() throws {
        let result = try P.fixture("node-vite-spa")
        let plan = try #require(result.plan)
        #expect(plan.deploy.startCommand == "caddy run --config /Caddyfile --adapter caddyfile 2>&1")
        #expect(plan.deploy.inputs == [.step("packages:caddy", include: ["/railpack/caddy"]), .step("caddy", include: ["/Caddyfile"]),
                                       .step("build", include: ["public"])])
        #expect(P.commands(plan, "packages:caddy") == ["$ mise install-into caddy@2.11.4 /railpack/caddy", "PATH /railpack/caddy", "PATH /railpack/caddy/bin"])
        #expect(P.commands(plan, "caddy") == ["FILE /Caddyfile", "$ caddy fmt --overwrite /Caddyfile"])
        // Railpack's default Caddyfile is upstream code: railsim writes its marker (RailpackEmbeddedFile);
        // the data it is rendered with is checked through an app template (customCaddyfileTemplate).
        #expect(plan.step(named: "caddy")?.assets["Caddyfile"] == "[railpack embedded file: core/providers/node/Caddyfile.template]")
        #expect(plan.step(named: "build")?.caches == ["node-modules", "vite"])
        #expect(result.metadata["nodeIsSPA"] == "true")
        #expect(result.metadata["nodeRuntime"] == "vite")
        #expect(result.logs.contains(RailpackLog(.info, "Deploying as vite static site")))
        #expect(result.logs.contains(RailpackLog(.info, "Output directory: public")))
    }

    /// An app's Caddyfile.template is rendered with the same data, trims and branches included
    /// (spa.go DeploySPA; generate/template.go TemplateFiles).
    @Test func customCaddyfileTemplate() throws {
        let result = try P.fixture("node-caddyfile-template")
        let plan = try #require(result.plan)
        #expect(plan.step(named: "caddy")?.assets["Caddyfile"] == ":{$PORT:80} {\n\troot * /app/build\n\ttry_files {path} /index.html\n\tfile_server\n}\n")
        #expect(result.logs.contains(RailpackLog(.info, "Using custom Caddyfile: Caddyfile.template")))
        #expect(result.metadata["nodeRuntime"] == "cra")
    }

    /// React Router with `ssr: false` is an SPA in build/client/ (react_router.go).
    @Test func reactRouterSPA() throws {
        let plan = try #require(try P.fixture("node-react-router-spa").plan)
        #expect(plan.deploy.inputs.last == .step("build", include: ["build/client/"]))
        #expect(plan.step(named: "build")?.caches == ["node-modules", "react-router"])
    }

    /// The application builder puts the site under `browser` (angular.go getAngularOutputDirectory);
    /// `ng serve` is a dev server, so the start script does not stop the SPA deploy (spa.go).
    @Test func angularSPA() throws {
        let plan = try #require(try P.fixture("node-angular").plan)
        #expect(plan.deploy.inputs.last == .step("build", include: ["dist/ng-app/browser"]))
    }

    /// app.json `expo.web.output` compares case-insensitively (expo.go isExpoSPA).
    @Test func expoWebExport() throws {
        let plan = try #require(try P.fixture("node-expo-web").plan)
        #expect(plan.deploy.inputs.last == .step("build", include: ["dist"]))
        #expect(plan.deploy.startCommand.hasPrefix("caddy run"))
    }

    /// An Nx workspace whose only Next.js app is a member: `nx build <name>` and `next start`
    /// from its directory (node.go Build, GetStartCommand; nx.go).
    @Test func nxNextApp() throws {
        let result = try P.fixture("node-nx-next")
        let plan = try #require(result.plan)
        #expect(P.execs(plan, "build") == ["nx build @acme/web"])
        #expect(plan.step(named: "build")?.variables == ["NEXT_TELEMETRY_DISABLED": "1"])
        #expect(plan.step(named: "build")?.caches == ["node-modules", "next-apps-web"])
        #expect(plan.deploy.startCommand == "cd apps/web && next start")
        #expect(result.logs.contains(RailpackLog(.info, "Using Nx app @acme/web")))
    }

    /// A config build step that deletes node_modules loses the node_modules/.cache mount
    /// (cleanse.go CleansePlan).
    @Test func cleanseDropsTheNodeModulesCache() throws {
        let plan = try #require(try P.fixture("node-cleanse").plan)
        #expect(P.execs(plan, "build") == ["sh -c 'rm -rf node_modules && npm ci'", "sh -c 'npm run build'"])
        #expect(plan.step(named: "build")?.caches == [])
        #expect(plan.step(named: "install")?.caches == ["npm-install"])
    }

    /// A package.json that is not JSON fails the provider's initialisation; Railpack warns and
    /// finds no other provider (node.go Initialize; core.go getProviders).
    @Test func invalidManifestIsAWarningAndNoProvider() throws {
        let result = try P.fixture("node-bad-manifest")
        #expect(result.plan == nil)
        #expect(result.detectedProvider == "node")
        #expect(result.provider == nil)
        #expect(result.logs.contains { $0.level == .warn && $0.message.hasPrefix("Failed to initialize provider `node`: error reading package.json: ") })
        guard case .noProvider? = result.failure else { Issue.record("expected no provider, got \(String(describing: result.failure))"); return }
    }
}
