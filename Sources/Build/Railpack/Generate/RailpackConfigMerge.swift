/// `MergeStructs`: later configs win field by field; empty strings, false and nil leave the
/// earlier value, any non-nil list replaces it, and maps merge key by key, recursing into
/// struct values (railpack:internal/utils/merge.go mergeStruct, mergeMap, mergePtr).
extension RailpackConfig {
    /// `Merge(options, environment, file)`: the file wins over RAILPACK_* variables, which win over
    /// the CLI flags (railpack:core/core.go GetConfig).
    static func merged(_ configs: [RailpackConfig]) -> RailpackConfig {
        var result = RailpackConfig()
        for config in configs { result.merge(config) }
        return result
    }

    mutating func merge(_ other: RailpackConfig) {
        if let provider = other.provider { self.provider = provider }
        if let packages = other.buildAptPackages { buildAptPackages = packages }
        for (name, step) in other.steps {
            if var existing = steps[name] { existing.merge(step); steps[name] = existing } else { steps[name] = step }
        }
        if let deploy = other.deploy {
            var merged = self.deploy ?? DeployConfig()
            merged.merge(deploy)
            self.deploy = merged
        }
        packages.merge(other.packages) { $1 }
        for (name, cache) in other.caches {
            guard var existing = caches[name] else { caches[name] = cache; continue }
            if !cache.directory.isEmpty { existing.directory = cache.directory }
            if !cache.type.isEmpty { existing.type = cache.type }
            caches[name] = existing
        }
        if let secrets = other.secrets { self.secrets = secrets }
        if let exclude = other.exclude { self.exclude = exclude }
    }
}

extension RailpackConfig.StepConfig {
    mutating func merge(_ other: Self) {
        if !other.name.isEmpty { name = other.name }
        if let inputs = other.inputs { self.inputs = inputs }
        if let commands = other.commands { self.commands = commands }
        if let secrets = other.secrets { self.secrets = secrets }
        assets.merge(other.assets) { $1 }
        variables.merge(other.variables) { $1 }
        if let caches = other.caches { self.caches = caches }
        if let outputs = other.deployOutputs { deployOutputs = outputs }
    }
}

extension RailpackConfig.DeployConfig {
    mutating func merge(_ other: Self) {
        if let packages = other.aptPackages { aptPackages = packages }
        if let base = other.base {
            var merged = self.base ?? RailpackPlan.Layer()
            if !base.image.isEmpty { merged.image = base.image }
            if !base.step.isEmpty { merged.step = base.step }
            if base.local { merged.local = true }
            if base.spread { merged.spread = true }
            if !base.include.isEmpty { merged.include = base.include }
            if !base.exclude.isEmpty { merged.exclude = base.exclude }
            self.base = merged
        }
        if let inputs = other.inputs { self.inputs = inputs }
        if !other.startCommand.isEmpty { startCommand = other.startCommand }
        variables.merge(other.variables) { $1 }
        if let paths = other.paths { self.paths = paths }
    }
}
