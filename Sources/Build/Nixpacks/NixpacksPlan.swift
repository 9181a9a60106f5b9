import Snapshot

/// Nixpacks' build plan, the value `nixpacks plan` prints (nixpacks:src/nixpacks/plan/mod.rs
/// `BuildPlan`). Every field is optional because Nixpacks serialises with serde's
/// `skip_serializing_none`: an absent field and an empty one print differently (no key versus
/// `"nixOverlays": []`), and matching `nixpacks plan` byte for byte needs that difference.
public struct NixpacksPlan: Sendable, Equatable {
    public var providers: [String]?
    public var buildImage: String?
    /// A BTreeMap in Nixpacks, so it prints sorted by name.
    public var variables: [String: String]?
    public var staticAssets: [String: String]?
    /// A BTreeMap keyed by phase name (`setup`, `install`, `python:setup`, …).
    public var phases: [String: NixpacksPhase]?
    public var start: NixpacksStartPhase?
    /// How railsim arrived at the plan. Not part of Nixpacks' JSON.
    public var context: NixpacksPlanContext

    public init(providers: [String]? = nil, buildImage: String? = nil, variables: [String: String]? = nil,
                staticAssets: [String: String]? = nil, phases: [String: NixpacksPhase]? = nil,
                start: NixpacksStartPhase? = nil, context: NixpacksPlanContext = NixpacksPlanContext()) {
        self.providers = providers
        self.buildImage = buildImage
        self.variables = variables
        self.staticAssets = staticAssets
        self.phases = phases
        self.start = start
        self.context = context
    }

    /// A plan holding the given phases under their names (mod.rs `BuildPlan::new`): the map
    /// exists even when it is empty, which matters to `merge`.
    init(phases list: [NixpacksPhase], start: NixpacksStartPhase?) {
        self.init(phases: Dictionary(list.map { ($0.name ?? "", $0) }, uniquingKeysWith: { $1 }), start: start)
    }

    /// mod.rs `add_phase`: replaces a phase of the same name.
    mutating func addPhase(_ phase: NixpacksPhase) {
        phases = phases ?? [:]
        phases?[phase.name ?? ""] = phase
    }

    /// mod.rs `add_variables`: later values replace earlier ones.
    mutating func addVariables(_ added: [String: String]) {
        guard var existing = variables else { variables = added; return }
        for (key, value) in added { existing[key] = value }
        variables = existing
    }

    /// mod.rs `resolve_phase_names`: each phase takes the name of its key (and the map is created).
    mutating func resolvePhaseNames() {
        var resolved = phases ?? [:]
        for key in resolved.keys { resolved[key]?.name = key }
        phases = resolved
    }

    /// mod.rs `prefix_phases`: every phase of all but the first provider is renamed `<provider>:<name>`,
    /// and so are the phases it depends on.
    mutating func prefixPhases(_ prefix: String) {
        guard let current = phases else { return }
        var renamed: [String: NixpacksPhase] = [:]
        for (key, phase) in current {
            var copy = phase
            copy.name = "\(prefix):\(phase.name ?? key)"
            copy.dependsOn = phase.dependsOn?.map { "\(prefix):\($0)" }
            renamed[copy.name ?? ""] = copy
        }
        phases = renamed
    }

    /// Phases in the order the generated Dockerfile runs them (nixpacks:src/nixpacks/plan/topological_sort.rs):
    /// in rounds, every phase whose known dependencies are done, by name within a round. Nil when
    /// the phases form a cycle, where Nixpacks fails with "Circular dependency detected".
    public var sortedPhases: [NixpacksPhase]? {
        let all = phases ?? [:]
        // Duplicate entries count twice, as in Nixpacks' indegree (and then never reach zero).
        var indegree = all.mapValues { phase in (phase.dependsOn ?? []).filter { all[$0] != nil }.count }
        var waitingOn = all.mapValues { Set($0.dependsOn ?? []) }
        var order: [NixpacksPhase] = []
        while !indegree.isEmpty {
            let ready = indegree.filter { $0.value == 0 }.keys.sorted(by: NixpacksOrdering.less)
            if ready.isEmpty { return nil }
            for name in ready {
                indegree[name] = nil
                waitingOn[name] = nil
                if let phase = all[name] { order.append(phase) }
            }
            for name in ready {
                for (dependent, dependencies) in waitingOn where dependencies.contains(name) {
                    waitingOn[dependent]?.remove(name)
                    indegree[dependent, default: 0] -= 1
                }
            }
        }
        return order
    }
}

