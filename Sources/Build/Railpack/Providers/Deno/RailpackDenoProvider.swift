/// Railpack's Deno provider: detection only for now (railpack:core/providers/deno/deno.go).
struct RailpackDenoProvider: RailpackDetectionOnlyProvider {
    let name = "deno"  // railpack:core/providers/deno/deno.go Name

    /// railpack:core/providers/deno/deno.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("deno.json") || ctx.app.hasFile("deno.jsonc") }
}
