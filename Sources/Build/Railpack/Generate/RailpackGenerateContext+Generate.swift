/// Turning the context into a plan: config applied over what the provider generated, steps
/// built in order, the deploy section, then unreachable steps dropped
/// (railpack:core/generate/context.go Generate, applyConfig).
extension RailpackGenerateContext {
    mutating func generate() -> (RailpackPlan, [String: ResolvedPackage]) {
        applyConfig()
        let resolved = resolver.resolved()
        var plan = RailpackPlan()
        let excludes = dockerignoreExcludes + (config.exclude ?? [])
        if !excludes.isEmpty { plan.exclude = excludes }
        var options = BuildStepOptions(resolvedPackages: resolved, caches: caches)
        for builder in steps {
            switch builder {
            case .command(let step): plan.steps.append(step.build())
            case .mise(let step): step.build(into: &plan, options: &options, app: app, env: env, resolver: resolver)
            case .image(let step): step.build(into: &plan, options: options)
            case .installBin(let step): step.build(into: &plan, options: options)
            }
        }
        var seen = Set<String>()
        plan.secrets = secrets.filter { seen.insert($0).inserted }
        // The deploy step can still add the apt caches, and Go's plan shares the cache map with
        // the context, so the caches are read after it (context.go Generate).
        deploy.build(into: &plan, options: &options)
        caches = options.caches
        plan.caches = caches.caches
        plan.normalize()
        return (plan, resolved)
    }

    /// railpack:core/generate/context.go applyConfig
    mutating func applyConfig() {
        applyPackagesFromConfig()
        applyBuildAptPackages()
        caches.caches.merge(config.caches) { $1 }
        secrets = RailpackSpread.strings(config.secrets, secrets)

        if let deployConfig = config.deploy {
            if let base = deployConfig.base, !base.isEmpty { deploy.base = base }
            if !deployConfig.startCommand.isEmpty { deploy.startCommand = deployConfig.startCommand }
            applyDeployAptPackages(deployConfig.aptPackages)
            deploy.inputs = RailpackSpread.layers(deployConfig.inputs, deploy.inputs)
            deploy.paths = RailpackSpread.strings(deployConfig.paths, deploy.paths)
            deploy.variables.merge(deployConfig.variables) { $1 }
        }
        // A spread keeps the generated deploy layers; a list without one takes full control.
        let replacesGeneratedDeployInputs = config.deploy?.inputs.map { !$0.contains { $0.spread } } ?? false

        for name in config.steps.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            guard let configStep = config.steps[name] else { continue }
            var builder: CommandStepBuilder
            if let existing = step(named: name) {
                // Upstream warns on its console logger only, so the build log does not show it.
                guard case .command(let command) = existing else { continue }
                builder = command
            } else {
                // A new config step runs on the mise step and reaches the image as a whole.
                builder = newCommandStep(name)
                builder.addInput(.step(mise.name))
            }
            builder.inputs = RailpackSpread.layers(configStep.inputs, builder.inputs)
            builder.commands = RailpackSpread.commands(configStep.commands, builder.commands)
            builder.secrets = RailpackSpread.strings(configStep.secrets, builder.secrets)
            builder.caches = RailpackSpread.strings(configStep.caches, builder.caches)
            builder.addEnvVars(configStep.variables)
            builder.assets.merge(configStep.assets) { $1 }
            store(builder)

            var outputs = [RailpackConfig.Filter(include: ["."])]
            if let deployOutputs = configStep.deployOutputs {
                outputs = deployOutputs  // explicit deploy outputs always apply
            } else if replacesGeneratedDeployInputs || deploy.hasInput(forStep: name) {
                continue
            }
            for filter in outputs {
                if (filter.include ?? []).contains(where: { deploy.hasInclude(forStep: name, path: $0) }) { continue }
                deploy.addInputs([.step(name, include: filter.include ?? [], exclude: filter.exclude ?? [])])
            }
        }
        notifyCustomAptDebianUpgrade()
    }

    /// A config list without `"..."` still keeps Railpack's packages in front, with a
    /// deprecation (railpack:core/generate/context.go applyBuildAptPackages).
    private mutating func applyBuildAptPackages() {
        guard var configured = config.buildAptPackages else { return }
        if !configured.contains("...") {
            logDeprecation("`buildAptPackages` without a `...` entry will replace Railpack packages in the future")
            logSuggestion("Add `...` to `buildAptPackages` to retain Railpack packages", docs: "/guides/installing-packages")
            configured = ["..."] + configured
        }
        var step = mise
        step.supportingAptPackages = RailpackSpread.strings(configured, step.supportingAptPackages)
        mise = step
    }

    /// Without `"..."` the config list replaces Railpack's runtime packages
    /// (railpack:core/generate/context.go applyDeployAptPackages).
    private mutating func applyDeployAptPackages(_ configured: [String]?) {
        if let configured, !configured.contains("...") {
            logSuggestion("Add `...` to `deploy.aptPackages` to retain Railpack packages", docs: "/guides/installing-packages")
        }
        deploy.aptPackages = RailpackSpread.strings(configured, deploy.aptPackages)
    }

    /// railpack:core/generate/context.go notifyCustomAptDebianUpgrade
    private mutating func notifyCustomAptDebianUpgrade() {
        let custom = (config.buildAptPackages ?? []) + (config.deploy?.aptPackages ?? [])
        if custom.contains(where: { !$0.isEmpty && $0 != "..." }) {
            logInfo("The debian base image has been upgraded and you may experience issues with custom apt packages. Report any issues here: https://github.com/railwayapp/railpack/issues")
        }
    }
}
