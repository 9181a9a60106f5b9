/// Railpack's Ruby provider (railpack:core/providers/ruby/ruby.go RubyProvider): Ruby through
/// mise, gems in `install`, the app (and Rails assets) in `build`, jemalloc preloaded at run time,
/// and Node beside it when the app has a package.json (or uses execjs).
struct RailpackRubyProvider: RailpackLanguageProvider {
    let name = "ruby"  // railpack:core/providers/ruby/ruby.go Name

    // railpack:core/providers/ruby/ruby.go DEFAULT_RUBY_VERSION, GetRubyEnvVars
    static let defaultRubyVersion = "3.4"
    static let gemHome = "/usr/local/bundle"
    static let gemPath = "/usr/local/bundle"
    /// Set for installs, builds and the image (ruby.go GetRubyEnvVars).
    static let rubyEnvironment: [String: String] = [
        "BUNDLE_GEMFILE": "/app/Gemfile", "GEM_PATH": gemPath, "GEM_HOME": gemHome,
        "MALLOC_ARENA_MAX": "2", "LD_PRELOAD": "libjemalloc.so.2",
    ]

    /// railpack:core/providers/ruby/ruby.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("Gemfile") }

    /// railpack:core/providers/ruby/ruby.go Plan
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {
        let project = RubyProject(app: ctx.app)
        installMisePackages(&ctx, project: project)

        var install = ctx.newCommandStep("install")
        install.addInput(.step(ctx.mise.name))
        let installOutputs = addInstall(&ctx, &install, project: project)
        ctx.store(install)
        addMetadata(&ctx, project: project)

        let nodeSteps = try planNode(&ctx, project: project, install: install.name)

        var build = ctx.newCommandStep("build")
        build.addInput(.step(install.name))
        let buildOutputs = addBuild(&ctx, &build, project: project)
        ctx.store(build)

        let start = startCommand(&ctx, project: project)
        ctx.deploy.startCommand = start
        if !start.isEmpty { ctx.startCommandOrigin = "Railpack's Ruby provider" }
        ctx.deploy.variables.merge(Self.rubyEnvironment) { $1 }
        addRuntimeDependencies(&ctx, project: project)

        ctx.deploy.addInputs([
            .step(ctx.mise.name, include: ctx.mise.layer(app: ctx.app).include),
            .step(install.name, include: installOutputs),
            .step(build.name, include: buildOutputs),
        ])
        if let nodeSteps {
            ctx.deploy.addInputs([
                .step(nodeSteps.prune, include: ["/app/node_modules"]),
                .step(nodeSteps.build, include: ["."], exclude: ["node_modules", ".yarn"]),
            ])
        }
    }

    /// railpack:core/providers/ruby/ruby.go StartCommandHelp
    var startCommandHelp: String {
        "To start your Ruby application, Railpack will automatically:\n\n"
            + "1. Start the Rails server if a Rails application is detected\n"
            + "2. Start the Ruby server if a config/environment.rb and script/server file is found\n"
            + "3. Start the Rack server if a config.ru file is found\n"
            + "4. Run the Rakefile if a Rakefile is found\n\n"
            + "Otherwise, it will not start any server by default."
    }

    /// railpack:core/providers/ruby/ruby.go addMetadata (SetBool records only true values)
    private func addMetadata(_ ctx: inout RailpackGenerateContext, project: RubyProject) {
        if project.usesRails { ctx.setMetadata("rubyRails", "true") }
        if project.usesAssetPipeline { ctx.setMetadata("rubyAssetPipeline", "true") }
        if project.usesDependency("bootsnap") { ctx.setMetadata("rubyBootsnap", "true") }
    }
}
