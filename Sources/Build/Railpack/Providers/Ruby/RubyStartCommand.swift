/// The Ruby provider's start command, first match wins: Rails, a classic `script/server` app,
/// Rack's config.ru, a Rakefile; nothing otherwise, as Ruby has no `main.rb` convention
/// (railpack:core/providers/ruby/ruby.go GetStartCommand).
extension RailpackRubyProvider {
    func startCommand(_ ctx: inout RailpackGenerateContext, project: RubyProject) -> String {
        let app = ctx.app
        if project.usesRails {
            if app.hasFile("rails") { return "bundle exec rails server -b 0.0.0.0 -p ${PORT:-3000}" }
            if !app.hasFile("bin/rails") {
                ctx.logWarn("bin/rails not found, run `bundle binstubs railties` to avoid potential startup problems")
            }
            return "bundle exec bin/rails server -b 0.0.0.0 -p ${PORT:-3000} -e $RAILS_ENV"
        }
        if app.hasFile("config/environment.rb") && app.hasMatch("script") {
            return "bundle exec ruby script/server -b 0.0.0.0 -p ${PORT:-3000}"
        }
        if app.hasFile("config.ru") { return "bundle exec rackup config.ru -o 0.0.0.0 -p ${PORT:-3000}" }
        if app.hasFile("Rakefile") { return "bundle exec rake" }
        return ""
    }
}
