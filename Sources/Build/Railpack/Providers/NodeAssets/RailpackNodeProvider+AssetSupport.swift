/// The full Node provider is what Ruby, PHP and Elixir borrow for their JavaScript assets, as
/// Railpack does by creating a `node.NodeProvider{}` (railpack:core/providers/ruby/ruby.go Plan,
/// php/php.go DeployWithNode, elixir/elixir.go InstallNode).
extension RailpackNodeProvider: RailpackNodeAssetSupport {
    // `detect`, `initialize` and `installMisePackages` are the provider's own.

    func installNodeDeps(_ ctx: inout RailpackGenerateContext, into install: inout CommandStepBuilder) throws(RailpackPlanFailure) {
        installNodeDependencies(&ctx, &install)
    }

    func pruneNodeDeps(_ ctx: inout RailpackGenerateContext, into prune: inout CommandStepBuilder) throws(RailpackPlanFailure) {
        pruneNodeDependencies(&ctx, &prune)
    }

    func build(_ ctx: inout RailpackGenerateContext, into build: inout CommandStepBuilder) throws(RailpackPlanFailure) {
        buildApp(&ctx, &build)
    }
}
