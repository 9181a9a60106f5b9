/// Railpack's Ruby provider: detection only for now (railpack:core/providers/ruby/ruby.go).
struct RailpackRubyProvider: RailpackDetectionOnlyProvider {
    let name = "ruby"  // railpack:core/providers/ruby/ruby.go Name

    /// railpack:core/providers/ruby/ruby.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("Gemfile") }
}
