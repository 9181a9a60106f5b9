import Snapshot

/// The `.dockerignore` rules that apply to a build context (moby/patternmatcher semantics).
/// Railpack applies the context's `.dockerignore` to what reaches /app (railpack.md §1.3
/// `plan.exclude`); a Dockerfile build prefers `<Dockerfile>.dockerignore` next to the Dockerfile
/// (BuildKit frontend/dockerui/config.go).
struct DockerIgnoreRules: Sendable {
    let matcher: DockerPatternMatcher?
    let file: RepoPath?

    static func forContext(snapshot: RepoSnapshot, context: RepoPath, dockerfile: RepoPath? = nil) -> DockerIgnoreRules {
        var candidates: [RepoPath] = []
        if let dockerfile, let parent = dockerfile.parent {
            candidates.append(parent.appending(dockerfile.name + ".dockerignore"))
        }
        candidates.append(context.appending(".dockerignore"))
        for candidate in candidates where snapshot.isFile(candidate) {
            let bytes = (try? snapshot.read(candidate)) ?? []
            let matcher = try? DockerPatternMatcher(patterns: DockerIgnoreFile.patterns(from: bytes))
            return DockerIgnoreRules(matcher: matcher, file: candidate)
        }
        return DockerIgnoreRules(matcher: nil, file: nil)
    }

    func excludes(_ relative: RepoPath) -> Bool {
        guard let matcher, !relative.isRoot else { return false }
        return matcher.isExcluded(relative.description)
    }
}
