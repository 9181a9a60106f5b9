/// The tools the mise step installs for a Node app: Bun when the app runs on it, Node unless a
/// dependency-free Bun app can do without, and the package manager
/// (railpack:core/providers/node/node.go InstallMisePackages).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/node.go DEFAULT_NODE_VERSION
    static let defaultNodeVersion = "lts"
    /// railpack:core/providers/node/node.go DEFAULT_BUN_VERSION
    static let defaultBunVersion = "latest"

    func installMisePackages(_ ctx: inout RailpackGenerateContext) {
        var needsNode = requiresNode(ctx)
        var tools: [String] = []

        if requiresBun(ctx) {
            // Bun has no provider of its own, so the log says which runtime is used.
            ctx.logInfo("Bun runtime detected")
            ctx.defaultMisePackage("bun", Self.defaultBunVersion)
            tools.append("bun")
            let (version, variable) = ctx.env.configVariable("BUN_VERSION")
            if !version.isEmpty { ctx.setVersion("bun", version, source: variable) }
            // Declared dependencies may need node-gyp during the install.
            if !needsNode && needsNodeForBunInstall { needsNode = true }
        }

        if needsNode {
            ctx.defaultMisePackage("node", Self.defaultNodeVersion)
            tools.append("node")
            applyNodeVersionResolution(&ctx)
            // Node 25 and later need libatomic1 at run time; it is harmless for older ones.
            ctx.deploy.addAptPackages(["libatomic1"])
        }

        packageManager.addMisePackages(&ctx, packageJson: packageJson)
        if let tool = packageManager.miseTool { tools.append(tool) }

        if usesCorepack {
            var mise = ctx.mise
            mise.settings.set("node.corepack", .bool(true))
            ctx.mise = mise
        }

        // Versions pinned by mise files, idiomatic ones included, win over everything above,
        // RAILPACK_NODE_VERSION too (node.go InstallMisePackages comment).
        if !tools.isEmpty { ctx.useMiseVersions(tools) }
    }

    /// engines.node, then RAILPACK_NODE_VERSION over it (node.go applyNodeVersionResolution).
    private func applyNodeVersionResolution(_ ctx: inout RailpackGenerateContext) {
        if let engine = packageJson.engines["node"], !engine.isEmpty {
            ctx.setVersion("node", engine, source: "package.json > engines > node")
        }
        let (version, variable) = ctx.env.configVariable("NODE_VERSION")
        if !version.isEmpty { ctx.setVersion("node", version, source: variable) }
    }

    /// Node is installed unless Bun installs a manifest without `packageManager` whose scripts
    /// never mention node and that is neither Astro nor Vite (node.go requiresNode).
    func requiresNode(_ ctx: RailpackGenerateContext) -> Bool {
        if packageManager != .bun || packageJson.packageManager != nil { return true }
        if packageJson.scripts.values.contains(where: { $0.contains("node") }) { return true }
        return isAstro(ctx) || isVite(ctx)
    }

    /// A Bun install of any dependency may need Node (node.go needsNodeForBunInstall).
    var needsNodeForBunInstall: Bool {
        !packageJson.dependencies.isEmpty || !packageJson.devDependencies.isEmpty || packageJson.hasLocalDependency
    }

    /// Bun is the package manager, a script runs `bun`/`bunx`, or the configured start command
    /// does (node.go requiresBun).
    func requiresBun(_ ctx: RailpackGenerateContext) -> Bool {
        if packageManager == .bun { return true }
        if packageJson.scripts.values.contains(where: Self.runsBun) { return true }
        return Self.runsBun(ctx.config.deploy?.startCommand ?? "")
    }

    /// `bun` or `bunx` as a command: at the start or after whitespace, `;`, `&` or `|`, and
    /// followed by whitespace (node.go bunCommandRegex `(^|\s|;|&|&&|\||\|\|)bunx?\s`).
    static func runsBun(_ script: String) -> Bool {
        let chars = Array(script.unicodeScalars)
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        var index = 0
        while index + 3 < chars.count {
            defer { index += 1 }
            guard chars[index] == "b", chars[index + 1] == "u", chars[index + 2] == "n" else { continue }
            if index > 0 {
                let before = chars[index - 1]
                guard isSpace(before) || before == ";" || before == "&" || before == "|" else { continue }
            }
            var after = index + 3
            if chars[after] == "x" { after += 1 }
            if after < chars.count, isSpace(chars[after]) { return true }
        }
        return false
    }
}
