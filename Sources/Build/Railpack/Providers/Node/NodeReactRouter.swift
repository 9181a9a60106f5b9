/// React Router (framework mode): server-rendered unless its config turns SSR off
/// (railpack:core/providers/node/react_router.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/react_router.go DefaultReactRouterOutputDirectory
    static let defaultReactRouterOutputDirectory = "build/client/"
    /// railpack:core/providers/node/react_router.go DefaultReactRouterStartCommand
    static let defaultReactRouterStartCommand = "react-router-serve ./build/server/index.js"
    /// railpack:core/providers/node/react_router.go ReactRouterConfigJS, ReactRouterConfigTS
    static let reactRouterConfigFiles = ["react-router.config.js", "react-router.config.ts"]

    /// A build script, and a react-router config, `react-router build`, or @react-router/dev
    /// (react_router.go isReactRouterPackage).
    func isReactRouterPackage(_ package: NodeWorkspace.Package, _ ctx: RailpackGenerateContext) -> Bool {
        let json = package.packageJson
        let hasConfig = Self.reactRouterConfigFiles.contains { ctx.app.hasFile($0, inPackage: package.path) }
        let buildsWithReactRouter = json.script("build").lowercased().contains("react-router build")
        return json.hasScript("build") && (hasConfig || buildsWithReactRouter || json.hasDependency("@react-router/dev"))
    }

    /// The root package (react_router.go isReactRouter).
    func isReactRouter(_ ctx: RailpackGenerateContext) -> Bool { isReactRouterPackage(workspace.root, ctx) }

    /// SSR is on by default, so only `ssr: false` in the config makes an SPA (react_router.go isReactRouterSPA).
    func isReactRouterSPA(_ ctx: RailpackGenerateContext) -> Bool {
        isReactRouter(ctx) && NodeConfigScan.disablesSSR(ctx.app.firstFileContents(Self.reactRouterConfigFiles))
    }

    /// `buildDirectory` in the config, else build/client/ (react_router.go getReactRouterOutputDirectory).
    func reactRouterOutputDirectory(_ ctx: RailpackGenerateContext) -> String {
        NodeConfigScan.quotedValue(after: "buildDirectory", in: ctx.app.firstFileContents(Self.reactRouterConfigFiles))
            ?? Self.defaultReactRouterOutputDirectory
    }
}
