/// Next.js: a server by default, a static export with `output: 'export'`
/// (railpack:core/providers/node/next.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/next.go DefaultNextOutputDirectory
    static let defaultNextOutputDirectory = "out"
    /// railpack:core/providers/node/next.go DefaultNextStartCommand
    static let defaultNextStartCommand = "next start"
    /// railpack:core/providers/node/next.go nextConfigFiles
    static let nextConfigFiles = ["next.config.js", "next.config.mjs", "next.config.ts"]

    /// A next dependency (railpack:core/providers/node/node.go isNext).
    func isNext() -> Bool { packageJson.hasDependency("next") }

    /// `output: 'export'` or `output: "export"` in the first next config (next.go isNextSPA).
    func isNextSPA(_ ctx: RailpackGenerateContext) -> Bool {
        guard isNext() else { return false }
        let config = ctx.app.firstFileContents(Self.nextConfigFiles)
        return config.contains("output: 'export'") || config.contains("output: \"export\"")
    }

    /// `distDir` in the config, else out (next.go getNextOutputDirectory).
    func nextOutputDirectory(_ ctx: RailpackGenerateContext) -> String {
        NodeConfigScan.quotedValue(after: "distDir", in: ctx.app.firstFileContents(Self.nextConfigFiles)) ?? Self.defaultNextOutputDirectory
    }
}
