/// Node beside Ruby (railpack:core/providers/ruby/ruby.go Plan): execjs needs only a Node runtime,
/// while a package.json gets its own install, prune and build steps whose results join the image.
/// Upstream installs Node's mise packages once before reading package.json and once after,
/// which this keeps, so a package manager pinned in package.json is added on the second pass.
extension RailpackRubyProvider {
    struct NodeSteps {
        var prune: String
        var build: String
    }

    func planNode(_ ctx: inout RailpackGenerateContext, project: RubyProject, install: String) throws(RailpackPlanFailure) -> NodeSteps? {
        var node = RailpackNodeAssets.make()
        let detected = node.detect(&ctx)
        if detected || project.usesDependency("execjs") { try node.installMisePackages(&ctx) }
        guard detected else { return nil }

        try node.initialize(&ctx)
        try node.installMisePackages(&ctx)
        var installNode = ctx.newCommandStep("install:node")
        installNode.addInput(.step(ctx.mise.name))
        try node.installNodeDeps(&ctx, into: &installNode)
        ctx.store(installNode)

        var prune = ctx.newCommandStep("prune:node")
        prune.addInput(.step(installNode.name))
        try node.pruneNodeDeps(&ctx, into: &prune)
        ctx.store(prune)

        var build = ctx.newCommandStep("build:node")
        build.addInputs([.step(install), .step(installNode.name, include: ["."] + ctx.mise.layer(app: ctx.app).include)])
        try node.build(&ctx, into: &build)
        ctx.store(build)
        return NodeSteps(prune: prune.name, build: build.name)
    }
}
