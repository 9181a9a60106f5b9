/// Railpack's .NET provider: detection only for now (railpack:core/providers/dotnet/dotnet.go).
struct RailpackDotnetProvider: RailpackDetectionOnlyProvider {
    let name = "Dotnet"  // railpack:core/providers/dotnet/dotnet.go Name (capitalised upstream)

    /// A project file at the root (railpack:core/providers/dotnet/dotnet.go Detect, glob `*.csproj`).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool { ctx.app.hasMatch("*.csproj") }
}
