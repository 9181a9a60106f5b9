import Testing
@testable import Build

/// Railpack's Ruby provider (railpack:core/providers/ruby/ruby.go), against fixtures whose
/// expected plans were written from the provider's source.
@Suite struct RailpackRubyTests {
    typealias F = RailpackFragmentPlans

    @Test(arguments: ["ruby-rails-assets", "ruby-node-assets"])
    func fixturePlan(name: String) throws {
        try F.planMatchingFixture(name)
    }

    @Test func railsMetadata() throws {
        let planned = try F.plan("ruby-rails-assets")
        #expect(planned.result.metadata["rubyRails"] == "true")
        #expect(planned.result.metadata["rubyAssetPipeline"] == "true")
        #expect(planned.result.metadata["rubyBootsnap"] == "true")
        // Ruby from Gemfile.lock's RUBY VERSION, under the source name upstream gives it.
        #expect(planned.result.resolvedPackages["ruby"]?.requestedVersion == "3.3.4")
        #expect(planned.result.resolvedPackages["ruby"]?.source == "Gemfile")
    }

    /// execjs needs a JavaScript runtime but no package.json: Node goes on the mise step and
    /// libatomic1 into the image, with no Node steps (ruby.go Plan).
    @Test func execjsInstallsNodeOnly() {
        let planned = F.plan(files: ["Gemfile": "source 'https://rubygems.org'\ngem 'execjs'\n", "Rakefile": ""])
        #expect(planned.result.failure == nil)
        #expect(planned.result.resolvedPackages["node"]?.requestedVersion == "lts")
        #expect(F.stepNames(planned) == ["packages:apt:build", "packages:mise", "install", "build", "packages:apt:runtime"])
        #expect(F.commands(planned, "packages:apt:runtime") == ["sh -c 'apt-get update && apt-get install -y libatomic1 libjemalloc2 libyaml-dev'"])
        #expect(planned.result.plan?.deploy.startCommand == "bundle exec rake")
    }

    /// `ruby (X.Y.Z)[^>]` with RE2's leftmost-first choices (ruby.go gemfileLockVersionRegex).
    @Test(arguments: [
        ("RUBY VERSION\n   ruby 3.1.2p20\n", "3.1.2"),
        ("RUBY VERSION\n   ruby 3.3.0\n", "3.3.0"),
        ("ruby 3.1.20>", "3.1.2"),
        ("ruby 3.0.05 x", "3.0.0"),
        ("ruby 2.7.8>ruby 3.2.1\n", "3.2.1"),
    ] as [(String, String)])
    func lockVersion(text: String, version: String) {
        #expect(RubyProject.lockRubyVersion(in: text) == version)
    }

    @Test(arguments: ["ruby 3.1.2", "ruby 3.01.2 x", "ruby '3.1.2'\n", "ruby 3.1\n"])
    func lockVersionWithoutMatch(text: String) {
        #expect(RubyProject.lockRubyVersion(in: text) == nil)
    }

    /// The Gemfile's `ruby "x"` line is never used (upstream asks its one-group pattern for a
    /// second group), so without a lock version the default stands.
    @Test func gemfileRubyLineIsIgnored() {
        let planned = F.plan(files: ["Gemfile": "ruby \"3.2.0\"\ngem 'rake'\n", "Rakefile": ""])
        #expect(planned.result.resolvedPackages["ruby"]?.requestedVersion == "3.4")
        #expect(planned.result.resolvedPackages["ruby"]?.source == "railpack default")
    }

    /// Mise files beat Gemfile.lock, RAILPACK_RUBY_VERSION beats both (ruby.go InstallMisePackages).
    @Test func versionPrecedence() {
        let files = ["Gemfile": "gem 'rake'\n", "Gemfile.lock": "RUBY VERSION\n   ruby 3.1.2p20\n", ".ruby-version": "3.2.2\n", "Rakefile": ""]
        #expect(F.plan(files: files).result.resolvedPackages["ruby"]?.requestedVersion == "3.2.2")
        let configured = F.plan(files: files, variables: ["RAILPACK_RUBY_VERSION": "3.3"])
        #expect(configured.result.resolvedPackages["ruby"]?.requestedVersion == "3.3")
        #expect(configured.result.resolvedPackages["ruby"]?.source == "RAILPACK_RUBY_VERSION")
    }

    /// Rust (for YJIT) when the requested Ruby is 3.2 or later in the 3.x numbering: major ≥ 3 and
    /// minor > 1. A bare `3` in a mise file is what mise resolves it to (3.4); the same `3` from
    /// the variable is taken as written (ruby.go InstallMisePackages).
    @Test(arguments: [
        (["Gemfile.lock": "RUBY VERSION\n   ruby 3.1.6\n"], [String: String](), false),
        (["Gemfile.lock": "RUBY VERSION\n   ruby 3.2.0\n"], [:], true),
        (["mise.toml": "[tools]\nruby = \"3\"\n"], [:], true),
        ([:], ["RAILPACK_RUBY_VERSION": "3"], false),
        (["mise.toml": "[tools]\nruby = \"4.0.1\"\n"], [:], false),
        (["mise.toml": "[tools]\nruby = \"latest\"\n"], [:], false),
        ([:], [:], true),
    ] as [([String: String], [String: String], Bool)])
    func rustForYJIT(extra: [String: String], variables: [String: String], rust: Bool) {
        var files = ["Gemfile": "gem 'rake'\n", "Rakefile": ""]
        files.merge(extra) { $1 }
        let planned = F.plan(files: files, variables: variables)
        let apt = F.commands(planned, "packages:apt:build").first ?? ""
        #expect(apt.contains("rustc") == rust)
        #expect(apt.contains("cargo") == rust)
    }

