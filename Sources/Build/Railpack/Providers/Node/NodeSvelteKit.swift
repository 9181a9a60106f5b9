/// SvelteKit with adapter-auto, which needs a hint to build a Node server
/// (railpack:core/providers/node/svelte.go).
extension RailpackNodeProvider {
    /// railpack:core/providers/node/svelte.go DefaultSvelteKitStartCommand
    static let defaultSvelteKitStartCommand = "node build"

    /// Both svelte and @sveltejs/kit (svelte.go isSvelteKitPackage).
    func isSvelteKitPackage(_ package: NodeWorkspace.Package) -> Bool {
        package.packageJson.hasDependency("svelte") && package.packageJson.hasDependency("@sveltejs/kit")
    }

    /// The root package (svelte.go isSvelteKit).
    func isSvelteKit() -> Bool { isSvelteKitPackage(workspace.root) }

    /// svelte.go usesSvelteKitAdapterAuto
    func usesSvelteKitAdapterAuto() -> Bool { packageJson.hasDependency("@sveltejs/adapter-auto") }

    /// adapter-auto picks adapter-node only when it sees GCP_BUILDPACKS, the one Node signal it
    /// knows (svelte.go configureSvelteKit).
    func configureSvelteKit(_ ctx: inout RailpackGenerateContext, build: inout CommandStepBuilder) {
        guard isSvelteKit(), usesSvelteKitAdapterAuto() else { return }
        ctx.logInfo("SvelteKit with adapter-auto detected, forcing adapter-node")
        build.addEnvVars(["GCP_BUILDPACKS": "true"])
    }

    /// svelte.go getSvelteKitStartCommand
    func svelteKitStartCommand() -> String {
        isSvelteKit() && usesSvelteKitAdapterAuto() ? Self.defaultSvelteKitStartCommand : ""
    }
}
