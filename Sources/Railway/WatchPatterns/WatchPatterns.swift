import Snapshot

/// Which services a push would redeploy. Railway skips a deployment when the service has watch
/// paths and no changed file matches them (docs:content/docs/builds/build-configuration.md), and
/// a service without watch paths redeploys on any change. With watch paths, an empty commit
/// redeploys nothing (docs:content/docs/deployments/github-autodeploys.md, troubleshooting 3).
public enum WatchPatterns {
    /// One outcome per service, in the order given.
    public static func affected(services: [(name: String, patterns: [String]?)], changedFiles: [RepoPath]) -> [WatchOutcome] {
        services.map { service in
            let set = WatchPatternSet(service.patterns ?? [])
            return outcome(service: service.name, patterns: set, changedFiles: changedFiles)
        }
    }

    /// The outcome for one service's watch paths.
    public static func outcome(service: String, patterns: WatchPatternSet, changedFiles: [RepoPath]) -> WatchOutcome {
        var notes = patterns.notes
        if patterns.isEmpty {
            return WatchOutcome(service: service, redeploys: true, reason: .noWatchPatterns, triggeringFiles: changedFiles, notes: notes)
        }
        if changedFiles.isEmpty {
            return WatchOutcome(service: service, redeploys: false, reason: .emptyChange, triggeringFiles: [], notes: notes)
        }
        var triggering: [RepoPath] = []
        for file in changedFiles {
            let decision = patterns.decide(file)
            if decision.matches { triggering.append(file) }
            if decision.reincludeIgnored, let pattern = patterns.patterns.last(where: { $0.negated && $0.matches(file.components, isDirectory: false) }) {
                notes.append(.reincludeInsideMatchedDirectory(file: file.description, pattern: pattern.text))
            }
        }
        return WatchOutcome(service: service, redeploys: !triggering.isEmpty,
                            reason: triggering.isEmpty ? .noFileMatched : .filesMatched, triggeringFiles: triggering, notes: notes)
    }
}

/// Whether one service redeploys for a change, and why.
public struct WatchOutcome: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The service has no watch paths: every change redeploys it.
        case noWatchPatterns
        /// At least one changed file matches.
        case filesMatched
        /// Watch paths are set and no changed file matches: the deployment is skipped.
        case noFileMatched
        /// Watch paths are set and the commit changes no file: the deployment is skipped.
        case emptyChange
    }

    public var service: String
    public var redeploys: Bool
    public var reason: Reason
    /// The changed files that trigger the deployment (all of them without watch paths).
    public var triggeringFiles: [RepoPath]
    public var notes: [WatchPatternNote]
}
