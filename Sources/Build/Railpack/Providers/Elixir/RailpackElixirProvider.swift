/// Railpack's Elixir provider: detection only for now (railpack:core/providers/elixir/elixir.go).
struct RailpackElixirProvider: RailpackDetectionOnlyProvider {
    let name = "Elixir"  // railpack:core/providers/elixir/elixir.go Name (capitalised upstream)

    /// railpack:core/providers/elixir/elixir.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("mix.exs") }
}
