import Snapshot

/// Which config-as-code file Railway reads for a service, and the scanner log lines it would print.
///
/// Rules (railway-platform.md §1.1, "Rules a simulator must implement" 2–4):
/// - names are exactly `railway.toml` / `railway.json`; toml wins in one directory
///   (cli:src/util/cac_deprecation.rs `find_cac_file`, "matches builderv3 selection");
/// - a dashboard path is sanitised (leading `/` dropped), resolved from the repo root, and all
///   other files are ignored (build logs [idx:27361702540], [idx:27767834326]);
/// - otherwise a file directly in the root directory, then directly in the repo root
///   (`acceptChildOfRepoRoot:true` in Railway's snapshot scanner logs [idx:5969295909],
///   [idx:12188061401]). The root-directory-first order is **unconfirmed** (a single user report).
public struct ConfigFileDiscovery: Sendable, Equatable {
    public var chosen: RepoPath?
    public var format: ConfigFormat?
    /// Railway's scanner wording, so users can compare with real build logs.
    public var log: [String]
    public var notes: [RailwayNote]
    public var assumptions: [Assumption]
    /// Set when the dashboard names a file that does not exist.
    public var missingCustomPath: String?
    /// The scanner found `chosen`, but the simulation day is past the config-as-code cutoff.
    public var ignoredAfterCutoff = false
}

public enum ConfigFileLocator {
    static let names = ["railway.toml", "railway.json"]

    public static func locate(in snapshot: RepoSnapshot, rootDirectory: RepoPath, customPath: String?,
                              options: SimulationOptions = SimulationOptions()) -> ConfigFileDiscovery {
        var log: [String] = []
        var notes: [RailwayNote] = []
        let candidates = allConfigFiles(in: snapshot)

        if let raw = customPath, !raw.isEmpty {
            log.append("config-as-code path set as '\(raw)'")
            guard let path = RepoPath(raw) else {
                return ConfigFileDiscovery(chosen: nil, format: nil, log: log, notes: notes, assumptions: [], missingCustomPath: raw)
            }
            log.append("config-as-code path sanitized to '\(path)'")
            guard snapshot.isFile(path) else {
                return ConfigFileDiscovery(chosen: nil, format: nil, log: log, notes: notes, assumptions: [], missingCustomPath: raw)
            }
            log.append("found config-as-code file at '\(path)'")
            for other in candidates where other != path {
                log.append("using selected config-as-code file '\(path)' (ignoring '\(other)')")
                if other.parent == rootDirectory { notes.append(.configFileIgnored(file: other, chosen: path)) }
            }
            return ConfigFileDiscovery(chosen: path, format: format(of: path), log: log, notes: notes, assumptions: [], missingCustomPath: nil)
        }

        var chosen: RepoPath? = nil
        for candidate in candidates {
            let parent = candidate.parent ?? .root
            if parent == rootDirectory || parent.isRoot {
                log.append("found '\(candidate.name)' at '\(candidate)'")
            } else {
                log.append("skipping '\(candidate.name)' at '\(candidate)' as it is not rooted at a valid path (root_dir=\(rootDirectory.isRoot ? "." : rootDirectory.description), fileOpts={acceptChildOfRepoRoot:true})")
            }
        }
        // Which directory wins when both hold a file is undocumented (assumption config-file-precedence below).
        let repoRootFirst = options.choice(AssumptionCatalog.configFilePrecedence) == "repo-root"
        for directory in rootDirectory.isRoot ? [RepoPath.root] : repoRootFirst ? [.root, rootDirectory] : [rootDirectory, .root] {
            if let found = names.lazy.map({ directory.appending($0) }).first(where: { snapshot.isFile($0) }) {
                chosen = found
                break
            }
        }
        var assumptions: [Assumption] = []
        if let chosen, !rootDirectory.isRoot {
            let rootDirHas = names.contains { snapshot.isFile(rootDirectory.appending($0)) }
            let repoRootHas = names.contains { snapshot.isFile(RepoPath.root.appending($0)) }
            if rootDirHas && repoRootHas {
                assumptions.append(Assumption(
                    name: AssumptionCatalog.configFilePrecedence, value: repoRootFirst ? "repo-root" : "root-directory",
                    alternatives: repoRootFirst ? ["root-directory"] : ["repo-root"],
                    evidence: "Railway does not document which file wins when both the root directory and the repo root hold one; a single user report says the root-directory file was used (railway-platform.md §1.1, [idx:27361702540])"))
            }
            if !chosen.hasPrefix(rootDirectory) {
                notes.append(.repoRootConfigApplies(file: chosen, rootDirectory: rootDirectory))
            }
        }
        return ConfigFileDiscovery(chosen: chosen, format: chosen.flatMap(format(of:)), log: log, notes: notes, assumptions: assumptions, missingCustomPath: nil)
    }

    static func format(of path: RepoPath) -> ConfigFormat? {
        if path.name.hasSuffix(".toml") { return .toml }
        if path.name.hasSuffix(".json") { return .json }
        return nil
    }

    /// Every `railway.toml`/`railway.json` in the snapshot, as the scanner walks the whole repo.
    static func allConfigFiles(in snapshot: RepoSnapshot) -> [RepoPath] {
        snapshot.descendants(of: .root).filter { names.contains($0.name) && snapshot.isFile($0) }
    }
}
