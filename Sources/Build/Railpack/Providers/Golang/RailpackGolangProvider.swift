/// Railpack's Go provider: detection only for now (railpack:core/providers/golang/golang.go).
struct RailpackGolangProvider: RailpackDetectionOnlyProvider {
    let name = "golang"  // railpack:core/providers/golang/golang.go Name

    /// railpack:core/providers/golang/golang.go Detect (isGoMod, isGoWorkspace, main.go)
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool {
        ctx.app.hasFile("go.mod") || ctx.app.hasFile("go.work") || ctx.app.hasFile("main.go")
    }
}
