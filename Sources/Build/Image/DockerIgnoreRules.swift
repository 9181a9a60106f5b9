import Snapshot

/// The `.dockerignore` rules that apply to a build context (moby/patternmatcher semantics).
/// Railpack applies the context's `.dockerignore` to what reaches /app (railpack.md §1.3
/// `plan.exclude`); a Dockerfile build prefers `<Dockerfile>.dockerignore` next to the Dockerfile
/// (BuildKit frontend/dockerui/config.go).
struct DockerIgnoreRules: Sendable {
    let matcher: DockerPatternMatcher?
    let file: RepoPath?
    /// What BuildKit transfers of the context under these rules; nil when nothing is excluded.
    let filter: DockerContextFilter?
    /// Why BuildKit would refuse the file (`illegal exclusion pattern`, `syntax error in pattern`); railsim
    /// then excludes nothing.
    let error: String?

    static func forContext(snapshot: RepoSnapshot, context: RepoPath, dockerfile: RepoPath? = nil,
                           walker: DockerContextFilter.Walker = .buildKit) -> DockerIgnoreRules {
        var candidates: [RepoPath] = []
        if let dockerfile, let parent = dockerfile.parent {
            candidates.append(parent.appending(dockerfile.name + ".dockerignore"))
        }
        candidates.append(context.appending(".dockerignore"))
        for candidate in candidates where snapshot.isFile(candidate) {
            let bytes = (try? snapshot.read(candidate)) ?? []
            do throws(DockerPatternMatcher.PatternError) {
                let matcher = try DockerPatternMatcher(patterns: DockerIgnoreFile.patterns(from: bytes))
                let filter = try DockerContextFilter(matcher: matcher, snapshot: snapshot, root: context, walker: walker)
                return DockerIgnoreRules(matcher: matcher, file: candidate, filter: filter, error: nil)
            } catch {
                return DockerIgnoreRules(matcher: nil, file: candidate, filter: nil, error: error.message)
            }
        }
        return DockerIgnoreRules(matcher: nil, file: nil, filter: nil, error: nil)
    }

    /// Whether `relative` (to the context root) is missing from the transferred context. The kept set is
    /// closed under ancestors, so a directory excluded by a pattern still exists when a `!` exception
    /// re-includes something below it (`docs` + `!docs/README.md` keeps `docs/README.md`).
    func excludes(_ relative: RepoPath) -> Bool {
        guard let filter, !relative.isRoot else { return false }
        return !filter.keeps(relative)
    }
}

/// The entries of a build context that survive its exclude patterns, found by walking the context the
/// way the sender does rather than by matching each path on its own: `MatchesUsingParentResults` down
/// the tree, and an excluded directory is only entered when a `!` exception could re-include something
/// inside it. Matching each path with `MatchesOrParentMatches` instead gets `["a/b", "!a"]` (keeps
/// `a/b` wrongly) and `["docs", "!docs/README.md"]` (hides `docs/README.md` when its directory is
/// checked first) wrong.
struct DockerContextFilter: Sendable {
    /// Which sender's walk to follow. The two differ only in when an excluded directory is entered.
    enum Walker: Sendable {
        /// BuildKit's context transfer (tonistiigi/fsutil filter.go `NewFilterFS` and `filterFS.Walk`),
        /// what Railway runs.
        case buildKit
        /// The docker CLI's legacy builder (moby/go-archive archive.go `Tarballer.Do`), used by the
        /// oracle test that runs the real CLI.
        case legacyCLI
    }

    /// Paths relative to the context root, never the root itself; every ancestor of a member is a member.
    let kept: Set<RepoPath>

    /// Throws the matcher's error the first time the walk tries a pattern whose regexp does not compile.
    init(matcher: DockerPatternMatcher, snapshot: RepoSnapshot, root: RepoPath, walker: Walker = .buildKit) throws(DockerPatternMatcher.PatternError) {
        let exceptions: [String]
        let enterEveryExcludedDirectory: Bool
        switch walker {
        case .buildKit:
            // fsutil filter.go NewFilterFS: exceptions are compared without a trailing `/**` or `/*`
            // (patternWithoutTrailingGlob); if any still holds one of `*[]?^\` the walk enters every
            // excluded directory (onlyPrefixExcludeExceptions = false).
            exceptions = matcher.exceptionPatterns.map(Self.withoutTrailingGlob)
            enterEveryExcludedDirectory = exceptions.contains { $0.contains { "*[]?^\\".contains($0) } }
        case .legacyCLI:
            // go-archive archive.go Tarballer.Do: the cleaned exception text as is, glob or not.
            exceptions = matcher.exceptionPatterns
            enterEveryExcludedDirectory = false
        }
        var kept = Set<RepoPath>()
        var stack: [(directory: RepoPath, info: DockerPatternMatcher.MatchInfo)] = [(.root, .none)]
        while let (directory, info) = stack.popLast() {
            for name in snapshot.children(of: root.appending(directory)) {
                let relative = directory.appending(name)
                let isDirectory = snapshot.isDirectory(root.appending(relative))
                let (excluded, childInfo) = try matcher.matchesUsingParentResults(relative.description, parent: info)
                if !excluded {
                    // fsutil filter.go Walk reports a skipped parent directory before its first kept
                    // entry (calledFn); the CLI's tar has no entry for it, but the entry below implies it.
                    var next: RepoPath? = relative
                    while let path = next, !path.isRoot, kept.insert(path).inserted { next = path.parent }
                    if isDirectory { stack.append((relative, childInfo)) }
                } else if isDirectory {
                    // fsutil filter.go Walk / go-archive Tarballer.Do: no exceptions → SkipDir; otherwise
                    // enter only if some exception + "/" starts with "<dir>/" (or always, see above).
                    let dirSlash = relative.description + "/"
                    if enterEveryExcludedDirectory || exceptions.contains(where: { ($0 + "/").hasPrefix(dirSlash) }) {
                        stack.append((relative, childInfo))
                    }
                }
            }
        }
        self.kept = kept
    }

    func keeps(_ relative: RepoPath) -> Bool { relative.isRoot || kept.contains(relative) }

    /// fsutil filter.go patternWithoutTrailingGlob: `/**` is trimmed first, then `/*`.
    static func withoutTrailingGlob(_ pattern: String) -> String {
        var p = pattern
        if p.hasSuffix("/**") { p.removeLast(3) }
        if p.hasSuffix("/*") { p.removeLast(2) }
        return p
    }
}