    @Test func bundlerVersion() {
        let withoutLock = F.plan(files: ["Gemfile": "gem 'rake'\n", "Rakefile": ""])
        #expect(F.commands(withoutLock, "install").first == "gem install -N bundler")
        let endsAtMarker = F.plan(files: ["Gemfile": "gem 'rake'\n", "Gemfile.lock": "BUNDLED WITH\n", "Rakefile": ""])
        #expect(F.commands(endsAtMarker, "install").first == "gem install -N bundler")
    }

    /// Each `path:` line is copied before `bundle install`; double quotes go, single quotes stay
    /// (ruby.go parseLocalPathsFromGemfile).
    @Test func localPathGems() {
        let gemfile = "gem \"a\", path: \"vendor/a\"\ngem 'b', path: 'vendor/b'\n"
        let project = RubyProject(app: RailpackApp(snapshot: .inMemory(["Gemfile": gemfile]), root: .root))
        #expect(project.localGemPaths == ["vendor/a", "'vendor/b'"])
    }

    @Test(arguments: [
        (["config/application.rb": "class App < Rails::Application; end\n", "rails": ""], "bundle exec rails server -b 0.0.0.0 -p ${PORT:-3000}"),
        (["config/application.rb": "class App < Rails::Application; end\n", "bin/rails": ""], "bundle exec bin/rails server -b 0.0.0.0 -p ${PORT:-3000} -e $RAILS_ENV"),
        (["config/environment.rb": "", "script/server": "", "config.ru": ""], "bundle exec ruby script/server -b 0.0.0.0 -p ${PORT:-3000}"),
        (["config.ru": "", "Rakefile": ""], "bundle exec rackup config.ru -o 0.0.0.0 -p ${PORT:-3000}"),
        (["Rakefile": ""], "bundle exec rake"),
    ] as [([String: String], String)])
    func startCommand(extra: [String: String], command: String) {
        var files = ["Gemfile": "gem 'rack'\n"]
        files.merge(extra) { $1 }
        #expect(F.plan(files: files).result.plan?.deploy.startCommand == command)
    }

    @Test func railsWithoutBinstubWarns() {
        let planned = F.plan(files: ["Gemfile": "gem 'rails'\n", "config/application.rb": "class App < Rails::Application; end\n"])
        #expect(planned.result.logs.contains(RailpackLog(.warn, "bin/rails not found, run `bundle binstubs railties` to avoid potential startup problems")))
    }

    /// No start command is a failure on Railway, with the provider's help text.
    @Test func noStartCommand() {
        let planned = F.plan(files: ["Gemfile": "gem 'rack'\n"])
        guard case .noStartCommand(let message)? = planned.result.failure else {
            Issue.record("expected a missing start command, got \(String(describing: planned.result.failure))")
            return
        }
        #expect(message.contains("3. Start the Rack server if a config.ru file is found"))
    }

    /// Client libraries by substring of the gem files (ruby.go AddRuntimeDeps, usesDep).
    @Test func runtimeLibraries() {
        let gemfile = "gem 'mysql2'\ngem 'mini_magick'\ngem 'ruby-vips'\ngem 'charlock_holmes'\n"
        let planned = F.plan(files: ["Gemfile": gemfile, "Rakefile": ""])
        #expect(F.commands(planned, "packages:apt:runtime") == [
            "sh -c 'apt-get update && apt-get install -y default-libmysqlclient-dev libicu-dev libjemalloc2 libmagickwand-dev libvips-dev libxml2-dev libxslt-dev libyaml-dev'",
        ])
    }

    /// Without an asset pipeline gem a Rails app (API-only) gets no assets:precompile (ruby.go Build).
    @Test func apiOnlyRailsSkipsAssets() {
        let planned = F.plan(files: ["Gemfile": "gem 'rails'\n", "bin/rails": "", "config/application.rb": "class App < Rails::Application; end\n"])
        #expect(F.commands(planned, "build") == [])
        #expect(planned.result.metadata["rubyAssetPipeline"] == nil)
    }

    /// Ruby borrows the full Node provider for assets, pnpm included (ruby.go Plan).
    @Test func pnpmAssetsUseTheNodeProvider() {
        let planned = F.plan(files: ["Gemfile": "gem 'rake'\n", "Rakefile": "", "package.json": "{}", "pnpm-lock.yaml": "lockfileVersion: '9.0'\n"])
        #expect(planned.result.failure == nil)
        #expect(F.commands(planned, "install:node").contains { $0.contains("pnpm install") })
    }

    @Test func brokenPackageJsonFailsLikeRailpack() {
        let planned = F.plan(files: ["Gemfile": "gem 'rake'\n", "Rakefile": "", "package.json": "{\"scripts\": {\"build\": 1}}"])
        guard case .error(let message)? = planned.result.failure else {
            Issue.record("expected an error, got \(String(describing: planned.result.failure))")
            return
        }
        #expect(message.hasPrefix("error reading package.json: error reading package.json as JSON:"))
    }
}
