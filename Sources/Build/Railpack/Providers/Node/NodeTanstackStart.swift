/// TanStack Start (railpack:core/providers/node/tanstack.go).
extension RailpackNodeProvider {
    /// The static directory is relative to the server entry in dist/server/
    /// (railpack:core/providers/node/tanstack.go DefaultTanstackSrvxStartCommand).
    static let tanstackSrvxCommand = "srvx --prod -s ../client dist/server/server.js"

    /// A production dependency on @tanstack/react-start (tanstack.go isTanstackStartPackage).
    func isTanstackStartPackage(_ package: NodeWorkspace.Package) -> Bool {
        package.packageJson.hasProductionDependency("@tanstack/react-start")
    }

    /// The root package (tanstack.go isTanstackStart).
    func isTanstackStart() -> Bool { isTanstackStartPackage(workspace.root) }

    /// Without a start script the built server is run with srvx (tanstack.go usesTanstackSrvxFallback).
    func usesTanstackSrvxFallback() -> Bool { isTanstackStart() && packageJson.script("start").isEmpty }

    /// tanstack.go getTanstackStartCommand
    func tanstackStartCommand() -> String {
        usesTanstackSrvxFallback() ? packageManager.exec(Self.tanstackSrvxCommand) : ""
    }
}
