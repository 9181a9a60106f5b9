extension RailpackPlan {
    /// The plan with Railpack's builder and runtime images tagged for another mise release: the
    /// images are named `railpack-builder:mise-<version>` / `railpack-runtime:mise-<version>`
    /// (railpack:core/plan, images from core/mise/version.txt), so a newer Railpack moves both.
    func pinningMise(_ version: String) -> RailpackPlan {
        guard version != RailpackRelease.miseVersion else { return self }
        let replacements = [RailpackRelease.builderImage: "ghcr.io/railwayapp/railpack-builder:mise-\(version)",
                            RailpackRelease.runtimeImage: "ghcr.io/railwayapp/railpack-runtime:mise-\(version)"]
        func pinned(_ layer: Layer) -> Layer {
            var layer = layer
            if let image = replacements[layer.image] { layer.image = image }
            return layer
        }
        var plan = self
        plan.steps = plan.steps.map { step in
            var step = step
            step.inputs = step.inputs.map(pinned)
            return step
        }
        plan.deploy.base = pinned(plan.deploy.base)
        return plan
    }
}
