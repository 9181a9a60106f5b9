/// Railpack's Node provider: detection only for now (railpack:core/providers/node/node.go).
struct RailpackNodeProvider: RailpackDetectionOnlyProvider {
    let name = "node"  // railpack:core/providers/node/node.go Name

    /// `package.json`, or `package.json5` which pnpm reads (railpack:core/providers/node/node.go
    /// Detect, findPackageManifest, PackageManifestFiles).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasFile("package.json") || ctx.app.hasFile("package.json5") }
}
