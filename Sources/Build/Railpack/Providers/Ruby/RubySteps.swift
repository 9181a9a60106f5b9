/// The install and build steps and the image's apt packages
/// (railpack:core/providers/ruby/ruby.go Install, Build, AddRuntimeDeps).
extension RailpackRubyProvider {
    /// Bundler at the Gemfile.lock's version, the Gemfile, its lock and any `path:` gems, then
    /// `bundle install`; returns what reaches the image (ruby.go Install).
    func addInstall(_ ctx: inout RailpackGenerateContext, _ install: inout CommandStepBuilder, project: RubyProject) -> [String] {
        install.secrets = []
        install.useSecrets(withPrefixes: ["RUBY", "GEM", "BUNDLE"], from: ctx.env)
        install.addEnvVars(Self.rubyEnvironment)
        install.addCommands([.exec("gem install -N \(project.bundlerGem)"), .copy("Gemfile"), .copy("Gemfile.lock")])
        install.addCommands(project.localGemPaths.map { .copy($0) })
        install.addCommand(.exec("bundle install"))
        if project.usesDependency("bootsnap") { install.addCommand(.exec("bundle exec bootsnap precompile --gemfile")) }
        install.addPaths([Self.gemPath])
        return [Self.gemHome]
    }

    /// The whole context over the installed gems; Rails assets only with an asset pipeline, since
    /// API-only apps have none (ruby.go Build). Returns what reaches the image.
    func addBuild(_ ctx: inout RailpackGenerateContext, _ build: inout CommandStepBuilder, project: RubyProject) -> [String] {
        build.secrets = []
        build.useSecrets(withPrefixes: ["RAILS", "BUNDLE", "BOOTSNAP", "SPROCKETS", "WEBPACKER", "ASSET", "DISABLE_SPRING"], from: ctx.env)
        build.addEnvVars(Self.rubyEnvironment)
        build.addInput(.local)
        var outputs = ["/app"]
        if project.usesRails && project.usesAssetPipeline { build.addCommand(.exec("bundle exec rake assets:precompile")) }
        if project.usesRails && project.usesDependency("bootsnap") {
            build.addCommand(.exec("bundle exec bootsnap precompile app/ lib/"))
            outputs.append("lib/")
        }
        return outputs
    }

    /// YAML and jemalloc always (LD_PRELOAD names it), plus client libraries by gem name
    /// (ruby.go AddRuntimeDeps).
    func addRuntimeDependencies(_ ctx: inout RailpackGenerateContext, project: RubyProject) {
        var packages = ["libyaml-dev", "libjemalloc2"]
        if project.usesPostgres { packages.append("libpq-dev") }
        if project.usesMysql { packages.append("default-libmysqlclient-dev") }
        if project.usesDependency("magick") { packages.append("libmagickwand-dev") }
        if project.usesDependency("vips") { packages.append("libvips-dev") }
        if project.usesDependency("charlock_holmes") { packages += ["libicu-dev", "libxml2-dev", "libxslt-dev"] }
        ctx.deploy.addAptPackages(packages)
    }
}
