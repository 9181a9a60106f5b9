import Snapshot

/// Which builder Railway uses for a service, which Dockerfile, and why.
public struct BuilderChoice: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A file named exactly `Dockerfile` sits in the root directory: "Railway will always build
        /// with a Dockerfile if it finds one" (docs:content/docs/config-as-code/reference.md; docs#206).
        case detectedDockerfile
        /// `builder` set in a config file or the dashboard.
        case configured(ValueSource)
        /// `dockerfilePath` or `RAILWAY_DOCKERFILE_PATH` selects a Dockerfile (docs:content/docs/builds/dockerfiles.md).
        case dockerfilePath(ValueSource)
        /// Railpack is the default for new services since docs commit 06878d14 (2025-09-16).
        case defaultBuilder
    }

    public var kind: BuilderKind
    public var reason: Reason
    /// The build context: always the root directory (docs:content/docs/deployments/monorepo.md:
    /// Railway "will only pull down files from that directory").
    public var buildContext: RepoPath
    /// For Dockerfile builds: the path as requested, and the file it resolved to (nil if missing).
    public var dockerfileRequested: String?
    public var dockerfile: RepoPath?

    /// A one-line human explanation of the choice.
    public var explanation: String {
        switch reason {
        case .detectedDockerfile: return "a file named `Dockerfile` is in the root directory, and Railway always builds with it"
        case .configured(let source): return "`builder = \(kind.rawValue.uppercased())` (\(source))"
        case .dockerfilePath(let source): return "a Dockerfile path is set (\(source))"
        case .defaultBuilder: return "no Dockerfile and no builder set: Railpack is Railway's default builder"
        }
    }
}

/// Railway's builder selection (railway-platform.md §2, rules 8, 10–12).
enum BuilderSelector {
    static func choose(snapshot: RepoSnapshot, rootDirectory: RepoPath, config: ServiceConfig, settings: ServiceSettings,
                       options: SimulationOptions = SimulationOptions(), notes: inout [RailwayNote], assumptions: inout [Assumption]) -> BuilderChoice {
        let detected = rootDirectory.appending("Dockerfile")
        // The config-file key beats the variable: config as code overrides service settings, and
        // their relative precedence is undocumented (railway-platform.md §2 "Custom path").
        var requested: Sourced<String>? = nil
        if let fromFile = config.dockerfilePath, let path = fromFile.value, !path.isEmpty {
            requested = Sourced(path, fromFile.source)
        } else if let fromVariable = settings.variable("RAILWAY_DOCKERFILE_PATH"), !fromVariable.isEmpty {
            requested = Sourced(fromVariable, .variable("RAILWAY_DOCKERFILE_PATH"))
        }

        let explicit = config.builder
        if let requested, explicit == nil || explicit?.value == .dockerfile {
            let resolved = resolveDockerfile(requested.value, snapshot: snapshot, rootDirectory: rootDirectory,
                                             base: options.choice(AssumptionCatalog.dockerfilePathBase), assumptions: &assumptions)
            if let resolved, !resolved.hasPrefix(rootDirectory) {
                notes.append(.dockerfileOutsideContext(dockerfile: resolved, context: rootDirectory))
            }
            let reason: BuilderChoice.Reason = explicit.map { .configured($0.source) } ?? .dockerfilePath(requested.source)
            return BuilderChoice(kind: .dockerfile, reason: reason, buildContext: rootDirectory,
                                 dockerfileRequested: requested.value, dockerfile: resolved)
        }
        if let requested, let explicit {
            notes.append(.dockerfilePathIgnored(path: requested.value, builder: explicit.value,
                                                reason: "`builder` is \(explicit.value.rawValue.uppercased()) (\(explicit.source))"))
        }
        if snapshot.isFile(detected) {
            if let explicit, explicit.value != .dockerfile {
                notes.append(.detectedDockerfileOverridesBuilder(builder: explicit.value, source: explicit.source))
            }
            return BuilderChoice(kind: .dockerfile, reason: .detectedDockerfile, buildContext: rootDirectory,
                                 dockerfileRequested: "Dockerfile", dockerfile: detected)
        }
        if let explicit {
            if explicit.value == .dockerfile {
                return BuilderChoice(kind: .dockerfile, reason: .configured(explicit.source), buildContext: rootDirectory,
                                     dockerfileRequested: "Dockerfile", dockerfile: nil)
            }
            if explicit.value == .nixpacks { notes.append(.nixpacksDeprecated) }
            return BuilderChoice(kind: explicit.value, reason: .configured(explicit.source), buildContext: rootDirectory,
                                 dockerfileRequested: nil, dockerfile: nil)
        }
        return BuilderChoice(kind: .railpack, reason: .defaultBuilder, buildContext: rootDirectory, dockerfileRequested: nil, dockerfile: nil)
    }

    /// What `dockerfilePath` is relative to is undocumented (railwayapp/docs#960, open; PRs #1015
    /// and #1157 disagree). railsim resolves it against the root directory first and falls back to
    /// the repo root, which matches the 2026-02 build log in railway-platform.md §2 [idx:5969295909].
    static func resolveDockerfile(_ raw: String, snapshot: RepoSnapshot, rootDirectory: RepoPath, base: String? = nil,
                                  assumptions: inout [Assumption]) -> RepoPath? {
        let fromRoot = RepoPath(raw, relativeTo: rootDirectory)
        let fromRepo = RepoPath(raw)
        let value = base ?? "root-directory-then-repo-root"
        var chosen: RepoPath? = nil
        if value != "repo-root", let fromRoot, snapshot.isFile(fromRoot) {
            chosen = fromRoot
        } else if value != "root-directory", let fromRepo, snapshot.isFile(fromRepo) {
            chosen = fromRepo
        }
        if !raw.hasPrefix("/") {
            assumptions.append(Assumption(
                name: AssumptionCatalog.dockerfilePathBase,
                value: value,
                alternatives: (AssumptionCatalog.entry(AssumptionCatalog.dockerfilePathBase)?.values ?? []).filter { $0 != value },
                evidence: "Railway does not document what dockerfilePath is relative to (railwayapp/docs#960 is open; docs PRs #1015 and #1157 contradict each other); a 2026-02 build log shows a repo-root path used while the build context stayed the root directory (railway-platform.md §2). '\(raw)' resolved to \(chosen.map { "'\($0)'" } ?? "no file")."))
        }
        return chosen
    }
}
