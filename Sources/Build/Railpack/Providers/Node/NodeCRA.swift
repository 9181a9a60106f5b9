/// Create React App (railpack:core/providers/node/cra.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/cra.go DefaultCRAOutputDirectory
    static let defaultCRAOutputDirectory = "build"
    /// railpack:core/providers/node/cra.go DefaultCRAStartCommand
    static let defaultCRAStartCommand = "react-scripts start"

    /// A react-scripts dependency and `react-scripts build` as the build (cra.go isCRA).
    func isCRA(_ ctx: RailpackGenerateContext) -> Bool {
        packageJson.hasDependency("react-scripts") && packageJson.script("build").lowercased().contains("react-scripts build")
    }
}
