/// Railpack's Gleam provider: detection only for now (railpack:core/providers/gleam/gleam.go).
struct RailpackGleamProvider: RailpackDetectionOnlyProvider {
    let name = "gleam"  // railpack:core/providers/gleam/gleam.go Name

    /// railpack:core/providers/gleam/gleam.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("gleam.toml") }
}
