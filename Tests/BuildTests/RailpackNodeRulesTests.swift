import Testing
@testable import Build

/// The Node provider's individual rules on small in-memory apps, each from the Go function named.
@Suite struct RailpackNodeRulesTests {
    typealias P = NodePlanning

    /// `packageManager` first, then lock and config files, then engines, then npm (node.go getPackageManager).
    @Test(arguments: [
        (["package.json": #"{"packageManager": "yarn@1.22.19"}"#, "pnpm-lock.yaml": ""], "yarn1"),
        (["package.json": #"{"packageManager": "yarn@3.6.0"}"#], "yarnberry"),
        (["package.json": #"{"packageManager": "bun@1.1.0"}"#, "yarn.lock": ""], "bun"),
        (["package.json": #"{"packageManager": "deno@2"}"#, "yarn.lock": ""], "yarn1"),
        (["package.json": "{}", "pnpm-lock.yaml": "", "bun.lock": ""], "pnpm"),
        (["package.json": "{}", "bun.lockb": "", ".yarnrc.yml": ""], "bun"),
        (["package.json": "{}", ".yarnrc.yaml": "", "yarn.lock": ""], "yarnberry"),
        (["package.json": "{}", "yarn.lock": ""], "yarn1"),
        (["package.json": #"{"engines": {"pnpm": " 9 ", "bun": "1"}}"#], "pnpm"),
        (["package.json": #"{"engines": {"bun": "1", "yarn": "1.22"}}"#], "bun"),
        (["package.json": #"{"engines": {"yarn": "1.22"}}"#], "yarn1"),
        (["package.json": #"{"engines": {"yarn": ">=1.22"}}"#], "yarnberry"),
        (["package.json": "{}", "package-lock.json": "{}"], "npm"),
    ])
    func packageManager(files: [String: String], manager: String) {
        #expect(P.memory(files).metadata["nodePackageManager"] == manager)
    }

    @Test func npmFallbackIsLoggedWithASuggestion() {
        let logs = P.memory(["package.json": "{}"]).logs
        #expect(logs.contains(RailpackLog(.warn, "No node package manager detected, using npm")))
        #expect(logs.contains { $0.level == .suggestion && $0.message == "Specify the package manager and version explicitly" })
    }

    /// First rule wins (node.go GetStartCommand); Bun runs files with bun (RunScriptCommand).
    @Test(arguments: [
        (["package.json": #"{"scripts": {"start": "node s.js"}, "main": "m.js"}"#], "npm run start"),
        (["package.json": #"{"scripts": {"start": ""}, "main": "m.js"}"#], "node m.js"),
        (["package.json": #"{"main": "src/app.ts"}"#, "bun.lock": ""], "bun src/app.ts"),
        (["package.json": "{}", "index.ts": "", "index.js": ""], "node index.js"),
        (["package.json": #"{"dependencies": {"nuxt": "3"}}"#], "node .output/server/index.mjs"),
        (["package.json": #"{"dependencies": {"@tanstack/react-start": "1"}}"#, "pnpm-lock.yaml": ""],
         "pnpm exec srvx --prod -s ../client dist/server/server.js"),
        (["package.json": #"{"devDependencies": {"svelte": "5", "@sveltejs/kit": "2", "@sveltejs/adapter-auto": "3"}}"#], "node build"),
        (["package.json": #"{"devDependencies": {"svelte": "5", "@sveltejs/kit": "2"}}"#], ""),
    ])
    func startCommand(files: [String: String], command: String) {
        #expect(P.memory(files).plan?.deploy.startCommand == command)
    }

    @Test func missingStartCommandNamesTheNodeRules() {
        let result = RailpackPlanner.generate(RailpackPlanRequest(snapshot: .inMemory(["package.json": "{}"]), railpackVersion: "dev"))
        guard case .noStartCommand(let message)? = result.failure else { Issue.record("expected a missing start command"); return }
        #expect(message.hasPrefix(RailpackValidation.missingStartMessage + "\n\nTo configure your start command, Railpack will check:"))
        #expect(message.contains("RAILPACK_NX_APP"))
    }

    /// RAILPACK_PRUNE_DEPS: a prune step on the install, whose node_modules reach the image
    /// (node.go PruneNodeDeps; package_manager.go PruneDeps, prunePnpm, pruneYarnBerry).
    @Test(arguments: [
        (["package.json": "{}"], "npm prune --omit=dev --ignore-scripts"),
        (["package.json": "{}", "pnpm-lock.yaml": ""], "pnpm prune --prod --ignore-scripts"),
        (["package.json": #"{"packageManager": "pnpm@8.15.5"}"#], "pnpm prune --prod"),
        (["package.json": #"{"packageManager": "pnpm@8.15.6"}"#], "pnpm prune --prod --ignore-scripts"),
        (["package.json": "{}", "bun.lock": ""], "sh -c 'rm -rf node_modules && bun install --production --ignore-scripts'"),
        (["package.json": "{}", "yarn.lock": ""], "yarn install --production=true"),
        (["package.json": #"{"packageManager": "yarn@3.8.1"}"#], "yarn install --check-cache"),
        (["package.json": #"{"packageManager": "yarn@4.1.0"}"#], "yarn workspaces focus --production --all"),
    ])
    func prune(files: [String: String], command: String) throws {
        var files = files
        files["index.js"] = ""
        let plan = try #require(P.memory(files, variables: ["RAILPACK_PRUNE_DEPS": "true"]).plan)
        #expect(P.execs(plan, "prune") == [command])
        #expect(plan.step(named: "prune")?.variables == ["NPM_CONFIG_PRODUCTION": "true"])
        #expect(plan.step(named: "prune")?.inputs == [.step("install")])
        #expect(plan.step(named: "prune")?.secrets == [])
        #expect(plan.deploy.inputs[1].step == "prune")
    }

    @Test func customPruneCommand() throws {
        let plan = P.memory(["package.json": "{}", "index.js": ""], variables: ["RAILPACK_PRUNE_DEPS": "1", "RAILPACK_NODE_PRUNE_CMD": "npm prune --production"]).plan
        #expect(P.execs(plan, "prune") == ["npm prune --production"])
    }

    /// pnpm 11 keeps global binaries in $PNPM_HOME/bin; `11.5.x` is read through its resolution
    /// (package_manager.go usesPnpmBinSubdir, resolvePnpmVersion).
    @Test(arguments: [("11.5.x", "/opt/pnpm/bin"), ("^10.33.0", "/opt/pnpm"), ("latest", "/opt/pnpm/bin"), ("next-11", "/opt/pnpm")])
    func pnpmBinDirectory(engine: String, path: String) {
        let plan = P.memory(["package.json": #"{"engines": {"pnpm": "\#(engine)"}}"#, "index.js": ""]).plan
        #expect(P.commands(plan, "install").contains("PATH " + path))
        #expect(!P.commands(plan, "install").contains("PATH " + (path == "/opt/pnpm" ? "/opt/pnpm/bin" : "/opt/pnpm")))
    }

    @Test func corepackPnpmSkipsNodeGyp() {
        let plan = P.memory(["package.json": #"{"packageManager": "pnpm@10.4.1"}"#, "pnpm-lock.yaml": "lockfileVersion: '9.0'\n", "index.js": ""]).plan
        #expect(!P.execs(plan, "install").contains("pnpm add -g node-gyp"))
        #expect(P.execs(plan, "install").last == "pnpm install --frozen-lockfile --prefer-offline")
    }

    /// Install scripts or a `file:` dependency need the whole app instead of copies; `*` secrets
    /// only in CI (package_manager.go installDependencies, usesLocalFile; command_step_builder.go UseSecrets).
    @Test func installScriptsTakeTheWholeApp() throws {
        let files = ["package.json": #"{"scripts": {"postinstall": "patch-package"}, "main": "a.js"}"#]
        let plain = try #require(P.memory(files).plan?.step(named: "install"))
        #expect(plain.inputs == [.step("packages:mise"), .local])
        #expect(!plain.commands.contains { if case .copy = $0 { return true } else { return false } })
        #expect(plain.secrets == [])
        let ci = try #require(P.memory(files, variables: ["CI": "1", "NPM_TOKEN": "t"]).plan?.step(named: "install"))
        #expect(ci.secrets == ["NPM_TOKEN", "CI", "*"])
    }

    @Test func localFileDependencyInAMemberTakesTheWholeApp() throws {
        let files = ["package.json": #"{"main": "a.js"}"#, "libs/x/package.json": #"{"dependencies": {"y": "file:../y"}}"#]
        #expect(P.memory(files).plan?.step(named: "install")?.inputs == [.step("packages:mise"), .local])
    }

    @Test func npmInstallOverrideAndInstallPatterns() {
        let result = P.memory(["package.json": #"{"main": "a.js"}"#, "config/app.yml": "", "config/skip.txt": ""],
                              variables: ["RAILPACK_NODE_NPM_INSTALL": "npm ci --omit=optional", "RAILPACK_NODE_INSTALL_PATTERNS": "*.yml"])
        #expect(P.commands(result.plan, "install").suffix(3) == ["COPY package.json", "COPY config/app.yml", "$ npm ci --omit=optional"])
        #expect(result.logs.contains(RailpackLog(.info, "Using custom install patterns: *.yml")))
    }

    /// engines.node, then RAILPACK_NODE_VERSION, then a mise pin such as .nvmrc over both
    /// (node.go applyNodeVersionResolution, InstallMisePackages).
    @Test func nodeVersionPrecedence() {
        let engines = #"{"engines": {"node": "20"}, "main": "a.js"}"#
        #expect(P.memory(["package.json": engines]).resolvedPackages["node"]?.requestedVersion == "20")
        let variable = P.memory(["package.json": engines], variables: ["RAILPACK_NODE_VERSION": "22"]).resolvedPackages["node"]
        #expect(variable?.requestedVersion == "22")
        #expect(variable?.source == "RAILPACK_NODE_VERSION")
        let pinned = P.memory(["package.json": engines, ".nvmrc": "18\n"], variables: ["RAILPACK_NODE_VERSION": "22"]).resolvedPackages["node"]
        #expect(pinned?.requestedVersion == "18")
        #expect(P.memory(["package.json": #"{"main": "a.js"}"#]).resolvedPackages["node"]?.requestedVersion == "lts")
    }

    /// Classic Yarn: tar and gpg in an apt build step, YARN_PRODUCTION, a locked cache
    /// (package_manager.go GetPackageManagerPackages, GetInstallCache; node.go GetNodeEnvVars).
    @Test func yarnClassic() throws {
        let plan = try #require(P.memory(["package.json": #"{"main": "a.js"}"#, "yarn.lock": ""]).plan)
        #expect(P.execs(plan, "packages:apt:build") == ["sh -c 'apt-get update && apt-get install -y gpg tar'"])
        #expect(plan.step(named: "packages:mise")?.inputs == [.step("packages:apt:build")])
        #expect(plan.step(named: "install")?.variables["YARN_PRODUCTION"] == "false")
        #expect(plan.caches["yarn-install"] == RailpackPlan.Cache(directory: "/usr/local/share/.cache/yarn", type: RailpackPlan.Cache.locked))
        #expect(P.execs(plan, "install").last == "yarn install --frozen-lockfile")
    }

    /// A script that runs bun installs Bun next to Node (node.go requiresBun, bunCommandRegex).
    @Test func bunScriptUnderNpm() {
        let result = P.memory(["package.json": #"{"scripts": {"start": "bunx serve dist"}}"#])
        #expect(result.resolvedPackages["bun"] != nil)
        #expect(result.resolvedPackages["node"] != nil)
        #expect(P.execs(result.plan, "install").last == "npm install")
    }

    /// Puppeteer's libraries always; Playwright's only on request, with the browser install
    /// (node.go Plan).
    @Test func browsers() {
        let puppeteer = P.execs(P.memory(["package.json": #"{"main": "a.js", "dependencies": {"puppeteer": "23"}}"#]).plan, "packages:apt:runtime")
        #expect(puppeteer.first?.contains("xvfb") == true)
        #expect(puppeteer.first?.contains("libxss1") == true)
        let playwright = #"{"main": "a.js", "dependencies": {"playwright": "1.49"}}"#
        let suggested = P.memory(["package.json": playwright])
        #expect(suggested.logs.contains { $0.level == .suggestion && $0.message == "Set `RAILPACK_NODE_PLAYWRIGHT_INSTALL=1` to install Playwright browsers" })
        #expect(P.execs(suggested.plan, "packages:apt:runtime") == ["sh -c 'apt-get update && apt-get install -y libatomic1'"])
        let installed = P.memory(["package.json": playwright, "pnpm-lock.yaml": ""], variables: ["RAILPACK_NODE_PLAYWRIGHT_INSTALL": "true"])
        #expect(P.execs(installed.plan, "install").last == "pnpm exec playwright install --only-shell")
        #expect(P.execs(installed.plan, "packages:apt:runtime").first?.contains("libxkbcommon0") == true)
    }

    /// Server-side Astro listens on 0.0.0.0; SvelteKit with adapter-auto is told to build for Node;
    /// a Next build disables telemetry (astro.go, svelte.go, node.go Build).
    @Test func frameworkVariables() {
        let astro = P.memory(["package.json": #"{"scripts": {"build": "astro build", "start": "node ./dist/server/entry.mjs"}, "dependencies": {"@astrojs/node": "9"}}"#,
                              "astro.config.mjs": "export default { output: 'server' }\n"])
        #expect(astro.plan?.deploy.variables["HOST"] == "0.0.0.0")
        #expect(astro.metadata["nodeRuntime"] == "astro")
        let svelte = P.memory(["package.json": #"{"scripts": {"build": "vite build"}, "devDependencies": {"svelte": "5", "@sveltejs/kit": "2", "@sveltejs/adapter-auto": "3", "vite": "6"}}"#])
        #expect(svelte.plan?.step(named: "build")?.variables == ["GCP_BUILDPACKS": "true"])
        #expect(svelte.plan?.deploy.startCommand == "node build")
        let next = P.memory(["package.json": #"{"scripts": {"build": "next build", "start": "next start"}, "dependencies": {"next": "15"}}"#])
        #expect(next.plan?.step(named: "build")?.variables == ["NEXT_TELEMETRY_DISABLED": "1"])
        #expect(next.plan?.step(named: "build")?.caches == ["node-modules", "next"])
        #expect(next.plan?.deploy.startCommand == "npm run start")
    }

    /// RAILPACK_SPA_OUTPUT_DIR forces Caddy ("static" runtime); RAILPACK_NO_SPA and a custom start
    /// command turn it off (spa.go isSPA, hasCustomStartCommand).
    @Test func spaSwitches() {
        let vite = ["package.json": #"{"scripts": {"build": "vite build"}, "devDependencies": {"vite": "6"}}"#, "index.html": ""]
        #expect(P.memory(vite).plan?.deploy.startCommand.hasPrefix("caddy run") == true)
        let noSPA = P.memory(vite, variables: ["RAILPACK_NO_SPA": "1"])
        #expect(noSPA.plan?.deploy.startCommand == "")
        #expect(noSPA.metadata["nodeIsSPA"] == nil)
        let custom = P.memory(vite, startCommand: "npx serve dist")
        #expect(custom.plan?.deploy.startCommand == "npx serve dist")
        #expect(custom.logs.contains(RailpackLog(.info, "Custom start command detected, skipping Caddy start")))
        let forced = P.memory(["package.json": #"{"scripts": {"build": "make site"}}"#], variables: ["RAILPACK_SPA_OUTPUT_DIR": "site"])
        #expect(forced.metadata["nodeRuntime"] == "static")
        #expect(forced.plan?.deploy.inputs.last == .step("build", include: ["site"]))
    }

    /// A template railsim cannot render fails the plan with a message instead of a guess.
    @Test func unsupportedCaddyfileTemplateAction() {
        let result = P.memory(["package.json": #"{"scripts": {"build": "vite build"}, "devDependencies": {"vite": "6"}}"#,
                               "Caddyfile": "root * {{ printf \"%s\" .DIST_DIR }}\n"])
        #expect(result.plan == nil)
        #expect(result.failure?.message.hasPrefix("failed to parse template: template: Caddyfile:1: railsim does not emulate the template action") == true)
    }

    /// Which step deletes node_modules (cleanse.go willRemoveNodeModules).
    @Test(arguments: [
        ("npm ci", true), ("NPM  CI --omit=dev", true), ("npm cinema", false), ("rm -rf node_modules", true), ("rm -r ./app/node_modules/.cache", true),
        ("rimraf node_modules", true), ("rmdir  node_modules", true), ("rm -fr node_modules", false), ("rm -rf node_modules_old", false),
        ("firm -rf node_modules", false), ("echo rm", false),
    ])
    func removesNodeModules(command: String, removes: Bool) {
        #expect(RailpackNodeProvider.removesNodeModules([.exec(command)]) == removes)
    }

    /// node.go bunCommandRegex
    @Test(arguments: [("bun run x", true), ("npm run a && bunx tsc ", true), ("x|bun test", true), ("bun", false), ("rebun x", false),
                      ("bunyan start", false), ("echo;bun\tx", true)])
    func runsBun(script: String, runs: Bool) {
        #expect(RailpackNodeProvider.runsBun(script) == runs)
    }
}
