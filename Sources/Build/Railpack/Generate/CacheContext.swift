/// The plan's named caches as providers register them (railpack:core/generate/cache_context.go).
struct CacheContext: Sendable, Equatable {
    var caches: [String: RailpackPlan.Cache] = [:]

    /// Registers a cache and returns its name with slashes made dashes (railpack:core/generate/cache_context.go AddCacheWithType, sanitizeCacheName).
    @discardableResult
    mutating func addCache(_ name: String, directory: String, type: String = RailpackPlan.Cache.shared) -> String {
        var sanitized = name
        if sanitized.hasPrefix("/") { sanitized.removeFirst() }
        while sanitized.hasSuffix("/") { sanitized.removeLast() }
        sanitized = sanitized.replacingOccurrences(of: "/", with: "-")
        caches[sanitized] = RailpackPlan.Cache(directory: directory, type: type)
        return sanitized
    }

    /// The two locked apt caches every apt step mounts, created on first use
    /// (railpack:core/generate/cache_context.go GetAptCaches).
    mutating func aptCaches() -> [String] {
        if caches["apt"] == nil { caches["apt"] = RailpackPlan.Cache(directory: "/var/cache/apt", type: RailpackPlan.Cache.locked) }
        if caches["apt-lists"] == nil { caches["apt-lists"] = RailpackPlan.Cache(directory: "/var/lib/apt/lists", type: RailpackPlan.Cache.locked) }
        return ["apt", "apt-lists"]
    }
}

/// What step builders share while the plan is assembled (railpack:core/generate/context.go BuildStepOptions).
struct BuildStepOptions: Sendable {
    var resolvedPackages: [String: ResolvedPackage]
    var caches: CacheContext

    /// `apt-get update && apt-get install -y` with the packages de-duplicated and sorted
    /// (railpack:core/generate/context.go NewAptInstallCommand).
    static func aptInstallCommand(_ packages: [String]) -> RailpackPlan.Command {
        var seen = Set<String>()
        let list = packages.filter { seen.insert($0).inserted }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let joined = list.joined(separator: " ")
        return .exec(cmd: "sh -c 'apt-get update && apt-get install -y " + joined + "'", customName: "install apt packages: " + joined)
    }
}
