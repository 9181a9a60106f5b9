/// An SPA is served by Caddy: a Caddy binary step, a step that writes and formats the
/// Caddyfile, and a deploy of just those plus the built directory
/// (railpack:core/providers/node/spa.go DeploySPA).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/spa.go DefaultCaddyfilePath
    static let caddyfilePath = "/Caddyfile"

    func deploySPA(_ ctx: inout RailpackGenerateContext, build: CommandStepBuilder) throws(RailpackPlanFailure) {
        let outputDir = outputDirectory(ctx)
        ctx.logInfo("Deploying as \(spaName(ctx)) static site")
        ctx.logInfo("Output directory: \(outputDir)")

        // Every path falls back to the root index.html unless a Staticfile says otherwise.
        let indexFallback = NodeStaticfile.indexFallback(ctx.app) ?? true
        let data: [String: GoTextTemplate.Value] = [
            "DIST_DIR": .string(NodePath.join("/app", outputDir)),
            "IndexFallback": .bool(indexFallback),
        ]
        let caddyfile = try ctx.templateFiles(["Caddyfile.template", "Caddyfile"], defaultContents: NodeCaddyfile.template, data: data)
        if !caddyfile.filename.isEmpty { ctx.logInfo("Using custom Caddyfile: \(caddyfile.filename)") }

        var installCaddy = ctx.newInstallBinStep("packages:caddy")
        installCaddy.package = "caddy"
        ctx.resolver.setDefault("caddy", version: "latest")
        ctx.store(installCaddy)

        var caddy = ctx.newCommandStep("caddy")
        caddy.addInput(.step(installCaddy.name))
        caddy.addCommands([
            .file(path: Self.caddyfilePath, name: "Caddyfile", mode: 0, customName: ""),
            .exec("caddy fmt --overwrite \(Self.caddyfilePath)"),
        ])
        caddy.assets = ["Caddyfile": caddyfile.contents]
        ctx.store(caddy)

        ctx.deploy.startCommand = "caddy run --config \(Self.caddyfilePath) --adapter caddyfile 2>&1"
        ctx.startCommandOrigin = "Railpack's Node provider (Caddy serving the static build)"
        ctx.deploy.addInputs([
            installCaddy.layer,
            .step(caddy.name, include: [Self.caddyfilePath]),
            .step(build.name, include: [outputDir]),
        ])
    }
}

/// The Staticfile's `index_fallback`, which SPAs honour too; nil when unset or when the
/// Staticfile does not decode (railpack:core/providers/staticfile/staticfile.go GetIndexFallback).
enum NodeStaticfile {
    static func indexFallback(_ app: RailpackApp) -> Bool? {
        guard let text = app.readFile("Staticfile"), let document = NodeYAML.topLevel(text) else { return nil }
        if let root = document["root"], case .scalar = root {} else if document["root"] != nil { return nil }
        guard let value = document["index_fallback"] else { return nil }
        guard case .scalar(let scalar) = value else { return nil }
        guard let scalar else { return nil }  // null leaves the pointer nil
        return NodeYAML.bool(scalar)
    }
}
