/// Railpack's Rust provider: detection only for now (railpack:core/providers/rust/rust.go).
struct RailpackRustProvider: RailpackDetectionOnlyProvider {
    let name = "rust"  // railpack:core/providers/rust/rust.go Name

    /// railpack:core/providers/rust/rust.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("Cargo.toml") }
}
