/// The part of Railpack's Node provider that other providers borrow to build JavaScript assets:
/// Ruby (a package.json, or execjs), PHP (Laravel's Vite build) and Elixir (Phoenix's
/// `assets/package.json`) all create a fresh `node.NodeProvider{}` and call these six methods
/// on it (railpack:core/providers/ruby/ruby.go Plan, php/php.go DeployWithNode,
/// elixir/elixir.go InstallNode).
///
/// The full Node provider conforms (RailpackNodeProvider+AssetSupport.swift).
protocol RailpackNodeAssetSupport: Sendable {
    /// railpack:core/providers/node/node.go Detect
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool
    /// Reads package.json, the package manager and the workspace (node.go Initialize).
    mutating func initialize(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure)
    /// Node (and Bun, and the package manager) on the main mise step, plus `libatomic1` in the
    /// image. Ruby calls it before `initialize` too, for execjs (node.go InstallMisePackages).
    func installMisePackages(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure)
    /// node.go InstallNodeDeps
    func installNodeDeps(_ ctx: inout RailpackGenerateContext, into install: inout CommandStepBuilder) throws(RailpackPlanFailure)
    /// node.go PruneNodeDeps
    func pruneNodeDeps(_ ctx: inout RailpackGenerateContext, into prune: inout CommandStepBuilder) throws(RailpackPlanFailure)
    /// The local context, the `build` script and the framework caches (node.go Build).
    func build(_ ctx: inout RailpackGenerateContext, into build: inout CommandStepBuilder) throws(RailpackPlanFailure)
}

/// Where Ruby, PHP and Elixir get their Node support from: a fresh Node provider, as in Railpack.
enum RailpackNodeAssets {
    static func make() -> any RailpackNodeAssetSupport { RailpackNodeProvider() }
}
