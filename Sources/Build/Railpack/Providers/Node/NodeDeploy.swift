/// The deploy of a server app: mise's tools, node_modules from the build (or the prune step),
/// and the built app without node_modules; plus browser libraries for Puppeteer and, on request,
/// Playwright (railpack:core/providers/node/node.go Plan).
extension RailpackNodeProvider {
    /// `npx puppeteer browsers install --help` lists these (node.go nodeRuntimeDepRequirements).
    static let puppeteerPackages = [
        "xvfb", "libasound2", "libatk1.0-0", "libc6", "libcairo2", "libcups2", "libdbus-1-3", "libexpat1", "libfontconfig1", "libgbm1",
        "libgcc1", "libgdk-pixbuf-2.0-0", "libglib2.0-0", "libgtk-3-0", "libnspr4", "libpango-1.0-0", "libpangocairo-1.0-0", "libstdc++6",
        "libx11-6", "libx11-xcb1", "libxcb1", "libxcomposite1", "libxcursor1", "libxdamage1", "libxext6", "libxfixes3", "libxi6",
        "libxrandr2", "libxrender1", "libxss1", "libxtst6", "ca-certificates", "fonts-liberation", "libnss3", "lsb-release", "xdg-utils", "wget",
    ]

    /// Chromium's runtime libraries; `--with-deps` would install them in the builder, not the
    /// image (node.go nodePlaywrightRuntimeDependencies, after Playwright's nativeDeps.ts).
    static let playwrightPackages = [
        "libasound2", "libatk-bridge2.0-0", "libatk1.0-0", "libatspi2.0-0", "libcairo2", "libcups2", "libdbus-1-3", "libdrm2", "libgbm1",
        "libglib2.0-0", "libnspr4", "libnss3", "libpango-1.0-0", "libx11-6", "libxcb1", "libxcomposite1", "libxdamage1", "libxext6",
        "libxfixes3", "libxkbcommon0", "libxrandr2",
    ]
    /// railpack:core/providers/node/node.go PLAYWRIGHT_INSTALL_VAR
    static let playwrightInstallVariable = "NODE_PLAYWRIGHT_INSTALL"

    func deployNode(_ ctx: inout RailpackGenerateContext, mise: MiseStepBuilder, install: inout CommandStepBuilder,
                    prune: CommandStepBuilder, build: CommandStepBuilder) {
        var buildIncludes = ["/root/.cache", "."]
        if usesCorepack {
            // Corepack adds a global package and shims, so mise's directories are taken again from the build.
            buildIncludes.append(contentsOf: [Self.corepackHome, "/mise/installs", "/mise/shims"])
        }

        var runtimePackages: [String] = []
        if workspace.hasDependency("puppeteer") {
            ctx.logInfo("Installing puppeteer packages")
            runtimePackages.append(contentsOf: Self.puppeteerPackages)
        }

        // Browsers are opt-in: installing them automatically broke an existing user.
        let installPlaywright = ctx.env.isConfigVariableTruthy(Self.playwrightInstallVariable)
        if workspace.hasProductionDependency("playwright") && !installPlaywright {
            ctx.logSuggestion("Set `RAILPACK_NODE_PLAYWRIGHT_INSTALL=1` to install Playwright browsers", docs: "/languages/node#playwright")
        }
        if installPlaywright {
            ctx.logInfo("Installing playwright packages and headless browser")
            runtimePackages.append(contentsOf: Self.playwrightPackages)
            // The headless shell is smaller than full Chromium and enough on a server.
            install.addCommand(.exec(packageManager.exec("playwright install --only-shell")))
        }

        let folders = packageManager.installFolders(ctx.app)
        let nodeModules = RailpackPlan.Layer.step(shouldPrune(ctx) ? prune.name : build.name, include: folders)
        let app = RailpackPlan.Layer.step(build.name, include: buildIncludes, exclude: ["node_modules", ".yarn"])

        ctx.deploy.addAptPackages(runtimePackages)
        ctx.deploy.addInputs([mise.layer(app: ctx.app), nodeModules, app])
    }
}
