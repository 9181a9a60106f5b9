/// Railpack's PHP provider: detection only for now (railpack:core/providers/php/php.go).
struct RailpackPhpProvider: RailpackDetectionOnlyProvider {
    let name = "php"  // railpack:core/providers/php/php.go Name

    /// railpack:core/providers/php/php.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        ctx.app.hasFile("index.php") || ctx.app.hasFile("composer.json")
    }
}
