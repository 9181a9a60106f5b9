/// Ruby on the mise step and the apt packages building it needs (railpack:core/providers/ruby/ruby.go
/// InstallMisePackages). A later `setVersion` wins: RAILPACK_RUBY_VERSION, then mise and idiomatic
/// files in the app (.ruby-version, …), then Gemfile.lock, then the 3.4 default.
extension RailpackRubyProvider {
    func installMisePackages(_ ctx: inout RailpackGenerateContext, project: RubyProject) {
        let ruby = ctx.defaultMisePackage("ruby", Self.defaultRubyVersion)
        var mise = ctx.mise
        // Without docs the build is smaller and faster, and rdoc cannot fail on an unset locale.
        mise.variables["RUBY_CONFIGURE_OPTS"] = "--disable-install-doc"
        ctx.mise = mise
        // Upstream names the source "Gemfile" although the version comes from Gemfile.lock.
        if let version = project.lockedRubyVersion { ctx.setVersion(ruby, version, source: "Gemfile", origin: "Gemfile.lock") }
        ctx.useMiseVersions(["ruby"])
        let (envVersion, variable) = ctx.env.configVariable("RUBY_VERSION")
        if !envVersion.isEmpty { ctx.setVersion(ruby, envVersion, source: variable) }

        mise = ctx.mise
        mise.addSupportingAptPackage("libyaml-dev")
        mise.addSupportingAptPackage("libjemalloc-dev")
        // YJIT (Ruby 3.2+) builds with rustc. Upstream tests the requested version (mise's answer when
        // a mise file pins it) and only minors above 1, so 4.0 and 4.1 get no Rust.
        var requested = ctx.resolver.package("ruby")?.version ?? ""
        if let pin = MiseVersionFiles.pins(in: ctx.app)["ruby"], let package = ctx.resolver.package("ruby"),
           package.source == pin.file, package.version == pin.version {
            requested = RubyReleaseLines.miseResolved(requested)
        }
        let version = RailpackSemverText.extract(requested.isEmpty ? Self.defaultRubyVersion : requested)
        if let semver = RailpackSemverText.parse(version), semver.major >= 3, semver.minor > 1 {
            mise.addSupportingAptPackage("rustc")
            mise.addSupportingAptPackage("cargo")
        }
        ctx.mise = mise
    }
}
