extension RailpackPlan {
    /// Drops layers that name nothing and every step the deploy cannot reach through step inputs,
    /// so the plan only describes work that ends up in the image (railpack:core/plan/plan.go Normalize).
    mutating func normalize() {
        for index in steps.indices {
            steps[index].inputs.removeAll { $0.isEmpty }
        }
        deploy.inputs.removeAll { $0.isEmpty }

        var referenced = Set<String>()
        if !deploy.base.step.isEmpty { referenced.insert(deploy.base.step) }
        for input in deploy.inputs where !input.step.isEmpty { referenced.insert(input.step) }
        var checked = Set<String>()
        var changed = true
        while changed {
            changed = false
            for step in steps where referenced.contains(step.name) && !checked.contains(step.name) {
                checked.insert(step.name)
                for input in step.inputs where !input.step.isEmpty && !referenced.contains(input.step) {
                    referenced.insert(input.step)
                    changed = true
                }
            }
        }
        // With no reference at all, Normalize keeps every step (plan.go: `if len(referencedSteps) > 0`).
        if !referenced.isEmpty { steps.removeAll { !referenced.contains($0.name) } }
    }
}
