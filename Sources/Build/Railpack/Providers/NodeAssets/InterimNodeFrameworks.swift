/// The root-package framework checks the interim Node support needs for its build caches
/// (railpack:core/providers/node/node.go addCachesToBuildStep and the framework files it calls).
enum InterimNodeFrameworks {
    /// Cache names and directories for the root package, in upstream's order: next, remix, vite,
    /// tanstack-start, astro, react-router (node.go addCachesToBuildStep, addFrameworkCaches).
    static func caches(_ packageJson: InterimPackageJson, app: RailpackApp) -> [(String, String)] {
        var caches: [(String, String)] = []
        if packageJson.script("build").contains("next build") || isNextApp(packageJson, app: app) { caches.append(("next", "/app/.next/cache")) }
        if packageJson.hasDependency("@remix-run/node") { caches.append(("remix", "/app/.cache")) }
        if isVite(packageJson, app: app) { caches.append(("vite", "/app/node_modules/.vite")) }
        if isTanstackStart(packageJson) { caches.append(("tanstack-start", "/app/node_modules/.vite")) }
        if isAstro(packageJson, app: app) { caches.append(("astro", "/app/node_modules/.astro")) }
        if isReactRouter(packageJson, app: app) { caches.append(("react-router", "/app/.react-router")) }
        return caches
    }

    /// A next.config file, or `next` with a `next build` script (nx.go isNextAppPackage, next.go nextConfigFiles).
    static func isNextApp(_ packageJson: InterimPackageJson, app: RailpackApp) -> Bool {
        if ["next.config.js", "next.config.mjs", "next.config.ts"].contains(where: { app.hasFile($0) }) { return true }
        return packageJson.hasDependency("next") && packageJson.script("build").contains("next build")
    }

    /// `vite` as a dependency, a build script, and a vite config or `vite build`; never for
    /// SvelteKit or TanStack Start (vite.go isVitePackage).
    static func isVite(_ packageJson: InterimPackageJson, app: RailpackApp) -> Bool {
        if isSvelteKit(packageJson) || isTanstackStart(packageJson) { return false }
        let viteBuild = packageJson.script("build").lowercased().contains("vite build")
        let config = app.hasFile("vite.config.js") || app.hasFile("vite.config.ts")
        return packageJson.hasDependency("vite") && packageJson.hasScript("build") && (viteBuild || config)
    }

    /// svelte.go isSvelteKitPackage
    static func isSvelteKit(_ packageJson: InterimPackageJson) -> Bool {
        packageJson.hasDependency("svelte") && packageJson.hasDependency("@sveltejs/kit")
    }

    /// A production dependency only (tanstack.go isTanstackStartPackage).
    static func isTanstackStart(_ packageJson: InterimPackageJson) -> Bool { packageJson.dependencies["@tanstack/react-start"] != nil }

    /// An astro config and an `astro build` script (astro.go isAstroPackage).
    static func isAstro(_ packageJson: InterimPackageJson, app: RailpackApp) -> Bool {
        (app.hasFile("astro.config.mjs") || app.hasFile("astro.config.ts")) && packageJson.script("build").lowercased().contains("astro build")
    }

    /// A build script plus a react-router config, a `react-router build` script or `@react-router/dev`
    /// (react_router.go isReactRouterPackage).
    static func isReactRouter(_ packageJson: InterimPackageJson, app: RailpackApp) -> Bool {
        let config = app.hasFile("react-router.config.js") || app.hasFile("react-router.config.ts")
        let command = packageJson.script("build").lowercased().contains("react-router build")
        return packageJson.hasScript("build") && (config || command || packageJson.hasDependency("@react-router/dev"))
    }

    /// `(^|\s|;|&|&&|\||\|\|)bunx?\s`: `bun` or `bunx` as a word followed by whitespace
    /// (node.go bunCommandRegex).
    static func runsBun(_ text: String) -> Bool {
        let chars = Array(text.unicodeScalars)
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\u{0C}" || c == "\r" }
        for start in chars.indices where chars[start] == "b" {
            guard start == 0 || isSpace(chars[start - 1]) || [";", "&", "|"].contains(chars[start - 1]) else { continue }
            var index = start
            for expected in "bun".unicodeScalars {
                guard index < chars.count, chars[index] == expected else { index = -1; break }
                index += 1
            }
            guard index > 0 else { continue }
            if index < chars.count, isSpace(chars[index]) { return true }
            if index + 1 < chars.count, chars[index] == "x", isSpace(chars[index + 1]) { return true }
        }
        return false
    }
}
