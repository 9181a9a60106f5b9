import Snapshot

/// Why a path of the repository is missing from the build context: the ignore file and the line
/// that excludes it. Findings use it to explain an import failure in repository terms.
public struct ContextExclusion: Sendable, Equatable {
    public var ignoreFile: RepoPath
    public var line: Int
    public var pattern: String

    /// `nil` when `path` reaches the context (or nothing explains its absence). `dockerfile` selects
    /// `<Dockerfile>.dockerignore` the way BuildKit does (DockerIgnoreRules.forContext).
    public static func of(_ path: RepoPath, context: RepoPath, dockerfile: RepoPath?, snapshot: RepoSnapshot) -> ContextExclusion? {
        guard let relative = path.relative(to: context), !relative.isRoot else { return nil }
        let rules = DockerIgnoreRules.forContext(snapshot: snapshot, context: context, dockerfile: dockerfile)
        guard let file = rules.file, let matcher = rules.matcher, rules.excludes(relative) else { return nil }
        let bytes = (try? snapshot.read(file)) ?? []
        let patterns = DockerIgnoreFile.patterns(from: bytes)
        let lines = DockerIgnoreFile.patternLines(from: bytes)
        guard let index = matcher.lastExcludingPattern(for: relative.description), index < patterns.count, index < lines.count else { return nil }
        return ContextExclusion(ignoreFile: file, line: lines[index], pattern: patterns[index])
    }
}
