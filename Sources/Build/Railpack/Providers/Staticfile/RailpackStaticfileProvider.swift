/// Railpack's static-site provider (railpack:core/providers/staticfile/staticfile.go
/// StaticfileProvider): Caddy 2 installed on its own, a build step that writes and formats the
/// Caddyfile over the app, and an image of Caddy and the app started with that Caddyfile.
struct RailpackStaticfileProvider: RailpackLanguageProvider {
    let name = "staticfile"  // railpack:core/providers/staticfile/staticfile.go Name

    /// railpack:core/providers/staticfile/staticfile.go CaddyfilePath
    static let caddyfilePath = "Caddyfile"

    /// A site root can be found (railpack:core/providers/staticfile/staticfile.go Detect).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { Self.rootDirectory(&ctx) != nil }

    /// railpack:core/providers/staticfile/staticfile.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        guard let root = Self.rootDirectory(&ctx) else { throw .error("no static file root dir found") }

        // Caddy 2 rather than latest: the Caddyfile is tested against each major release.
        var caddy = ctx.newInstallBinStep("packages:caddy")
        caddy.package = "caddy"
        ctx.resolver.setDefault("caddy", version: "2")
        ctx.store(caddy)

        var build = ctx.newCommandStep("build")
        build.addInputs([.step(caddy.name), .local])
        // Index fallback is off unless the Staticfile turns it on (Node SPAs default it on upstream).
        let indexFallback = Self.config(&ctx)?.indexFallback ?? false
        ctx.logInfo("Using staticfile root dir: \(root)")
        let caddyfile = try ctx.templateFiles(["Caddyfile.template", "Caddyfile"], defaultContents: StaticfileCaddyfile.template,
                                             data: ["StaticFileRoot": .string(root), "IndexFallback": .bool(indexFallback)])
        if !caddyfile.filename.isEmpty { ctx.logInfo("Using custom Caddyfile: \(caddyfile.filename)") }
        build.addCommands([.file(path: Self.caddyfilePath, name: "Caddyfile", mode: 0, customName: ""),
                           .exec("caddy fmt --overwrite Caddyfile")])
        build.assets = ["Caddyfile": caddyfile.contents]
        ctx.store(build)

        ctx.deploy.addInputs([caddy.layer, .step(build.name, include: ["."])])
        ctx.deploy.startCommand = "caddy run --config \(Self.caddyfilePath) --adapter caddyfile 2>&1"
        ctx.startCommandOrigin = "Railpack's Staticfile provider"
    }

    /// railpack:core/providers/staticfile/staticfile.go StartCommandHelp
    var startCommandHelp: String {
        "Railpack serves static files using Caddy. To configure the static file root, Railpack will check:\n\n"
            + "1. The RAILPACK_STATIC_FILE_ROOT environment variable\n\n"
            + "2. The \"root\" field in a Staticfile in your project root:\n"
            + "   root: dist\n\n"
            + "3. A \"public\" directory\n\n"
            + "4. An index.html in your project root\n\n"
            + "To enable SPA-style index.html fallback for unmatched routes, set \"index_fallback: true\" in your Staticfile."
    }

    /// RAILPACK_STATIC_FILE_ROOT, the Staticfile's `root`, a `public` entry, or `.` for a root
    /// index.html, each trimmed; nil when none applies (staticfile.go getRootDir).
    static func rootDirectory(_ ctx: inout RailpackGenerateContext) -> String? {
        let configured = ctx.env.configVariable("STATIC_FILE_ROOT").value
        if !configured.isEmpty { return configured }
        if let root = config(&ctx)?.root.trimmingCharacters(in: .whitespacesAndNewlines), !root.isEmpty { return root }
        if ctx.app.hasMatch("public") { return "public" }
        if ctx.app.hasFile("index.html") { return "." }
        return nil
    }

    /// The decoded Staticfile, or nil when it is absent or Railpack could not decode it. YAML
    /// railsim does not read is logged and ignored, as Railpack ignores a file it cannot decode.
    static func config(_ ctx: inout RailpackGenerateContext) -> StaticfileConfig? {
        switch StaticfileConfig.read(ctx.app) {
        case .config(let config): return config
        case .absent, .invalid: return nil
        case .unsupported(let what):
            let message = "railsim does not read \(what) in the Staticfile; it ignores the file"
            if !ctx.logs.contains(where: { $0.message == message }) { ctx.logWarn(message) }
            return nil
        }
    }
}