/// One phase of a plan (nixpacks:src/nixpacks/plan/phase.rs `Phase`), fields in serde's order.
public struct NixpacksPhase: Sendable, Equatable {
    public var name: String?
    public var dependsOn: [String]?
    public var nixPkgs: [String]?
    public var nixLibs: [String]?
    public var nixOverlays: [String]?
    public var nixpkgsArchive: String?
    public var aptPkgs: [String]?
    public var cmds: [String]?
    public var onlyIncludeFiles: [String]?
    public var cacheDirectories: [String]?
    public var paths: [String]?

    public init(name: String? = nil) { self.name = name }

    /// phase.rs `Phase::setup`: the nix packages and the overlays they come from (none here).
    static func setup(_ packages: [String]?) -> NixpacksPhase {
        var phase = NixpacksPhase(name: "setup")
        phase.nixPkgs = packages
        phase.nixOverlays = packages.map { _ in [] }
        return phase
    }

    /// phase.rs `Phase::install`: depends on setup.
    static func install(_ command: String?) -> NixpacksPhase {
        var phase = NixpacksPhase(name: "install")
        phase.cmds = command.map { [$0] }
        phase.dependsOn = ["setup"]
        return phase
    }

    /// phase.rs `Phase::build`: depends on install.
    static func build(_ command: String?) -> NixpacksPhase {
        var phase = NixpacksPhase(name: "build")
        phase.cmds = command.map { [$0] }
        phase.dependsOn = ["install"]
        return phase
    }

    /// phase.rs `add_nix_pkgs` (packages without an overlay still create the overlay list).
    mutating func addNixPackages(_ packages: [String]) {
        nixOverlays = nixOverlays ?? []
        nixPkgs = (nixPkgs ?? []) + packages
    }

    /// phase.rs `add_pkgs_libs`.
    mutating func addNixLibraries(_ libraries: [String]) { nixLibs = (nixLibs ?? []) + libraries }

    /// phase.rs `add_cmd`.
    mutating func addCommand(_ command: String) { cmds = (cmds ?? []) + [command] }

    /// phase.rs `add_file_dependency`.
    mutating func addFileDependency(_ file: String) { onlyIncludeFiles = (onlyIncludeFiles ?? []) + [file] }

    /// phase.rs `add_path`.
    mutating func addPath(_ path: String) { paths = (paths ?? []) + [path] }

    /// phase.rs `add_cache_directory`: de-duplicated through a HashSet, then sorted.
    mutating func addCacheDirectory(_ directory: String) {
        cacheDirectories = Array(Set((cacheDirectories ?? []) + [directory])).sorted(by: NixpacksOrdering.less)
    }

    /// phase.rs `uses_nix`.
    var usesNix: Bool { !(nixPkgs ?? []).isEmpty || !(nixLibs ?? []).isEmpty }
}

/// The start of a plan (phase.rs `StartPhase`), fields in serde's order.
public struct NixpacksStartPhase: Sendable, Equatable {
    public var cmd: String?
    public var runImage: String?
    public var onlyIncludeFiles: [String]?
    public var user: String?

    public init(cmd: String? = nil) { self.cmd = cmd }
}

/// Rust's `Ord` for `String` (and so BTreeMap order) compares UTF-8 bytes.
enum NixpacksOrdering {
    static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
